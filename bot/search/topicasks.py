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
from bot.search.wordalternation import longest_first

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
        marks = tuple(sorted(kb.avoid_marks))  # 要避免的做法: the trouble, not what was done
        self._avoided = frozenset(f.id for f in kb.facts if marks and f.measure.startswith(marks))
        self._broad_words = kb.request_words | BROAD_QUESTION_WORDS
        self._broad_written = re.compile(longest_first(self._broad_words))

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

    def tells_apart(self, one: Match, other: Match, analysis: QueryAnalysis) -> bool:
        """`one` holds a word of the question that its sibling `other` lacks, a word that
        decides between them (一个主题的会要开好几次: 主题). A single character does not:
        礼拜一到礼拜五天天都有会 leaves 一 over from 礼拜一, which one sibling's text happens to
        hold (例会拖拖拉拉，一开一整天) and the topic's lead does not."""
        asked = {qt.term for qt in analysis.terms if len(qt.term) >= TELLING_LENGTH}
        return not (asked & self._terms_of[one.fact.id]) <= self._terms_of[other.fact.id]

    def facts(
        self,
        topic: str,
        ranked: Sequence[Match],
        broadly: bool,
        analysis: QueryAnalysis,
        says: Callable[[str], bool] = lambda fact_id: False,
    ) -> tuple[Fact, ...]:
        """A topic's facts for a topic answer: its lead when the question asks what is done
        about the topic (督查检查方面有哪些做法) and the lead is about as close as any, those
        ranked first, then in KB order; a few. Asked so, a practice comes before a fact telling
        what to avoid (_practice_first). `says`: the question says the burden of that fact
        (siblingmarks.py); the best match whose burden is said, and not the lead's, stays first
        (开会太多了，一个主题的会要开好几次，有没有好的办法: the same subject met again)."""
        here = [m for m in ranked if m.fact.topic == topic]
        lead = lead_among(here, self.leads.get(topic))
        near = lead is not None and here[0].score - lead.score <= LEAD_MARGIN
        if near and lead is not None and lead != here[0]:
            near = says(lead.fact.id) or not says(here[0].fact.id)
        first = [lead.fact] if broadly and lead is not None and near else []
        listed = tuple(
            dict.fromkeys([*first, *(m.fact for m in here), *self._first_in_topic.get(topic, ())])
        )
        return (self._practice_first(listed, here, analysis) if broadly else listed)[:TOPIC_MAX]

    def _practice_first(
        self, listed: tuple[Fact, ...], here: Sequence[Match], analysis: QueryAnalysis
    ) -> tuple[Fact, ...]:
        """别的地方怎么给工作群瘦身的 asks what is done: a first fact telling what to avoid
        (要避免的做法：工作群越建越多…) gives first place to a practice of its topic about as
        close (群少一半、手机变轻), unless a word of the question singles it out (换模板的问题
        别的地方怎么解决的: 换模板 is the avoided practice's own word)."""
        first = next((m for m in here if listed and m.fact == listed[0]), None)
        if first is None or first.fact.id not in self._avoided:
            return listed
        practice = next(
            (
                m.fact
                for m in here
                if m.fact.id not in self._avoided
                and first.score - m.score <= LEAD_MARGIN
                and not self.tells_apart(first, m, analysis)
            ),
            None,
        )
        return listed if practice is None else (practice, *(f for f in listed if f != practice))
