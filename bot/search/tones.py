"""Tone numbers typed after pinyin (hui4yi4 tai4 duo1) pick among words that sound alike.

The question is read without its tone numbers (normalize.py), as if typed toneless; the tones
are kept aside here, by the word typed, for the reading by sound: a syllable typed with its tone
is heard only as a character that may carry that tone. tong1zhi1 is 通知, never 同志 (tong2
zhi4); san1shi2 fen1zhong1 is no 上司 (shang4 si1) 分钟. Toneless syllables, the neutral tone
(5) and 一, 不 (whose tone changes with the next syllable: yi2ge4, bu2yao4) agree with any tone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from contextvars import ContextVar, Token
from functools import lru_cache, wraps
from typing import TypeVar

from bot.search.normalize import TONE_DIGIT, without_tone_numbers
from bot.search.pinyin import split_pinyin

# word typed, toneless (shashihou) -> its syllables, each with its tone (0: none typed)
ToneMap = tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
NO_TONES: ToneMap = ()
# A Latin word with at least one tone number in it (sha2shi2hou4, zen3me).
_TONED_WORD = re.compile(r"[a-z]+[1-5](?:[a-z]+[1-5]?)*(?![0-9])")
_SEGMENT = re.compile(r"([a-z]+)([1-5]?)")  # zen3 | me: letters, then the tone of the last
_ANY_TONE = frozenset("一不")  # tone sandhi: yi1, yi2, yi4; bu4, bu2
S = TypeVar("S")
R = TypeVar("R")
_TYPED: ContextVar[ToneMap] = ContextVar("typed_tones", default=NO_TONES)


def typed_tones(question: str) -> ToneMap:
    """The tones typed in a question, by word as it reads without them (sha2shi2hou4 →
    shashihou: sha 2, shi 2, hou 4); empty when it carries no tone numbers."""
    if TONE_DIGIT.search(question) is None:  # no 1 to 5 at all (most questions)
        return NO_TONES
    found: dict[str, tuple[tuple[str, int], ...]] = {}
    for word in _TONED_WORD.findall(question.lower()):
        syllables: list[tuple[str, int]] = []
        for letters, tone in _SEGMENT.findall(word):
            split = split_pinyin(letters)
            if not split:
                break  # not pinyin: its tones say nothing
            syllables += [(s, 0) for s in split[:-1]]
            syllables.append((split[-1], int(tone or 0)))
        else:
            found["".join(s for s, _ in syllables)] = tuple(syllables)
    return tuple(sorted(found.items()))


class tones_typed:  # named as the function it replaced: with tones_typed(tones)
    """While a question is read: the tones it was typed with. A class, not a generator made
    a context manager: every reading of every text enters one, and the generator cost more."""

    def __init__(self, tones: ToneMap) -> None:
        self._tones = tones
        self._token: Token[ToneMap] | None = None

    def __enter__(self) -> None:
        self._token = _TYPED.set(self._tones)

    def __exit__(self, *_: object) -> None:
        if self._token is not None:
            _TYPED.reset(self._token)


def read_with_tones(read: Callable[[S, str], R]) -> Callable[[S, str], R]:
    """A method reading a question, made to read it without its tone numbers, the tones kept
    aside while it reads (yi2ge4 is 一个 typed with tones, not 2 个)."""

    @wraps(read)
    def reading(self: S, question: str) -> R:
        with tones_typed(typed_tones(question)):
            return read(self, without_tone_numbers(question))

    return reading


def current_tones() -> ToneMap:
    """The tones of the question being read (empty outside `tones_typed`)."""
    return _TYPED.get()


def tones_of(token: str, syllables: Sequence[str], tones: ToneMap) -> tuple[int, ...]:
    """The tone typed on each syllable of a Latin token (0 where none was), or all 0 when the
    token was typed without tones or is split otherwise than it was typed."""
    for word, toned in tones:
        if word == token and tuple(s for s, _ in toned) == tuple(syllables):
            return tuple(tone for _, tone in toned)
    return (0,) * len(syllables)


def tones_agree(word: str, tones: Sequence[int]) -> bool:
    """Whether a word may be read with the tones typed for its characters (0: any tone):
    tong1zhi1 is no 同志 (tong2 zhi4), hui2 no 会 (hui4)."""
    if len(word) != len(tones):
        return True  # not one syllable a character: nothing to compare
    return all(not tone or _may_carry(ch, tone) for ch, tone in zip(word, tones, strict=True))


@lru_cache(maxsize=8192)
def _may_carry(char: str, tone: int) -> bool:
    """Whether a character has a reading in that tone (长: chang2 and zhang3), or the neutral
    tone, or changes tone with its neighbour (一, 不)."""
    if char in _ANY_TONE:
        return True
    from pypinyin import Style, pinyin  # imported on first use: it costs 0.3 s at start-up

    readings = pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)
    marks = {reading[-1] for reading in readings[0]} if readings else set()
    if not marks or not all(mark.isdigit() for mark in marks):
        return True  # no reading known: no evidence against it
    return str(tone) in marks or "5" in marks
