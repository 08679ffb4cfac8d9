"""Leftover stretches that are no word at all, heard as the common word they sound like."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from small_vocabulary import VOCABULARY, analyzer_factory

from bot.search.analyzer import Analyzer
from bot.search.pieces import Piece
from bot.search.slipbelief import LeftoverHearing
from bot.search.sound import HOMOPHONE_WEIGHT


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory: pytest.TempPathFactory) -> Analyzer:
    built: Callable[[], Analyzer] = analyzer_factory(tmp_path_factory.mktemp("slipbelief"))
    made = built()
    made.set_vocabulary(VOCABULARY)
    return made


@pytest.fixture(scope="module")
def hearing(analyzer: Analyzer) -> LeftoverHearing:
    tables = analyzer.state[1]
    return LeftoverHearing(tables, analyzer.general_frequency, analyzer.is_stop)


def _heard(hearing: LeftoverHearing, typed: str) -> tuple[str, str, str] | None:
    piece = hearing.heard(typed)
    return (piece.kind, piece.term, piece.written) if piece else None


def test_a_stretch_that_is_no_word_is_heard_as_a_common_word(hearing: LeftoverHearing) -> None:
    assert _heard(hearing, "功作") == ("term", "工作", "工作")
    assert _heard(hearing, "攻作") == ("term", "工作", "工作")


def test_a_cue_slipped_still_asks_what_no_measure_answers(hearing: LeftoverHearing) -> None:
    """蜜码 is 密码 mistyped: the question still asks for a password, written as meant so that
    cue patterns see it too."""
    assert _heard(hearing, "蜜码") == ("cue", "", "密码")


def test_a_slip_keeps_one_character_of_the_word(hearing: LeftoverHearing) -> None:
    """Both characters wrong is two slips at once, or another word: 公做 is no 工作."""
    assert hearing.heard("公做") is None


def test_real_words_stopwords_and_near_sounds_are_not_heard(hearing: LeftoverHearing) -> None:
    assert hearing.heard("公诉") is None  # a real word, other sound
    assert hearing.heard("功") is None  # one character is too little
    assert hearing.heard("功捉") is None  # only alike under accent folding
    assert hearing.heard("了作") is None  # a stopword's character is no slip


def test_a_leftover_stretch_is_split_around_the_word(hearing: LeftoverHearing) -> None:
    pieces = hearing.mend([Piece("看", "term", "看"), Piece("嗯功作", "unknown", whole=False)])
    assert [(p.text, p.kind, p.term) for p in pieces] == [
        ("看", "term", "看"),
        ("嗯", "unknown", ""),
        ("功作", "term", "工作"),
    ]
    assert pieces[2].weight == HOMOPHONE_WEIGHT


def test_a_real_word_left_unknown_stays_whole(hearing: LeftoverHearing) -> None:
    """会议室 is a subject of its own, not 会 + a slip for some word."""
    piece = Piece("会议室", "unknown")
    assert hearing.mend([piece]) == [piece]
