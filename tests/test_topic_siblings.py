"""Near a tie, a topic's lead answers unless the best sibling holds a word that tells them apart."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.normalize import normalize


@pytest.mark.parametrize(
    "question", ["礼拜一到礼拜五，天天都有会", "从礼拜一到礼拜五天天开会，受不了"]
)
def test_a_lone_character_does_not_take_a_near_tie_from_the_lead(
    matcher: Matcher, question: str
) -> None:
    """一, left over from 礼拜一, is held by the weekly meeting's text (一开一整天) and not by
    the lead's: it tells nothing, and the lead answers how often meetings come."""
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.shown[0].id == "meetings-twice-a-month"


def test_a_word_one_sibling_holds_still_tells_it_apart(matcher: Matcher) -> None:
    """主题 is meetings-one-topic-once's and not the lead's: the sibling keeps its answer."""
    analysis, ranked = matcher.rank(normalize("一个主题的会要开好几次"))
    best = ranked[0]
    lead = next(m for m in ranked if m.fact.id == "meetings-twice-a-month")
    assert best.fact.id == "meetings-one-topic-once"
    assert matcher.topic_asks.tells_apart(best, lead, analysis)
    assert not matcher.topic_asks.tells_apart(lead, lead, analysis)


def test_a_lone_character_alone_tells_nothing_apart(matcher: Matcher) -> None:
    """Of 礼拜一到礼拜五天天都有会 the weekly meeting holds 一 and the lead does not: no tell."""
    analysis, ranked = matcher.rank(normalize("礼拜一到礼拜五天天都有会"))
    weekly = next(m for m in ranked if m.fact.id == "meetings-weekly-half-hour")
    lead = next(m for m in ranked if m.fact.id == "meetings-twice-a-month")
    assert "一" in {qt.term for qt in analysis.terms}
    assert not matcher.topic_asks.tells_apart(weekly, lead, analysis)
