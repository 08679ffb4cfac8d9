"""What just happened, told before the ask: background, not the question.

Cadres often open with the news of the day before asking (上周刚开完会，…; 领导刚找我谈过话，…;
这两天一直在加班，…; 最近上面来了新通知，…). The event names words of the facts (会, 书记,
通知) that pull their own facts, and its unknown words sink the ask. A clause that tells of
something just done or going on, asks nothing and names no burden (no 又, 天天, 太多) is dropped
when the rest of the message still names a topic of the facts on its own: 上周刚开完会，这周又要开
keeps both clauses, since the second says nothing without the first.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.search.asides import is_aside
from bot.search.clauseends import BLANKS, DOT, EMOJI, PAUSES, ClauseSplitter
from bot.search.covered import FURTHER_ITEM
from bot.search.story import asks_something, names_burden

# A clause: up to a comma, a full stop, a space or an emoji, as asides.py reads them, but
# for the question mark: what ends in one was asked (刚开完会？), never background told.
_CLAUSES = ClauseSplitter(PAUSES, DOT, BLANKS, EMOJI)
_BARE = re.compile(r"[\W_]+")
_HAN = r"[\u4e00-\u9fff]"
# Something just done (刚开完会, 刚找我谈过话, 刚换了书记), something going on for
# days (这两天一直在加班, 最近都在下乡), or news that just came (上面来了新通知, 下了个新文件):
# not meetings nor forms, which are the burdens themselves (最近一直开会, 来了新表).
_RECENT_EVENT = re.compile(
    rf"^{_HAN}{{0,6}}?(?:刚刚|刚才|刚)(?!来|到|入职|上岗|调){_HAN}{{1,6}}?(?:完|过|了)"
    rf"{_HAN}{{0,4}}$"
    rf"|^{_HAN}{{0,4}}?(?:这两天|这几天|前几天|这阵子|这段时间|最近|近来|前段时间)"
    rf"(?:一直在|一直|都在|正在|天天在)?(?:加班|出差|下乡|培训|学习|值班)$"
    rf"|^{_HAN}{{0,6}}?(?:来了|下了|发了|出了)(?:个|一个|一份|一批)?新(?:通知|文件|精神|规定|政策|领导|书记|主任){_HAN}{{0,2}}$"
    # just back from somewhere (前几天刚从县里培训回来, 今天刚从村里走访回来)
    rf"|^{_HAN}{{0,4}}?刚(?:刚)?(?:从|去){_HAN}{{1,8}}?回来(?:了|的)?$"
)
_SOME_DAYS = re.compile(r"[这前]几天")  # 几 there counts days, it asks nothing
# The rest goes on with what was just done (刚把表报上去了，又让重新报): one story.
_STORY_GOES_ON = re.compile(r"又|重新|再次|还要|还得|返工|白[干填做报弄]")
SHORTEST_REST = 4  # characters the rest must keep to be a question of its own
LONGEST_EVENT = 14


def is_background(clause: str) -> bool:
    """The clause only tells of something just done or going on, asking nothing of it."""
    bare = _BARE.sub("", clause)
    return (
        4 <= len(bare) <= LONGEST_EVENT
        and _RECENT_EVENT.match(bare) is not None
        and not asks_something(_SOME_DAYS.sub("", bare))
        and not names_burden(bare)
    )


def without_background(text: str, names_topic: Callable[[str], bool]) -> str:
    """`text` without the clauses of background it opens with, when what is left still
    names a topic (`names_topic`); else `text` as typed. Told later, the same words are part
    of the story (表刚交了，模板又改了)."""
    clauses = _CLAUSES.as_typed(text)
    told = next((n for n, c in enumerate(clauses) if not is_background(c)), len(clauses))
    if told == 0:
        return _told_between(clauses, names_topic) or text
    if told == len(clauses):
        return text
    rest = "".join(clauses[told:])
    if (
        len(_BARE.sub("", rest)) < SHORTEST_REST
        or _STORY_GOES_ON.search(rest)
        or not names_topic(rest)
    ):
        return text
    return rest


def _told_between(clauses: list[str], names_topic: Callable[[str], bool]) -> str | None:
    """The clauses without the news told after a sigh or an introduction (人都快熬干了。前几天
    刚从县里培训回来，表说换模板要重填), when a later clause names a topic and the clause after
    the news does not go on with it; None when nothing is dropped."""
    news = [n for n, c in enumerate(clauses) if is_background(c)]
    if not news:
        return None
    last = next((n for n in range(len(clauses) - 1, -1, -1) if names_topic(clauses[n])), -1)
    dropped = {n for n in news if n < last and not _STORY_GOES_ON.search(clauses[n + 1])}
    return "".join(c for n, c in enumerate(clauses) if n not in dropped) if dropped else None


def wraps_only(text: str) -> bool:
    """Every clause of the text only wraps an ask (各位前辈，我们这边刚换了书记; 您好，我在小河村
    当干部): greetings, the asker's introduction, a sigh, the news of the day. No item of a
    message's own."""
    clauses = [c for c in _CLAUSES.as_typed(text) if _BARE.sub("", c)]
    return bool(clauses) and all(is_background(c) or is_aside(c) for c in clauses)


# A load already eased, told before the ask on another load (我们乡的会已经合并着开了，…填表一周
# 最多几张; 最近检查是少了点，可…作秀群该不该解散; 数据平台用起来以后群众不用反复确认了，这个我
# 知道): good news the asker knows, not asked. Its facts' words (合并, 暗访, 数据平台) would
# open a topic of their own ahead of the one asked. Marks: a cut done (合并了, 精简了), less or
# shorter now (少了点, 短了, 轻了), a step no longer needed (不用…了, 不再…了, 不盯台账了),
# an ordeal over (总算过去了), or the asker's own word that it is fine or known (挺好, 我知道).
_RELIEF = re.compile(
    r"(?:合并|精简|压缩|减少|减下来|取消|解散|整合|优化|缩短|改成|变成|压下来|降下来)\S{0,6}了"
    r"|(?:少|短|轻|快|松)了(?:点|些|不少|很多|一半|一些)?"
    r"|(?:就|便)(?:散会|结束|开完)了?"
    r"|不(?:用|再|盯|严查)\S{1,8}了"
    r"|(?:总算|终于)\S{1,12}了"
    r"|挺好|好多了|轻松不少|轻松多了|这个我知道|我知道|我能忍|能忍"
)
# The load's own word after the eased one keeps it a burden (会少了，可表又多了 names two
# clauses; 会短了，但是一开就是半天 stays a story): 又, 还是, 天天 (names_burden).
# A burden no longer borne is no burden told (群众不用反复确认了: 反复 is what went).
_NO_LONGER = re.compile(r"不(?:用|再)\S{1,8}了")
# Less of it punished is a shortfall, no relief (记录写少了还扣分, 字少了都不行).
_SHORTFALL = re.compile(r"扣分|挨批|被批|通报|不行|不够|不达标")
_BUT = re.compile(r"^(?:可是?|但是?|不过|然而|就是|只是)")


# An ask for the like of what was told (海港区解散了190多个群，检查方面有没有类似的数字) asks of
# both: the eased load is part of the question.
# 有这回事吗, 是真的吗 ask whether what was told is so.
_POINTS_BACK = re.compile(r"类似|同样|一样的|这样的|那样的|像这样|也有|也能|这回事|这事|真的|属实")


# A message marking further items (还有, 另外, 以及, 再问一下, ；, a new line, 2.) lists its asks:
# a figure told there (群少了一半多，另外…) is an item of its own, asked by citing it. The marks
# are covered.py's (，并且 / ，同时, 再加上, 外加, 第二, 二是 too), with what only opens a
# question or a line.
_FURTHER = re.compile(rf"{FURTHER_ITEM.pattern}|再问|还想问|[；;\n]")


def lists_further(text: str) -> bool:
    """The message marks a further item (还有, 另外, 以及, ；, a new line, 2.)."""
    return _FURTHER.search(text) is not None


def tells_relief(clause: str) -> bool:
    """The clause only tells that a load is already eased: it asks nothing and names no
    burden (会议时间确实短了; 不盯台账了)."""
    bare = _BARE.sub("", clause)
    return (
        len(bare) >= 2
        and _RELIEF.search(bare) is not None
        and _BUT.match(bare) is None
        and _SHORTFALL.search(bare) is None
        and not asks_something(bare)
        and not names_burden(_NO_LONGER.sub("", bare))
    )


# 之前群多、会多、表多，现在群少了一半多: the before of a change, told just before the change.
_BEFORE = re.compile(r"^(?:以前|之前|过去|原来|以往|原先)")


def _eased(clauses: list[str]) -> set[int]:
    """The clauses telling a load already eased, and a clause telling the before (之前群多)
    just before one of them (现在群少了一半多): the change told, both sides."""
    relief = {n for n, c in enumerate(clauses) if tells_relief(c)}
    before = set()
    for n in relief:  # the clause just before each, read bare once
        told = _BARE.sub("", clauses[n - 1]) if n else ""
        if _BEFORE.match(told) and not asks_something(told):
            before.add(n - 1)
    return relief | before


def without_relief(
    text: str,
    topic_named: Callable[[str], str | None],
    fact_named: Callable[[str], str | None] = lambda text: None,
) -> str:
    """`text` without the clauses telling a load already eased that come before the last
    clause asking something, when what is left asks and names a topic (`topic_named`: the
    first topic a text names) and, read alone, gets another fact than they do (`fact_named`:
    the fact a text read alone ranks first); else `text` as typed. The good news on the fact
    asked is what is asked about (会开少了…。有没有压减开会次数的具体做法: the same fact);
    解散了190多个群，那剩下的群手机里少了多少 asks another fact of the same topic."""
    if lists_further(text):
        return text
    clauses = _CLAUSES.as_typed(text)
    asking = [n for n, c in enumerate(clauses) if asks_something(_BARE.sub("", c))]
    if not asking:
        return text
    eased = {n for n in _eased(clauses) if n < asking[-1]}
    if not eased:
        return text
    rest = "".join(c for n, c in enumerate(clauses) if n not in eased)
    if len(_BARE.sub("", rest)) < SHORTEST_REST or _POINTS_BACK.search(rest):
        return text
    asked_topic = topic_named(rest)
    # 感觉轻松不少 beside 会已经合并着开了 names none: a load of some topic must be eased
    eased_topics = {topic_named(clauses[n]) for n in eased} - {None}
    if asked_topic is None or not eased_topics:
        return text
    if asked_topic in eased_topics:
        asked_fact = fact_named(rest)
        if asked_fact is None or asked_fact in {fact_named(clauses[n]) for n in eased}:
            return text
    return rest


def eases_only(text: str) -> bool:
    """Every clause of the text wraps an ask (wraps_only) or tells a load already eased, one
    at least (我们乡的会已经合并着开了，感觉轻松不少): an item that asks nothing of its own."""
    clauses = [c for c in _CLAUSES.as_typed(text) if _BARE.sub("", c)]
    eased = _eased(clauses)
    return bool(eased) and all(
        n in eased or is_background(c) or is_aside(c) for n, c in enumerate(clauses)
    )
