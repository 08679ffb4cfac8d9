"""Asks of a person or place that no fact holds (央金卓嘎的办公室在哪里, 洋湖乡有什么景点) are
declined; what they did, who they are and where they work still get their card."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.normalize import normalize
from bot.search.unheldasks import UnheldAsks

ASKS = UnheldAsks(frozenset({"办公室在哪", "几岁", "天气", "怎么去"}))


def test_the_phrases_asked_come_in_the_order_asked() -> None:
    assert ASKS.asked(normalize("洋湖乡天气怎么样，怎么去")) == ("天气", "怎么去")
    assert ASKS.asked(normalize("敖再生的办公室在哪里")) == ("办公室在哪",)


def test_an_ask_the_facts_hold_has_no_unheld_phrase() -> None:
    assert ASKS.asked(normalize("检查组只在办公室翻档案怎么办")) == ()
    assert ASKS.asked(normalize("齐琳在哪上班")) == ()


@pytest.mark.parametrize(
    "question",
    [
        "央金卓嘎的办公室在哪里？",
        "敖再生的办公室在哪里",
        "那个社区书记的办公室在哪",
        "敖再生家住哪",
        "齐琳的联系方式",
        "敖再生几岁",
        "洋湖乡有什么景点",
        "海港区怎么去",
        "林周县扶贫办有几个工作人员",
    ],
)
def test_what_no_fact_holds_of_a_person_or_place_is_declined(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).decision == "decline"


@pytest.mark.parametrize(
    "question",
    ["敖再生做了什么", "敖再生是谁", "齐琳在哪上班", "阿旺群宗是哪个乡的", "段琼说了什么"],
)
def test_what_their_card_shows_still_gets_it(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.decision == "answer" and result.shape == "card"


def test_a_fact_of_theirs_asked_about_still_answers(matcher: Matcher) -> None:
    """办公室 as a burden of theirs (检查组只在办公室翻档案) is no office ask."""
    shown = matcher.match("洋湖乡检查组还在办公室翻档案吗").shown
    assert [f.id for f in shown][:1] == ["inspections-unannounced-visits"]


def test_a_count_in_a_unit_their_facts_never_give_is_unheld() -> None:
    told = normalize("他参加的会议不下200次；一个月最多开两次会")
    assert ASKS.asked(normalize("他今年处理了多少件信访"), lambda: told) == ("多少件",)
    assert ASKS.asked(normalize("他负责几户贫困户"), lambda: told) == ("几户",)


def test_a_count_their_facts_give_or_a_few_is_no_unheld_ask() -> None:
    assert ASKS.asked(normalize("签字少了几户"), lambda: normalize("减少了30户的签字")) == ()
    assert ASKS.asked(normalize("参加了多少次会"), lambda: normalize("不下200次")) == ()
    assert ASKS.asked(normalize("好几件事一起办")) == ()


def test_their_facts_are_read_only_when_a_count_is_asked() -> None:
    """At 10,000 facts a place may hold two thousand: reading them all for every question about
    it made such questions several times slower, so they are read only for a count asked."""

    def never() -> str:
        raise AssertionError("their facts were read though no count was asked")

    assert ASKS.asked(normalize("他的办公室在哪里"), never) == ("办公室在哪",)
    assert ASKS.asked(normalize("他说了什么"), never) == ()


def test_counts_of_a_person_are_declined_unless_their_facts_give_them(matcher: Matcher) -> None:
    assert matcher.match("敖再生的信访工作今年处理了多少件").decision == "decline"
    assert matcher.match("阿旺群宗负责几户贫困户").decision == "decline"
    shown = matcher.match("海港区清理了多少个群").shown
    assert [f.id for f in shown][:1] == ["chat-groups-190-dissolved"]
