"""What a question asks of the person or place it names, once their name is taken out.

洋湖乡的扶贫检查现在怎么查 names a township of seven facts and asks about inspections; 港城大街附近
有什么好吃的 names a street and asks about nothing the facts hold. The rest of the question, ranked
on its own over their facts, tells the two apart and picks the fact asked about.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.search.entities import Entity
from bot.search.normalize import normalize
from bot.search.query import QueryAnalysis
from bot.search.shapes import EntityFocus, Match

# 齐琳在哪上班, 阿旺群宗是哪个乡的: a person's card says where they work.
_WHERE_ASK = re.compile(
    r"在哪[个里儿]?(?:乡|县|镇|市|区|单位|上班|工作)?|哪[个里儿](?:乡|县|镇|市|区|地方)?的?"
)
# How many (多少个群, 几次): the measure word the count is given in.
_COUNT_ASK = re.compile(r"(?:多少|几)([个次张天条回项份])")
TITLE_FIT = 3.0  # per word of the rest in a fact's title
COUNT_FIT = 10.0  # a fact giving the count asked for outranks a sibling that cannot answer it


Rank = Callable[[str, Sequence[int]], tuple[QueryAnalysis, list[Match]]]


def without_where_ask(text: str) -> str:
    """A question about a person without its "where": their card answers it."""
    return _WHERE_ASK.sub(" ", text)


def entity_focus(
    rank: Rank,
    entity: Entity,
    found: Sequence[tuple[Entity, tuple[str, ...]]],
    text: str,
    include: Sequence[int],
    ranked: Sequence[Match],
    broad: frozenset[str] = frozenset(),
) -> EntityFocus:
    """Their facts ordered by the rest of the question alone, how far the first leads, and
    whether the rest is about something no fact holds. `broad`: words that say nothing
    narrower than a topic (减负, 工作)."""
    own = set(entity.fact_ids)
    rest = text
    for named, _ in found:
        rest = rest.replace(normalize(named.name), " ")
    rest_analysis, rest_ranked = rank(rest, include)
    rest_scores = {m.fact.id: m.score for m in rest_ranked if m.fact.id in own}
    # 海港区清理了多少个群 asks for a count: of the place's facts, those giving one fit.
    asked = _COUNT_ASK.search(rest)
    if asked:
        counted = re.compile(rf"[0-9一两二三四五六七八九十百千万]+余?{asked.group(1)}")
        for m in rest_ranked:
            if m.fact.id in own and counted.search(m.fact.example + m.fact.quote):
                rest_scores[m.fact.id] += COUNT_FIT
    # 樟树市洋湖乡的会是怎么开短的: of two facts that both speak of it, the one whose title
    # says it (开短会、限时发言) is about it.
    specific_terms = [qt.source for qt in rest_analysis.terms if qt.term not in broad]
    for m in rest_ranked:
        if m.fact.id in own:
            title = normalize(m.fact.title)
            rest_scores[m.fact.id] += TITLE_FIT * sum(1 for w in specific_terms if w in title)
    order = sorted(
        (m for m in ranked if m.fact.id in own),
        key=lambda m: (-rest_scores.get(m.fact.id, 0.0), -m.score, m.fact.id),
    )
    best, second = [*sorted(rest_scores.values(), reverse=True), 0.0, 0.0][:2]
    # 附近有什么好吃的 knows nothing the facts say; 现在办业务有什么变化 knows 办 and is kept.
    typed = any(qt.weight >= 1.0 for qt in rest_analysis.terms)
    unknown = () if typed else tuple(u for u in rest_analysis.unknown if len(u) > 1)
    clean = not rest_analysis.unknown and not rest_analysis.cues
    elsewhere = max((m.score for m in rest_ranked if m.fact.id not in own), default=0.0)
    # 江西那个乡怎么减负的 asks nothing narrower than what they did (乡, 减负): all of it.
    specific = any(qt.term not in broad for qt in rest_analysis.terms)
    return EntityFocus(tuple(order), best - second, best, unknown, clean, elsewhere, specific)
