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
from bot.search.story import asks_something, names_burden

# A clause: up to a comma, a full stop, a space or an emoji, as asides.py reads them, but
# for the question mark: what ends in one was asked (刚开完会？), never background told.
_CLAUSE_END = "，,。.！!；;~～\\s\U0001f000-\U0001faff\u2600-\u27bf"
_CLAUSE = re.compile(f"[^{_CLAUSE_END}]+[{_CLAUSE_END}]*")
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
    clauses = _CLAUSE.findall(text)
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
    clauses = [c for c in _CLAUSE.findall(text) if _BARE.sub("", c)]
    return bool(clauses) and all(is_background(c) or is_aside(c) for c in clauses)
