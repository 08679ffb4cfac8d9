"""A topic named only as the way a burden arrives, not as the burden.

群里又发了三张表 is about the forms, which arrive through a work group; 会上布置了一堆表 about
the forms handed out at a meeting. The group or meeting is named as a place (群里, 会上) or as
where something is sent (发群, 转到群): the channel. Beside words naming another topic, such a
word is the channel and drops out, so the answer is the burden's fact, not the channel's (nor a
several-at-once reply opening with it). When the other words name the channel's own topic too
(在群里天天截图打卡) or no topic at all (群里消息太多), the word stays: the group is the burden.
A meeting told only as the time the burden comes after (开完会…散会后) is read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from bot.search.clauseends import (
    ASKS,
    BLANKS,
    COMMAS,
    DOT,
    EXCLAIMS,
    FULL_STOP,
    LIST_COMMA,
    SEMICOLONS,
    ClauseSplitter,
)
from bot.search.query import QueryAnalysis, QueryTerm
from bot.search.setting import Holders, Names

# A place word after the topic's one-character word: 群里, 群内, 群中, 会上 (not 会场里, where
# the meeting is the place the burden is, nor 会议记录上, the record).
_PLACE_AFTER = frozenset("里内中上")
_STEM = 1
# A longer word ending in the one-character word is the same thing named more fully, and a
# place after it is the channel too: 工作群里天天催报表, 微信群里又发了三张表, 大会上布置的表
# (not 会场里 nor 会议记录上, which end in another character).
_STEM_ENDINGS = ("群", "会")
# The channel and the burden are told in one clause: 群里又发了三张表. In a list, 群里刷不完，
# 表也填不完 or 文件在几个群里转来转去以及会太多, the group is a burden of its own.
_CLAUSES = ClauseSplitter(
    COMMAS, FULL_STOP, DOT, SEMICOLONS, EXCLAIMS, ASKS, LIST_COMMA, BLANKS,
    joining_words=("以及", "还有", "另外", "此外", "并且", "而且", "同时"),
)  # fmt: skip
# Sending before it: 发群, 转群, 传到群, 晒群, 往群, 进群里.
_SENT_BEFORE = ("发", "转", "传", "晒", "往", "发到", "转到", "传到", "发进", "拉进")


# The meeting told only as the time the burden comes after: 每次开完会都要在三四个群里转发,
# 散会后还要填表 (jieba cuts 开完会 as 开 + 完会). Plain meaning: "once the meeting is over", a
# time, not the meeting as the burden; 会开完了还得写记录 keeps the meeting by the records it names
# (Channels._carries), and so does 开完会领导让拍会场照片发群里 by 会场. Fix from dev-several6.
_AFTER_MEETING = re.compile(r"(?:开完|散了?)会(?:以后|之后|后)?|会后|会开完了?(?:以后|之后|后)?")


def as_time(term: QueryTerm, text: str) -> bool:
    """Every place the word was typed lies inside the time after a meeting (开完会以后)."""
    return _within(term, text, _after_meeting(text))


def _after_meeting(text: str) -> list[tuple[int, int]]:
    """Where the text tells the time after a meeting; read once a question, for all its words."""
    return [m.span() for m in _AFTER_MEETING.finditer(text)]


def _within(term: QueryTerm, text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Every place the word was typed lies inside one of `spans`."""
    source = term.source
    if not spans or not source or source not in text:
        return False
    return all(
        any(start <= at and at + len(source) <= end for start, end in spans)
        for at in _typed_at(source, text)
    )


def _typed_at(source: str, text: str) -> Iterator[int]:
    """Every place `source` starts in `text`, overlapping ones too."""
    at = text.find(source)
    while at >= 0:
        yield at
        at = text.find(source, at + 1)


def as_channel(term: QueryTerm, text: str) -> bool:
    """Every place the word was typed, it names where something is, or is sent to."""
    source = term.source
    if not source or source not in text:
        return False
    if len(source) == _STEM + 1 and source[-1] in _PLACE_AFTER:
        return True  # the segmenter kept the place with the word: 群里, 会上
    for at in _typed_at(source, text):
        after = text[at + len(source) : at + len(source) + 1]
        stem = len(source) == _STEM or source.endswith(_STEM_ENDINGS)
        placed = stem and after in _PLACE_AFTER
        # sent to it, where the clause ends (拍照发群。), not 发表让填
        sent = text[max(0, at - 2) : at].endswith(_SENT_BEFORE) and not after.strip(
            "，。；！？,.;!?、"
        )
        if not placed and not sent:
            return False
    return True


class Channels:
    """Drops a topic's word used only as the channel, beside words naming another topic."""

    def __init__(self, names: Names, holders: Holders) -> None:
        self._names = names
        self._holders = holders

    def kept(self, analysis: QueryAnalysis, text: str) -> QueryAnalysis:
        # Most questions have no word in a channel's place nor in the time after a meeting:
        # the cheap looks come first.
        placed = {qt for qt in analysis.terms if as_channel(qt, text)}
        after_meeting = _after_meeting(text)
        timed = {qt for qt in analysis.terms if _within(qt, text, after_meeting)}
        placed |= timed
        if not placed:
            return analysis
        named = [(qt, self._names(qt.term, qt.source)) for qt in analysis.terms]
        channels = [(qt, topic) for qt, topic in named if topic is not None and qt in placed]
        if not channels:
            return analysis
        as_channels = {qt for qt, _ in channels}
        burden = [(qt, t) for qt, t in named if t is not None and qt not in as_channels]
        # After a meeting, the burden may come by a channel of its own: 开完会…在群里转发.
        untimed = [(qt, t) for qt, t in named if t is not None and qt not in timed]
        clauses = _CLAUSES.bare(text)
        dropped = {
            qt
            for qt, topic in channels
            if self._carries(qt, topic, untimed if qt in timed else burden, clauses)
        }
        if not dropped:
            return analysis
        return replace(analysis, terms=tuple(qt for qt in analysis.terms if qt not in dropped))

    def _carries(
        self,
        channel: QueryTerm,
        topic: str,
        burden: Sequence[tuple[QueryTerm, str | None]],
        clauses: list[str],
    ) -> bool:
        """Another topic is the burden told beside the channel, nothing but channels names the
        channel's topic, and its facts hold none of the burden's words: 拍照发群里 is the
        screenshots fact's own story, 群里发表 no work-group fact's."""
        near = [c for c in clauses if channel.source in c]
        told = [(qt, t) for qt, t in burden if any(qt.source in c for c in near)]
        if not told or any(t == topic for _, t in burden):
            return False
        return not any(topic in self._holders(qt.term) for qt, _ in told)
