"""The news of the day told before the ask is background: the ask keeps its fact."""

from __future__ import annotations

import pytest

from bot.search.background import is_background, without_background, wraps_only
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
