"""A place's facts, and a fact of someone working there when the question asks what only that fact
tells: 水林社区的会议记录 asks about the records the community's secretary kept, a fact whose
`where` stops at the prefecture, not about the community's one fact of its own (the weekly
meeting).

Giving a place every fact of the people working there was tried: a broad ask (水林社区是怎么
减负的) then got another fact than the place's own. So a workplace fact joins only when a word the
rest of the question asks for is in it and in none of the place's own facts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.search.entities import Entity
from bot.search.normalize import normalize
from bot.search.query import QueryAnalysis

Said = Callable[[str], frozenset[str]]  # a fact's own terms, from what the article says in it


class Workplaces:
    """Reads the rest of a question naming a place and lends it its people's facts."""

    def __init__(
        self,
        people: Sequence[Entity],
        analyze: Callable[[str], QueryAnalysis],
        broad: frozenset[str],
        said: Said,
    ) -> None:
        self._people = [p for p in people if p.kind == "person" and p.places]
        self._analyze = analyze
        self._broad = broad  # 减负, 工作: words narrower than no topic
        self._said = said

    def __call__(self, entity: Entity, normalized: str) -> Entity:
        """`entity`, a place with the facts of its people the rest of `normalized` asks about."""
        if entity.kind != "place":
            return entity
        lent = [
            fid
            for p in self._people
            if entity.name in p.places
            for fid in p.fact_ids
            if fid not in entity.fact_ids
        ]
        if not lent:  # 洋湖乡: its people's facts are all its own
            return entity
        rest = normalized.replace(normalize(entity.name), " ")
        asked = [
            qt.term
            for qt in self._analyze(rest).terms
            if qt.weight >= 1.0 and qt.term not in self._broad
        ]
        return with_workplace_facts(entity, self._people, asked, self._said)


def with_workplace_facts(
    place: Entity, people: Sequence[Entity], asked: Sequence[str], said: Said
) -> Entity:
    """`place` with the facts of people working there that hold a word of `asked` (the terms of
    the rest of the question, broad words left out) that none of its own facts holds."""
    if place.kind != "place" or not asked:
        return place
    own_terms = frozenset().union(*(said(fid) for fid in place.fact_ids))
    wanted = [term for term in asked if term not in own_terms]
    if not wanted:
        return place
    joined = [
        fid
        for person in people
        if person.kind == "person" and place.name in person.places
        for fid in person.fact_ids
        if fid not in place.fact_ids and any(term in said(fid) for term in wanted)
    ]
    if not joined:
        return place
    return replace(place, fact_ids=(*place.fact_ids, *dict.fromkeys(joined)))
