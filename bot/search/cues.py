"""Cue patterns: question forms, not single words, that ask for what no measure answers.

A cue list (responses/intent_cues.txt) holds words and, beside them, patterns:

- `怎么|咋|如何…设置|撤回` — one of the first words, then within a few characters of the same
  clause one of the second: a question of how to operate something (群里的消息怎么撤回);
- `~在哪个` — a phrase found anywhere in the question, however jieba cuts it (在哪个窗口办).

A pattern asks about the form of the question, so 会太多怎么办 or 能不能少开会 stay clean:
only the pairs listed count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

GAP = 6  # characters allowed between the parts of a pattern, none of them punctuation or blank
_GAP_CHARS = rf"[^\s、，,;；。.?？!！:：]{{0,{GAP}}}?"
PHRASE_MARK = "~"
GAP_MARK = "…"


def is_pattern(entry: str) -> bool:
    return entry.startswith(PHRASE_MARK) or GAP_MARK in entry


@dataclass(frozen=True)
class CuePattern:
    text: str  # as written in the list
    regex: re.Pattern[str]
    words: tuple[str, ...] = ()  # every word of every part


def compile_pattern(entry: str) -> CuePattern:
    """A list entry as a regular expression over normalised question text."""
    body = entry.removeprefix(PHRASE_MARK)
    parts = []
    every: list[str] = []
    for part in body.split(GAP_MARK):
        words = [w.strip() for w in part.split("|") if w.strip()]
        if not words:
            raise ValueError(f"cue pattern {entry!r} has an empty part")
        parts.append("(?:" + "|".join(re.escape(w) for w in words) + ")")
        every += words
    return CuePattern(entry, re.compile(_GAP_CHARS.join(parts)), tuple(every))


def split_cues(entries: Iterable[str]) -> tuple[frozenset[str], tuple[CuePattern, ...]]:
    """(plain cue words, compiled patterns) of a cue list."""
    entries = sorted(set(entries))
    words = frozenset(e for e in entries if not is_pattern(e))
    patterns = tuple(compile_pattern(e) for e in entries if is_pattern(e))
    return words, patterns


def pattern_problem(entry: str) -> str | None:
    """Why a list entry cannot be used as a pattern, or None."""
    if not is_pattern(entry):
        return None
    try:
        compile_pattern(entry)
    except ValueError as err:
        return str(err)
    return None


def found_patterns(patterns: Iterable[CuePattern], normalized: str) -> tuple[str, ...]:
    """The stretches of a question that patterns find (怎么设置, 在哪个), one per pattern."""
    found = (p.regex.search(normalized) for p in patterns)
    return tuple(m.group(0) for m in found if m)
