"""The ask of a long message: the clause that asks, with the clauses just before it that name
what it asks about, read alone.

A cadre writing to a group tells the week first (我们乡这半年各个部门轮流来…,
今天跟书记聊了聊，他一天到晚都在开会…) and asks last, often vaguely
(你们那边检查还要这么多材料吗, 想问问有没有地方专门清理过这些群). Read whole, the story's
many words outweigh the ask: the right fact still comes first, on a score too low to say it.
Read alone, the ask and the clauses naming its subject say plainly what is wanted. The story
only frames it: the ask's fact answers when the message read whole leans to that fact's topic,
and no earlier clause asks something no measure answers. A short message of two clauses, one
telling whom or what it means and one asking (200多次会那个书记，现在会议记录怎么弄), is read so
too, between two close siblings only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.search.afterwards import ask_after_change
from bot.search.clauseends import (
    ASKS,
    BLANKS,
    DOT,
    ELLIPSIS,
    LIST_COMMA,
    PAUSES,
    ClauseSplitter,
)
from bot.search.several import LONG_MESSAGE
from bot.search.shapes import Match, Prepared, Result, Thresholds
from bot.search.story import asks_something

if TYPE_CHECKING:  # for annotations only: topicwords imports nothing of this module's callers
    from bot.search.query import QueryAnalysis
    from bot.search.topicwords import TopicWords

# Clauses as people type them: commas, stops, spaces; a question mark ends one too.
_CLAUSES = ClauseSplitter(PAUSES, DOT, ASKS, ELLIPSIS, LIST_COMMA, BLANKS)
MIN_CLAUSES = 3  # fewer: the message read whole is already mostly its ask
BACK = 3  # clauses before a vague ask searched for the one naming its subject
SHAPES = ("fact", "topic")  # one fact asked about, or a topic's representative
_YES_OR_NO = re.compile(r"不[啊呀哈嘛]?$")
# Two facts of one topic this close, read whole, are a toss-up the story's words decide
# (variants of tune questions from dev-nearmiss, dev-request5, dev-siblings, dev-wrong2: gaps of
# 0.01 to 2.2 points); the ask alone, ahead by CLEAR on its own reading, says which is asked.
SIBLINGS_NEAR = 3.0
CLEAR = 10.0
AHEAD = 0.01  # the ask's choice leads by this much, so a later sort by score keeps it first
# An ask alone that leaves no doubt (ahead by DECISIVE) moves a sibling further behind, up to
# SIBLINGS_FAR: 手机天天响个不停，群多得刷不完，别的地方群少了以后手机真的轻了吗 asks what came
# after (80 to 29.5 alone; 55.4 to 44.5 whole). Tune fixes: dev-words (this one) and dev-wrong9
# (two clauses, _with_closing_clause); no tune question moved away.
SIBLINGS_FAR = 12.0
DECISIVE = 40.0


@dataclass(frozen=True)
class AskFinder:
    """Where the ask of a long message lies. `normal` normalises a clause, `subject` says
    whether a normalised text holds a word naming a topic itself (会议, 表格, 检查, 群: not
    一整天 or 年底, which only some facts use), `cues` lists its off-topic cues."""

    normal: Callable[[str], str]
    subject: Callable[[str], bool]
    cues: Callable[[str], tuple[str, ...]]
    # A word names a topic, any word (模板, 台账, 僵尸群): the burden's clause before a vague ask
    # (模板一变就要重新填，这个能解决不) when no clause near the ask names a topic itself.
    names: Callable[[str], bool] = lambda text: False

    @classmethod
    def reading(
        cls,
        normal: Callable[[str], str],
        analyze: Callable[[str], QueryAnalysis],
        words: TopicWords,
    ) -> AskFinder:
        """Over the matcher's own reading: `analyze` a normalised clause, `words` the topics'."""
        return cls(
            normal,
            lambda text: words.subject_named(analyze(text)),
            lambda t: analyze(t).cues,
            lambda t: words.first_named(analyze(t)) is not None,
        )

    def subject_or_named(self, text: str) -> bool:
        """A normalised text names a topic, by a word naming it itself or any of its words."""
        return self.subject(text) or self.names(text)

    def span(self, cleaned: str) -> str | None:
        """The last clause asking something, from the nearest clause before it (at most
        BACK) that names a topic; None when that is the whole message, or nothing asks."""
        clauses = _CLAUSES.bare(cleaned)
        if len(clauses) < MIN_CLAUSES:
            return None
        normal = [self.normal(c) for c in clauses]
        asking = [n for n, text in enumerate(normal) if _asks(text)]
        if not asking:
            return None
        last = asking[-1]
        near = range(last, max(-1, last - BACK - 1), -1)
        start = next((n for n in near if self.subject(normal[n])), None)
        if start is None:
            start = next((n for n in near if self.names(normal[n])), None)
        if start is None or (start == 0 and last == len(clauses) - 1):
            return None
        # 想问个题外话，评职称要啥条件: an earlier ask no measure answers is what is asked.
        if any(self.cues(normal[n]) for n in asking if n < start):
            return None
        return "，".join(clauses[start : last + 1])


def _asks(normalized: str) -> bool:
    """A mark of a question (a rough count, 三十几户, 十几家, asks nothing: story.py),
    or a clause closing on 不 as a yes-or-no ask (这个能解决不, 有用不)."""
    return asks_something(normalized) or _YES_OR_NO.search(normalized) is not None


def with_long_ask(
    p: Prepared,
    question: str,
    finder: AskFinder,
    cleaned: Callable[[str], str],
    prepare: Callable[[str], Prepared],
) -> Prepared:
    """`p` with its ask prepared alone (`asked`), when the message is long and its ask is not
    the whole of it."""
    if p.greeting:
        return p
    text = cleaned(question)
    # 检查合并成联合检查以后由谁牵头: the ask after a change told, however short (afterwards.py)
    after = ask_after_change(text, finder.normal, finder.subject_or_named)
    if after is not None:
        p = replace(p, after=prepare(after))
    span = finder.span(text) if len(p.normalized) >= LONG_MESSAGE else None
    if not span:
        return _with_closing_clause(p, text, finder, prepare)
    asked = prepare(span)
    return replace(p, asked=asked, ranked=ask_leads(p.ranked, asked.ranked))


def _with_closing_clause(
    p: Prepared, text: str, finder: AskFinder, prepare: Callable[[str], Prepared]
) -> Prepared:
    """`p`, its two best facts swapped when they are close siblings and the message is two
    clauses, one telling who or what it means and one asking, naming a topic itself, whose
    reading alone clearly puts the second first: 200多次会那个书记，现在会议记录怎么弄 asks of
    the records, the count only says which secretary."""
    ranked = p.ranked
    if len(ranked) < 2 or ranked[0].fact.topic != ranked[1].fact.topic:
        return p
    if ranked[0].score - ranked[1].score > SIBLINGS_FAR:
        return p
    clauses = _CLAUSES.bare(text)
    if len(clauses) != 2:
        return p
    told, ask = (finder.normal(c) for c in clauses)
    if _asks(told) or not _asks(ask) or not finder.subject(ask):
        return p
    return replace(p, ranked=ask_leads(ranked, prepare(clauses[-1]).ranked))


def ask_leads(whole: tuple[Match, ...], alone: tuple[Match, ...]) -> tuple[Match, ...]:
    """`whole`, with its second fact first when the best two are siblings close together and
    the ask read alone puts the second first, clearly ahead of the first (一个月光开会就占了
    大半，能不能少开几次 after a story: twice a month, not the weekly half hour); further apart
    (SIBLINGS_FAR) when the ask alone leaves no doubt (DECISIVE)."""
    if len(whole) < 2 or not alone:
        return whole
    best, second = whole[0], whole[1]
    gap = best.score - second.score
    if best.fact.topic != second.fact.topic or gap > SIBLINGS_FAR:
        return whole
    if alone[0].fact != second.fact:
        return whole
    rival = next((m.score for m in alone if m.fact == best.fact), 0.0)
    if alone[0].score - rival < (CLEAR if gap <= SIBLINGS_NEAR else DECISIVE):
        return whole
    return (replace(second, score=round(best.score + AHEAD, 2)), best, *whole[2:])


def with_ask(p: Prepared, result: Result, t: Thresholds, one: Callable[..., Result]) -> Result:
    """`result`, unless it gives nothing and the long message's ask, read alone, answers one
    fact on the topic of the best fact the message gets read whole."""
    if result.answered or p.asked is None:
        return result
    alone: Result = one(p.asked, t)
    if not alone.answered or alone.shape not in SHAPES or not alone.matches:
        return result
    # 督查室要写总结，格式一般是啥样的: read whole, the message is not about what its ask names.
    fact = alone.matches[0].fact
    if not p.ranked or fact.topic != p.ranked[0].fact.topic:
        return result
    return replace(alone, query=p.query, normalized=p.normalized)
