"""Equal scores stand in the knowledge base's order (the curator's), not in the order of fact
ids as text, which puts tie-10 before tie-2 in a knowledge base of many facts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import pytest

from bot.kb import load_kb
from bot.search.matcher import Matcher
from bot.search.normalize import normalize
from bot.search.ranked import Match, best_first, fact_order

IN_KB_ORDER = [f"tie-{n}" for n in range(12)]  # as text: tie-0, tie-1, tie-10, tie-11, tie-2 …


@pytest.fixture(scope="module")
def tied() -> Matcher:
    """Twelve copies of one fact, so every question scores them all alike."""
    kb = load_kb()
    base = kb.by_id["meetings-weekly-half-hour"]
    facts = tuple(replace(base, id=fact_id) for fact_id in IN_KB_ORDER)
    return Matcher(replace(kb, facts=facts, by_id={f.id: f for f in facts}, sibling_marks={}))


def _ids(matches: Iterable[Match]) -> list[str]:
    return [m.fact.id for m in matches]


def test_a_ranking_of_equal_scores_is_in_the_knowledge_base_order(tied: Matcher) -> None:
    _, ranked = tied.rank(normalize("开会时间太长"))
    assert len({m.score for m in ranked}) == 1
    assert _ids(ranked) == IN_KB_ORDER


def test_the_number_rerank_puts_equal_scores_in_the_knowledge_base_order(tied: Matcher) -> None:
    _, ranked = tied.rank(normalize("开会时间太长"))
    # whatever order they come in: the rerank sorts again once a number is asked
    reranked = tied.quantities.rerank("例会开多少分钟", list(reversed(ranked)))
    assert _ids(reranked) == IN_KB_ORDER


def test_a_places_facts_of_equal_fit_are_in_the_knowledge_base_order(tied: Matcher) -> None:
    where = tied.kb.facts[0].where
    prepared = tied.prepare(f"{where}的例会开多久")
    assert prepared.entity is not None
    assert _ids(prepared.entity_ranked) == IN_KB_ORDER


def test_best_first_puts_higher_scores_first_then_the_given_order() -> None:
    facts = {f.id: f for f in load_kb().facts}
    a, b, c = facts["forms-weekly-cap"], facts["chat-groups-six-kinds"], facts["inspections-joint"]
    order = fact_order([a, b, c])  # the ids as text would put b first among equals
    matches = [Match(c, 50.0), Match(b, 70.0), Match(a, 50.0), Match(b, 50.0)]
    assert [(m.fact.id, m.score) for m in best_first(matches, order)] == [
        (b.id, 70.0), (a.id, 50.0), (b.id, 50.0), (c.id, 50.0),
    ]  # fmt: skip
