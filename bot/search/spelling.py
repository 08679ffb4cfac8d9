"""Typos that are no homophone: a character left out (工群 for 工作群), one doubled or added
(签字字), two swapped (备准 for 准备, 作工 for 工作), one mistaken for a look-alike (检杳 for
检查), or one that sounds a letter away (解撒, jie sa, for 解散, jie san).

Only stretches the analyzer could not read any other way are corrected, and only to one
known word: a stretch that could be either of two known words stays unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Set

from bot.search.glyphs import reshaped
from bot.search.pieces import Piece
from bot.search.pinyin import CJK_ONLY

AMBIGUOUS = ("", "")  # a shortened form shared by two different terms
MAX_TYPO_LENGTH = 5
SPELLING_WEIGHT = 0.6  # one character missing, added or swapped (工群, 备准): weak evidence
MIN_NEAR_COMPOUND = 3  # a word and a character heard a letter away from a known word: 工作群
SWAP_RARITY = 4  # a real word read swapped round (议会) must be this many times rarer
# A count (三趟, 两回, 五次): how often something happened, never a slip for a word it sounds
# a letter away from (三趟, san tang, is no 三方, san fang).
_COUNT = re.compile(r"[一二两三四五六七八九十几]+[次回趟遍场拨轮个张份]")


class Speller:
    """Known words (as written, with their canonical terms) and their one-typo neighbours."""

    def __init__(
        self,
        words: Iterable[tuple[str, str]],
        curated: Set[str] = frozenset(),
        frequency: Callable[[str], int] = lambda word: 0,
        real_word: Callable[[str], bool] = lambda word: False,
        sounds_near: Callable[[str], tuple[str, str] | None] = lambda text: None,
    ) -> None:
        """`words`: (as written, term); `curated`: the terms a real word may be swapped into;
        `frequency`: how common a word is; `real_word`: a word of the language, not a typo;
        `sounds_near`: the one known word a stretch sounds one letter away from."""
        self._curated = curated
        self._sounds_near = sounds_near
        self._frequency = frequency
        self._real_word = real_word
        self._words: dict[str, str] = {}
        for word, term in words:
            if len(word) >= 2 and CJK_ONLY.match(word):
                self._words.setdefault(word, term)
        # A word with one character left out -> its term (工作群 -> 工群).
        self._shortened: dict[str, tuple[str, str]] = {}
        for word, term in self._words.items():
            if len(word) < 3:
                continue
            # Only a character inside the word: without its first or last one, a compound is
            # mostly a word of its own (钉钉 is no 钉钉群 with 群 missing).
            for i in range(1, len(word) - 1):
                short = word[:i] + word[i + 1 :]
                if short in self._words:
                    continue  # 工作 is a word of its own, not 工作群 with a character missing
                known = self._shortened.setdefault(short, (word, term))
                if known[1] != term:
                    self._shortened[short] = AMBIGUOUS

    def respell(self, pieces: list[Piece]) -> list[Piece]:
        """Unknown stretches one typo away from a single known word become that word, weakly;
        so does a known word with one unknown character after it that sounds a letter away
        from a longer known word (工作 + 郡, gong zuo jun, is 工作群, gong zuo qun)."""
        out: list[Piece] = []
        for piece in pieces:
            if piece.kind == "unknown" and CJK_ONLY.match(piece.text):
                before = out[-1] if out else None
                if before and before.kind == "term" and len(piece.text) == 1:
                    joined = before.text + piece.text
                    near = self._sounds_near(joined) if CJK_ONLY.match(joined) else None
                    if near and len(near[0]) == len(joined) >= MIN_NEAR_COMPOUND:
                        out[-1] = Piece(joined, "term", near[1], SPELLING_WEIGHT)
                        continue
                    alike = self._one_word(reshaped(joined)) if len(joined) >= 3 else None
                    if alike:  # a word and a look-alike slip after it: 检查 + 纽 is 检查组
                        out[-1] = Piece(joined, "term", alike[1], SPELLING_WEIGHT)
                        continue
                fixed = self.correct(piece.text)
                if fixed:
                    piece = Piece(piece.text, "term", fixed[1], SPELLING_WEIGHT)
            out.append(piece)
        return out

    def correct(self, text: str) -> tuple[str, str] | None:
        """(word meant, its term) for a stretch with one typo, or None.

        A real word (会议室, 展开) is never shortened or lengthened, and only read swapped
        round when that gives a curated word much commoner than itself (议会 → 会议)."""
        if not 2 <= len(text) <= MAX_TYPO_LENGTH or not CJK_ONLY.match(text):
            return None
        if _COUNT.fullmatch(text):
            return None
        if self._real_word(text):
            return self._swapped(text)
        found = {
            word: self._words[word]
            for word in (*_swaps(text), *_drops(text), *reshaped(text))
            if word in self._words
        }
        if self._shortened.get(text, AMBIGUOUS) != AMBIGUOUS:
            word, term = self._shortened[text]
            found.setdefault(word, term)
        terms = set(found.values())
        if len(terms) > 1:
            return None
        return next(iter(found.items())) if terms else self._sounds_near(text)

    def _one_word(self, candidates: list[str]) -> tuple[str, str] | None:
        """The one known term among candidate spellings, or None (none, or several)."""
        found = {word: self._words[word] for word in candidates if word in self._words}
        if len(set(found.values())) != 1:
            return None
        return next(iter(found.items()))

    def _swapped(self, text: str) -> tuple[str, str] | None:
        if len(text) != 2:
            return None
        word = text[::-1]
        term = self._words.get(word)
        if term is None or term not in self._curated:
            return None
        if self._frequency(text) * SWAP_RARITY >= self._frequency(word):
            return None  # 展开 and 开展 are both everyday words: neither is a typo
        return word, term


def _swaps(text: str) -> list[str]:
    return [
        text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        for i in range(len(text) - 1)
        if text[i] != text[i + 1]
    ]


def _drops(text: str) -> list[str]:
    """Each character left out in turn, for three characters or more (签字字 -> 签字)."""
    if len(text) < 3:
        return []
    return list(dict.fromkeys(text[:i] + text[i + 1 :] for i in range(len(text))))
