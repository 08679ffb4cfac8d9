"""Leftover stretches that are no word at all, read as the common word they sound exactly like.

A keyboard's wrong candidate with the same syllables is the likeliest reason for a stretch
like 效息, 内融 or 输记 that says nothing as typed: 消息, 内容, 书记. While reading, a slip
lands on curated words only, since a word the facts merely happen to use (一记, 每个, 总支)
sounds like too much everyday Chinese (一级, 没个, 综治). Once every reading is done, though,
what is still unknown may be heard as such a word too, under strict conditions: the stretch
is no word of its own, has no stopword character in it (没各 is no 每个), sounds exactly like
the word by its usual reading, keeps one of its characters (one wrong candidate, not two:
包村 is no slip for 保存), and the word is a common one. A stretch left over never takes
characters away from a reading the first pass made. A cue is heard the same way (主册 still
asks how to 注册), and what is heard is written as meant, so cue patterns see it too.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.search.pieces import Piece
from bot.search.pinyin import CJK_ONLY, pinyin_key
from bot.search.sound import HOMOPHONE_WEIGHT, SoundTables

NO_WORD_FREQ = 3  # jieba counts at most this: the typed stretch is no word of its own
COMMON_TERM_FREQ = 500  # the word slipped for must be common enough to be typed
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

    def heard(self, typed: str) -> Piece | None:
        """What `typed` is a slip for: a term (weakly) or a cue, as a piece; or None."""
        if len(typed) < 2 or self._frequency(typed) > NO_WORD_FREQ:
            return None
        if any(self._is_stop(ch) for ch in typed):
            return None
        row = self._tables[0].get(pinyin_key(typed, fuzzy=False))
        if row is None or not row[3] or len(row[0]) != len(typed):
            return None  # only a word's usual reading, exactly: no rare or folded one
        word, term, role, _ = row
        if not set(word) & set(typed) or self._frequency(word) < COMMON_TERM_FREQ:
            return None  # 包村 is no slip for 保存: one wrong candidate keeps the other character
        if role == "cue":  # 补帖 for 补贴 still asks what no measure answers
            return Piece(typed, "cue", whole=False, written=word)
        if role != "term" or not term:
            return None
        # Written as heard, so cue patterns see the word meant (怎么抱销 asks 怎么报销).
        return Piece(typed, "term", term, HOMOPHONE_WEIGHT, False, word)

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
                word = self.heard(text[start : start + size])
                if word is None:
                    continue
                left, right = text[:start], text[start + size :]
                rest = self._split(right) if len(right) >= 2 else None
                return [
                    *([Piece(left, "unknown", whole=False)] if left else []),
                    word,
                    *(rest or ([Piece(right, "unknown", whole=False)] if right else [])),
                ]
        return None
