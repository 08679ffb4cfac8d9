"""关闭 a group is a measure (解散); 关闭 a setting is an operation no measure answers."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher


@pytest.mark.parametrize("question", ["没用的工作群能不能关闭", "僵尸群该不该全部关闭掉"])
def test_groups_closed_are_groups_dissolved(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.matches[0].fact.id in {"chat-groups-six-kinds", "chat-groups-190-dissolved"}


@pytest.mark.parametrize(
    "question", ["群聊的消息提醒怎么关闭", "微信怎么关闭群消息的声音", "工作群怎么取消自动下载"]
)
def test_a_setting_turned_off_is_declined(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision == "decline"
