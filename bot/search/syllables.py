"""Which character a lone syllable of pinyin most likely stands for.

A syllable typed alone (qi, ying, jiang) fits dozens of characters. Read as the one-character
word the facts know (勤, 迎, 降), it pulls the question toward a topic on the slightest
evidence: qi is 其 or 起 far more often than 勤. Such a reading is kept only when its
character is about as common as the commonest character spelled so (hui is 会, biao is 表).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

SHARE = 0.5  # of the commonest character's count, for a reading to stand


def toneless(reading: str) -> str:
    """hùi → hui, lǜ → lv: a dictionary reading as a keyboard spells it."""
    plain = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return "".join(c for c in plain if c.isascii())


class LoneSyllables:
    """The commonest character of each syllable, by its main reading, and its count."""

    def __init__(
        self,
        characters: Iterable[str],
        frequency: Callable[[str], int],
        is_stop: Callable[[str], bool] = lambda char: False,
    ) -> None:
        from pypinyin.pinyin_dict import pinyin_dict  # loaded on first need: it is large

        self._frequency = frequency
        self._commonest: dict[str, tuple[int, str]] = {}
        self._stops: dict[str, tuple[int, str]] = {}
        for char in characters:
            readings = pinyin_dict.get(ord(char)) if len(char) == 1 else None
            if not readings:
                continue
            syllable = toneless(readings.split(",", 1)[0])
            entry = (frequency(char), char)
            self._commonest[syllable] = max(self._commonest.get(syllable, entry), entry)
            if is_stop(char):
                self._stops[syllable] = max(self._stops.get(syllable, entry), entry)

    def likely(self, syllable: str, char: str) -> bool:
        """Whether `char` is a likely reading of the syllable typed alone."""
        return self._frequency(char) >= SHARE * self._commonest.get(syllable, (0, ""))[0]

    def spelled(self, syllable: str, stop: bool = False) -> str:
        """The character a syllable is most likely typed for (dai: 带), among stopwords when
        it is one (de: 的, ma: 吗); "" for none."""
        return (self._stops if stop else self._commonest).get(syllable, (0, ""))[1]
