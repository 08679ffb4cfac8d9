"""A change told as done, then the ask: what is asked is what came after it.

Cadres open with the change they know of and ask about what followed (检查合并成联合检查以后
由谁牵头, 群解散了一大批以后，手机上的群到底少了多少, 会议记录不严查了，街道的会开多长). Read
whole, the change's words are the facts' own words (联合检查, 解散) and pull the fact telling
that change; the ask after it names another fact of the same topic (牵头, 手机上的群少了多少,
街道的会开多长). Read alone, the ask gets its own fact: that fact answers, on the topic of the
fact read whole, and never one telling only the trouble before the change (精简以后手机里的群还剩
多少 asks what is left, not how many there were).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.search.bars import PART_BAR
from bot.search.shapes import Match, Prepared, Result, Thresholds
from bot.search.story import asks_something
from bot.search.timeline import asks_before, tells_before_only

_STOP = "，,。.！!？?；;~～\\s"
_END = "[？?。.！!~～\\s]*$"
# 检查合并成联合检查以后由谁牵头, 群解散了一大批以后，手机上的群到底少了多少: the change, 以后 or
# 之后, then the ask, with or without a comma between.
_AFTER = re.compile(
    rf"^(?P<told>[^{_STOP}]{{2,}}?)(?:以后|之后)[，,\s]*(?P<ask>[^{_STOP}]{{2,}}){_END}"
)
# 会议记录不严查了，街道的会开多长: a change told done (了), then the ask, a clause of its own.
_DONE = re.compile(rf"^(?P<told>[^{_STOP}]{{2,}}了)[，,\s]+(?P<ask>[^{_STOP}]{{2,}}){_END}")
# 段琼说例会半小时开完，那她们会议记录现在怎么弄: what was told, then 那 turning to the ask.
_THEN = re.compile(
    rf"^(?P<told>[^{_STOP}]{{2,}})[，,\s]+那(?:么|你们|她们|他们)?(?P<ask>[^{_STOP}]{{2,}}){_END}"
)


def ask_after_change(
    cleaned: str, normal: Callable[[str], str], names_topic: Callable[[str], bool]
) -> str | None:
    """The ask of a two-part question telling a change first and asking after it, or None.
    `normal` normalises a part; `names_topic` says whether a normalised part names a topic.
    After 了 or 那 the ask must name a topic itself: 任务都结束了群还留着，要不要散 asks of the
    change (要不要散 alone names nothing), 群都精简了，会议记录还查吗 asks something new."""
    found = _AFTER.match(cleaned)
    told_done = found is None
    if found is None:
        found = _DONE.match(cleaned) or _THEN.match(cleaned)
    if found is None:
        return None
    told, ask = normal(found["told"]), normal(found["ask"])
    if asks_something(told) or not asks_something(ask):
        return None
    if told_done and not names_topic(ask):
        return None
    return found["ask"]


def with_ask_after_change(
    p: Prepared, result: Result, t: Thresholds, one: Callable[..., Result]
) -> Result:
    """`result`, unless it answers one fact and the ask after the change told (`p.after`),
    read alone, answers another fact of the same topic that tells what came after."""
    if p.after is None or not result.answered or result.shape != "fact" or not result.matches:
        return result
    alone: Result = one(p.after, t)
    if not alone.matches or (alone.answered and alone.shape != "fact"):
        return result
    whole, asked = result.matches[0].fact, alone.matches[0].fact
    if asked == whole or asked.topic != whole.topic:
        return result
    # 190多个群解散了，那之前一个干部手机里有多少个工作群 asks for the trouble before itself
    before_only = tells_before_only(asked.measure + asked.example + asked.quote)
    if before_only and not asks_before(p.after.query):
        return result
    if not alone.answered:
        return _both_offered(result, alone.matches[0], t)
    return replace(alone, query=p.query, normalized=p.normalized)


def _both_offered(result: Result, asked: Match, t: Thresholds) -> Result:
    """各部门分头检查改成联合检查之后，现在是哪个部门牵头负责: the ask alone (现在是哪个部门牵头
    负责) is too short to be sure of its fact, yet puts it first; read whole, the change's words
    answered the change's fact. Neither reading is sure of what is asked: both facts are
    offered, the ask's first, at the score the whole gave (a "did you mean"). An ask alone
    that barely reaches its fact (below PART_BAR of the suggest bar) leaves the answer."""
    if asked.score < PART_BAR * t.suggest:
        return result
    first = result.matches[0]
    rest = tuple(m for m in result.matches[1:] if m.fact != asked.fact)
    offered = (replace(asked, score=first.score), first, *rest)
    return replace(result, decision="suggest", matches=offered, related=())
