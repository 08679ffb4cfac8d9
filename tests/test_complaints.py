"""Everyday words of complaint (responses/complaint_words.yaml) tell a burden: 撂下, 没空,
翻来覆去 say a load is felt though no word of the article is said; which fact it is stays
the ranking's."""

from __future__ import annotations

import pytest

from bot.kb import load_kb
from bot.kb.complaints import COMPLAINT_KINDS
from bot.search.matcher import Matcher
from bot.search.normalize import normalize
from bot.search.story import NO_COMPLAINTS, Complaints, tells_burden

COMPLAINTS = Complaints(load_kb().complaint_words)


@pytest.mark.parametrize(
    "text",
    [
        "隔三岔五通知去镇上开会，村里的活全撂下了",  # lost_time
        "填表把时间都占了，村里的事顾不上",  # lost_time
        "加班到半夜就是为了把明天要交的表赶出来",  # lost_time: the night, its 明天 the burden's day
        "同一个数翻来覆去地报",  # again
        "有的群就是用来晒成绩的，大家轮流发照片点赞，纯属做样子",  # for_show
        "为了应付检查，专门抽个人负责做材料装订",  # for_show
    ],
)
def test_an_everyday_word_of_complaint_tells_a_burden(text: str) -> None:
    assert tells_burden(normalize(text), COMPLAINTS)
    assert not tells_burden(normalize(text), NO_COMPLAINTS)  # story.py's own marks miss it


@pytest.mark.parametrize(
    "text",
    [
        "村里的活都撂下了，怎么补回来",  # a question asks, whatever words it vents with
        "耽误的工作要不要补",
        "撂下的活谁来干",
        "加班到半夜有加班费吗",
        "检查怎么才能不走过场",  # how to keep it from being for show asks for a measure
    ],
)
def test_a_question_with_those_words_is_no_story(text: str) -> None:
    assert not tells_burden(normalize(text), COMPLAINTS)


def test_being_busy_before_an_ask_tells_no_burden() -> None:
    """忙得脚不沾地 is the asker's scene as often as a burden: it is no word of complaint."""
    assert not tells_burden(normalize("这阵子忙得脚不沾地，求一份汇报模板"), COMPLAINTS)


def test_no_words_say_nothing() -> None:
    assert not Complaints().said("活全撂下了")
    assert not Complaints({"lost_time": ()}).said("活全撂下了")
    assert Complaints({"lost_time": ("撂下",)}).said("活全撂下了")


def test_the_shipped_list_names_every_burden() -> None:
    assert set(load_kb().complaint_words) == set(COMPLAINT_KINDS)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # a form after another took the time for the households: 被…占 sets the scene of the
        # burden told, it is no ask of what happened to the asker (declined without the words)
        ("表格一张接一张，入户的时间全被填表占了", "forms-weekly-cap"),
        ("填表把时间都占了，村里的事顾不上", "forms-weekly-cap"),
        # 明天 is the day the form is due, not an occasion asked about (dev-problems2)
        ("加班到半夜就是为了把明天要交的表赶出来", "forms-weekly-cap"),
    ],
)
def test_a_burden_vented_in_everyday_words_is_answered(
    matcher: Matcher, question: str, fact: str
) -> None:
    result = matcher.match(question)
    assert result.answered
    assert [f.id for f in result.shown][:1] == [fact]


@pytest.mark.parametrize(
    "question",
    [
        "上下班路上堵车，耽误时间",  # traffic: no topic named
        "一遍又一遍地跟亲戚解释，耽误我一晚上",
        "手机软件翻来覆去地弹广告，没空看正事",
    ],
)
def test_the_same_words_about_something_else_are_declined(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision == "decline"


def test_a_burden_told_for_show_drops_its_cue_words(matcher: Matcher) -> None:
    """为了应付检查…装订: the binding is the scene of the show, it asks for no service."""
    told = matcher.analyzer.analyze(normalize("为了应付检查，专门抽个人负责做材料装订"))
    assert told.told
    assert told.cues == ()
    result = matcher.match("为了应付检查，专门抽个人负责做材料装订")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "inspections-unannounced-visits"
