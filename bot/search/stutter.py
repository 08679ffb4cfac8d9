"""A character typed twice by a slip of the thumb: 严严格 is 严格, 工工作群 is 工作群.

A phone keyboard repeats a character when a candidate is tapped twice. The doubled character
then sits beside its word as a stray one-character word (记 of 书记记是谁), which either says
nothing the facts know or pulls in another reading (要不要严 as an ask). One copy is dropped
when the pair is no word of its own (天天, 看看, 区区 are) and the character makes a word on one
side only: 建国国书记 keeps both (建国, 国书), and so does a pair beside no word at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable

DOUBLED = re.compile(r"([\u4e00-\u9fff])\1")
LONGEST = 4  # characters of a word looked for on either side of the pair
WORD_FREQ = 20  # rarer entries are fragments (开有), no word the character belongs to


class Stutter:
    """Undoes characters typed twice, by a test of what is a word."""

    def __init__(self, frequency: Callable[[str], int], known: Callable[[str], bool]) -> None:
        """`frequency`: a word's count in general Chinese; `known`: a word the facts use or
        a listed synonym (群主, 减负 may be rare in the dictionary)."""
        self._frequency = frequency
        self._known = known

    def _is_word(self, text: str) -> bool:
        return self._frequency(text) >= WORD_FREQ or self._known(text)

    def __call__(self, text: str) -> str:
        if DOUBLED.search(text) is None:  # the usual case: nothing to look at
            return text
        out = text
        for found in reversed(list(DOUBLED.finditer(text))):
            at = found.start()
            if self._slip(out, at):
                out = out[:at] + out[at + 1 :]
        return out

    def _slip(self, text: str, at: int) -> bool:
        """Whether text[at] and text[at + 1], the same character, are one typed twice."""
        if text[at] != text[at + 1] or self._is_word(text[at : at + 2]):
            return False
        if at + 2 < len(text) and text[at + 2] == text[at]:
            return False  # three in a row is meant (太太太多), or too odd to guess at
        left = any(self._is_word(text[at - n : at + 1]) for n in range(1, min(LONGEST, at + 1)))
        right = any(
            self._is_word(text[at + 1 : at + 2 + n])
            for n in range(1, min(LONGEST, len(text) - at - 1))
        )
        return left != right  # one copy belongs to a word, the other to none
