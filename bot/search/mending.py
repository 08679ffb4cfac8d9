"""Pieces mended by sound after the first reading: a known word hidden across two unknown
stretches (只看台仗: 台仗 is 台账), or a leftover character that completes its neighbour
(工作 + 裙 is 工作群, 太 + 躲 is 太多)."""

from __future__ import annotations

from collections.abc import Callable

from bot.search.pieces import Piece
from bot.search.pinyin import CJK_ONLY, pinyin_key
from bot.search.sound import HOMOPHONE_WEIGHT, Heard

# The known word a text sounds like and its weight; the flag allows accent-folded readings.
BySound = Callable[[str, bool], tuple[Heard, float] | None]
MAX_PHRASE = 8  # characters of a curated phrase heard across several pieces
# One leftover character or syllable as a piece: (text, whole token, typed in Latin).
Single = Callable[[str, bool, bool], Piece]


class Mender:
    """Mends a question's pieces by sound; one per analyzer."""

    def __init__(
        self, by_sound: BySound, single: Single, known_reading: Callable[[str], bool]
    ) -> None:
        """`known_reading`: whether a toneless pinyin key is some known word's exact reading
        (a cheap test before the full hearing of a phrase)."""
        self._by_sound = by_sound
        self._single = single
        self._known_reading = known_reading

    def reread_across(self, pieces: list[Piece]) -> list[Piece]:
        """Two unknown stretches side by side may hide a known word across their boundary:
        jieba took 看台 from 只看台仗, and 台仗 sounds exactly like 台账 (看 is known)."""
        out: list[Piece] = []
        for piece in pieces:
            before = out[-1] if out else None
            joined = (before.text + piece.text) if before else ""
            if (
                before is None
                or before.kind != "unknown"
                or piece.kind != "unknown"
                or not CJK_ONLY.match(joined)
            ):
                out.append(piece)
                continue
            out[-1:] = self._split_by_sound(joined, len(before.text)) or [before, piece]
        return out

    def _split_by_sound(self, joined: str, boundary: int) -> list[Piece] | None:
        """joined as rest + known word + rest, the word crossing the boundary; longest first."""
        spans = [
            (start, end)
            for start in range(boundary)
            for end in range(boundary + 1, len(joined) + 1)
            if 2 <= end - start <= 4
        ]
        for start, end in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
            found = self._by_sound(joined[start:end], False)
            if found is None or found[0].role != "term" or not found[0].term:
                continue
            word = Piece(joined[start:end], "term", found[0].term, min(found[1], HOMOPHONE_WEIGHT))
            left, right = self._leftover(joined[:start]), self._leftover(joined[end:])
            if any(p.kind == "unknown" for p in (*left, *right)):
                continue  # 微信号 is not 微信 + an unknown 号: the reading must explain it all
            return [*left, word, *right]
        return None

    def _leftover(self, text: str) -> list[Piece]:
        if not text:
            return []
        return [self._single(text, True, False) if len(text) == 1 else Piece(text, "unknown")]

    def mend_neighbours(self, pieces: list[Piece]) -> None:
        """A leftover character next to a known word may complete it by sound: 工作+裙 → 工作群;
        next to a stopword, exactly so: 太+躲 → 太多, 咋+半 → 咋办 (filler, not an unknown),
        和+并 → 合并."""
        for i, piece in enumerate(pieces):
            if piece.kind != "unknown" or len(piece.text) > 2:
                continue
            for j in (i - 1, i + 1):
                if not 0 <= j < len(pieces) or pieces[j].kind not in ("term", "stop"):
                    continue
                joined = pieces[j].text + piece.text if j < i else piece.text + pieces[j].text
                stop = pieces[j].kind == "stop"
                found = self._by_sound(joined, not stop) if CJK_ONLY.match(joined) else None
                if found and stop and found[0].role == "stop":
                    piece.kind = "stop"
                    break
                term = found[0].term if found and found[0].role == "term" else None
                # A stopword's character may be a slip too, when the pair sounds exactly like
                # a curated word: 和 + 并 is 合并.
                if found and term and len(term) >= len(joined):
                    pieces[j] = Piece(joined, "term", term, min(found[1], HOMOPHONE_WEIGHT))
                    piece.kind = "stop"  # absorbed into its neighbour
                    break

    def mend_phrases(self, pieces: list[Piece]) -> list[Piece]:
        """A curated phrase jieba cut into pieces, one of them unknown, is heard whole: 以 + 文件
        + 落时 + 文件 sounds exactly like 以文件落实文件."""
        out = list(pieces)
        if not any(map(_slipped, out)):
            return out  # nothing unknown to hear a phrase around (most questions)
        around = _Around(out)
        i = 0
        while i < len(out):
            found = self._phrase_around(around, i) if _slipped(out[i]) else None
            if found is None:
                i += 1
                continue
            start, end, phrase = found
            out[start:end] = [phrase]
            around = _Around(out)
            i = start + 1
        return out

    def _phrase_around(self, around: _Around, i: int) -> tuple[int, int, Piece] | None:
        """The longest run of pieces around pieces[i] that sounds exactly like a curated
        phrase of three characters or more, as (start, end, the phrase's piece)."""
        pieces, joinable, reading = around.pieces, around.joinable, around.reading
        spans: list[tuple[int, int, str]] = []
        # The run's text and reading grow a piece at a time, leftwards as it starts earlier
        # and rightwards as it reaches further; a start whose run is already too long with
        # pieces[i] alone ends the search, as every earlier start's run is longer still.
        before, before_key = "", ""  # pieces[start:i], and its reading
        start = i
        while start >= 0 and joinable[start]:
            if start < i:
                before = pieces[start].text + before
                before_key = f"{reading(start)} {before_key}" if start < i - 1 else reading(start)
            if len(before) + len(pieces[i].text) > MAX_PHRASE:
                break
            text, key = before, before_key
            end = i + 1
            while end <= len(pieces) and joinable[end - 1]:
                text += pieces[end - 1].text
                if len(text) > MAX_PHRASE:
                    break
                # Each piece's reading is read once (_Around): joined, they rule out most runs
                # before any run is read whole.
                key = f"{key} {reading(end - 1)}" if end - 1 > start else reading(end - 1)
                if end - start >= 2 and len(text) >= 3 and self._known_reading(key):
                    spans.append((start, end, text))
                end += 1
            start -= 1
        for start, end, text in sorted(spans, key=lambda s: (-len(s[2]), s[0])):
            found = self._by_sound(text, False)
            if found is None or found[0].role != "term" or not found[0].term:
                continue
            if len(found[0].word) == len(text):
                weight = min(found[1], HOMOPHONE_WEIGHT)
                return start, end, Piece(text, "term", found[0].term, weight)
        return None


class _Around:
    """A question's pieces as mend_phrases hears runs of them: whether each may join a run,
    and each one's exact reading, read once on first need (a run around each unknown piece
    reads its neighbours again)."""

    def __init__(self, pieces: list[Piece]) -> None:
        self.pieces = pieces
        self.joinable = [_joinable(p) for p in pieces]
        self._readings: dict[int, str] = {}

    def reading(self, at: int) -> str:
        found = self._readings.get(at)
        if found is None:
            found = self._readings[at] = pinyin_key(self.pieces[at].text, fuzzy=False)
        return found


def _joinable(piece: Piece) -> bool:
    return piece.kind in ("term", "stop", "unknown") and bool(CJK_ONLY.match(piece.text))


def _slipped(piece: Piece) -> bool:
    """Characters nothing explains. A word already read by sound is not reread into a phrase:
    每人 + 发严 (发言) also sounds exactly like 没人发言, a zombie group."""
    return piece.kind == "unknown" and _joinable(piece)
