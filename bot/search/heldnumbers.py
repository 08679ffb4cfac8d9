"""A number asked that the facts about to answer do not hold: 海港区现在还剩多少个工作群.

quantities.py lifts the facts holding the kind of number asked (多少个群 → 190余个). What it
cannot see is a number of another shape than any the best facts give: a rate in a period none
states one in, nor a shorter one, nor a count of the kind asked (群里打卡一天要打几次), an
average over many (昌吉市的干部平均一年开多少会), what is left now (还剩多少个群: 解散190余个
tells what went), a ranking asked (排第一的是哪), or a number said right before a where or who
asked of it that the facts say otherwise (一个月最多开三次会的是哪个地方: 两次). Such a question
borrows a fact through its context words; read as a form of question the facts do not answer,
it needs the strong bar a question form needs (shapes.py), so a near miss declines.

Every rule's evidence (tune-part fixes): the rate in a period, dev-numbers2 and dev-request4;
the average, dev-numbers2 and dev-request4; what is left, dev-numbers2 and dev-request6; a
number said otherwise, asked where, dev-numbers2 and dev-shapes; a ranking, plain meaning (its
one fix is dev-numbers2's).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.kb import PERIOD_SPANS, Fact, QuantityWords, span_of
from bot.search.amounts import ABOUT, NUMBER, Amount
from bot.search.quantities import (
    COUNT_ASKS,
    DROP,
    FLOOR,
    FREQUENCY,
    PERIOD_GAP,
    SHARE,
    Quantities,
    numbers_text,
)
from bot.search.ranked import Match
from bot.search.wordalternation import longest_first

_BREAK = "，。；、,.;！？!?\n"
CANDIDATES = 3  # the best few facts, one of which may hold the number asked …
WINDOW = 15.0  # … within this many points of the best (the decision's lead, shapes.py)
SAID_BEFORE = 12  # characters (spaces too) between a number said and the where asked of it
NEAR_WORD = 2  # characters of 快, 将近 before that number
_NUMBER_CHAR = re.compile(r"[\d\s一二两三四五六七八九十百千半上]")
# a year's count held (今年只迎接了一次): plain meaning, 今年 and 去年 are a year's span
_YEARS = ("今年", "去年")
_ASK = f"(?:{'|'.join(COUNT_ASKS)})"  # a count asked, as quantities.py reads one
_ASKS = re.compile(_ASK)
# An average asked (平均, 人均), held only where the fact gives one: per head (每人 3分钟) is one.
_AVERAGE_ASKED = re.compile(r"平均|人均")
_AVERAGE_HELD = re.compile(r"平均|人均|每人")
# What is left now (还剩几个, 剩下多少, 还有多少个群没解散): held only where the fact says 剩.
# 还有 alone is as often "also" or "still" (合并后还有几个部门来查) as what is left.
_LEFT_ASKED = re.compile(
    rf"剩[^{_BREAK}]{{0,6}}?{_ASK}|还有[^{_BREAK}]{{0,6}}?{_ASK}[^{_BREAK}]{{0,8}}?[没未]"
)
_LEFT_HELD = "剩"
# plain meaning: a place in a ranking asked (第几名, 排第一的是哪), held only where a fact
# ranks; a ranking told (考核排名靠后, 给各村排名) asks none, nor 第几次 (an occasion's count).
_RANK_ASKED = re.compile(
    r"第几名|排第几|排名第几|排(?:名|行)?(?:第一|前列|前[0-9一二三四五六七八九十]+)[^，。？?]{0,4}?(?:哪|谁)"
)
_RANK_HELD = re.compile(r"排名|排第|排行|第[一二三1-3]名")
# A number said then asked where or who (…的是哪个地方, 是谁说的): the article's own, or none.
# 谁 alone asks for help as often (开了五次会…谁能支个招: a rewording variant of dev-problems).
_WHERE_ASKED = re.compile(r"哪(?:里|儿|个|些|位|家)|是谁|谁说|谁讲|谁提")

# the spans a period word may name (bot/kb/model.py reads them from what the word means)
_SPANS = tuple(span for span, _ in PERIOD_SPANS)  # shortest first


class HeldNumbers:
    """Whether the best fact holds a number of the shape a question asks for."""

    def __init__(
        self, words: QuantityWords, quantities: Quantities, facts: Mapping[str, Fact]
    ) -> None:
        self._quantities = quantities
        self._facts = facts
        periods = longest_first(words.periods)
        held_periods = longest_first((*words.periods, *_YEARS))
        units = longest_first(tuple(u for us in words.units.values() for u in us))
        self._vague = sorted(words.vague, key=len, reverse=True)
        within = f"[^{_BREAK}\\s]{{0,{PERIOD_GAP}}}?"
        # 一年要迎几回检, 每月加班少了多少小时: a rate asked in that period
        self._rate_asked = re.compile(rf"({periods}){within}{_ASK}") if periods else None
        # 一个月最多也就两次会, 一周最多一表: a rate held in that period
        self._rate_held = (
            # a lookahead, so each period is tried (去年10月一个星期至少有3天: 年 and 周)
            re.compile(rf"(?=({held_periods}){within}{NUMBER}{ABOUT}(?:个\s?)?(?:{units}))")
            if periods and units
            else None
        )
        self._texts: dict[str, str] = {}

    def unheld(self, text: str, ranked: Sequence[Match], person: bool = False) -> tuple[str, ...]:
        """What the question asks of numbers that the best facts do not hold, in order; () if
        one of them holds it or no number is asked. `person`: the question names a person."""
        if not ranked:
            return ()
        asked = self._quantities.asked(text)
        said = self._quantities.said(text)
        asks = bool(asked) or _ASKS.search(text) is not None  # 开多少会: no unit, still asked
        if not asks and not said and not _RANK_ASKED.search(text):
            return ()  # the common case: no number in the question at all
        # The best few candidates: one of them holding the number leaves the choice to the
        # ranking and the readings after it (街道会半小时开完，那洋湖乡一个月总共开几次会).
        top = ranked[0].score
        near = [m.fact.id for m in ranked[:CANDIDATES] if m.score >= max(FLOOR, top - WINDOW)]
        if not near:
            return ()  # nothing shares enough with the question to be answered
        told = [self._told(fid) for fid in near]
        held = [self._quantities.held_by(fid) for fid in near]
        found: list[str] = []
        rate = self._rate(text)
        rate_held = bool(rate) and any(self._rate_held_within(rate, t) for t in told)
        # 一天要看多少条消息: a count of the kind asked (上百条信息) answers it, period or not
        kinds = asked - {FREQUENCY, DROP}
        if rate and not rate_held and not any(kinds & {a.group for a in h} for h in held):
            found.append(f"per-{rate}")
        # a person's own rate is their average (段琼平均每周开几次会); a place's cadres' or a
        # topic's is an average over many, which a fact gives only in so many words
        own = person and rate_held
        averaged = any(map(_AVERAGE_HELD.search, told))
        if asks and _AVERAGE_ASKED.search(text) and not own and not averaged:
            found.append("average")
        # what is left, of the best fact alone: a share cut of someone else's phone
        # (少了一半多) says nothing of what a district has left
        if _LEFT_ASKED.search(self._without_vague(text)) and not (
            _LEFT_HELD in told[0] or self._cut_by_share(held[0])
        ):
            found.append("left-now")
        if _RANK_ASKED.search(text) and not any(map(_RANK_HELD.search, told)):
            found.append("ranking")
        if said and self._said_then_asked_where(text, held):
            found.append("number-said")
        return tuple(found)

    def _told(self, fact_id: str) -> str:
        """The fact's text as its numbers are read (quantities.Quantities.held), kept."""
        told = self._texts.get(fact_id)
        if told is None:
            told = self._texts[fact_id] = numbers_text(self._facts[fact_id])
        return told

    def _rate(self, text: str) -> str:
        """The span of the period a count is asked in (一年要迎几回 → 年), else ""."""
        if self._rate_asked is None:
            return ""
        found = self._rate_asked.search(self._without_vague(text))
        return span_of(found.group(1)) if found else ""

    def _without_vague(self, text: str) -> str:
        """The text without 几 saying "a few" (一年好几次, 还有好几个群): no ask."""
        for vague in self._vague:
            text = text.replace(vague, " ")
        return text

    @staticmethod
    def _cut_by_share(held: frozenset[Amount]) -> bool:
        """A cut by a share of the whole (少了一半多) tells what is left: dev-several labels
        精简以后手机里的群还剩多少 with it."""
        groups = {a.group for a in held}
        return DROP in groups and SHARE in groups

    def _rate_held_within(self, asked: str, told: str) -> bool:
        """The fact gives a rate in the span asked or a shorter one: plain meaning, 每周只用参加
        一次 tells how many a month (four), 一个月最多两次 nothing of a day."""
        if self._rate_held is None:
            return False
        spans = {span_of(m.group(1)) for m in self._rate_held.finditer(told)}
        longest = _SPANS.index(asked) if asked in _SPANS else len(_SPANS)
        return asked in spans or any(s in _SPANS[:longest] for s in spans)

    def _said_then_asked_where(self, text: str, held: Sequence[frozenset[Amount]]) -> bool:
        """A number said right before a where or who asked of it (一个月最多开三次会的是哪个
        地方); a story's numbers long before an ask of its own (市里来查了两回。…哪里检查少了)
        are the asker's, not the article's."""
        for where in _WHERE_ASKED.finditer(text):
            start = max(0, where.start() - SAID_BEFORE)
            while start > 0 and _NUMBER_CHAR.match(text[start - 1]):
                start -= 1  # the whole number (一百九十多个), not its tail (九十多个)
            start = max(0, start - NEAR_WORD)  # and a word making it rough (快200个)
            said = self._quantities.said(text[start : where.start()])
            if said and self._said_otherwise(said, held):
                return True
        return False

    @staticmethod
    def _said_otherwise(said: frozenset[Amount], held: Sequence[frozenset[Amount]]) -> bool:
        """A number said of a kind the facts give a figure of, and none of theirs fits it
        (三次 against 两次); a number of a kind they have no figure of says nothing."""
        figures = {h.group for amounts in held for h in amounts if h.value}
        compared = [s for s in said if s.group in figures]
        return bool(compared) and not any(
            s.fits(h) for s in compared for amounts in held for h in amounts
        )
