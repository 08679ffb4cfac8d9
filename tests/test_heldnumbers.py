"""A number asked that none of the best facts holds: a rate, an average, what is left, a
ranking, a number said otherwise then asked where (bot/search/heldnumbers.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from quantity_words import BLANK, WORDS

from bot.search.heldnumbers import HeldNumbers, span_of
from bot.search.matcher import Matcher
from bot.search.normalize import normalize
from bot.search.quantities import Quantities
from bot.search.shapes import Match

MONTHLY = replace(BLANK, id="monthly", example="现在一个月最多也就两次会。")
WEEKLY = replace(BLANK, id="weekly", example="这样的街道工作会议，我每周只用参加一次。")
DISSOLVED = replace(BLANK, id="dissolved", example="全区累计解散、整合微信群190余个。")
THIS_YEAR = replace(BLANK, id="this-year", example="截至7月底，该乡今年只迎接了一次检查。")
PER_HEAD = replace(BLANK, id="per-head", example="轮流发言时间每人就3分钟。")
FACTS = (MONTHLY, WEEKLY, DISSOLVED, THIS_YEAR, PER_HEAD)


@pytest.fixture(scope="module")
def held() -> HeldNumbers:
    words = replace(WORDS, periods=("一个月", "一周", "每周", "一天", "一年"))
    return HeldNumbers(words, Quantities(words, FACTS), {f.id: f for f in FACTS})


def asked(held: HeldNumbers, question: str, *best: str, person: bool = False) -> tuple[str, ...]:
    by_id = {f.id: f for f in FACTS}
    ranked = [Match(by_id[fid], 80.0 - 5 * n) for n, fid in enumerate(best)]
    return held.unheld(normalize(question), ranked, person)


def test_periods_count_in_their_span() -> None:
    assert [span_of(p) for p in ("一天", "每周", "一个礼拜", "每星期", "一个月", "一年")] == [
        "天", "周", "周", "周", "月", "年",
    ]  # fmt: skip


def test_a_period_counts_in_the_span_it_names_not_its_last_character() -> None:
    """A curator's 每日 is a day, 每周一 (every Monday) a week, 每月1日 a month, 每季度 a
    quarter; a word naming no span has none."""
    words = ("每日", "每晚", "每周一", "每个周日", "每月1日", "每季度", "半年", "今年", "每学期")
    assert [span_of(p) for p in words] == ["天", "天", "周", "周", "月", "季", "年", "年", ""]


@pytest.mark.parametrize(
    ("period", "question", "why"),
    [
        ("每日", "每日开会要开多少分钟", "per-天"),  # a month's cap tells nothing of a day
        ("每周一", "每周一要开几个小时会", "per-周"),  # nor of a week
    ],
)
def test_a_curator_s_period_word_asks_a_rate_in_its_span(
    period: str, question: str, why: str
) -> None:
    words = replace(WORDS, periods=("一个月", "一周", "每周", "一天", "一年", period))
    curated = HeldNumbers(words, Quantities(words, FACTS), {f.id: f for f in FACTS})
    assert why in asked(curated, question, "monthly")


@pytest.mark.parametrize(
    ("question", "best", "why"),
    [
        ("一天开会要开多少分钟", "monthly", "per-天"),  # a month's cap tells nothing of a day
        ("一天开会要开多少分钟", "weekly", "per-天"),
        ("海港区现在还剩多少个群", "dissolved", "left-now"),
        ("还有多少个群没解散", "dissolved", "left-now"),
        ("干部平均开多少会", "monthly", "average"),
        ("解散群最多的排第一的是哪", "dissolved", "ranking"),
        ("一个月最多开三次会的是哪个地方", "monthly", "number-said"),
    ],
)
def test_a_number_no_best_fact_holds_is_unheld(
    held: HeldNumbers, question: str, best: str, why: str
) -> None:
    assert why in asked(held, question, best)


@pytest.mark.parametrize(
    ("question", "best"),
    [
        ("一个月最多开几次会", "monthly"),  # the span held
        ("一个月参加几次街道会", "weekly"),  # a week's count tells a month's
        ("一年迎接几次检查", "this-year"),  # 今年只迎接了一次 is a year's count
        ("一共解散了多少个群", "dissolved"),  # a count, no rate, nothing left asked
        ("一天开几次会", "monthly"),  # a count of the kind held (两次) answers, period or not
        ("一年好几次会", "monthly"),  # 好几: a few, no ask
        ("发言平均每人几分钟", "per-head"),  # per head is an average
        ("一个月最多开两次会的是哪个地方", "monthly"),  # the article's own number
        ("一百九十多个群被解散整合，是哪个区", "dissolved"),  # the whole number, not 九十多
        ("检查考核排名靠后", "this-year"),  # a ranking told, not asked
        ("上礼拜开了五次会，谁能支个招", "monthly"),  # 谁 asking for help, not who said it
        ("合并后还有几个部门来查", "this-year"),  # 还有: still, nothing left asked
    ],
)
def test_a_number_a_best_fact_holds_is_not_unheld(
    held: HeldNumbers, question: str, best: str
) -> None:
    assert asked(held, question, best) == ()


def test_a_person_s_own_rate_is_their_average(held: HeldNumbers) -> None:
    """段琼平均每周开几次会: his weekly count is his average; a place's cadres' is not."""
    assert asked(held, "平均每周参加几次会", "weekly", person=True) == ()
    assert "average" in asked(held, "平均每周参加几次会", "weekly")


def test_another_candidate_near_the_best_holding_it_leaves_the_choice_to_ranking(
    held: HeldNumbers,
) -> None:
    """街道会半小时开完，那洋湖乡一个月总共开几次会: the month's count is the second's."""
    assert asked(held, "一个月总共开几次会", "weekly", "monthly") == ()
    far = [Match(WEEKLY, 80.0), Match(MONTHLY, 50.0)]  # too far below to be what is asked
    assert held.unheld(normalize("一天开会要开多少分钟"), far) == ("per-天",)


@pytest.mark.parametrize(
    "question",
    [
        "海港区现在还剩多少个工作群",
        "昌吉市的干部平均一年开多少会",
        "一个月最多开三次会的是哪个地方",
        "哪个地方解散的工作群最多，排第一的是哪",
        "群里打卡一天要打几次",
    ],
)
def test_near_misses_asking_an_unheld_number_decline(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision == "decline"


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("海港区解散整合了多少个群", "chat-groups-190-dissolved"),
        ("现在一个月最多开几次会", "meetings-twice-a-month"),
        ("段琼一周要参加几次街道工作会", "meetings-weekly-half-hour"),
        ("去年10月一个星期有几天在迎检", "inspections-joint"),
        ("一年要被查多少回", "inspections-fewer-rounds"),
        ("精简以后手机里的群还剩多少", "chat-groups-phone-lighter"),
        ("一个月最多两次会是哪个地方", "meetings-twice-a-month"),
        ("街道会半小时开完，那洋湖乡一个月总共开几次会？", "meetings-twice-a-month"),
    ],
)
def test_numbers_the_facts_hold_keep_their_fact(matcher: Matcher, question: str, fact: str) -> None:
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.matches[0].fact.id == fact
