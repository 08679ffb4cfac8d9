"""A long message's best two facts are close siblings: the ask read alone says which is asked."""

from __future__ import annotations

from bot.kb import load_kb
from bot.search.asked import CLEAR, SIBLINGS_NEAR, ask_leads
from bot.search.matcher import Matcher
from bot.search.ranked import Match

FACT = load_kb().by_id
WEEKLY, TWICE = "meetings-weekly-half-hour", "meetings-twice-a-month"
ONCE = "meetings-one-topic-once"


def _ranked(*scored: tuple[str, float]) -> tuple[Match, ...]:
    return tuple(Match(FACT[fact_id], score) for fact_id, score in scored)


def _ids(ranked: tuple[Match, ...]) -> list[str]:
    return [m.fact.id for m in ranked]


def test_the_ask_alone_puts_the_close_sibling_first() -> None:
    whole = _ranked((WEEKLY, 55.31), (TWICE, 54.7), ("forms-weekly-cap", 30.0))
    led = ask_leads(whole, _ranked((TWICE, 62.55), (ONCE, 50.89), (WEEKLY, 40.0)))
    assert _ids(led) == [TWICE, WEEKLY, "forms-weekly-cap"]
    assert led[0].score > led[1].score == 55.31  # the order holds under a sort by score


def test_the_whole_reading_stands_unless_every_condition_holds() -> None:
    close = _ranked((WEEKLY, 55.0), (TWICE, 54.0))
    asked_twice = _ranked((TWICE, 70.0), (WEEKLY, 40.0))
    # the best two too far apart
    far = _ranked((WEEKLY, 55.0), (TWICE, 55.0 - SIBLINGS_NEAR - 0.5))
    assert ask_leads(far, asked_twice) == far
    # not siblings: another topic's fact second
    other = _ranked((WEEKLY, 55.0), ("forms-weekly-cap", 54.5))
    assert ask_leads(other, _ranked(("forms-weekly-cap", 70.0), (WEEKLY, 40.0))) == other
    # the ask alone is not clear between them
    unsure = _ranked((TWICE, 62.05), (WEEKLY, 62.05 - CLEAR + 0.5))
    assert ask_leads(close, unsure) == close
    # the ask alone puts a third fact first
    assert ask_leads(close, _ranked((ONCE, 80.0), (TWICE, 60.0))) == close
    # nothing read alone
    assert ask_leads(close, ()) == close


def test_a_story_before_the_ask_no_longer_picks_the_sibling(matcher: Matcher) -> None:
    # read whole, the weekly half-hour meeting came first by 0.61 points
    text = (
        "本人西湖街道包村干部 刚来不到一年 年底了事情一件接一件 一个月光开会就占了大半 "
        "能不能少开几次 有没有好办法"
    )
    p = matcher.prepare(text)
    assert p.asked is not None and _ids(p.ranked[:2]) == [TWICE, WEEKLY]
    result = matcher.match(text)
    assert result.answered and result.shown[0].id == TWICE
