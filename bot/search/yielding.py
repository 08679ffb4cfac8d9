"""A cue in the scene yields to a measure asked after it.

An official sets the scene, then asks what can be done: 上个月刚把表格全填完，县里说模板更新了，
几个人又加了三天班。这种老换模板的事情怎么解决. The cue (几个人: how many people) lies in a
clause told before the ask, and the ask, free of any cue, is for a measure — what the facts give.
A cue in the closing ask itself (会议室在哪里预订), or after it (有什么好办法，明天几点开会),
still counts: that is what is asked.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from bot.search.clauseends import ASKS, ELLIPSIS, PAUSES, ClauseSplitter

# Where a message's clauses end: a pause, a stop, a question mark; a blank too, between runs of
# three characters or more (群太多了真的崩溃 每个群都要置顶), not between words typed spaced apart.
_CLAUSES = ClauseSplitter(PAUSES, ELLIPSIS, ASKS)
_BLANKS = re.compile(r"\s+")
SHORTEST_CLAUSE = 3

# A clause asking for a way to lessen the load: how to cope (怎么解决, 有什么好办法, 有没有什么
# 减负措施), whether a load may go (该不该撤, 能不能少, 就不能一次开完吗) or who has managed
# it (有地方解决了吗). Fixes from dev-chatty5 (几个人 … 怎么解决; 电话一个接一个 … 该不该撤)
# and dev-asks2 (电脑不联网吗 … 有地方解决了吗); plain meaning: each asks what is done about it.
# Not a rule's text (考核办法, 管理办法), a hiring (招聘), undoing a message (撤回) or a file made
# smaller (压缩照片): plain meaning, each asks no measure.
_MEASURE_ASK = re.compile(
    r"怎么办|咋办|咋整|怎么整|怎么破|咋破|怎么解决|咋解决|如何解决|怎么应对|如何应对"
    r"|有(?:没有)?(?:什么|啥)?[\u4e00-\u9fff]{0,4}?"
    r"(?:(?<!管理)(?<!考核)(?<!实施)(?<!暂行)(?<!评分)办法|措施|做法|好招|高招|妙招)"
    r"|该不该(?:[清撤删散减砍]|退群|并群|合并)"
    r"|(?:能不能|可不可以|能否)(?:[少减砍]|合并|统一|简化|压减|撤(?![回销]))"
    r"|就不能[\u4e00-\u9fff]{0,8}?吗"
    r"|有(?:没有)?(?:地方|哪里|哪儿|谁)[\u4e00-\u9fff]{0,4}?(?:解决|做到|改|减)"
    r"|(?:啥|什么)时候(?:才)?能(?:真正?|真的)?(?:减|少|轻|降|松)"
)

# A yes/no check whether a practice is still done (他们是不是还只看台账, 检查还要这么多材料吗)
# or a rumour or a claim checked (有人说一个月最多两次，有这回事吗) asks what the facts tell of
# the practice, as a measure ask does; the story told before it sets the scene. Tune fixes from
# dev-chatty8 (明天 … 是不是还只看台账), dev-chatty9 (几个人 … 有这回事吗) and dev-chatty3
# (装订 … 还要这么多材料吗). Not 还用不用: 还用不用交材料 asks what a procedure requires
# (dev-paraphrase's near miss).
_PRACTICE_CHECKED = re.compile(
    r"是不是还|还要不要|还(?:要|得)[\u4e00-\u9fff]{1,8}?吗"
    r"|有这(?:回|么一?回)?事(?:吗|没|不)|是真的吗|是不是真的"
)


# Whether a load was cut or a practice dropped (填表减下来没有, 这两种做法都取消了吗) asks what a
# measure tells, though 下来没 and 取消了吗 of one thing (通报下来没, 明天的会取消了吗) ask its
# state. Plain meaning: 减下来 is the load cut, a 做法 dropped is the practice ended. Fixes from
# dev-chatty4 and dev-several6.
_CUT_ASKED = re.compile(
    r"[减降压砍缩少]下来(?:了)?(?:没|吗)|做法[\u4e00-\u9fff]{0,2}?取消(?:了)?(?:吗|没)"
)


def within_a_cut_asked(normalized: str, cue: str) -> bool:
    """Every place the cue is read lies inside an ask whether the load was cut."""
    spans = [m.span() for m in _CUT_ASKED.finditer(normalized)]
    if not spans:
        return False
    start = normalized.find(cue)
    if start < 0:
        return False
    while start >= 0:
        if not any(a <= start and start + len(cue) <= b for a, b in spans):
            return False
        start = normalized.find(cue, start + 1)
    return True


# A cue holding a where, who, how or what word asks that itself (会议室在哪里), whatever follows
# it; 几 may count the scene (几个人又加了三天班).
_ASKING_CUE = re.compile(r"哪|谁|怎|咋|如何|什么|啥|多少|多久")


# In a burden told, a thing the load reaches even into (吃饭都得盯着手机, 吃饭睡觉都得盯着手机)
# is the scene: X 都得 / 也要 / 还得 says the burden spares not even X. Plain meaning; the tune
# fix is dev-chatty8's, the same telling is in dev-problems2 and dev-burden. The same words asked
# (吃饭的时候能不能不开会) are no burden told.
_REACHED = r"[\u4e00-\u9fff]{0,2}?(?:都|也|还)(?:得|要)"


def reached_by_burden(normalized: str, cues: Sequence[str]) -> tuple[str, ...]:
    """The cues a burden told reaches into (吃饭都得): each time one is said, 都得 follows."""
    return tuple(
        c
        for c in cues
        if c in normalized
        and _ASKING_CUE.search(c) is None
        and all(
            re.match(_REACHED, normalized[m.end() :]) for m in re.finditer(re.escape(c), normalized)
        )
    )


# 谁 said twice around a verb (谁建的谁不肯散, 谁主管谁负责) says whoever, it asks no one.
# Plain meaning, as 到哪拍到哪 says everywhere (story.py); fix from dev-problems2.
_WHOEVER = re.compile(r"谁[\u4e00-\u9fff]{1,3}?的?谁")


def whoever_cues(normalized: str, cues: Sequence[str]) -> tuple[str, ...]:
    """The cues asking who (谁建的) said only inside a whoever (谁建的谁不肯散)."""
    spans = [m.span() for m in _WHOEVER.finditer(normalized)] if "谁" in normalized else []
    if not spans:
        return ()
    return tuple(
        c
        for c in cues
        if "谁" in c
        and c in normalized
        and all(
            any(a <= m.start() and m.end() <= b + len(c) for a, b in spans)
            and any(a <= m.start() < b for a, b in spans)
            for m in re.finditer(re.escape(c), normalized)
        )
    )


def message_clauses(normalized: str) -> list[str]:
    """The message's clauses as this module reads them (clauses.py splits a list, not a
    message): at stops and pauses, and at a blank only between two runs of three or more; a
    shorter run (哈哈 明天检查组要来) stays with its neighbour, as words typed apart stay one."""
    found = []
    for part in _CLAUSES.bare(normalized):
        runs = [r for r in _BLANKS.split(part) if r]
        if not runs:
            continue
        clause = [runs[0]]
        for before, run in itertools.pairwise(runs):
            if len(before) >= SHORTEST_CLAUSE and len(run) >= SHORTEST_CLAUSE:
                found.append(" ".join(clause))
                clause = []
            clause.append(run)
        found.append(" ".join(clause))
    return found


def asks_for_a_measure(clause: str) -> bool:
    return _MEASURE_ASK.search(clause) is not None or _PRACTICE_CHECKED.search(clause) is not None


def yielding_cues(normalized: str, cues: Sequence[str]) -> tuple[str, ...]:
    """The cues found only in clauses told before a clause that asks for a measure and
    holds no cue of its own, and those asking only whether the load was cut."""
    if not cues:
        return ()
    cut = tuple(c for c in cues if within_a_cut_asked(normalized, c))
    parts = message_clauses(normalized)
    if len(parts) < 2:
        return cut
    last_ask = -1  # the last clause asking for a measure, free of every cue
    for n, clause in enumerate(parts):
        if asks_for_a_measure(clause) and not any(c in clause for c in cues):
            last_ask = n
    if last_ask <= 0:
        return cut
    before = parts[:last_ask]
    after = parts[last_ask:]
    return tuple(
        c
        for c in cues
        if c in cut
        or (
            _ASKING_CUE.search(c) is None
            and any(c in clause for clause in before)
            and not any(c in clause for clause in after)
        )
    )
