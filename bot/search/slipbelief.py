"""Leftover stretches that are no word at all, read as the common word they sound exactly like.

A keyboard's wrong candidate with the same syllables is the likeliest reason for a stretch
like 效息, 内融 or 查间 that says nothing as typed: 消息, 内容, 检查. While reading, a slip
lands on curated words only, since a word the facts merely happen to use (一记, 每个, 总支)
sounds like too much everyday Chinese (一级, 没个, 综治). Once every reading is done, though,
what is still unknown may be heard as such a word too, under strict conditions: the stretch
is no word of its own, has no stopword character in it (没各 is no 每个), sounds exactly like
the word by its usual reading, and the word is a common one. A stretch left over never takes
characters away from a reading the first pass made.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.search.pieces import Piece
from bot.search.pinyin import CJK_ONLY
from bot.search.sound import HOMOPHONE_WEIGHT, USUAL_READING, SoundTables, Unit, hear

NO_WORD_FREQ = 3  # jieba counts at most this: the typed stretch is no word of its own
COMMON_TERM_FREQ = 500  # a slipped-for word the facts use must be common enough to be typed
LONGEST = 4  # characters of a word heard inside a leftover stretch


class LeftoverHearing:
    """Hears common words the facts use inside a question's leftover unknown stretches."""

    def __init__(
        self,
        tables: SoundTables,
        frequency: Callable[[str], int],
        is_stop: Callable[[str], bool],
    ) -> None:
        self._tables = tables
        self._frequency = frequency
        self._is_stop = is_stop

    def heard(self, typed: str) -> str | None:
        """The term `typed` is a slip for, or None."""
        if len(typed) < 2 or self._frequency(typed) > NO_WORD_FREQ:
            return None
        if any(self._is_stop(ch) for ch in typed):
            return None
        found = hear(self._tables, [Unit(ch, False) for ch in typed], allow_fuzzy=False)
        if found is None or found[1] < USUAL_READING:
            return None
        word, term = found[0].word, found[0].term
        if found[0].role != "term" or not term or len(word) != len(typed):
            return None
        return term if self._frequency(word) >= COMMON_TERM_FREQ else None

    def mend(self, pieces: list[Piece]) -> list[Piece]:
        """Each unknown stretch of characters with a word heard in it, split around the word."""
        out: list[Piece] = []
        for piece in pieces:
            if (
                piece.kind != "unknown"
                or not CJK_ONLY.match(piece.text)
                or self._frequency(piece.text) > NO_WORD_FREQ  # 会议室 is a subject of its own
            ):
                out.append(piece)
                continue
            out.extend(self._split(piece.text) or [piece])
        return out

    def _split(self, text: str) -> list[Piece] | None:
        """text as unknown + word heard + unknown, the longest and leftmost word first."""
        for size in range(min(LONGEST, len(text)), 1, -1):
            for start in range(len(text) - size + 1):
                term = self.heard(text[start : start + size])
                if term is None:
                    continue
                left, right = text[:start], text[start + size :]
                word = Piece(text[start : start + size], "term", term, HOMOPHONE_WEIGHT, False)
                rest = self._split(right) if len(right) >= 2 else None
                return [
                    *([Piece(left, "unknown", whole=False)] if left else []),
                    word,
                    *(rest or ([Piece(right, "unknown", whole=False)] if right else [])),
                ]
        return None
