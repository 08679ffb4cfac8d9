"""Several topics asked in one message: one fact for each, or one story after all.

`shapes.conclude` asks `several_asked` first. A message names several topics when its clauses
(or, with no punctuation, its runs: 会多表多) each clear a lower bar on a different topic; the
message read whole may still be one story that named the others in passing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.search.bars import PART_BAR, TOPIC_BAR
from bot.search.ranked import Match

if TYPE_CHECKING:  # for annotations only: shapes.py imports this module
    from bot.search.shapes import Prepared, Thresholds

SEVERAL_MAX = 3  # the issue bounds a several-at-once reply to three topics, in the order asked
# A long chatty message read whole is about one topic when its best fact leads the best of
# every other topic a part of it named by this much: those were named in passing (镇里要求每天
# 入户走访，走访完要拍照发到群里…). A short list (群太多、会太长) keeps the order it was asked in.
DOMINANCE = 25.0
LONG_MESSAGE = 24  # characters, normalised


def dominates(p: Prepared, several: tuple[Match, ...]) -> bool:
    """The whole long message is about its best fact's topic; the others were in passing."""
    best = p.ranked[0]
    passing = {m.fact.topic for m in several} - {best.fact.topic}
    if len(p.normalized) < LONG_MESSAGE or len(passing) == len(several):
        return False
    rival = next((m for m in p.ranked if m.fact.topic in passing), None)
    return rival is None or best.score - rival.score >= DOMINANCE


def several_of(
    bests: Sequence[Match], t: Thresholds, whole: Sequence[Match] = ()
) -> tuple[Match, ...]:
    """One fact per topic among clause bests that clear the bar, when there are two or more:
    the first clause's on its topic, unless a later clause on it gets the fact the message
    read whole ranks first on that topic (`whole`: each topic's best)."""
    chosen: dict[str, Match] = {}
    agreed = {m.fact for m in whole}
    for best in bests:
        if best.score < PART_BAR * t.suggest:
            continue
        # 为了迎检开了好几次准备会，检查一拨接一拨，能不能把检查合并起来: the first clause on
        # inspections only sets the scene (材料, 台账); the clause the whole message agrees
        # with names the topic's fact. The topic keeps the place it was first named in.
        held = chosen.get(best.fact.topic)
        if held is None or (best.fact in agreed and held.fact not in agreed):
            chosen[best.fact.topic] = best
    return tuple(chosen.values())[:SEVERAL_MAX] if len(chosen) >= 2 else ()


def topic_bests(ranked: Sequence[Match]) -> list[Match]:
    """The best match of each topic, in the order ranked."""
    bests: dict[str, Match] = {}
    for match in ranked:
        bests.setdefault(match.fact.topic, match)
    return list(bests.values())


def several_asked(p: Prepared, t: Thresholds) -> tuple[tuple[Match, ...], bool]:
    """One fact per topic asked about, when the clauses clearly ask about several topics, and
    whether they were read as a list (then the order asked in is kept).

    会多表多 has no punctuation to split at: its runs are cut where the topic changes in a list
    shape only (开会时手机要不要上交 is no list: it asks about neither meetings nor phones)."""
    chosen = {m.fact.topic: m for m in several_of(p.clause_bests, t, p.topic_bests)}
    runs = several_of(p.run_bests, t, p.topic_bests)
    listed = len(runs) > len(chosen)  # 开会迎检填表，样样留痕: the list names more than the clauses
    if listed:
        chosen = {m.fact.topic: m for m in runs}
    if len(chosen) < 2:
        # 迎检次数和报表次数都减了吗 may not split cleanly; the whole question names both.
        # Read whole, it is one story: its best fact first, and alone when it leads the
        # others by far (开会时要拍照发群里证明开过了 asks about the photos, not the meeting).
        named = [m for m in p.topic_bests if m.score >= TOPIC_BAR * t.suggest]
        ranked_named = sorted(named, key=lambda m: -m.score)
        if len(named) >= 2 and ranked_named[0].score - ranked_named[1].score >= t.lead:
            return (), False
        chosen = {m.fact.topic: m for m in named}
    if len(chosen) < 2 or told_as_one(p, set(chosen), listed, t):
        return (), False
    return tuple(chosen.values())[:SEVERAL_MAX], listed


def told_as_one(p: Prepared, topics: set[str], listed: bool, t: Thresholds) -> bool:
    """The message read whole is sure of a fact on a topic no clause's pick is on: each clause,
    read alone, lost what it was about. So when that fact leads every topic the clauses are on
    by the lead, or the message is a long one its clauses tell as a story, not as a list.

    群里天天让报位置、报工作照，说是考核要用，但是照片能说明啥呢，…照片拍多拍少根本看不出干得好不好:
    read whole, pictures standing in for an assessment of the work; clause by clause, 天天报 is
    a form and 看不出干得好不好 an inspection."""
    best = p.ranked[0] if p.ranked else None
    if best is None or best.score < t.answer or best.fact.topic in topics:
        return False
    if not listed and len(p.normalized) >= LONG_MESSAGE:
        return True
    rivals = [m.score for m in p.ranked if m.fact.topic in topics]
    return not rivals or best.score - max(rivals) >= t.lead
