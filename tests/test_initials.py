"""Words typed by their initials (hy for 会议, gzq for 工作群)."""

from __future__ import annotations

import pytest
from small_vocabulary import VOCABULARY, analyzer_factory

from bot.search.initials import Initials
from bot.search.matcher import Matcher
from bot.search.sound import FUZZY_SOUND_WEIGHT, build_tables

COUNTS = {"会议": 50_000, "画押": 200, "考核": 9_000, "开会": 8_000}


def _initials(*words: tuple[str, str]) -> Initials:
    tables = build_tables([(word, term, "term") for word, term in words])
    curated = {term for _, term in words}
    return Initials(tables, curated, lambda word: COUNTS.get(word, 0))


def test_initials_read_as_the_one_curated_word_they_fit() -> None:
    initials = _initials(("工作群", "工作群"), ("会议", "会议"))
    found = initials("gzq")
    assert found is not None and found.term == "工作群"
    assert initials("hy") is not None


def test_a_far_commoner_word_wins_and_close_rivals_leave_the_letters_unknown() -> None:
    """hy: 会议 is far commoner than 画押; kh: 考核 and 开会 are about as common."""
    initials = _initials(("会议", "会议"), ("画押", "签字"), ("考核", "检查"), ("开会", "会议2"))
    found = initials("hy")
    assert found is not None and found.term == "会议"
    assert initials("kh") is None


@pytest.mark.parametrize("typed", ["g", "gongzuoqun", "hui", "gzqhyt"])
def test_only_short_runs_without_vowels_are_initials(typed: str) -> None:
    """One letter, a syllable, or a run longer than four letters is no run of initials."""
    initials = _initials(("工作群", "工作群"), ("会议", "会议"), ("会", "会"))
    assert initials(typed) is None


def test_the_analyzer_reads_initials_weakly(tmp_path_factory: pytest.TempPathFactory) -> None:
    analyzer = analyzer_factory(tmp_path_factory.mktemp("initials"))()
    analyzer.set_vocabulary(VOCABULARY)
    terms = [(t.term, t.weight, t.source) for t in analyzer.analyze("gzq tai duo").terms]
    assert terms == [("工作群", FUZZY_SOUND_WEIGHT, "gzq")]


def test_a_reading_is_sure_only_when_no_known_word_is_commoner() -> None:
    """hy: 会议 is commoner than any other word with those initials; gz: 盖章 is the one curated
    word, but 工作, a word the facts merely use, is far commoner."""
    counts = {"会议": 50_000, "还有": 20_000, "盖章": 160, "工作": 66_000}
    tables = build_tables(
        [("会议", "会议", "term"), ("还有", None, "stop"), ("盖章", "签字", "term"),
         ("工作", "工作", "term")]
    )  # fmt: skip
    initials = Initials(tables, {"会议", "签字"}, lambda word: counts.get(word, 0))
    assert initials.sure("hy")
    found = initials("gz")
    assert found is not None and found.term == "签字"
    assert not initials.sure("gz")


def test_a_curated_shorthand_is_read_surely_and_one_with_rivals_as_a_guess() -> None:
    """yj is 迎检 to officials, though no frequency says so; jc is 检查 or 基层, a guess the
    rest of the question must bear out; a shorthand for a word the facts lack reads nothing."""
    tables = build_tables(
        [("迎检", "检查", "term"), ("检查", "检查", "term"), ("基层", "基层", "term")]
    )
    shorthand = {"yj": ("迎检",), "jc": ("检查", "基层"), "qz": ("群主",)}
    initials = Initials(
        tables, {"检查", "基层"}, lambda word: COUNTS.get(word, 0), shorthand,
        lambda word: {"迎检": "检查"}.get(word, word),
    )  # fmt: skip
    found = initials("yj")
    assert found is not None and (found.word, found.term) == ("迎检", "检查")
    assert initials.sure("yj") and not initials.guessed("yj")
    found = initials("jc")
    assert found is not None and found.term == "检查"
    assert not initials.sure("jc") and initials.guessed("jc")
    assert initials("qz") is None
    assert initials("jia") is None  # a syllable, not in the list


def test_a_curated_shorthand_may_open_with_a_vowel() -> None:
    """af is 暗访 because the curator says so; other letters with a vowel stay syllables."""
    tables = build_tables([("暗访", "暗访", "term"), ("会议", "会议", "term")])
    initials = Initials(tables, {"暗访", "会议"}, lambda word: 1, {"af": ("暗访",)})
    found = initials("af")
    assert found is not None and found.term == "暗访" and initials.sure("af")
    assert initials("hui") is None


def test_the_shipped_shorthand_reads_yj_and_leaves_an_unborne_jc_unread(matcher: Matcher) -> None:
    """yj太多了咋整 is about inspections; jc干部太累了 names no inspection besides jc (检查 or
    基层?), so it is not answered as one."""
    result = matcher.match("yj太多了咋整")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "inspections-fewer-rounds"
    assert matcher.match("jc干部太累了").decision != "answer"
    assert matcher.match("jc组只看台账怎么办").matches[0].fact.topic == "inspections"
