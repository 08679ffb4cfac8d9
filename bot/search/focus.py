"""What a question asks of the person or place it names, once their name is taken out.

洋湖乡的扶贫检查现在怎么查 names a township of seven facts and asks about inspections; 港城大街附近
有什么好吃的 names a street and asks about nothing the facts hold. The rest of the question, ranked
on its own over their facts, tells the two apart and picks the fact asked about.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from bot.kb import Fact
from bot.search.entities import Entity, EntityTable
from bot.search.entitydocs import Included
from bot.search.normalize import normalize
from bot.search.query import QueryAnalysis
from bot.search.ranked import FactOrder
from bot.search.shapes import EntityFocus, Match
from bot.search.timeline import other_side_only, side_holders
from bot.search.topicwords import TopicWords

# How many (多少个群, 几次): the measure word the count is given in.
# 有多少群 counts groups with no measure word: groups are counted in 个 (超过了30个).
_COUNT_ASK = re.compile(r"(?:多少|几)(?:([个次张天条回项份])|(?=群))")
_HOW_MANY = re.compile(r"多少|几")
TITLE_FIT = 3.0  # per word of the rest in a fact's title
COUNT_FIT = 10.0  # a fact giving the count asked for outranks a sibling that cannot answer it
AVOIDED_FIT = 12.0  # a fact of what to avoid is no answer to how they cut it down
ASPECT_FIT = 6.0  # per word of the rest that some of their facts say and the others do not
SIDE_FIT = 12.0  # a fact telling the side of the change asked for (后来, 以前) over one that cannot
# 段琼说的, 央金卓嘎讲: words pointing at what someone said, not what they said it about
# (讲话 is a word of its own).
# 怎么减的, 咋整治: asks what was done about it, not what the trouble was.
_HOW_CUT = re.compile(r"(?:怎么|咋|如何|怎样)(?:样)?(?:减|精简|压减|压缩|整治|清理|治理|改)")
# A measure the facts write as what to avoid (要避免的做法：工作群越建越多…).
_AVOIDED = ("要避免",)
# 洋湖乡群太多怎么办: an asker there telling their own trouble, who wants a measure from anywhere.
_OWN_TROUBLE = re.compile(r"(?:怎么办|咋办|咋整|怎么整|怎么弄|咋弄)")
# 昌吉工作群整治得咋样 asks how it went there, however narrow its words.
_HOW_IT_WENT = re.compile(r"(?:得|的)?(?:咋样|怎么样|怎样|如何)了?[吗呢啊?？]*$")
_SAID = re.compile(r"^(?:说的|讲的|说过|讲过|说|讲(?!话)|提到的?|谈到的?|谈的?|介绍的?)")


Rank = Callable[[str, Included], tuple[QueryAnalysis, list[Match]]]
Said = Callable[[str], frozenset[str]]  # a fact's own terms, from what the article says in it


def entity_focus(
    rank: Rank,
    entity: Entity,
    found: Sequence[tuple[Entity, tuple[str, ...]]],
    text: str,
    include: Included,
    ranked: Sequence[Match],
    words: TopicWords,
    kb_order: FactOrder,
    said: Said = lambda fact_id: frozenset(),
    whole: str = "",
) -> EntityFocus:
    """Their facts ordered by the rest of the question alone, how far the first leads, and
    whether the rest is about something no fact holds. `words`: which topic a word names, and
    which say nothing narrower than a topic (减负, 工作); `kb_order`: how equals stand; `said`:
    the terms of a fact's own text; `whole`: the question before what their card shows was
    taken out (后来呢)."""
    broad = words.broad
    own = set(entity.fact_ids)
    rest = text
    for named, _ in found:
        name = normalize(named.name)
        rest = " ".join(_SAID.sub("", piece) for piece in rest.split(name))
    rest_analysis, rest_ranked = rank(rest, include)
    rest_scores = {m.fact.id: m.score for m in rest_ranked if m.fact.id in own}
    # 海港区清理了多少个群 asks for a count: of the place's facts, those giving one fit.
    asked = _COUNT_ASK.search(rest)
    if asked:
        counted = re.compile(rf"[0-9一两二三四五六七八九十百千万]+余?{asked.group(1) or '个'}")
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
    # 央金卓嘎说的指导: of their facts, the one the article has saying it.
    aspects = [qt for qt in rest_analysis.terms if qt.term not in broad]
    if len(own) > 1 and aspects:
        # Those ranked only (a few): a place of many facts reads no more than a dozen.
        texts = {fid: said(fid) for fid in rest_scores}
        for qt in aspects:
            having = [fid for fid, terms in texts.items() if qt.term in terms]
            if 0 < len(having) < len(texts):
                for fid in having:
                    rest_scores[fid] = rest_scores.get(fid, 0.0) + ASPECT_FIT * qt.weight
    # 齐琳手机里的群后来咋样了: of two facts on her phone, the one telling what came after.
    told = {
        m.fact.id: m.fact.measure + m.fact.example + m.fact.quote
        for m in rest_ranked
        if m.fact.id in own
    }
    sides = side_holders(whole or rest, told) if len(told) > 1 else frozenset()
    for fid in sides:
        rest_scores[fid] += SIDE_FIT
    # 港城大街的群后来少了多少 asks a count on one side of the change: the fact telling only the
    # other side (一度超过30个) cannot give it. 海港区一开始用群挺便捷，后来呢 asks no count: the
    # story's own later (越来越多) is told before the change.
    counts = len(told) > 1 and _HOW_MANY.search(whole or rest) is not None
    lacking = other_side_only(whole or rest, told) if counts else frozenset()
    for fid in lacking:
        rest_scores[fid] -= SIDE_FIT
    if _HOW_CUT.search(rest):
        for m in rest_ranked:
            if m.fact.id in own and m.fact.measure.startswith(_AVOIDED):
                rest_scores[m.fact.id] -= AVOIDED_FIT
    order = sorted(
        (m for m in ranked if m.fact.id in own),
        key=lambda m: (-rest_scores.get(m.fact.id, 0.0), -m.score, kb_order[m.fact.id]),
    )
    best, second = [*sorted(rest_scores.values(), reverse=True), 0.0, 0.0][:2]
    # 附近有什么好吃的 knows nothing the facts say; 现在办业务有什么变化 knows 办 and is kept.
    typed = any(qt.weight >= 1.0 for qt in rest_analysis.terms)
    unknown = () if typed else tuple(u for u in rest_analysis.unknown if len(u) > 1)
    clean = not rest_analysis.unknown and not rest_analysis.cues
    elsewhere = max((m.score for m in rest_ranked if m.fact.id not in own), default=0.0)
    # 江西那个乡怎么减负的 asks nothing narrower than what they did (乡, 减负): all of it.
    # 港城大街的群后来少了多少 asks nothing narrower than groups, but one side of the change.
    specific = any(qt.term not in broad for qt in rest_analysis.terms) or bool(sides and lacking)
    asked_topic = words.first_named(rest_analysis)
    other = asked_topic is not None and all(m.fact.topic != asked_topic for m in order)
    # 央金卓嘎讲没讲开会 names the topic and nothing narrower that someone else said.
    only = other and asked_topic is not None and words.names_only(rest_analysis, asked_topic)
    # 海港区开会怎么减的 asks what was done there; 洋湖乡群太多怎么办 asks for help anywhere.
    only = only and (entity.kind == "person" or not _OWN_TROUBLE.search(rest))
    if other and entity.kind == "place" and _HOW_IT_WENT.search(rest.strip()):
        only = True
    return EntityFocus(
        tuple(order), best - second, best, unknown, clean, elsewhere, specific, other, only
    )


class SaidTerms:
    """The terms of what the article says in a fact (not the questions written for it): what
    tells one of a person's facts from another. Read when first asked, then kept."""

    def __init__(self, facts: Mapping[str, Fact], terms: Callable[[str], list[str]]) -> None:
        self._facts = facts
        self._terms = terms
        self._said: dict[str, frozenset[str]] = {}

    def __call__(self, fact_id: str) -> frozenset[str]:
        said = self._said.get(fact_id)
        if said is None:
            fact = self._facts[fact_id]
            text = " ".join((fact.title, fact.measure, fact.example, fact.quote, *fact.keywords))
            said = self._said[fact_id] = frozenset(self._terms(normalize(text)))
        return said


def heard_name(entities: EntityTable, analysis: QueryAnalysis) -> tuple[Entity, str] | None:
    """A person or place the question names by sound only (敖再升, 段穷, yangjin zhuoga): the
    analyzer read a typed word, or pinyin, as their name."""
    for qt in analysis.terms:
        pinyin = qt.source.isascii()
        named = entities.named(qt.term) if qt.weight < 1.0 or pinyin else None
        if named is not None and (pinyin or len(qt.source) == len(named.name)):
            return named, qt.source
    return None
