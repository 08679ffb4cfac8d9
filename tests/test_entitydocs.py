"""entitydocs.EntityDocs: a person's facts numbered as the index numbers them, kept."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest

from bot.search.entitydocs import NONE_INCLUDED, EntityDocs
from bot.search.matcher import Matcher


def test_numbers_in_the_entitys_order() -> None:
    docs = EntityDocs({"a": 0, "b": 1, "c": 2})
    assert docs.of(("c", "a")).tolist() == [2, 0]
    assert docs.of(("c", "a")).dtype == np.int64


def test_kept_and_shared_read_only() -> None:
    docs = EntityDocs({"a": 0, "b": 1})
    first = docs.of(("a", "b"))
    assert docs.of(("a", "b")) is first  # the same entity asked again: not numbered again
    with pytest.raises(ValueError):
        first[0] = 5  # shared by every question: nobody may change it
    assert docs.of(("a", "b", "b")).tolist() == [0, 1, 1]  # a copy with more facts: its own


def test_unknown_fact_is_an_error() -> None:
    with pytest.raises(KeyError):
        EntityDocs({"a": 0}).of(("z",))


def test_none_included_is_empty() -> None:
    assert len(NONE_INCLUDED) == 0


def test_every_person_and_place_as_looked_up_one_by_one(matcher: Matcher) -> None:
    """What the matcher ranks a person's facts by is what looking each fact up gave."""
    numbered = {doc.fact.id: n for n, doc in enumerate(matcher.index.docs)}
    docs = EntityDocs(numbered)
    for entity in matcher.entities.entities:
        looked_up = [numbered[f] for f in entity.fact_ids]
        assert docs.of(entity.fact_ids).tolist() == looked_up
        # ranked with their facts included, the array ranks as the list did
        question = f"{entity.name}开会怎么精简"
        assert matcher.rank(question, docs.of(entity.fact_ids)) == matcher.rank(question, looked_up)


def test_several_together_as_the_sorted_set_of_their_facts(matcher: Matcher) -> None:
    """together.py ranks several people's facts at once: each document once, in order."""
    numbered = {doc.fact.id: n for n, doc in enumerate(matcher.index.docs)}
    docs = EntityDocs(numbered)
    people = matcher.entities.entities
    for first, second in pairwise(people):
        union = np.unique(np.concatenate([docs.of(first.fact_ids), docs.of(second.fact_ids)]))
        looked_up = sorted({numbered[f] for e in (first, second) for f in e.fact_ids})
        assert union.tolist() == looked_up
        assert union.dtype == np.int64
