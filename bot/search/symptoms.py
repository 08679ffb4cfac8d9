"""A part of a list that names its burden only by the symptom: 天天拍照, 数字报了又报.

Cadres list their burdens as they feel them: 同一个数填了好几遍，领导讲话一讲一上午. The second
part names meetings (讲话); the first names no topic by any word of its own, yet read alone it
is plainly one fact's burden (one figure filled into many forms). Such a part counts as an item
of the list, with the fact it is sure of, beside the parts that name their topic.

Only a clean part (every word known, no cue) of three words or more, sure of its fact by far,
counts: near a fact's own question, and ahead of every other topic's fact. A story's scene
(年底, 一整天, 下乡走访, 市里也要) is never that sure of one fact alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.search.query import QueryAnalysis
from bot.search.shapes import Match
from bot.search.topicwords import TopicWords

SURE = 70.0  # a part read alone this close to one fact names that fact's burden
MIN_WORDS = 3  # 市里也要, 每次都要我帮他们弄: a word or two sets a scene, it tells no burden
AHEAD = 15.0  # … when every other topic's best fact is this far behind it

Rank = Callable[[str], tuple[QueryAnalysis, list[Match]]]


def may_tell_symptom(analysis: QueryAnalysis) -> bool:
    """A part's words alone allow it to be sure of a fact: clean, and three words or more."""
    return analysis.clean and len({qt.term for qt in analysis.terms}) >= MIN_WORDS


def symptom_best(analysis: QueryAnalysis, ranked: Sequence[Match]) -> Match | None:
    """The fact a part naming no topic is sure of, if it is sure of one."""
    if not may_tell_symptom(analysis) or not ranked or ranked[0].score < SURE:
        return None
    best = ranked[0]
    rival = next((m for m in ranked if m.fact.topic != best.fact.topic), None)
    if rival is not None and best.score - rival.score < AHEAD:
        return None
    return best


def symptom_topics(
    parts: Sequence[str], rank: Rank, topic_words: TopicWords, read: Rank | None = None
) -> list[str]:
    """The topics of the parts that name no topic but are sure of one fact, in order.

    `read`: as `rank`, the words alone and no facts ranked; a part whose words name a topic or
    cannot be sure of a fact (会太多, 怎么办) is never ranked."""
    found: list[str] = []
    for part in parts:
        analysis, _ = (read or rank)(part)
        if topic_words.first_named(analysis) is not None or not may_tell_symptom(analysis):
            continue
        analysis, ranked = rank(part)
        best = symptom_best(analysis, ranked)
        if best is not None:
            found.append(best.fact.topic)
    return found
