"""Which side of a change (before it, after it) a question about someone asks for, and which of
their facts tells that side."""

from __future__ import annotations

from bot.search.matcher import Matcher
from bot.search.timeline import asks_before, other_side_only, side_holders, tells_before_only

_TOLD = {
    "trouble": "她手机里的工作群一度超过30个，当时全部设为置顶",
    "outcome": "整改后她手机里的工作群少了一半多，现在感觉手机变轻了",
}


def test_an_ask_after_the_change_picks_the_fact_telling_the_after() -> None:
    assert side_holders("手机里的群后来咋样了", _TOLD) == {"outcome"}
    assert side_holders("她现在手机里还有多少群", _TOLD) == {"outcome"}


def test_an_ask_before_the_change_picks_the_fact_telling_the_before() -> None:
    assert side_holders("她以前手机里有多少群", _TOLD) == {"trouble"}


def test_no_side_asked_or_both_sides_tell_nothing_apart() -> None:
    assert side_holders("手机里的群", _TOLD) == frozenset()
    assert side_holders("以前和现在比群少了多少", _TOLD) == frozenset()
    # every fact tells the after: it picks none of them
    both = {"a": "以前要拍照，现在签字少了", "b": "现在有了统一数据平台"}
    assert side_holders("现在签字多吗", both) == frozenset()


def test_a_person_asked_what_came_after_gets_the_outcome(matcher: Matcher) -> None:
    result = matcher.match("齐琳手机里的群后来咋样了")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "chat-groups-phone-lighter"
    before = matcher.match("齐琳以前手机里有多少群")
    assert before.matches[0].fact.id == "chat-groups-too-many-pinned"


def test_a_fact_telling_only_the_trouble_before_tells_before_only() -> None:
    assert tells_before_only(_TOLD["trouble"])
    assert not tells_before_only(_TOLD["outcome"])
    assert not tells_before_only("以前要拍照，现在签字少了")  # both sides
    assert not tells_before_only("工作群越建越多")  # neither


def test_an_ask_for_the_before_side_alone() -> None:
    assert asks_before("那之前一个干部手机里有多少个工作群")
    assert asks_before("当时怎么开会的")
    assert not asks_before("现在手机里还有多少群")
    assert not asks_before("以前和现在比群少了多少")  # both sides
    assert not asks_before("手机里的群")


def test_the_facts_telling_only_the_other_side_are_the_ones_lacking() -> None:
    assert other_side_only("群后来少了多少", _TOLD) == {"trouble"}
    assert other_side_only("以前手机里有多少群", _TOLD) == {"outcome"}
    assert other_side_only("手机里的群", _TOLD) == frozenset()  # no side asked
    assert other_side_only("以前和现在比群少了多少", _TOLD) == frozenset()  # both sides
    # every fact tells only the before: none of them is set apart
    befores = {"a": "一度超过30个", "b": "当时全部设为置顶"}
    assert other_side_only("后来少了多少", befores) == frozenset()


def test_a_place_asked_a_count_of_one_side_gets_that_fact_alone(matcher: Matcher) -> None:
    """A card of the street's two phone facts used to answer both, the before first."""
    after = matcher.match("港城大街的群后来少了多少")
    assert after.decision == "answer" and after.shape == "fact"
    assert after.matches[0].fact.id == "chat-groups-phone-lighter"
    # 多少群: groups counted with no measure word, as the before's 超过了30个 counts them
    before = matcher.match("港城大街的干部手机里有多少群")
    assert before.decision == "answer" and before.shape == "fact"
    assert before.matches[0].fact.id == "chat-groups-too-many-pinned"


def test_a_later_with_no_count_asked_keeps_the_story_told_before_the_change(
    matcher: Matcher,
) -> None:
    """一开始…后来呢: the story's own later (越来越多) is told before the change."""
    result = matcher.match("海港区一开始用微信群觉得挺便捷，后来呢？")
    assert result.shown[0].id == "chat-groups-too-many-pinned"
