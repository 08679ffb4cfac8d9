"""The parts of a list the knowledge base covers, for when the list read whole is unsure.

Two shapes a reading of the whole question misses:

- one item the knowledge base does not cover (会议多，还有就是村里留守老人没人管): its unknown
  words weigh the whole question down, yet the other part, read alone, is a plain burden the
  facts answer: that part answers, and nothing is said about the other;
- two items of one topic (会议记录要查，例会还开得老长): two siblings split the whole question's
  score, yet each part alone is sure of its own fact: the first part's fact answers and the
  other's is offered beside it.

Only a question that marks a further item (还有, 另外, 其次, 2.) is read so: without the mark,
clauses are one story (填表填到吐，内容一模一样换个表头而已 is about one form filled twice;
Excel老是卡死，填表填一半全没了 is about the software). A part is read alone only when it names
a topic and has no word we do not know; no part of the question may ask for what no measure
gives (开会多，还有加班费怎么算 asks about pay).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from bot.kb import Fact
from bot.search.clauses import clauses
from bot.search.parts import LEAD_MARGIN, lead_among
from bot.search.query import QueryAnalysis
from bot.search.shapes import Match
from bot.search.topicwords import TopicWords

# Words and marks that add one more item to what was said (还有就是, 另外, 其次, 2., ②).
_FURTHER_ITEM = re.compile(
    r"还有|另外|此外|再就是|再有|以及|再加上|外加|顺便|其次|(?:第|其)二|二是|二、"
    r"|(?:^|\s)2\s*[.、)）:：]|\(2\)|（2）|②"
)

Rank = Callable[[str], tuple[QueryAnalysis, list[Match]]]


def covered_parts(
    question: str, rank: Rank, topic_words: TopicWords, leads: Mapping[str, Fact]
) -> tuple[Match, ...]:
    """The best fact of each clean clause naming a topic, in the order asked, each fact once,
    when they all lie on one topic and no clause has a cue; () for a one-clause question or
    one that marks no further item."""
    parts = clauses(question)
    if len(parts) < 2 or not _FURTHER_ITEM.search(question):
        return ()
    bests: list[Match] = []
    for part in parts:
        analysis, ranked = rank(part)
        if analysis.cues:
            return ()
        topic = topic_words.first_named(analysis)
        if topic is None:
            continue  # an item the facts do not cover, or the ask itself (怎么办)
        if not analysis.clean:
            return ()
        best = next((m for m in ranked if m.fact.topic == topic), None)
        if best is None:
            return ()
        lead = lead_among(ranked, leads.get(topic))
        if (
            lead is not None
            and best.score - lead.score <= LEAD_MARGIN
            and topic_words.names_only(analysis, topic)
        ):
            best = lead  # 会议多 names the topic and nothing narrower: the topic's lead
        if all(m.fact != best.fact for m in bests):
            bests.append(best)
    if len({m.fact.topic for m in bests}) != 1:
        return ()
    return tuple(bests)
