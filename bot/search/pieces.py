"""Stretches of a question on their way to becoming terms, stopwords, cues or unknown words."""

from __future__ import annotations

from dataclasses import dataclass

from bot.search.normalize import has_cjk


@dataclass
class Piece:
    """A stretch of the question on its way to becoming a term, a stopword or an unknown word."""

    text: str
    kind: str  # "term", "stop", "unknown", "cue", "pending" or "break" (punctuation was here)
    term: str = ""
    weight: float = 1.0
    whole: bool = True  # was a whole jieba token (single-character synonyms need that)
    written: str = ""  # the word heard, in characters, when read from pinyin


# A piece's fields, kept where a piece would be changed in place by mending.
PieceFields = tuple[str, str, str, float, bool, str]


def piece_fields(piece: Piece) -> PieceFields:
    return piece.text, piece.kind, piece.term, piece.weight, piece.whole, piece.written


def rendered(pieces: list[Piece], across_scripts: bool = False) -> str:
    """The question in characters: pinyin read as words written as those words.
    `across_scripts`: a blank typed only where the keyboard switched between characters and
    pinyin (这几张表 huizong yixia) is dropped, since it ends no clause; for cue patterns."""
    return "".join(
        ("" if across_scripts and _switches_script(pieces, at) else p.text)
        if p.kind == "break"
        else p.written or p.text.replace(" ", "")
        for at, p in enumerate(pieces)
    )


def _switches_script(pieces: list[Piece], at: int) -> bool:
    """Whether the break at `at` lies between a piece typed in pinyin and one in characters."""
    if at == 0 or at + 1 >= len(pieces) or "break" in (pieces[at - 1].kind, pieces[at + 1].kind):
        return False
    return _latin(pieces[at - 1].text) != _latin(pieces[at + 1].text)


def _latin(text: str) -> bool:
    letters = text.replace(" ", "")
    return letters.isascii() and letters.isalpha()


def merge_unknown(pieces: list[Piece]) -> list[Piece]:
    """Adjacent unknown characters form one unknown word (打印机卡纸 counts once, not five)."""
    merged: list[Piece] = []
    for piece in pieces:
        if piece.kind == "unknown" and merged and merged[-1].kind == "unknown":
            before = merged[-1].text
            glue = "" if has_cjk(before[-1:]) and has_cjk(piece.text[:1]) else " "
            # what was heard or spelled of either part stays written (dai + 回家: 带回家)
            written = ""
            if merged[-1].written or piece.written:
                written = (merged[-1].written or before) + (piece.written or piece.text)
            merged[-1] = Piece(before + glue + piece.text, "unknown", whole=False, written=written)
        else:
            merged.append(piece)
    return merged
