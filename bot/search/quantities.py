"""Questions about numbers: how many, how long, how often, what share, or a number as said.

The numbers are read from the facts' own text with the units of responses/quantities.yaml, so
a new article brings its own: 190余个 holds a count of items, 3分钟 a duration, 一个月最多两次
says how often. A question asking for a kind of number (清理了多少个群, 会开了多长时间,
一个月开几次会) favours the facts holding one; a question stating a number (三十来个群, 6种)
favours the facts holding that very number. How a number reads, and when a number said fits
one held, is amounts.py's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from bot.kb import Fact, QuantityWords
from bot.search.amounts import ABOUT, NUMBER, PERCENT, ROUGHLY, Amount, low_end, plain, value_of
from bot.search.counted import CountedWords
from bot.search.cues import CuePattern, compile_pattern, is_pattern
from bot.search.query import QueryAnalysis
from bot.search.ranked import Match, best_first, fact_order
from bot.search.timeline import tells_before_only
from bot.search.wordalternation import longest_first

FREQUENCY = "frequency"  # the group of a number that follows a period (一周最多一表)
DROP = "drop"  # the group of a number that follows a word of a cut (少了一半, 解散整合群190余个)
SHARE = "share"  # 几成, 多大比例: words no fact holds, so they are asked, not matched
BONUS = 8.0  # points for a fact holding the kind of number asked for, or the number said
BEHIND_CUT = 1.0  # points a fact of the trouble before a cut stays below the fact of the cut
NEAR_GAP = 2  # characters between 将近/大概 and the number (将近 两百)
FLOOR = 25.0  # a fact scoring below this shares too little with the question to be lifted
DISTINCT = 10  # a number said this large is telling even among words we do not know
PERIOD_GAP = 6  # characters between a period and its number (一个月最多也就两次会)
ONCE_GAP = 4  # characters between 只/最多 and the 一 they make a count (一周最多一表)
DROP_GAP = 4  # characters between a word of a cut and its number (解散整合群190余个)
ASK_DROP_GAP = 6  # … and the 多少 asking for it (清理群的成果有多少)
_BREAK = "，。；、,.;！？!?\n"
KEPT_TEXTS = 64  # texts whose asks and numbers are kept (Quantities.asked, Quantities.said)
K = TypeVar("K")
_ASIDE = "（）()"  # 精简（解散或整合）六类: the cut is the six kinds', not a number of them


def numbers_text(fact: Fact) -> str:
    """The fact's text as its numbers are read: title, measure, example and quote, NFKC."""
    return unicodedata.normalize(
        "NFKC", "\n".join((fact.title, fact.measure, fact.example, fact.quote))
    )


COUNT_ASKS = ("多少", "几")  # the words asking a count, before the unit counted


def _blank(ask: CuePattern, text: str, keep_count: bool = False) -> str:
    """The text with the words of an ask blanked where the ask is found: 多久填一次表 keeps
    填 and 表, which say what is asked about. `keep_count`: an ask ending in 多少 or 几 keeps
    that end, so the unit after it (一共多少张表) is still read as asked."""
    found = ask.regex.search(text)
    if found is None:
        return text
    span = found.group(0)
    for word in sorted(ask.words, key=len, reverse=True):
        count = next((c for c in COUNT_ASKS if keep_count and word.endswith(c)), "")
        span = span.replace(word, " " + count)
    return text[: found.start()] + span + text[found.end() :]


def _kept(kept: dict[str, K], text: str, read: Callable[[str], K]) -> K:
    """`read(text)`, kept by text for the last few texts (read must depend on the text alone)."""
    found = kept.get(text)
    if found is None:
        if len(kept) >= KEPT_TEXTS:  # a long message's clauses, and a few questions before it
            kept.clear()
        found = kept[text] = read(text)
    return found


class Quantities:
    """The numbers each fact holds, and what a question asks or says of numbers."""

    def __init__(
        self,
        words: QuantityWords,
        facts: Sequence[Fact],
        held: Mapping[str, frozenset[Amount]] | None = None,
    ) -> None:
        """`held`: every fact's numbers as `held_by_fact` read them before (the matcher's
        cache); read afresh when it holds other facts."""
        self._unit_group = {u: g for g, units in words.units.items() for u in units}
        self._phrase_group = {p: g for g, phrases in words.phrases.items() for p in phrases}
        self._scales = words.scales
        self._near = words.near
        self._values = {p: plain(v) for p, v in words.values.items()}
        # Each ask a pattern (多久…一次, or a plain phrase), longest first within a group.
        self._asks = {
            group: tuple(compile_pattern(a if is_pattern(a) else "~" + a) for a in asks)
            for group, asks in words.asks.items()
        }
        once = longest_first(words.once)
        self._once = re.compile(rf"(?:{once})[^{_BREAK}\s]{{0,{ONCE_GAP}}}$") if once else None
        self._periods = words.periods
        self._vague = sorted(words.vague, key=len, reverse=True)
        units = longest_first(self._unit_group)
        self._amount = re.compile(rf"{NUMBER}{ABOUT}(?:个\s?)?({units})") if units else None
        self._asked_unit = re.compile(rf"(?:多少|几)\s?(?:个\s?)?({units})") if units else None
        # 三个, 几次, 多少个小时: a number or an ask, and what it counts, as one word
        self._count_word = re.compile(rf"(?:{NUMBER}|多少|几){ABOUT}(?:个)?(?:{units})?")
        phrases = longest_first(self._phrase_group)
        self._phrase = re.compile(phrases) if phrases else None
        periods = longest_first(words.periods)
        self._every = (
            re.compile(rf"(?:{periods})[^{_BREAK}\s]{{0,{PERIOD_GAP}}}?{NUMBER}{ABOUT}({units})")
            if periods and units
            else None
        )
        drops = longest_first(words.drops)
        within = f"[^{_BREAK}{_ASIDE}\\s]"
        self._drop = (
            re.compile(rf"(?:{drops}){within}{{0,{DROP_GAP}}}?{NUMBER}{ABOUT}(?:个\s?)?({units})")
            if drops and units
            else None
        )
        self._drop_phrase = (
            re.compile(rf"(?:{drops}){within}{{0,{DROP_GAP}}}?(?:{phrases})")
            if drops and phrases
            else None
        )
        self._drop_ask = (
            re.compile(rf"(?:{drops}){within}{{0,{ASK_DROP_GAP}}}?(?:多少|几)") if drops else None
        )
        self._facts = {fact.id: fact for fact in facts}
        self._order = fact_order(facts)
        self._counted = CountedWords(facts)
        # Every fact's numbers, read with the index (about 1 s at 10,000 facts, kept in its
        # cache): a question read afresh meets a dozen facts, each new to it at 10,000.
        if held is None or held.keys() != self._facts.keys():
            held = {fact_id: self.held(fact) for fact_id, fact in self._facts.items()}
        self.held_by_fact = dict(held)
        # A question's asks and numbers, by its text: one question asks both several times
        # (its counts, its ranking, its occasion); the words above never change, so they hold.
        self._asked_kept: dict[str, frozenset[str]] = {}
        self._said_kept: dict[str, frozenset[Amount]] = {}

    def amounts(self, text: str) -> list[Amount]:
        """Every number in a text with what it counts."""
        found: list[Amount] = []
        if self._amount is not None:
            for found_at in self._amount.finditer(text):
                number, about, unit = found_at.groups()
                if number == "一" and not self._counts_once(text, found_at.start(), unit):
                    continue  # 一个月, 不久前的一次会: "a", no count
                value = value_of(number, self._scales.get(unit, 1.0))
                # 两百来个: about 200 either side (plain meaning) as well as 多's 200-299
                near = about == "来" or self._rough(text, found_at.start(), found_at.end())
                group = self._unit_group[unit]
                about = about or number in ROUGHLY
                low = low_end(text[: found_at.start()], value, self._scales.get(unit, 1.0))
                found.append(Amount(group, value, about=bool(about), near=near, low=low))
        if self._phrase is not None:
            found += [
                Amount(self._phrase_group[p], self._values.get(p, ""))
                for p in self._phrase.findall(text)
            ]
        found += [Amount(SHARE, str(int(n))) for n in PERCENT.findall(text)]
        return found

    def _rough(self, text: str, start: int, end: int) -> bool:
        """将近两百个, 快200个, 30分钟左右: a rough number."""
        before = text[max(0, start - NEAR_GAP - 2) : start].rstrip()
        after = text[end : end + 3].lstrip()
        return any(before.endswith(w) or after.startswith(w) for w in self._near)

    def _counts_once(self, text: str, at: int, unit: str) -> bool:
        """一次, 一表 counts after 只, 最多 … (只开一次); 一个 never does."""
        if unit == "个" or self._once is None:
            return False
        return bool(self._once.search(text[max(0, at - ONCE_GAP - 4) : at]))

    def held(self, fact: Fact) -> frozenset[Amount]:
        """The numbers a fact's text holds; a number after a period also says how often."""
        text = numbers_text(fact)
        found = set(self.amounts(text))
        if self._every is not None and self._every.search(text):
            found.add(Amount(FREQUENCY, ""))
        if any(p is not None and p.search(text) for p in (self._drop, self._drop_phrase)):
            found.add(Amount(DROP, ""))
        return frozenset(found)

    def asked(self, normalized: str) -> frozenset[str]:
        """The kinds of number a question asks for: 多少个 → items, 多久 → duration,
        一个月开几次 and 多久一次 → how often."""
        return _kept(self._asked_kept, normalized, self._asked)

    def _asked(self, normalized: str) -> frozenset[str]:
        groups: set[str] = set()
        text = normalized
        for vague in self._vague:  # 好几个部门, 隔几天: "a few", not "how many"
            text = text.replace(vague, " ")
        for group in sorted(self._asks, key=lambda g: g != FREQUENCY):  # 多久一次 before 多久
            for ask in self._asks[group]:
                if ask.regex.search(text):
                    groups.add(group)
                    text = _blank(ask, text, keep_count=True)
        if self._asked_unit is not None:
            groups |= {self._unit_group[u] for u in self._asked_unit.findall(text)}
        if self._drop_ask is not None and self._drop_ask.search(text):
            groups.add(DROP)  # 群减了多少 asks what was cut, not how many there are
        if groups and any(period in normalized for period in self._periods):
            groups.add(FREQUENCY)
        return frozenset(groups)

    def without_asks(self, normalized: str) -> str:
        """The question without its how-often and what-share phrases: 多久一次 asks how often,
        so its 多久 must not read as a length of time (a meeting's); 几成, 多大比例 name
        nothing a fact says, and asking for a share is no word against a fact holding 一半."""
        for ask in (*self._asks.get(FREQUENCY, ()), *self._asks.get(SHARE, ())):
            normalized = _blank(ask, normalized)
        return normalized

    def wraps_an_ask(self, cue: str) -> bool:
        """A cue holding a share or how-often ask and more (报几成 holds 几成): what
        without_asks takes away with the ask. 几成 alone, or 比例 inside 多大比例, is only the
        ask."""
        asks = (*self._asks.get(FREQUENCY, ()), *self._asks.get(SHARE, ()))
        return any(w in cue and w != cue for ask in asks for w in ask.words)

    def counts_only(self, analysis: QueryAnalysis, normalized: str) -> bool:
        """The question's words are nothing but periods, numbers, asks and the units they
        count in (一天有多少个小时): a count, but of nothing the facts are about. A unit word
        not counted in (几张表, 一周最多一表: 表) is what is asked about."""
        if not analysis.terms or analysis.unknown or analysis.cues or self.said(normalized):
            return False  # a number said (190个, 一个月两次) looks up the fact holding it
        position = 0
        for qt in analysis.terms:
            at = normalized.find(qt.source, position)
            if at < 0 or not self._numberish(qt.source, normalized[:at].rstrip()):
                return False
            position = at + len(qt.source)
        return True

    def _numberish(self, word: str, before: str) -> bool:
        if word in self._periods or word in self._phrase_group:
            return True
        if any(word in ask.words for asks in self._asks.values() for ask in asks):
            return True
        if word in self._unit_group:  # 多少个小时, 几天: counted in; 一表: "a" form
            return bool(before) and (before[-1] in "个几少" or before[-1].isdigit())
        return self._count_word.fullmatch(word) is not None

    def without_count_cues(self, analysis: QueryAnalysis, normalized: str) -> QueryAnalysis:
        """The analysis without cues that end in a 几 asking how many (一周几天, 一礼拜几张表
        are counts, not 周几 or 礼拜几, which day), nor cues asking how many people of a thing
        a fact counts (要几个人签字: 五六个签字)."""
        if self._asked_unit is None or not analysis.cues:
            return analysis
        counts = {m.start() for m in self._asked_unit.finditer(normalized)}
        read = [(qt.source, qt.term) for qt in analysis.terms]

        def counting(cue: str) -> bool:
            if self._counted.asks_a_count(cue, normalized, read):
                return True
            if not cue.endswith("几") or cue not in normalized:
                return False
            ends = [m.start() + len(cue) - 1 for m in re.finditer(re.escape(cue), normalized)]
            return all(end in counts for end in ends)

        if not any(counting(c) for c in analysis.cues):
            return analysis
        cues = tuple(c for c in analysis.cues if not counting(c))
        forms = tuple(f for f in analysis.forms if not counting(f))
        return replace(analysis, cues=cues, forms=forms)

    def said(self, normalized: str) -> frozenset[Amount]:
        """The exact numbers a question states (三十来个群 → 30 items); 一 says little."""
        return _kept(self._said_kept, normalized, self._said)

    def _said(self, normalized: str) -> frozenset[Amount]:
        return frozenset(a for a in self.amounts(normalized) if a.value not in ("", "1"))

    def rerank(self, normalized: str, ranked: Sequence[Match], ask: bool = True) -> list[Match]:
        """Facts holding the kind of number asked for, or the number said, move up.

        `ask` False: the question names something we do not know, so it may ask for a number
        no measure gives (坐车要多久), and only a number said that stands out (三十来个群,
        not 三天) counts."""
        asked = self.asked(normalized) if ask else frozenset()
        said = self.said(normalized)
        if not ask:
            said = frozenset(a for a in said if float(a.value) >= DISTINCT)
        # A cut asked for moves the trouble before it down, whatever else the question says.
        cut_asked = DROP in (asked if ask else self.asked(normalized))
        if not asked and not said and not cut_asked:
            return list(ranked)
        moved = [
            Match(m.fact, min(100.0, round(m.score + BONUS, 2)), m.parts)
            if m.score >= FLOOR and self._fits(m.fact.id, asked, said)
            else m
            for m in ranked
        ]
        if cut_asked:
            moved = self._behind_the_cut(moved)
        return best_first(moved, self._order)

    def _behind_the_cut(self, ranked: Sequence[Match]) -> list[Match]:
        """手机里三十多个群全都置顶，后来少了多少 asks what the cut came to: the fact telling
        only the trouble before it (一度超过30个, however many words it shares) cannot say, so
        it falls below the fact of its topic holding the cut (少了一半多)."""
        cut: dict[str, float] = {}
        holding = {
            m.fact.id for m in ranked if any(a.group == DROP for a in self.held_by(m.fact.id))
        }
        for m in ranked:
            if m.fact.id in holding:
                cut[m.fact.topic] = max(cut.get(m.fact.topic, 0.0), m.score)
        return [
            Match(m.fact, round(cut[m.fact.topic] - BEHIND_CUT, 2), m.parts)
            if m.fact.topic in cut
            and m.score >= cut[m.fact.topic]
            and m.fact.id not in holding
            and self._before_only(m.fact.id)
            else m
            for m in ranked
        ]

    def tells_apart(self, normalized: str, one: str, other: str) -> bool:
        """`one` holds the number said or the kind asked, `other` not: 近两百个群撤了 (190)."""
        asked, said = self.asked(normalized), self.said(normalized)
        return self._fits(one, asked, said) and not self._fits(other, asked, said)

    def _before_only(self, fact_id: str) -> bool:
        fact = self._facts.get(fact_id)
        return fact is not None and tells_before_only(fact.measure + fact.example + fact.quote)

    def held_by(self, fact_id: str) -> frozenset[Amount]:
        """The numbers `fact_id`'s text holds (none for an id not known)."""
        return self.held_by_fact.get(fact_id, frozenset())

    def _fits(self, fact_id: str, asked: frozenset[str], said: frozenset[Amount]) -> bool:
        held = self.held_by(fact_id)
        fits = any(s.fits(h) for s in said for h in held)
        return fits or any(a.group in asked for a in held)
