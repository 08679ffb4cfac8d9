"""Two or three people or places asked about at once, and a role several people hold.

洋湖乡和海港区都是怎么做的, 敖再生和段琼谁说的对 and 扶贫专干说了啥 (two people hold that role) ask
about each of them: one reply with a card each, in the order named, each card holding their
facts closest to the rest of the question. A place holding a person the question names
(洋湖乡的李志颖), or a narrower place it names (海港区港城大街), is one mention, not two; one of
them on nothing the question asks about (齐琳和央金卓嘎谁讲的检查: only 央金卓嘎 spoke of
inspections) leaves the card to the other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import numpy as np

from bot.kb import Fact
from bot.search.bars import ENTITY_BAR
from bot.search.entities import Entity
from bot.search.entitydocs import DocsOf, Included
from bot.search.focus import Said, entity_focus
from bot.search.query import QueryAnalysis
from bot.search.ranked import FactOrder
from bot.search.shapes import (
    CARD_MAX,
    Card,
    EntityFocus,
    Match,
    Prepared,
    Result,
    Thresholds,
)
from bot.search.shapes import conclude as conclude_one
from bot.search.strangers import names_person
from bot.search.topicwords import TopicWords

JOINED_MAX = 3  # the issue bounds an answer about several things to three
KEPT_SHARE = 0.5  # of the best fit among them, what another needs to keep their card
Found = Sequence[tuple[Entity, tuple[str, ...]]]
Joined = tuple[tuple[Entity, EntityFocus], ...]
# The matcher's ranking: a question, documents to score whatever their recall, strangers.
Rank = Callable[[str, Included, tuple[str, ...]], tuple[QueryAnalysis, list[Match]]]


def apart(found: Found, text: str) -> list[tuple[Entity, tuple[str, ...]]]:
    """The people and places named, none inside another, in the order named (at most three)."""
    people = [e for e, _ in found if e.kind == "person"]
    places = [e for e, _ in found if e.kind == "place"]

    def inside(entity: Entity) -> bool:
        """A place holding a person or a narrower place the question names."""
        if entity.kind == "person":
            return False
        return any(entity.name in p.places for p in people) or any(
            q is not entity and q.description.startswith(entity.description) for q in places
        )

    kept = [(e, keys) for e, keys in found if not inside(e)]

    def position(keys: tuple[str, ...]) -> int:
        return min((at for k in keys if (at := text.find(k)) >= 0), default=len(text))

    kept.sort(key=lambda item: position(item[1]))
    return kept[:JOINED_MAX]


class Together:
    """Reads a question naming several people or places: each one's facts, ordered by what
    the rest of the question asks of them."""

    def __init__(
        self,
        rank: Rank,
        words: TopicWords,
        said: Said,
        facts: Mapping[str, Fact],
        order: FactOrder,
        docs_of: DocsOf,
        without_asks: Callable[[str], str],
    ) -> None:
        """`facts` by id, `order` their places in the knowledge base (how equals stand),
        `docs_of` an entity's index documents; `without_asks`: the question
        without the number asks the ranking leaves out."""
        self._rank = rank
        self._words = words
        self._said = said
        self._facts = facts
        self._order = order
        self._docs_of = docs_of
        self._without_asks = without_asks

    def read(
        self, text: str, named: Found, strangers: tuple[str, ...], role: str = ""
    ) -> tuple[Joined, list[tuple[Entity, tuple[str, ...]]] | None, str]:
        """(each one with their focus, when two or more are asked about; the one left, when
        the rest of the question asks about only one of them, else None; the text without
        the others). `role`: the role several of them hold, as the question names them,
        which is no part of the rest."""
        if len(named) < 2:
            return (), None, text
        rest = _without(text.replace(role, " ") if role else text, [e for e, _ in named])
        # their documents, each once, in order (as sorted() of the set of them)
        include = np.unique(np.concatenate([self._docs_of(e.fact_ids) for e, _ in named]))
        # Scored on the whole question, names and all, as one person's facts are; what is
        # asked of them is the rest.
        _, ranked = self._rank(self._without_asks(text), include, strangers)
        topics = self._topics_named(rest, strangers)
        kept = [
            (entity, keys)
            for entity, keys in named
            if not topics or any(self._facts[fid].topic in topics for fid in entity.fact_ids)
        ]
        if len(kept) == 1:  # nor what the others' names say of topics (齐琳: groups)
            return (), kept, _without(text, [e for e, _ in named if e is not kept[0][0]])
        if len(kept) < 2:
            return (), None, text
        joined = []
        for entity, _ in kept:
            own_text, own_topics = rest, topics
            # 水林社区开会，港城大街建群: each is asked what follows their name, when that names a
            # topic of theirs (plain meaning; read whole, 开会 outweighed 建群: dev-several2).
            part = _own_part(text, entity, kept)
            if part:
                part_topics = self._topics_named(part, strangers)
                if any(self._facts[fid].topic in part_topics for fid in entity.fact_ids):
                    own_text, own_topics = part, part_topics
            focus = entity_focus(
                lambda question, include: self._rank(question, include, ()),
                entity, kept, own_text, self._docs_of(entity.fact_ids), ranked,
                self._words, self._order, self._said,
            )  # fmt: skip
            asked = tuple(m for m in focus.ranked if m.fact.topic in own_topics)
            joined.append((entity, replace(focus, ranked=asked or focus.ranked)))
        return tuple(joined), None, text

    def _topics_named(self, text: str, strangers: tuple[str, ...]) -> set[str]:
        """The topics `text` names, its asks left out (what is asked of the people named)."""
        analysis, _ = self._rank(self._without_asks(text), (), strangers)
        named = {self._words.names_topic(qt.term, qt.source) for qt in analysis.terms}
        return {topic for topic in named if topic is not None}


def _own_part(text: str, entity: Entity, named: Found) -> str:
    """What follows one name up to the next name the question gives (港城大街建群，都有啥变化 of
    水林社区开会，港城大街建群，都有啥变化), names taken out; empty when the name is not found."""

    def position(one: Entity, keys: tuple[str, ...]) -> int:
        return min((at for k in (*keys, one.name) if (at := text.find(k)) >= 0), default=-1)

    start = next((position(e, keys) for e, keys in named if e is entity), -1)
    if start < 0:
        return ""
    after = [at for e, keys in named if (at := position(e, keys)) > start]
    part = text[start : min(after, default=len(text))]
    return _without(part, [e for e, _ in named]).strip()


def _without(text: str, entities: Sequence[Entity]) -> str:
    for entity in entities:
        text = text.replace(entity.name, " ")
    return text


def conclude(p: Prepared, t: Thresholds) -> Result:
    """The joined card when the question asks about several people or places, else the one
    answer `shapes.conclude` gives."""
    if p.joined and not p.analysis.cues and not p.greeting:
        found = joined_answer(p, t)
        if found is not None:
            return found
    result = conclude_one(p, t)
    if result.answered and any(names_person(s) for s in p.strangers):
        # 韩雪梅他们开会发言限时多久: the facts tell of somebody else, never of her.
        return Result(p.query, p.normalized, "decline", p.ranked, p.analysis)
    if result.shape == "several" and p.entity is not None and p.entity_ranked:
        return _theirs_first(result, p)
    return result


def _theirs_first(result: Result, p: Prepared) -> Result:
    """央金卓嘎说的数据和检查: of each topic asked, the fact of the person or place named, where
    they have one on it, not another's."""
    theirs: dict[str, Match] = {}
    for m in p.entity_ranked:  # closest to the rest of the question first
        theirs.setdefault(m.fact.topic, m)
    several = tuple(theirs.get(m.fact.topic, m) for m in result.several)
    if several == result.several:
        return result
    chosen = {m.fact for m in several}
    rest = tuple(m for m in result.matches if m.fact not in chosen)
    return replace(result, matches=(*several, *rest), several=several)


def joined_answer(p: Prepared, t: Thresholds) -> Result | None:
    """A card for each of them; declined when what is asked of them is nothing the facts
    hold (敖再生和段琼谁的官大)."""
    bar = ENTITY_BAR * t.suggest
    if any(focus.unknown and focus.best < bar for _, focus in p.joined):
        return Result(p.query, p.normalized, "decline", p.ranked, p.analysis)
    joined = p.joined
    top = max(focus.best for _, focus in joined)
    if all(focus.specific for _, focus in joined) and top >= bar:
        # 李志颖和阿旺群宗签字拍照的事谁说的: what is asked is one of theirs only; 海港区整群，
        # 水林社区开会 asks something of each.
        joined = tuple((e, f) for e, f in joined if f.best >= bar or f.best >= top * KEPT_SHARE)
    if len(joined) == 1:
        ranked = joined[0][1].ranked
        theirs = {m.fact for m in ranked}
        rest = tuple(m for m in p.ranked if m.fact not in theirs)
        related = tuple(m.fact for m in ranked[1:CARD_MAX])
        return Result(
            p.query, p.normalized, "answer", (*ranked, *rest), p.analysis, related=related
        )
    cards: list[Card] = []
    for entity, focus in joined:
        facts = [m.fact for m in focus.ranked]  # on the topics asked about, when any is
        sure = focus.specific and focus.lead >= t.margin and focus.best >= bar
        chosen = facts[:1] if sure else facts[:CARD_MAX]
        if chosen:
            cards.append(Card(entity.name, entity.description, tuple(chosen)))
    if len(cards) < 2:
        return None
    shown = dict.fromkeys(f for card in cards for f in card.facts)  # in order, each once
    score = {m.fact: m.score for m in p.ranked}
    first = tuple(Match(f, score.get(f, 0.0)) for f in shown)
    rest = tuple(m for m in p.ranked if m.fact not in shown)
    return Result(
        p.query, p.normalized, "answer", (*first, *rest), p.analysis, "card",
        card=cards[0], joined=tuple(cards[1:]),
    )  # fmt: skip
