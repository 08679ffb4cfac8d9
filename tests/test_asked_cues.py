"""Cues that hold a share or how-often ask (报几成) survive the ask being taken out."""

from __future__ import annotations

from bot.search.matcher import Matcher


def test_a_cue_wrapping_a_share_ask_still_counts(matcher: Matcher) -> None:
    """医疗报销能报几成 asks what is refunded: 报几成 is a cue, though 几成 is a share ask."""
    assert matcher.quantities.wraps_an_ask("报几成")
    result = matcher.match("农牧区医疗住院能报几成")
    assert "报几成" in result.analysis.cues
    assert result.decision == "decline"


def test_the_ask_alone_is_no_cue(matcher: Matcher) -> None:
    """工作群减少了几成 asks for a share a fact holds (少了一半): 几成 and 比例 are only the ask."""
    assert not matcher.quantities.wraps_an_ask("几成")
    assert not matcher.quantities.wraps_an_ask("比例")
    for question in ("工作群减少了几成", "工作群砍掉了多大比例"):
        result = matcher.match(question)
        assert result.decision == "answer", question
        assert result.shown[0].id == "chat-groups-phone-lighter", question
