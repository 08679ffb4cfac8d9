"""Mending pieces by sound: a leftover character completes the word or stopword beside it."""

from __future__ import annotations

from bot.search.mending import Mender
from bot.search.pieces import Piece
from bot.search.sound import HOMOPHONE_WEIGHT, Heard

HEARD = {
    "和并": Heard("合并", "合并", "term", True),
    "太躲": Heard("太多", None, "stop", True),
}


def _by_sound(text: str, allow_fuzzy: bool) -> tuple[Heard, float] | None:
    heard = HEARD.get(text)
    return (heard, HOMOPHONE_WEIGHT) if heard else None


def _single(text: str, whole: bool, latin: bool) -> Piece:
    return Piece(text, "unknown", whole=whole)


def test_a_stopword_and_a_leftover_that_sound_like_a_curated_word_become_it() -> None:
    """能不能和并: 和 is a stopword, 并 a leftover; together they sound exactly like 合并."""
    pieces = [Piece("能不能", "stop"), Piece("和", "stop"), Piece("并", "unknown")]
    Mender(_by_sound, _single).mend_neighbours(pieces)
    assert [(p.kind, p.term, p.weight) for p in pieces if p.kind != "stop"] == [
        ("term", "合并", HOMOPHONE_WEIGHT)
    ]


def test_a_leftover_completing_a_stopword_is_filler() -> None:
    pieces = [Piece("群", "term", "工作群"), Piece("太", "stop"), Piece("躲", "unknown")]
    Mender(_by_sound, _single).mend_neighbours(pieces)
    assert [p.kind for p in pieces] == ["term", "stop", "stop"]
