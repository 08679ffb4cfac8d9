"""A message asking several things, item by item: each item keeps the fact it gets alone.

Cadres put everything into one message: 会太多怎么办？还有表格的事, one question per line, a
numbered list, 另外 / 再问一下 / 顺便问一句 before the next. Each such item is a whole question
of its own, commas and all, and read alone it gets the fact it would get if sent alone. Reading
the message clause by clause instead (parts.py) loses what a whole item says (同一件事开好几次
会，能不能合并成一次 is about one topic met once, not about meetings in general) and what only the
whole pipeline finds (a count asked, a person or place named).

Only marks that end a question or open a further one split items: a comma alone does not
(群多，表多 is one list, read by parts.py), nor 和 or 还有 without a comma before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.search.afterwards import with_ask_after_change
from bot.search.asked import with_ask
from bot.search.covered import FURTHER_ITEM
from bot.search.frames import (
    BARE_ASK_CLOSING,
    BARE_ASK_OPENING,
    BARE_ASK_WORDS,
    OPENS_WITH_ASK,
)
from bot.search.several import SEVERAL_MAX
from bot.search.shapes import Match, Prepared, Result, Thresholds
from bot.search.story import asks_something, names_burden
from bot.search.together import conclude as conclude_whole

# A line, a sentence's end, a semicolon; before a further item's opening words after a comma
# (，另外 / ，还有 / ，再问一下 / ，同时 / ，并且) or anywhere (以及); before the next point
# of a list (2、 ② ，二是). 同时 asking for two things at once (同时减一减) opens no item.
# 还有 asking for more of the same (还有没有, 还有啥) opens no item.
_ITEM_SPLIT = re.compile(
    r"[\n。？?！!；;]+"
    r"|[，,]\s*(?=还有(?!没有|啥|什么|哪些|吗|别的|其他|其它|更|多少)|还想问|另外|此外|再问|顺便"
    r"|再就是|再一个|并且|同时(?!减|压|精简|解决|整治|处理|推进|抓|开展|进行)|其次|[二三四五六]是|(?:第|其)[二三四五六](?![天方次个年批轮届名期把位条点栏行列页款项段节张份章]))"
    r"|(?=以及)"
    r"|[，,、\s]*(?<![\d.])(?=(?:[2-9]\s*[.、)）]|[(（][2-9][)）]|[②-⑨])\s*\S)"
)
# What opens an item and asks nothing itself: a list number, a further item's opening words.
_OPENING = re.compile(
    r"(?:[1-9]\s*[.、)）]|[(（][1-9][)）]|[①-⑨]|[一二三四五六][、.是]|(?:第|其)[一二三四五六][，,、：:]?)?\s*"
    r"(?:以及|另外|此外|还有就是|再就是|再一个(?:就是|是)?|并且|同时|其次|顺便问(?:一句|一下|下)?|再问(?:一下|下|一句)?"
    r"|还有个问题|还有一个问题|还想问(?:一下|下)?)?[，,：:\s]*"
)
# Traditional forms of the marks' characters, one for one, so a cut found in the simplified
# copy cuts the question where it stands.
_SIMPLIFIED = str.maketrans("還問順個", "还问顺个")
MIN_ITEM = 2  # characters: shorter pieces (嗯, 好) ask nothing


def items(question: str) -> list[str]:
    """The message's items, each without its list number or opening words; none when it has
    fewer than two."""
    plain = question.translate(_SIMPLIFIED)
    bounds, start = [], 0
    for cut in _ITEM_SPLIT.finditer(plain):
        bounds.append((start, cut.start()))
        start = cut.end()
    bounds.append((start, len(plain)))
    found = []
    for begin, stop in bounds:
        piece = plain[begin:stop]
        begin += len(piece) - len(piece.lstrip())
        opening = _OPENING.match(plain, begin, stop)
        found.append(question[opening.end() if opening else begin : stop].strip())
    kept = _halves_joined([item for item in found if len(item) >= MIN_ITEM])
    return kept if len(kept) >= 2 else []


# A question sent in two bursts (政务APP / 怎么更新; 怎么办？/ 手机老是卡) is one item: a line
# that only names something, then a line that opens with the ask; or a bare ask, then what it
# asks about. A line telling a burden (会太多 / 怎么减表) is an item of its own.
_BARE_ASK = re.compile(rf"^{BARE_ASK_OPENING}(?:{BARE_ASK_WORDS}){BARE_ASK_CLOSING}$")


def _says_anything(piece: str) -> bool:
    return asks_something(piece) or names_burden(piece)


def _halves_joined(pieces: list[str]) -> list[str]:
    if len(pieces) != 2:  # a list of three or more is a list, whatever its lines say
        return pieces
    joined: list[str] = []
    for piece in pieces:
        if joined and (
            _BARE_ASK.match(joined[-1])
            or (OPENS_WITH_ASK.match(piece) and not _says_anything(joined[-1]))
        ):
            joined[-1] = f"{joined[-1]}，{piece}"
        else:
            joined.append(piece)
    return joined


Conclude = Callable[[Prepared, Thresholds], Result]


def conclude(p: Prepared, t: Thresholds, one: Conclude = conclude_whole) -> Result:
    """The message's answer by its items (below); when that gives nothing, the answer its
    ask gives read alone (asked.py); the fact an ask after a change told gets alone
    (afterwards.py)."""
    if asks_other_business_last(p):
        return Result(p.query, p.normalized, "decline", p.ranked, p.analysis)
    return with_ask_after_change(p, with_ask(p, _by_items(p, t, one), t, one), t, one)


# A further item marked as one (另外, 再问一下, 1. …；2. …) or a line of its own: a list, each
# item asked, not a story and its ask.
_FURTHER = re.compile(
    rf"{FURTHER_ITEM.pattern}|再问|还想问|还有个问题|还有一个问题|[2-9]\s*[.、)）]|[(（][2-9][)）]|[②-⑨]"
)
# 前几天, 这几年 say a while, they ask nothing (说下背景，前几天刚从县里培训回来; 干基层这几年).
_SOME_DAYS = re.compile(r"[这前近头]几(?:天|年|个月|月|周|星期)")


def _asks(item: Prepared) -> bool:
    """The item asks something, a while said with 几 (前几天) aside."""
    return asks_something(_SOME_DAYS.sub("", item.normalized))


def asks_other_business_last(p: Prepared) -> bool:
    """唉，这周开了好几个会。想问问大家，年休假一般怎么安排: the earlier items only tell (a
    week of meetings, a sigh, who asks) and the one item that asks, the last, asks how, where or
    what of something the facts do not know (a cue and a word no fact uses: 年休假, 遴选考试,
    投影仪) and names no topic itself. The story's words would answer on their own; the message
    asks about something else. A vague last ask (这种情况找谁反映) points back at the story and
    is read whole; a last item marked as a further one (会多，另外年假怎么休) adds to what was
    said, which is asked too (_beside_other_business)."""
    if len(p.items) < 2 or "\n" in p.query.strip() or _FURTHER.search(p.query) is not None:
        return False
    *told, last = p.items
    own = last.analysis
    return (
        bool(own.cues and own.unknown)
        and not last.topics_named
        and _asks(last)
        and not any(asks_something(item.normalized) for item in told)
    )


def _by_items(p: Prepared, t: Thresholds, one: Conclude) -> Result:
    """`one`'s answer to the whole message, unless its items, each answered alone, answer
    on two topics or more: then each topic gets the fact its item got alone, in the order
    asked, and a topic the whole reading found besides keeps its place after them."""
    whole = one(p, t)
    if len(p.items) < 2:
        return whole
    # An item's own fact (its first) claims its topic before the further facts another item's
    # several-at-once answer gives (开会记笔记还要被检查吗 touches checks; the next item asks them).
    # A long item marked as a further one (还有, 另外, 2.) is read with its own ask, as if sent
    # alone; two bare lines may be one story told in two bursts, whose first line asks nothing.
    marked = FURTHER_ITEM.search(p.query) is not None
    alone = [with_ask(item, one(item, t), t, one) if marked else one(item, t) for item in p.items]
    # 年底了事情一件接一件: a line that only sets the scene opens no topic (sceneitems.py).
    backs = [item.opens and _asks_back(item, r) for item, r in zip(p.items, alone, strict=True)]
    answers = [
        _answered(r) if item.opens and not back else ()
        for item, r, back in zip(p.items, alone, backs, strict=True)
    ]
    firsts = [(n, 0, found[0]) for n, found in enumerate(answers) if found]
    further = [(n, k, m) for n, found in enumerate(answers) for k, m in enumerate(found) if k]
    claimed: dict[str, tuple[int, int, Match]] = {}
    for n, k, match in (*firsts, *further):  # past the limit, further facts give way first
        if len(claimed) < SEVERAL_MAX:
            claimed.setdefault(match.fact.topic, (n, k, match))
    told = _told_items(p.items)
    in_order = sorted(claimed.values(), key=lambda c: (c[0] in told, *c[:2]))
    picks = {m.fact.topic: m for _, _, m in in_order}
    if len(picks) == 1 and not whole.answered and any(backs):
        # …想问：有统一平台的做法吗？人都快熬干了，有没有好办法: the broad ask points back at
        # the items before it, which answer one topic: that topic's fact answers, alone.
        (pick,) = picks.values()
        rest = tuple(m for m in p.ranked if m.fact != pick.fact)
        return replace(
            whole, decision="answer", matches=(pick, *rest), shape="fact", related=(),
            card=None, topic=None, several=(), overview=False, joined=(),
        )  # fmt: skip
    if len(picks) == 1 and not whole.answered:
        return _beside_other_business(p, alone, marked) or whole
    if len(picks) < 2:
        return whole
    if whole.answered and whole.shape == "several":
        for match in whole.several:
            picks.setdefault(match.fact.topic, match)
    elif whole.answered and whole.matches and whole.matches[0].fact.topic in picks:
        # 開會太多了。群裏也要發照片: read whole, one fact answers it; that fact leads, and
        # the other topics asked follow it.
        first = whole.matches[0]
        picks = {first.fact.topic: first} | {
            k: m for k, m in picks.items() if k != first.fact.topic
        }
    several = tuple(picks.values())[:SEVERAL_MAX]
    chosen = {m.fact for m in several}
    rest = tuple(m for m in p.ranked if m.fact not in chosen)
    return replace(
        whole, decision="answer", matches=(*several, *rest), shape="several", related=(),
        card=None, topic=None, several=several, overview=False, joined=(),
    )  # fmt: skip


def _told_items(items: Sequence[Prepared]) -> frozenset[int]:
    """Of a story and its ask, the item that only tells, asking nothing, beside an item asking of
    another topic by name: what is asked comes first in the reply, the told burden's fact after it.
    上周迎检迎了三次，人都麻了。另外想知道同一个主题的会是不是只开一次就行 asks of meetings; the
    inspections told follow. Not when the ask names a topic the story told (检查太多了，…，基层的
    检查到底能不能少点) or names none (…拍得多就是干得好。这样评价工作合理吗 points back at it).
    A story telling a further topic beside the one asked (早上例会开了一个多小时，…一张表要签五六个
    名。签字这块有没有减下来的做法) still follows the ask: the meeting was the scene."""
    if len(items) != 2:  # three or more are a list (会多，还有群多，还有哪里减了迎检): as asked
        return frozenset()
    asks = [_asks(item) for item in items]
    asked = {topic for item, a in zip(items, asks, strict=True) if a for topic in item.topics_named}
    told = frozenset(n for n, a in enumerate(asks) if not a)
    # The story told only what is asked: nothing to put after it (a story naming no topic still
    # follows the ask). One rule with shapes.py's closing ask: what is asked leads (fixes from
    # dev-wrong9 here, dev-several6 there).
    named = [set(items[n].topics_named) for n in told]
    if not asked or not told or any(topics and topics <= asked for topics in named):
        return frozenset()
    return told


def _beside_other_business(p: Prepared, alone: Sequence[Result], marked: bool) -> Result | None:
    """疫苗在哪里打？还有一周一张表的规定: one item answers, every other declines alone and
    names no topic of the facts, or asks what no measure gives (a cue: 拍照用啥手机好, 明天会
    下雨吗) whatever topic a word of it names, beside an item that asks: it asks about something
    else. Read whole, the stranger's words sink the item the facts answer; read per item, that
    item keeps its answer and nothing is said of the other. `marked`: the message marks a
    further item (还有, 另外, 2.)."""
    # 干基层头发都白了一半。检查太多怎么办: a line only setting the scene is other business too.
    pairs = list(zip(p.items, alone, strict=True))
    answering = [r for item, r in pairs if r.answered and item.opens]
    others = [(item, r) for item, r in pairs if not (r.answered and item.opens)]
    # 天天开会。开会时手机怎么静音: beside a burden only told, a near miss on a topic is the ask;
    # 例会取消了没\n群里咋没通知 is one question in two lines. Only a further item marked as such
    # (还有, 另外, 2.) beside one that asks is other business.
    asking = marked and any(asks_something(i.query) for i, r in pairs if r.answered and i.opens)
    if (
        len(answering) != 1
        or any(
            item.opens
            and (
                result.decision != "decline"
                or (item.topics_named and not (item.analysis.cues and asking))
            )
            for item, result in others
        )
        or not any(  # 谢谢 asks nothing: the whole reading stands
            item.analysis.cues or item.analysis.unknown for item, _ in others
        )
    ):
        return None
    return replace(answering[0], query=p.query, normalized=p.normalized)


def _asks_back(item: Prepared, result: Result) -> bool:
    """同事说今年各类督查检查要合并了，是真的吗？有没有具体的做法: the last item names no topic
    and, alone, gets an overview of every topic (a broad ask with nothing named); it asks for
    what the item before it told, so it claims no topic of its own."""
    return result.overview and not item.topics_named


def _answered(result: Result) -> Sequence[Match]:
    """What an item's own answer gives: its facts one per topic, or its one fact."""
    if not result.answered or not result.matches:
        return ()
    if result.shape == "several":
        return result.several
    return (result.matches[0],)
