"""Cue patterns: question forms, not single words, that ask for what no measure answers.

A cue list (responses/intent_cues.txt) holds words and, beside them, patterns:

- `怎么|咋|如何…设置|撤回` — one of the first words, then within a few characters of the same
  clause one of the second: a question of how to operate something (群里的消息怎么撤回);
- `~在哪个` — a phrase found anywhere in the question, however jieba cuts it (在哪个窗口办);
- `怎么|咋 + ?` — an ask slot: words next to each other, one of them a kind of word, read
  over the question's words (askslots.py).

A pattern asks about the form of the question, so 会太多怎么办 or 能不能少开会 stay clean:
only the pairs listed count, and a slot only fires on a word the knowledge base lacks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from bot.search.askslots import AskSlot, alternatives, compile_slot, is_slot

GAP = 6  # characters allowed between the parts of a pattern, none of them punctuation or blank
_APART = r"\s、，,;；。.?？!！:："  # what the gap may not hold: a match never spans one
_GAP_CHARS = rf"[^{_APART}]{{0,{GAP}}}?"
# The stretches of a question between those characters (its clauses, as normalised).
_STRETCH = re.compile(rf"[^{_APART}]+")
_HOLDS_APART = re.compile(rf"[{_APART}]")
STRETCHES_KEPT = 4096  # stretches' matches kept, by pattern list
PHRASE_MARK = "~"
GAP_MARK = "…"


def is_pattern(entry: str) -> bool:
    return entry.startswith(PHRASE_MARK) or GAP_MARK in entry or is_slot(entry)


@dataclass(frozen=True)
class CuePattern:
    text: str  # as written in the list
    regex: re.Pattern[str]
    words: tuple[str, ...] = ()  # every word of every part
    # First characters of the first part's words: a text holding none cannot match, so its
    # regular expression need not run. Empty: always run it.
    starts: frozenset[str] = frozenset()
    # The last part's words: a match ends in one of them, so a text holding none cannot match
    # and the expression need not run (怎么 is in many questions, 设置 or 撤回 in few).
    ends: tuple[str, ...] = ()
    # A gap pattern's parts are words (周一…还是): each is a group of the expression, so that
    # a part lying inside a word of the question's cut (周一 in 一周一表) is not taken for it.
    # A phrase (~几个人) is found however the question is cut, as its mark says.
    of_words: bool = False


@dataclass(frozen=True)
class Cues:
    words: frozenset[str]
    patterns: tuple[CuePattern, ...]
    slots: tuple[AskSlot, ...]


def compile_pattern(entry: str) -> CuePattern:
    """A list entry as a regular expression over normalised question text."""
    body = entry.removeprefix(PHRASE_MARK)
    of_words = not entry.startswith(PHRASE_MARK)
    group = "(" if of_words else "(?:"
    parts = []
    every: list[str] = []
    starts: frozenset[str] | None = None
    words: list[str] = []
    for part in body.split(GAP_MARK):
        words = alternatives(part)
        if not words:
            raise ValueError(f"cue pattern {entry!r} has an empty part")
        parts.append(group + "|".join(re.escape(w) for w in words) + ")")
        every += words
        starts = frozenset(w[0] for w in words) if starts is None else starts
    regex = re.compile(_GAP_CHARS.join(parts))
    return CuePattern(
        entry, regex, tuple(every), starts or frozenset(), tuple(words), of_words=of_words
    )


def split_cues(entries: Iterable[str]) -> Cues:
    """A cue list as plain cue words, text patterns and ask slots."""
    entries = sorted(set(entries))
    return Cues(
        frozenset(e for e in entries if not is_pattern(e)),
        tuple(compile_pattern(e) for e in entries if is_pattern(e) and not is_slot(e)),
        tuple(compile_slot(e) for e in entries if is_slot(e)),
    )


# 几 after these counts, it does not ask: 好几个人 (several), 那几个人 (those few), 就几个人 or
# 只有几个人 (plain meaning: only a few; 我们乡里就几个人 in dev-request3).
_FEW = ("好", "那", "这", "就", "才", "只", "只有", "仅", "仅有")
# What a form said before these (吃饭的时候, 趁吃饭的功夫) tells when the rest happens, not
# what is asked (plain meaning; dev-problems5, dev-chatty5).
_WHILE = ("的时候", "时候", "的功夫", "的工夫")
# 一周几天, 每星期几次, 一个礼拜几张表: how often a week, not which day of it.
_PER_WEEK = re.compile(r"(?:[一每]|[一每]个)$")
_WEEKDAY = ("周几", "星期几", "礼拜几")


def _asks(match: re.Match[str], normalized: str) -> bool:
    """好几个人 says "several people": after 好, 几 counts, it does not ask how many; after 那
    or 这 it points at a few already named (参会的全是那几个人); after 就 or 只有 it says how
    few (乡里就几个人); nor does 一周几天 ask which day, nor 吃饭的时候 ask for a meal."""
    text, before = match.group(0), normalized[: match.start()]
    if text.startswith("几") and before.endswith(_FEW):
        return False
    if before.endswith("趁") or normalized.startswith(_WHILE, match.end()):
        return False  # 吃饭的时候也得翻群, 趁吃饭的功夫问一句: when the rest happens
    return not (text.startswith(_WEEKDAY) and _PER_WEEK.search(before))


class PatternsByStart:
    """A pattern list looked up by the characters its patterns can start with.

    Why: every question is searched with every pattern list, hundreds of patterns, and testing
    each pattern's start characters against the question cost more than the searches that
    follow; a question's own characters name the few patterns that can match it."""

    def __init__(
        self, patterns: Iterable[CuePattern], cut: Callable[[str], Sequence[str]] | None = None
    ) -> None:
        self.patterns = tuple(patterns)
        self.cut = cut  # the question's words as the analyzer cuts them; None: not looked at
        self._anywhere = frozenset(n for n, p in enumerate(self.patterns) if not p.starts)
        by_start: dict[str, list[int]] = {}
        for n, pattern in enumerate(self.patterns):
            for char in pattern.starts:
                by_start.setdefault(char, []).append(n)
        self._by_start = {char: frozenset(ns) for char, ns in by_start.items()}
        self._start_chars = frozenset(self._by_start)
        # A match lies within one stretch of the question when no pattern's word holds a
        # character the gap may not: each stretch is then searched once, whether read in its
        # whole question or alone as a clause (会太多 表也多, then 表也多), and kept.
        self._by_stretch = not any(_HOLDS_APART.search(w) for p in self.patterns for w in p.words)
        # A dict, not functools.lru_cache: a hit by get took 0.24 µs against lru_cache's 0.27,
        # a miss 2.4 against 2.7 (paired timeit), and a full one is cleared at once.
        self._stretches: dict[str, tuple[tuple[int, str], ...]] = {}

    def found(self, normalized: str) -> tuple[str, ...]:
        """found_patterns over these patterns: each pattern's first match that asks."""
        if not self._by_stretch:
            return tuple(text for _, text in _first_matches(self, normalized, self.cut))
        stretches = _STRETCH.findall(normalized)
        if len(stretches) == 1:
            return tuple(text for _, text in self._in_stretch(stretches[0]))
        # Each pattern's first match in the question is its match in the first stretch that
        # holds one (what _asks reads before a match ends at the stretch's start either way).
        firsts: dict[int, str] = {}
        for stretch in stretches:
            for n, text in self._in_stretch(stretch):
                firsts.setdefault(n, text)
        return tuple(firsts[n] for n in sorted(firsts))

    def _in_stretch(self, stretch: str) -> tuple[tuple[int, str], ...]:
        found = self._stretches.get(stretch)
        if found is None:
            if len(self._stretches) >= STRETCHES_KEPT:
                self._stretches.clear()
            found = self._stretches[stretch] = tuple(_first_matches(self, stretch, self.cut))
        return found

    def forget(self) -> None:
        """Drop the matches kept: a word added to the analyzer may cut a stretch anew."""
        self._stretches.clear()

    def possible(self, normalized: str) -> list[CuePattern]:
        """The patterns whose start characters the text holds, in list order."""
        return [self.patterns[n] for n in self.possible_places(normalized)]

    def possible_places(self, normalized: str) -> list[int]:
        """Where in the list those patterns stand, in order."""
        # The start characters the text holds, by one intersection: most of its characters
        # start no pattern, and looking each up cost a third more (paired timeit).
        held = self._start_chars.intersection(normalized)
        return sorted(self._anywhere.union(*[self._by_start[char] for char in held]))

    @cached_property
    def phrases(self) -> PatternsByStart:
        """The phrase patterns alone (~老婆), in list order."""
        return PatternsByStart(
            (p for p in self.patterns if p.text.startswith(PHRASE_MARK)), self.cut
        )


def found_patterns(
    patterns: Iterable[CuePattern] | PatternsByStart, normalized: str
) -> tuple[str, ...]:
    """The stretches of a question that patterns find (怎么设置, 在哪个), one per pattern."""
    if isinstance(patterns, PatternsByStart):
        return patterns.found(normalized)
    return tuple(text for _, text in _first_matches(patterns, normalized))


def _first_matches(
    patterns: Iterable[CuePattern] | PatternsByStart,
    normalized: str,
    cut: Callable[[str], Sequence[str]] | None = None,
) -> Iterator[tuple[int, str]]:
    """Each pattern's first match that asks, with the pattern's place in the list; with the
    question's `cut`, none whose part lies inside a word of it."""
    if isinstance(patterns, PatternsByStart):
        # their start characters are in the text
        possible = [(n, patterns.patterns[n]) for n in patterns.possible_places(normalized)]
    else:
        chars = frozenset(normalized)
        possible = [
            (n, p) for n, p in enumerate(patterns) if not (p.starts and p.starts.isdisjoint(chars))
        ]
    word_ends: list[int] | None = None
    for n, p in possible:
        if p.ends and not _holds_one(normalized, p.ends):
            continue
        # The first match finditer would give, found without a generator per pattern: most
        # patterns match nowhere, and the generators cost more than the searches.
        match = p.regex.search(normalized)
        if match is None:
            continue
        if cut is not None and p.of_words and word_ends is None:
            word_ends = _word_ends(cut(normalized))  # cut once, only where a pattern matched
        ends = word_ends if p.of_words else None
        if not _holds(match, normalized, ends):
            # 好几个人, 一周一表还是: a later match may ask
            match = next(
                (m for m in p.regex.finditer(normalized) if _holds(m, normalized, ends)),
                None,
            )
        if match is not None:
            yield n, match.group(0)


def _holds(match: re.Match[str], normalized: str, word_ends: list[int] | None) -> bool:
    """The match asks, and (given where the cut's words end) none of its parts lies inside a
    word."""
    return _asks(match, normalized) and not (
        word_ends is not None and _part_inside_a_word(match, word_ends)
    )


def _word_ends(words: Sequence[str]) -> list[int]:
    """Where the words of a cut start and end in its text, in order (a cut dropping some of
    its text is not trusted: every place then counts as a word's end)."""
    ends = [0]
    for word in words:
        ends.append(ends[-1] + len(word))
    return ends


def _part_inside_a_word(match: re.Match[str], word_ends: list[int]) -> bool:
    """A part of two characters or more starting and ending within one word of the cut,
    neither at its start nor at its end (周一 in 一周一表, 还是: plain meaning, a word inside
    another word is not that word). A part across two words stays (会扣/多少 holds 扣多少: the
    cut errs there), and so does one character (开 in 几点开始: a verb's stem)."""
    for group in range(1, (match.re.groups or 0) + 1):
        start, end = match.span(group)
        if end - start < 2:
            continue
        nearest = bisect_left(word_ends, start)  # the first end at or after the part's start
        if nearest == len(word_ends) or word_ends[nearest] > end:
            return True
    return False


def _holds_one(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `words` (a loop: most patterns are ruled out here, and a
    generator per pattern would cost more than the test)."""
    for word in words:  # noqa: SIM110 (any() makes a generator: the cost avoided here)
        if word in text:
            return True
    return False


def pattern_words(patterns: Iterable[CuePattern]) -> list[str]:
    """Every word the patterns are made of (设置, 撤回, 在哪个), in list order."""
    words: dict[str, None] = {}
    for pattern in patterns:
        for part in pattern.text.removeprefix(PHRASE_MARK).split(GAP_MARK):
            words.update((w.strip(), None) for w in part.split("|") if w.strip())
    return list(words)
