"""Places the facts never name, said bare: 保定那边开会多不多, 义乌的群精简了吗, 延边会议记录
还查吗. The article tells nothing of them, so a question about what they did asks for what no
fact holds.

jieba tags few such names as places (保定 is a verb to it, 义乌 a proper noun of no kind), so
they come from a curated list (`responses/place_names.txt`). A listed name counts only where it
is asked about: where the question opens with it, or before 那边, 这边, 那里, 那个 or 的; and
only as a whole word of the question (确保定期 holds no 保定), never as the asker's own place (我
们保定这边, 我在义乌) and never when the facts name it or tell of it (宜春 holds 樟树).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import accumulate

from bot.search.naming import PROVINCES

# Words after a place that ask about it: 那边, 这边, 那里, 这里, 那儿, 那块, 那个 (乡), 的.
_ASKED_AFTER = ("那边", "这边", "那里", "这里", "那儿", "这儿", "那块", "那个", "那的", "的")
# A level word may follow the bare name before them (保定市那边); the opening is read elsewhere.
_LEVEL = re.compile(r"(?:市|地区|州|县|区|盟)?")
# The asker's own place: 我们保定这边, 咱义乌的, 我是保定的, 我在义乌, 来自保定.
_OWN_BEFORE = re.compile(r"(?:[我咱俺]们?(?:是|在|这|那|老家)?|在|来自|本地|老家)$")
# Words a question may open with before the place it asks about.
_OPENERS = re.compile(r"^(?:请问|问一下|问下|想问一下|想问|听说|那个|请教一下|请教|他们|她们)*")
# A province opening the question, the place asked about right after it (新疆阿勒泰, 河北省唐山
# 那边): the province only says where that place lies. 新疆 alone would answer with 昌吉's facts.
_PROVINCE_FIRST = re.compile(rf"(?:{'|'.join(PROVINCES)})(?:省|\w{{0,4}}自治区)?")


class BarePlaces:
    """The listed places of a question that the facts do not name: those asked about
    (strangers), and the others (the asker's own, 我们保定这边), which ask nothing."""

    def __init__(
        self,
        names: Iterable[str],
        known: Callable[[str], bool],
        cut: Callable[[str], list[str]] | None,
    ) -> None:
        """`names`: the curated place names; `known(name)`: whether the facts name or tell of
        it, asked only of a name a question holds; `cut`: the segmenter, for whole words."""
        self._names = frozenset(n for n in names if len(n) >= 2)
        self._lengths: dict[str, list[int]] = {}
        for name in sorted(self._names, key=len, reverse=True):
            lengths = self._lengths.setdefault(name[0], [])
            if len(name) not in lengths:
                lengths.append(len(name))
        self._known = known
        self._known_seen: dict[str, bool] = {}
        self._cut = cut
        # The last text read and what it said: a question is read for strangers and then for
        # the asker's own place (aside), mostly the very same text (会太多 holds no blank).
        self._last: tuple[str, tuple[tuple[str, int, bool], ...]] = ("", ())

    def __call__(self, text: str) -> list[str]:
        """The places asked about in `text` (normalised, without spaces)."""
        return [name for name, _, asked in self._said(text) if asked]

    def aside(self, text: str) -> str:
        """`text` without the listed places it names but asks nothing of (我们保定这边会太多,
        我在绵阳乡下): the asker's own place is no word of the question."""
        for name, start, asked in reversed(self._said(text)):
            if not asked:
                text = text[:start] + text[start + len(name) :]
        return text

    def _said(self, text: str) -> tuple[tuple[str, int, bool], ...]:
        """Each listed, unknown place standing as a word: name, start, whether it is asked of."""
        last = self._last  # one read of the pair, so another thread's text never mixes in
        if last[0] == text:
            return last[1]
        said = self._said_afresh(text)
        self._last = (text, said)
        return said

    def _said_afresh(self, text: str) -> tuple[tuple[str, int, bool], ...]:
        said: list[tuple[str, int, bool]] = []
        opener = _OPENERS.match(text)
        opening = opener.end() if opener else 0
        start = 0
        ends: set[int] | None = None
        while start < len(text):
            name = self._name_at(text, start)
            if name is None:
                start += 1
                continue
            end = start + len(name)
            level = _LEVEL.match(text, end)  # 保定市那边
            named_end = level.end() if level else end
            if ends is None:
                ends = self._word_ends(text)
            if start in ends and (end in ends or named_end in ends) and not self._is_known(name):
                asked = (
                    start == opening
                    or text.startswith(_ASKED_AFTER, named_end)
                    or _PROVINCE_FIRST.fullmatch(text, opening, start) is not None
                )
                said.append((name, start, asked and not _OWN_BEFORE.search(text[:start])))
            start = end
        return tuple(said)

    def _is_known(self, name: str) -> bool:
        if name not in self._known_seen:
            self._known_seen[name] = self._known(name)
        return self._known_seen[name]

    def _name_at(self, text: str, start: int) -> str | None:
        for length in self._lengths.get(text[start], ()):
            if text[start : start + length] in self._names:
                return text[start : start + length]
        return None

    def _word_ends(self, text: str) -> set[int]:
        """Where the segmenter's words start and end; without one, everywhere."""
        if self._cut is None:
            return set(range(len(text) + 1))
        return {0, *accumulate(len(token) for token in self._cut(text))}
