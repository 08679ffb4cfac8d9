"""The best fact of each part of a question that asks about several things (会多、表多、群多).

A part counts when a word in it names a topic alone (签字太多 is about forms; 能不能合并成一次
names no topic). Its answer is the best fact of the first topic it names (来检查的翻本子 is about
checks), even when another topic's fact happens to rank first (检查多 is not about 截图); a part
naming its topic and nothing narrower (表越填越多, 检查越来越频) gets the topic's lead when the
lead is about as close as any.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from bot.kb import Fact
from bot.search.clauses import clauses
from bot.search.heardin import HeardIn
from bot.search.normalize import normalize
from bot.search.query import QueryAnalysis
from bot.search.shapes import Match
from bot.search.symptoms import symptom_best, symptom_topics
from bot.search.topicwords import TopicWords

LEAD_MARGIN = 8.0  # a topic's lead answers a part naming only the topic when this close to its best

Rank = Callable[[str], tuple[QueryAnalysis, list[Match]]]


class ReadAlone:
    """A ranking function with each text's reading kept, for the clauses of one question: a
    clause is read once, however many readings ask for it (as functools.cache does, without
    the cost of making one per question)."""

    def __init__(self, rank: Callable[..., tuple[QueryAnalysis, list[Match]]]) -> None:
        self._rank = rank
        self._kept: dict[tuple[str, bool], tuple[QueryAnalysis, list[Match]]] = {}

    def __call__(self, text: str) -> tuple[QueryAnalysis, list[Match]]:
        return self._read(text, False)

    def words(self, text: str) -> tuple[QueryAnalysis, list[Match]]:
        """The text's words alone, no fact ranked (symptoms.py: most clauses need no more)."""
        return self._read(text, True)

    def _read(self, text: str, words_only: bool) -> tuple[QueryAnalysis, list[Match]]:
        found = self._kept.get((text, words_only))
        if found is None:
            found = self._kept[text, words_only] = self._rank(text, words_only=words_only)
        return found


def lead_among(ranked: Sequence[Match], lead: Fact | None) -> Match | None:
    """The match of a topic's lead fact among those ranked, if it is there."""
    return next((m for m in ranked if m.fact == lead), None) if lead is not None else None


def part_bests(
    question: str,
    rank: Rank,
    topic_words: TopicWords,
    leads: Mapping[str, Fact],
    runs: bool = False,
    normal: Callable[[str], str] = normalize,
    heard: HeardIn | None = None,
) -> tuple[tuple[Match, ...], int]:
    """The best match of each part of the question, and how many parts it has; `runs` also
    cuts each clause where the topic named changes (会多表多); `heard`: where the news was
    seen or heard (heardin.py), a part read after the others."""
    parts = clauses(question, normal)
    if runs:
        parts = [piece for p in parts for piece in topic_words.runs(p)]
    if len(parts) < 2:
        return (), len(parts)
    bests: list[Match] = []
    # 刚才在群里看到通知，下周又要开个部署会…: a part saying where the news was seen or heard
    # (heardin.py) is read last, so the work groups it names as the way the news came never
    # open a several-at-once answer ahead of the topic asked; what it quotes is read in place.
    where_heard: list[Match] = []
    for part in parts:
        told = heard.told(part) if heard is not None else part
        if told != part:
            where_heard += _part_best(part, rank, topic_words, leads, normal)
        if told:
            bests += _part_best(told, rank, topic_words, leads, normal)
    return (*bests, *where_heard), len(parts)


def _part_best(
    part: str,
    rank: Rank,
    topic_words: TopicWords,
    leads: Mapping[str, Fact],
    normal: Callable[[str], str],
) -> list[Match]:
    """The part's best fact, on the topic it names or its symptom's: one or none."""
    analysis, ranked = rank(part)
    if topic_words.heard_only(analysis, normal(part)):
        return []  # 这几天一直在处理一起邻里纠纷: the asker's day, 起邻 heard as 齐琳
    named = topic_words.first_named(analysis)
    if named is None:  # 同一个数填了好几遍: the burden named by its symptom (symptoms.py)
        best = symptom_best(analysis, ranked)
    else:
        best = topic_best(analysis, ranked, named, topic_words, leads)
    return [best] if best is not None else []


def topic_best(
    analysis: QueryAnalysis,
    ranked: Sequence[Match],
    topic: str | None,
    topic_words: TopicWords,
    leads: Mapping[str, Fact],
) -> Match | None:
    """A part's best fact on the topic it names; the topic's lead when the part names the
    topic and nothing narrower (会议多) and the lead is about as close."""
    best = next((m for m in ranked if m.fact.topic == topic), None)
    lead = lead_among(ranked, leads.get(topic or ""))
    if (
        best is not None
        and lead is not None
        and best.score - lead.score <= LEAD_MARGIN
        and topic_words.names_only(analysis, best.fact.topic)
    ):
        return lead
    return best


@dataclass(frozen=True)
class ListReadings:
    """A question naming two topics or more, read as a list."""

    clause_bests: tuple[Match, ...] = ()  # the best match of each clause, in the order asked
    run_bests: tuple[Match, ...] = ()  # the same, clauses cut where the topic named changes
    topic_bests: tuple[Match, ...] = ()  # each topic named: its best match in the whole reading


def list_readings(
    question: str,
    ranked: Sequence[Match],
    topics_named: Sequence[str],
    rank: Rank,
    topic_words: TopicWords,
    leads: Mapping[str, Fact],
    normal: Callable[[str], str] = normalize,
    read: Rank | None = None,
    heard: HeardIn | None = None,
) -> ListReadings:
    """Each clause's best; each run's, when the clauses name fewer topics than the whole
    question; each named topic's best read whole, when the question has clauses. Nothing for
    a question naming fewer than two topics, counting a part that names its burden only by
    its symptom (symptoms.py) beside one named. `read`: as `rank`, the words alone (a part
    that cannot tell a symptom needs no ranking); `heard`: as for part_bests."""
    if not topics_named:
        return ListReadings()
    if len(topics_named) < 2:
        pieces = clauses(question, normal)
        # Two bare lines may be one story told in two bursts (items.py): no list of symptoms.
        listed = len(pieces) >= 2 and "\n" not in question.strip()
        symptoms = symptom_topics(pieces, rank, topic_words, read) if listed else []
        if not set(symptoms) - set(topics_named):
            return ListReadings()
    clause_bests, parts = part_bests(question, rank, topic_words, leads, normal=normal, heard=heard)
    topic_bests: list[Match] = []
    for asked_topic in topics_named if parts >= 2 else ():
        topic_bests += [m for m in ranked if m.fact.topic == asked_topic][:1]
    run_bests: tuple[Match, ...] = ()
    if len({m.fact.topic for m in clause_bests}) < len(topics_named):
        run_bests, _ = part_bests(question, rank, topic_words, leads, True, normal, heard)
    return ListReadings(clause_bests, run_bests, tuple(topic_bests))
