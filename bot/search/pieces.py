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


def rendered(pieces: list[Piece]) -> str:
    """The question in characters: pinyin read as words written as those words."""
    return "".join(
        p.text if p.kind == "break" else p.written or p.text.replace(" ", "") for p in pieces
    )


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
