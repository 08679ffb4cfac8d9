"""Pinyin with one letter slipped (gognzuoqun, huiyyi, gongzuoqn) read as the pinyin meant."""

from __future__ import annotations

import pytest
from small_vocabulary import VOCABULARY, analyzer_factory

from bot.search.letterslips import mend_letters, slips_mended
from bot.search.sound import Heard, SoundTables, build_tables


def _tables(*words: str) -> SoundTables:
    return build_tables([(word, word, "term") for word in words])


def _any(typed: str, heard: Heard) -> bool:
    return True


def test_slips_mended_swap_neighbours_take_one_out_and_put_one_in() -> None:
    mended = set(slips_mended("gogn"))
    assert {"oggn", "ggon", "gong"} <= mended  # swapped
    assert {"ogn", "ggn", "gog"} <= mended  # one taken out
    assert {"gogng", "gougn"} <= mended  # one put in
    assert {"fogn", "hogn", "gpgn", "gogb", "gogm"} <= mended  # a key beside


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("gognzuoqun", ("gong", "zuo", "qun")),  # two letters swapped
        ("huiyyi", ("hui", "yi")),  # one doubled
        ("gongzuoqn", ("gong", "zuo", "qun")),  # one left out
        ("gongzuoqyn", ("gong", "zuo", "qun")),  # the key beside hit (y for u)
    ],
)
def test_a_slip_mended_one_way_is_read_as_the_word_meant(
    typed: str, meant: tuple[str, ...]
) -> None:
    assert mend_letters(typed, _tables("工作群", "会议"), _any, frozenset()) == meant


@pytest.mark.parametrize("typed", ["email", "excel", "gzq", "tia", "wifimima"])
def test_words_that_are_no_slip_of_a_known_word_stay_unknown(typed: str) -> None:
    """English words, initials, short runs: nothing known is spelled by mending them."""
    assert mend_letters(typed, _tables("工作群", "会议", "密码"), _any, frozenset()) is None


def test_a_slip_mended_into_two_different_words_stays_unknown() -> None:
    """gongzuoqn: 工作群 with a u put in, 工作琴 with an i; no telling which was meant."""
    assert mend_letters("gongzuoqn", _tables("工作群", "工作琴"), _any, frozenset()) is None


def test_a_whole_word_beats_a_word_and_a_stray_particle() -> None:
    """gongzuoqn: 工作群 (u put in) over 工作 + 了-like particle left alone (n taken out)."""
    tables = _tables("工作群", "工作")
    assert mend_letters("gongzuoqn", tables, _any, frozenset({"嗯"})) == ("gong", "zuo", "qun")


def test_a_word_turned_down_is_not_read(tmp_path_factory: pytest.TempPathFactory) -> None:
    assert mend_letters("gognzuoqun", _tables("工作群"), lambda t, h: False, frozenset()) is None


def test_the_analyzer_reads_a_slipped_word(tmp_path_factory: pytest.TempPathFactory) -> None:
    analyzer = analyzer_factory(tmp_path_factory.mktemp("letterslips"))()
    analyzer.set_vocabulary(VOCABULARY)
    terms = [t.term for t in analyzer.analyze("gognzuoqun tai duo").terms]
    assert terms == ["工作群"]
    assert [t.term for t in analyzer.analyze("email tai duo").terms] == []
