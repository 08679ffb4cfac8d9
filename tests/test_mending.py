"""Mending pieces by sound: a leftover character completes the word or stopword beside it."""

from __future__ import annotations

import random

from bot.search.mending import MAX_PHRASE, Mender, _Around, _joinable
from bot.search.pieces import Piece
from bot.search.pinyin import pinyin_key
from bot.search.sound import HOMOPHONE_WEIGHT, Heard

HEARD = {
    "和并": Heard("合并", "合并", "term", True),
    "太躲": Heard("太多", None, "stop", True),
    "以文件落时文件": Heard("以文件落实文件", "以文件落实文件", "term", True),
    "每人发严": Heard("没人发言", "僵尸群", "term", True),
}


def _by_sound(text: str, allow_fuzzy: bool) -> tuple[Heard, float] | None:
    heard = HEARD.get(text)
    return (heard, HOMOPHONE_WEIGHT) if heard else None


def _known(key: str) -> bool:
    return key in {pinyin_key(text, fuzzy=False) for text in HEARD}


def _single(text: str, whole: bool, latin: bool) -> Piece:
    return Piece(text, "unknown", whole=whole)


def test_a_stopword_and_a_leftover_that_sound_like_a_curated_word_become_it() -> None:
    """能不能和并: 和 is a stopword, 并 a leftover; together they sound exactly like 合并."""
    pieces = [Piece("能不能", "stop"), Piece("和", "stop"), Piece("并", "unknown")]
    Mender(_by_sound, _single, _known).mend_neighbours(pieces)
    assert [(p.kind, p.term, p.weight) for p in pieces if p.kind != "stop"] == [
        ("term", "合并", HOMOPHONE_WEIGHT)
    ]


def test_a_leftover_completing_a_stopword_is_filler() -> None:
    pieces = [Piece("群", "term", "工作群"), Piece("太", "stop"), Piece("躲", "unknown")]
    Mender(_by_sound, _single, _known).mend_neighbours(pieces)
    assert [p.kind for p in pieces] == ["term", "stop", "stop"]


def test_a_curated_phrase_cut_into_pieces_around_an_unknown_is_heard_whole() -> None:
    """以 + 文件 + 落时 + 文件: 落时 is unknown; the whole run sounds like the curated phrase."""
    pieces = [
        Piece("以", "term", "以"),
        Piece("文件", "term", "文件"),
        Piece("落时", "unknown"),
        Piece("文件", "term", "文件"),
        Piece("问题", "term", "问题"),
    ]
    mended = Mender(_by_sound, _single, _known).mend_phrases(pieces)
    assert [(p.text, p.term) for p in mended] == [
        ("以文件落时文件", "以文件落实文件"),
        ("问题", "问题"),
    ]
    assert mended[0].weight == HOMOPHONE_WEIGHT


def test_words_already_read_are_not_reread_into_a_phrase() -> None:
    """每人 + 发严 (read as 发言) also sounds like 没人发言; with nothing unknown it stays."""
    pieces = [Piece("每人", "term", "每人"), Piece("发严", "term", "发言", HOMOPHONE_WEIGHT)]
    assert Mender(_by_sound, _single, _known).mend_phrases(pieces) == pieces


def _phrase_runs_read_whole(pieces: list[Piece], i: int) -> list[tuple[int, int, str]]:
    """The runs _phrase_around tests, found the plain way: every run around pieces[i] of
    joinable pieces, its text and reading made afresh."""
    spans = []
    start = i
    while start >= 0 and _joinable(pieces[start]):
        end = i + 1
        while end <= len(pieces) and _joinable(pieces[end - 1]):
            text = "".join(p.text for p in pieces[start:end])
            if len(text) > MAX_PHRASE:
                break
            key = " ".join(pinyin_key(p.text, fuzzy=False) for p in pieces[start:end])
            if end - start >= 2 and len(text) >= 3 and _any_known(key):
                spans.append((start, end, text))
            end += 1
        start -= 1
    return spans


def _any_known(key: str) -> bool:
    return len(key.split()) % 2 == 1  # a stand-in that many runs pass: odd syllable counts


def test_runs_grown_a_piece_at_a_time_are_the_runs_read_whole() -> None:
    """The runs around each slipped piece, their text and reading grown a piece at a time
    and the search ended where a run grows too long, are those found afresh for each run:
    each is heard (here: tried, and heard as nothing) once, as many as the plain way finds."""
    rng = random.Random(8)
    words = ["以", "文件", "落时", "会", "开会", "太多", "hui", "，", "检查组", "表哥", "了"]
    kinds = ["term", "stop", "unknown", "break"]
    tried: list[str] = []

    def heard_as_nothing(text: str, allow_fuzzy: bool) -> tuple[Heard, float] | None:
        tried.append(text)
        return None

    mender = Mender(heard_as_nothing, _single, _any_known)
    runs = 0
    for _ in range(500):
        pieces = [Piece(rng.choice(words), rng.choice(kinds)) for _ in range(rng.randint(1, 14))]
        for i, piece in enumerate(pieces):
            if piece.kind == "unknown" and _joinable(piece):
                tried.clear()
                assert mender._phrase_around(_Around(pieces), i) is None
                expected = [text for _, _, text in _phrase_runs_read_whole(pieces, i)]
                assert sorted(tried) == sorted(expected), (pieces, i)
                runs += len(expected)
    assert runs > 100  # the stand-in lets many runs through
