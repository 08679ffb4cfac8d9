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
a topic and has no word we do not know or cue. A cue in a further item naming no topic
(会多，群多，另外想问问修路的钱啥时候到) asks about something else beside a list of two topics
or more; beside one topic it keeps the decline (群太多，还有工资啥时候涨). Unmarked, clean clauses
naming two topics or more are a list too, and a cue in a clause naming none is an aside
(表太多，检查太多，天气预报明天下雨吗).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bot.kb import Fact
from bot.search.clauses import clauses
from bot.search.normalize import normalize
from bot.search.parts import topic_best
from bot.search.query import QueryAnalysis
from bot.search.shapes import Match
from bot.search.topicwords import TopicWords

# Words and marks that add one more item to what was said (还有就是, 另外, 其次, 2., ②).
FURTHER_ITEM = re.compile(
    r"还有|另外|此外|再就是|再有|再一个|以及|[，,]\s*(?:并且|同时)|再加上|外加|顺便|其次|(?:第|其)二|二是|二、"
    r"|(?:^|\s)2\s*[.、)）:：]|\(2\)|（2）|②"
)

Rank = Callable[[str], tuple[QueryAnalysis, list[Match]]]
LISTED_TOPICS = 2  # clean clauses naming this many topics are a list even with no mark


@dataclass(frozen=True)
class CoveredParts:
    # The best fact of each clean clause naming a topic, in the order asked, each fact once,
    # when they all lie on one topic and no clause has a cue.
    bests: tuple[Match, ...] = ()
    # Every cue lies in an item naming no topic (会多，群多，另外修路的钱啥时候到): the list's
    # other items still ask what the facts answer.
    cues_aside: bool = False


def covered_parts(
    question: str,
    rank: Rank,
    topic_words: TopicWords,
    leads: Mapping[str, Fact],
    normal: Callable[[str], str] = normalize,
    read: Rank | None = None,
    cued: bool = True,
) -> CoveredParts:
    """Each clause read alone; nothing for a one-clause question, one that marks no further
    item, or one with a clause naming a topic among words we do not know or cues. `read`: as
    `rank`, the words alone: only a clean clause naming a topic needs its facts ranked.
    `cued`: the question read whole has a cue; without one, whether its cues are aside is
    never asked (shapes.conclude), and an unmarked list is not read at all (表太多，检查太多)."""
    marked = FURTHER_ITEM.search(question) is not None
    if not marked and not cued:
        return CoveredParts()
    parts = clauses(question, normal)
    if len(parts) < 2:
        return CoveredParts()
    bests: list[Match] = []
    aside = False
    for part in parts:
        analysis, _ = (read or rank)(part)
        topic = topic_words.first_named(analysis)
        if topic is None:
            # An item the facts do not cover, or the ask itself (怎么办)
            aside = aside or bool(analysis.cues)
            continue
        if not analysis.clean:
            return CoveredParts()
        analysis, ranked = rank(part)
        best = topic_best(analysis, ranked, topic, topic_words, leads)  # 会议多: the lead
        if best is None:
            return CoveredParts()
        if all(m.fact != best.fact for m in bests):
            bests.append(best)
    topics = len({m.fact.topic for m in bests})
    if not marked:
        # 表太多，检查太多，天气预报明天下雨吗: unmarked, clean clauses naming two topics or
        # more are a list all the same, and a cue in a clause naming none is an aside; one
        # topic's clauses stay one story (填表填到吐，内容一模一样换个表头而已).
        return CoveredParts((), aside and topics >= LISTED_TOPICS)
    # One topic answers alone only when nothing is a cue (1.会议室怎么预约 2.检查组怎么接待
    # asks how, twice); beside a list of two topics or more, a cue is an aside.
    one_topic = topics == 1 and not aside
    return CoveredParts(tuple(bests) if one_topic else (), aside)
