"""Places the facts never name, said bare (保定那边, 义乌的, 延边会议记录), are strangers; the
asker's own place, the facts' own places and words that only hold a place name's characters
are not."""

from __future__ import annotations

import pytest

from bot.search.elsewhere import BarePlaces
from bot.search.matcher import Matcher


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("保定那边开会多不多", "保定"),
        ("义乌那个女干部说群少了多少", "义乌"),
        ("株洲的会议压缩得怎么样", "株洲"),
        ("延边对日常会议记录还严格要求吗", "延边"),
        ("听说岳阳那边一周只填一张表", "岳阳"),
        ("保定市那边会多吗", "保定"),
    ],
)
def test_a_listed_place_asked_about_is_a_stranger(
    matcher: Matcher, question: str, place: str
) -> None:
    strangers = matcher.entities.strangers(matcher.analyzer.spelled(question))
    assert any(place in s for s in strangers)
    assert matcher.match(question).decision == "decline"


@pytest.mark.parametrize(
    "question",
    [
        "我们保定这边会太多了怎么办",  # the asker's own place
        "我在绵阳，表格填不完",
        "确保定期开会",  # 保定 only as characters across two words
        "昌吉那边会议记录还查吗",  # the facts' own places
        "宜春的检查多吗",  # a place the facts tell of
        "江西那边会怎么减的",
        "开会时保定一个调子",  # a listed name neither opening the question nor asked about
    ],
)
def test_own_known_and_passing_names_are_no_strangers(matcher: Matcher, question: str) -> None:
    strangers = matcher.entities.strangers(matcher.analyzer.spelled(question))
    assert not any(s in ("保定", "绵阳", "昌吉", "宜春", "江西") for s in strangers)


def test_a_place_right_after_the_province_opening_the_question_is_asked_about() -> None:
    bare = BarePlaces(["阿勒泰", "唐山"], known=lambda name: False, cut=None)
    assert bare("新疆阿勒泰") == ["阿勒泰"]
    assert bare("河北省唐山开会多吗") == ["唐山"]
    assert bare("新疆维吾尔自治区阿勒泰会议记录还查吗") == ["阿勒泰"]
    assert bare("新疆开会的人去阿勒泰") == []  # the province does not stand right before it


@pytest.mark.parametrize("question", ["新疆阿勒泰", "新疆阿勒泰开会多吗", "河北唐山的群精简了吗"])
def test_a_place_in_a_province_the_facts_name_is_no_fact_of_theirs(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).decision == "decline"


def test_without_a_segmenter_every_position_is_a_word_end() -> None:
    bare = BarePlaces(["保定", "洋湖"], known=lambda name: name == "洋湖", cut=None)
    assert bare("保定那边会多") == ["保定"]
    assert bare("洋湖那边会多") == []
    assert bare("我们保定这边会多") == []


@pytest.mark.parametrize("question", ["和平乡的会议记录还查吗", "红旗乡是怎么减会的"])
def test_a_place_named_by_an_everyday_word_and_a_level_is_a_stranger(
    matcher: Matcher, question: str
) -> None:
    assert matcher.entities.strangers(matcher.analyzer.spelled(question))
    assert matcher.match(question).decision == "decline"


@pytest.mark.parametrize("question", ["其他乡镇怎么减会的", "下面的村表格多"])
def test_kinds_of_place_stay_no_strangers(matcher: Matcher, question: str) -> None:
    assert not matcher.entities.strangers(matcher.analyzer.spelled(question))


def test_the_askers_own_place_is_taken_out_and_the_question_answered(matcher: Matcher) -> None:
    assert matcher.entities.without_own_places("我们保定这边会太多了") == "我们这边会太多了"
    assert matcher.entities.without_own_places("保定那边会太多了") == "保定那边会太多了"
    assert matcher.match("我们保定这边会太多了怎么办").decision == "answer"


def test_the_last_text_read_is_kept_and_any_other_text_read_afresh() -> None:
    """A question is read for strangers, then for the asker's own place, mostly the same text:
    the second read takes the first's places; another text is read afresh."""
    bare = BarePlaces(["保定", "义乌"], lambda name: False, None)
    own, asked = "我们保定这边会太多了怎么办", "保定那边开会多不多"
    for _ in range(2):
        assert bare(own) == [] and bare.aside(own) == "我们这边会太多了怎么办"
        assert bare(asked) == ["保定"] and bare.aside(asked) == asked
        assert bare._last[0] == asked
        assert bare("") == [] and bare.aside("") == ""
        assert bare("义乌的群少了吗") == ["义乌"] and bare("保定那边开会多不多") == ["保定"]
