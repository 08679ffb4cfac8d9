"""满满几页 says how much, it asks nothing (story.py's rough counts)."""

from __future__ import annotations

from bot.search.matcher import Matcher
from bot.search.story import asks_something, tells_burden


def test_several_full_pages_is_no_question() -> None:
    assert not asks_something("每次会都得写满满几页记录")
    assert tells_burden("每次会都得写满满几页记录")
    assert asks_something("会议记录要写满几页")  # 满几 alone still asks (工作满几年)


def test_the_burden_told_with_it_is_answered(matcher: Matcher) -> None:
    result = matcher.match("每次会都得写满满几页记录，还要拍照存档等着查")
    assert result.decision == "answer"
    assert result.shown[0].id == "meetings-light-records"
