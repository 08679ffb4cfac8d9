"""The news of the day told before the ask is background: the ask keeps its fact."""

from __future__ import annotations

import pytest

from bot.search.background import (
    eases_only,
    is_background,
    lists_further,
    tells_relief,
    without_background,
    without_relief,
    wraps_only,
)
from bot.search.matcher import Matcher


@pytest.mark.parametrize(
    "clause",
    [
        "昨天刚开完党委会，",
        "县里刚发过通知",
        "局长刚找我们座谈了",
        "这几天一直在下乡",
        "上级来了个新规定",
    ],
)
def test_something_just_done_or_going_on_is_background(clause: str) -> None:
    assert is_background(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "刚开完会又要开",  # a burden: again
        "昨天刚开完会吗",  # asks
        "刚来不久",  # a newcomer: asides.py reads it
        "会议太多",
        "一个月开了二十多个会",
    ],
)
def test_a_burden_an_ask_or_a_plain_clause_is_not(clause: str) -> None:
    assert not is_background(clause)


def test_background_stays_when_the_rest_names_no_topic() -> None:
    text = "昨天刚开完党委会，这合理吗"
    assert without_background(text, lambda rest: False) == text
    assert without_background(text, lambda rest: True) == "这合理吗"


def test_the_ask_after_background_keeps_its_fact(matcher: Matcher) -> None:
    alone = matcher.match("检查组总是只看台账")
    told = matcher.match("前天刚迎完检，检查组总是只看台账")
    assert told.decision == alone.decision == "answer"
    assert told.shown[0] == alone.shown[0]


def test_background_is_no_item_of_its_own(matcher: Matcher) -> None:
    assert matcher.prepare("昨天刚开完党委会。工作群太多了").items == ()


@pytest.mark.parametrize(
    ("text", "wraps"),
    [
        ("各位领导好，我们这边刚换了书记", True),
        ("你好，我在白沙镇当干部", True),
        ("同志们，今年工资啥时候涨", False),
        ("昨天刚开完党委会，会太多了", False),
    ],
)
def test_an_item_of_greetings_and_news_only_wraps(text: str, wraps: bool) -> None:
    assert wraps_only(text) is wraps


def test_a_wrapping_item_answers_nothing_beside_something_else(matcher: Matcher) -> None:
    """年底了事情特别多 alone may touch a fact; beside an ask about something else it only
    wraps that ask, which the facts do not answer."""
    assert matcher.match("各位好，我们这边刚换了书记。孩子的学费怎么交").decision != "answer"


@pytest.mark.parametrize("clause", ["前几天刚从县里培训回来", "今天刚从村里走访回来了"])
def test_just_back_from_somewhere_is_background(clause: str) -> None:
    assert is_background(clause)


def test_news_after_a_sigh_drops_when_a_later_clause_names_a_topic() -> None:
    text = "人都快熬干了。前几天刚从县里培训回来，表说换模板要重填，有啥招没"

    def named(clause: str) -> bool:  # a stand-in for the topic words
        return "表" in clause

    assert without_background(text, named) == "人都快熬干了。表说换模板要重填，有啥招没"
    # Told after the last clause naming a topic, or going on in the next clause, it stays.
    assert (
        without_background("表太多了。前几天刚从县里培训回来", named)
        == "表太多了。前几天刚从县里培训回来"
    )
    kept = "人都快熬干了。今天刚从县里开会回来，又通知明天开会，表也多"
    assert without_background(kept, named) == kept


@pytest.mark.parametrize(
    "clause",
    [
        "我们乡的会已经合并着开了",
        "开会时间确实短了",
        "半小时就散会",
        "不盯台账了",
        "群众不用反复确认了",  # 反复 is what went: no burden told
        "一周三天迎检的日子总算过去了",
        "感觉轻松不少",
        "挺好",
    ],
)
def test_a_load_told_as_eased_is_relief(clause: str) -> None:
    assert tells_relief(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "会太多了",
        "会少了吗",  # asks
        "群少了一半是真的吗",
        "可是表又多了",  # a burden after 可是
        "不过会还是天天开",
        "检查组只看台账",
        "记录写少了还扣分",  # less of it punished: a shortfall
        "字少了都不行",
    ],
)
def test_a_burden_or_an_ask_is_no_relief(clause: str) -> None:
    assert not tells_relief(clause)


def _topic(text: str) -> str | None:  # stand-ins for the topic words and the ranking
    return "meetings" if "会" in text else "forms" if "表" in text else None


def _fact(text: str) -> str | None:
    return "short" if "短" in text else "count" if "几次" in text else _topic(text)


def test_relief_before_an_ask_on_another_topic_is_dropped() -> None:
    text = "会议时间确实短了，填表一周最多几张？"
    assert without_relief(text, _topic, _fact) == "填表一周最多几张？"


def test_relief_on_the_fact_asked_stays() -> None:
    """The good news is what is asked about: 会开少了…有没有压减开会次数的做法."""
    text = "会开少了，这个道理都懂。开会有没有具体做法？"
    assert without_relief(text, _topic, _fact) == text


def test_relief_on_another_fact_of_the_topic_asked_is_dropped() -> None:
    text = "会议时间确实短了，一个月开几次会？"
    assert without_relief(text, _topic, _fact) == "一个月开几次会？"


@pytest.mark.parametrize(
    "text",
    [
        "会议时间确实短了，表格方面有没有类似的做法",  # asks for the like of it: both
        "会议时间确实短了，表格也天天填",  # asks nothing
        "会议时间确实短了，是怎么做到的",  # the rest names no topic
        "填表一周最多几张？会议时间确实短了",  # told after the ask
        "时间确实短了，填表一周最多几张？",  # less of what names no topic: no load eased
        "会议时间确实短了，另外填表一周最多几张？",  # a list of items: the figure is asked too
        "会议时间确实短了；填表一周最多几张？",
    ],
)
def test_relief_stays_when_the_rest_points_back_asks_nothing_or_names_no_topic(
    text: str,
) -> None:
    assert without_relief(text, _topic, _fact) == text


def test_an_item_telling_only_relief_eases_only() -> None:
    assert eases_only("我们乡的会已经合并着开了，感觉轻松不少")
    assert eases_only("各位好，检查次数已经压下来了")
    assert not eases_only("会已经合并着开了，可表还是天天填")
    assert not eases_only("各位好，我们这边刚换了书记")  # wraps, eases nothing


def test_relief_on_another_topic_opens_no_topic_of_the_answer(matcher: Matcher) -> None:
    """Read as typed, the inspections' news was an item of its own: a several-at-once answer
    led by the inspections fact beside the groups one asked about."""
    for text in (
        "检查次数已经压下来了，挺好。想问问工作群里那些僵尸群要不要解散？",
        "检查次数已经压下来了，挺好，想问问工作群里那些僵尸群要不要解散？",
    ):
        result = matcher.match(text)
        assert (result.decision, result.shape) == ("answer", "fact")
        assert result.matches[0].fact.id == "chat-groups-six-kinds"


def test_relief_on_the_topic_asked_is_still_read(matcher: Matcher) -> None:
    result = matcher.match("会议少了，是怎么做到的？")
    assert result.answered and result.matches[0].fact.topic == "meetings"


def test_the_before_told_just_before_relief_is_part_of_the_change() -> None:
    """之前表多，现在会少了: the before and the after of one change told, no ask of its own."""
    assert without_relief("之前会多，现在会议时间短了。填表一周最多几张？", _topic, _fact) == (
        "填表一周最多几张？"
    )
    assert eases_only("之前会多、表多，现在会议时间短了")
    # a before told with no change after it is a burden told, asked with the rest
    assert not eases_only("之前会多，表也多")
    assert without_relief("之前会多，填表一周最多几张？", _topic, _fact) == (
        "之前会多，填表一周最多几张？"
    )
    # a before that asks is asked
    assert not eases_only("之前会多吗，现在会议时间短了")


def test_the_change_told_before_an_ask_on_another_topic_opens_no_topic(matcher: Matcher) -> None:
    """Read as typed, 之前群多、会多、表多 was an item naming three topics."""
    result = matcher.match("之前群多、会多、表多，现在群少了一半多。那表格呢，填表频次压下来了吗？")
    assert result.answered
    assert [f.id for f in result.shown] == ["forms-weekly-cap"]


@pytest.mark.parametrize(
    "text",
    [
        "群少了一半多，另外表格怎么减",
        "会短了；表格怎么减",
        "会短了，并且表格也少了",  # the marks covered.py reads as further items
        "会短了，再加上表格也少了",
        "一是会短了，二是表格少了",
        "会短了\n表格怎么减",
        "会短了。再问一下表格怎么减",
    ],
)
def test_further_items_are_marked_as_covered_reads_them(text: str) -> None:
    assert lists_further(text)


@pytest.mark.parametrize("text", ["会议时间确实短了，表格怎么减", "同时开两个会"])
def test_a_message_without_a_further_mark_lists_nothing(text: str) -> None:
    assert not lists_further(text)
