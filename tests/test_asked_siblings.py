"""A long message's best two facts are close siblings: the ask read alone says which is asked."""

from __future__ import annotations

from bot.kb import load_kb
from bot.search.asked import CLEAR, DECISIVE, SIBLINGS_FAR, SIBLINGS_NEAR, ask_leads
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


def test_an_ask_alone_leaving_no_doubt_reaches_a_sibling_further_behind() -> None:
    whole = _ranked((WEEKLY, 55.0), (TWICE, 55.0 - SIBLINGS_FAR + 0.5))
    decisive = _ranked((TWICE, 80.0), (WEEKLY, 80.0 - DECISIVE - 0.5))
    assert _ids(ask_leads(whole, decisive)) == [TWICE, WEEKLY]
    # clear (the near siblings' bar) but not decisive: the whole reading stands
    clear = _ranked((TWICE, 80.0), (WEEKLY, 80.0 - DECISIVE + 0.5))
    assert ask_leads(whole, clear) == whole
    # further behind than SIBLINGS_FAR: however decisive the ask, the whole reading stands
    beyond = _ranked((WEEKLY, 55.0), (TWICE, 55.0 - SIBLINGS_FAR - 0.5))
    assert ask_leads(beyond, decisive) == beyond


def test_a_story_of_the_trouble_before_a_plain_ask_after_the_change(matcher: Matcher) -> None:
    # read whole, the many groups told came first by 10.9 points; the ask alone leads by 50
    text = "害，手机天天响个不停，群多得刷不完，别的地方群少了以后手机真的轻了吗"
    result = matcher.match(text)
    assert result.answered and result.shown[0].id == "chat-groups-phone-lighter"


def test_two_clauses_one_saying_whom_one_asking(matcher: Matcher) -> None:
    # read whole, his weekly meeting came first by 1.1 points on the count that names him
    result = matcher.match("200多次会那个书记，现在会议记录怎么弄")
    assert result.answered and result.shown[0].id == "meetings-light-records"
    # the count asked in the closing clause is his weekly meeting's, and stays so
    result = matcher.match("段琼那个社区，街道会现在开多长时间")
    assert result.answered and result.shown[0].id == WEEKLY
