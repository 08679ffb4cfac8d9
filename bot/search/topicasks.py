"""What a question asks of a topic as a whole: 督查检查方面有哪些好做法 wants the topic's most
representative fact first and its other facts beside it, not one sibling chosen by a word."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from bot.kb import Fact, KnowledgeBase
from bot.search.index import Document
from bot.search.parts import LEAD_MARGIN, lead_among
from bot.search.query import QueryAnalysis
from bot.search.shapes import Match

BROAD_QUESTION_WORDS = frozenset(
    {"哪些", "有啥", "都有", "有什么", "什么样", "例子", "办法", "措施"}
)
TIE_MARGIN = 10.0  # a best this close to its topic's lead, on no word the lead lacks, is a tie
TOPIC_MAX = 8  # facts a topic answer lists
# A word of this many characters or more held by one sibling and not the other tells them apart;
# a lone character (一, 成, 干) is as often a piece of a longer word as a word of its own.
TELLING_LENGTH = 2


class TopicAsks:
    """The topic answers' choices over one knowledge base and its index."""

    def __init__(
        self,
        kb: KnowledgeBase,
        docs: Sequence[Document],
        tokens: Callable[[str], list[str]],
        names_topic: Callable[[str, str], str | None],
    ) -> None:
        self._tokens = tokens
        self._names_topic = names_topic
        self._terms_of = {doc.fact.id: doc.terms for doc in docs}
        self.leads: Mapping[str, Fact] = {
            t.id: kb.by_id[t.lead] for t in kb.topics.values() if t.lead in kb.by_id
        }
        self._first_in_topic: dict[str, list[Fact]] = {}
        for fact in kb.facts:
            first = self._first_in_topic.setdefault(fact.topic, [])
            if len(first) < TOPIC_MAX:
                first.append(fact)
        self._broad_words = kb.request_words | BROAD_QUESTION_WORDS
        self._broad_written = re.compile("|".join(map(re.escape, sorted(self._broad_words))))

    def asks_broadly(self, normalized: str) -> bool:
        """The question asks what is done about something (哪些, 方面, 经验, 案例)."""
        if not self._broad_written.search(normalized):
            return False  # no such word written: spare the segmenter a second pass
        return bool(set(self._tokens(normalized)) & self._broad_words)

    def best_covers_topics(self, analysis: QueryAnalysis, ranked: Sequence[Match]) -> bool:
        """The best fact's own words include every word of the question naming a topic."""
        naming = {qt.term for qt in analysis.terms if self._names_topic(qt.term, qt.source)}
        if not ranked or not naming:
            return False
        return naming <= self._terms_of[ranked[0].fact.id]

    def near_lead(
        self, topic: str, analysis: QueryAnalysis, ranked: Sequence[Match]
    ) -> Match | None:
        """The topic's lead, when the best match is its sibling, not clearly closer, and
        shares no word of the question the lead lacks (its lead is incidental)."""
        lead = lead_among(ranked, self.leads.get(topic))
        if lead is None or ranked[0].fact.topic != topic:
            return None
        near = ranked[0].score - lead.score <= TIE_MARGIN
        return lead if near and not self.tells_apart(ranked[0], lead, analysis) else None

    def tells_apart(self, best: Match, lead: Match, analysis: QueryAnalysis) -> bool:
        """The best sibling holds a word of the question that its topic's lead lacks, a word
        that decides between them (一个主题的会要开好几次: 主题). A single character does not:
        礼拜一到礼拜五天天都有会 leaves 一 over from 礼拜一, which one sibling's text happens to
        hold (例会拖拖拉拉，一开一整天) and the lead's does not."""
        asked = {qt.term for qt in analysis.terms if len(qt.term) >= TELLING_LENGTH}
        return not (asked & self._terms_of[best.fact.id]) <= self._terms_of[lead.fact.id]

    def facts(self, topic: str, ranked: Sequence[Match], broadly: bool = False) -> tuple[Fact, ...]:
        """A topic's facts for a topic answer: its lead when the question asks what is done
        about the topic (督查检查方面有哪些做法) and the lead is about as close as any, those
        ranked first, then in KB order; a few."""
        here = [m for m in ranked if m.fact.topic == topic]
        lead = lead_among(here, self.leads.get(topic))
        near = lead is not None and here[0].score - lead.score <= LEAD_MARGIN
        first = [lead.fact] if broadly and lead is not None and near else []
        listed = dict.fromkeys(
            [*first, *(m.fact for m in here), *self._first_in_topic.get(topic, ())]
        )
        return tuple(listed)[:TOPIC_MAX]
