"""Ask slots: words next to each other, one of them a kind of word, that ask for what no
measure answers (a cue list's entries with `+`; the lists and their text patterns: cues.py).

`怎么|咋 + ?` is one of the words, then as the very next word one the knowledge base does not
know (开会的通知怎么拟, 工作群被踢了). `*` is any one word it does know (被 + * + ?: 被领导看到
了); a stopword is only itself (被说 is no 被 + *). A slot may start with `?` (? + 还是: 蓝笔还是
黑笔) but must name some words. What is asked is then nothing the facts speak of, however many
of their words set the scene. A slot reads the question's words as the analyzer cut them, where
a text pattern reads its characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

SLOT_MARK = "+"
UNKNOWN_WORD = "?"  # in a slot: a word the knowledge base does not know
KNOWN_WORD = "*"  # in a slot: any one word it does know


def is_slot(entry: str) -> bool:
    return SLOT_MARK in entry


def alternatives(part: str) -> list[str]:
    """The words of one part of a list entry (怎么|咋), as slots and text patterns write them."""
    return [w.strip() for w in part.split("|") if w.strip()]


@dataclass(frozen=True)
class AskSlot:
    """`怎么|咋 + ?`: words next to each other, each part words or a kind of word."""

    text: str  # as written in the list
    parts: tuple[str, ...]  # each UNKNOWN_WORD, KNOWN_WORD, or "|"-joined words

    @cached_property
    def choices(self) -> tuple[str | frozenset[str], ...]:
        """The parts as matched: a kind of word kept as is, words as a set, split once."""
        return tuple(
            p if p in (UNKNOWN_WORD, KNOWN_WORD) else frozenset(p.split("|")) for p in self.parts
        )

    @cached_property
    def named(self) -> tuple[frozenset[str], ...]:
        """The parts that name words: a question lacking the words of one of them cannot
        fill the slot (? + 还是 needs 还是 somewhere), wherever it would start."""
        return tuple(c for c in self.choices if isinstance(c, frozenset))


class Word(NamedTuple):
    """A word of a question as the analyzer read it, for ask slots (a named tuple: one is
    made for every word of every reading, and a frozen dataclass is slow to make)."""

    text: str
    kind: str  # "term" (known), "stop", "unknown", "cue", or "break" (punctuation)


def compile_slot(entry: str) -> AskSlot:
    parts = []
    for part in entry.split(SLOT_MARK):
        words = alternatives(part)
        if not words:
            raise ValueError(f"ask slot {entry!r} has an empty part")
        parts.append("|".join(words))
    if len(parts) < 2 or all(p in (UNKNOWN_WORD, KNOWN_WORD) for p in parts):
        raise ValueError(f"ask slot {entry!r} must name words and what stands beside them")
    return AskSlot(entry, tuple(parts))


def found_slots(
    slots: Iterable[AskSlot], words: Sequence[Word], exempt: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """The stretches of a question that ask slots find (怎么拟, 被踢), one per slot.

    `exempt`: words that ask for a measure even when the knowledge base lacks them (怎么治)."""
    found = []
    texts = frozenset(w.text for w in words)
    for slot in slots:
        if _lacks_a_part(slot.named, texts):
            continue  # 怎么 + ? in 会太多: none of a part's words is here, no walk at all
        first = slot.choices[0]
        named_first = isinstance(first, frozenset)
        for start, word in enumerate(words):
            if named_first and word.text not in first:
                continue  # its first words are not here: no need to walk the slot
            end = _slot_end(slot.choices, words, start, exempt)
            if end is not None:
                found.append("".join(w.text for w in words[start:end]))
                break
    return tuple(found)


def may_fill_a_slot(slots: Iterable[AskSlot], texts: frozenset[str]) -> bool:
    """Whether some slot finds each of its named parts' words among `texts` (a question's
    words): found_slots walks only such slots, so without one it finds nothing (会太多)."""
    for slot in slots:  # noqa: SIM110 (any() makes a generator: the cost avoided here)
        if not _lacks_a_part(slot.named, texts):
            return True
    return False


def _lacks_a_part(named: tuple[frozenset[str], ...], texts: frozenset[str]) -> bool:
    """Whether one of a slot's named parts has none of its words among `texts` (a loop:
    a generator per slot would cost more than the test)."""
    for words in named:  # noqa: SIM110 (any() makes a generator: the cost avoided here)
        if words.isdisjoint(texts):
            return True
    return False


def _slot_end(
    parts: Sequence[str | frozenset[str]], words: Sequence[Word], at: int, exempt: frozenset[str]
) -> int | None:
    """Where a slot ends when it matches from `at`, else None."""
    for part in parts:
        if at >= len(words):
            return None
        word = words[at]
        if part == UNKNOWN_WORD:
            fits = word.kind == "unknown" and word.text not in exempt
        elif part == KNOWN_WORD:
            fits = word.kind == "term"
        else:
            fits = word.kind != "break" and word.text in part
        if not fits:
            return None
        at += 1
    return at
