"""Generated variants of the labelled questions: does an answer survive a change that should not
matter (a stray number, a typo, a greeting, a second question joined on)?

Hand-written sets show how one writer asks; variants show how brittle the matcher is against
a whole class of changes. A variant keeps its source's expected facts and its source's part
(tune or test), so a change chosen on tune-part variants is still reported on the test part.
Only sources the matcher gets right today (or declines, when off-topic) are varied: a variant
measures what a change costs, not what the source already missed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Protocol

from bot.devtools.evaluate import Labelled
from bot.devtools.variants import (
    joined,
    lists,
    numbers,
    order,
    people,
    rewording,
    script,
    slips,
    stories,
    trailing,
    typing,
    vocab,
    wrappers,
)
from bot.kb import KnowledgeBase


class Generator(Protocol):
    """Makes variants of one labelled question.

    `item` is the source; `pool` holds every source of the same part, for variants that join
    several questions; `rng` is seeded from the generator's name and the source text, so a run
    is repeatable; `kb` is the knowledge base the labels refer to (a fact's topic, who, where).
    Return new `Labelled` items (usually with `variant_of`); none is fine.
    """

    def __call__(
        self, item: Labelled, pool: Sequence[Labelled], rng: random.Random, kb: KnowledgeBase
    ) -> list[Labelled]: ...


def variant_of(item: Labelled, text: str, kind: str | None = None) -> Labelled:
    """The same labels as the source, a new text, the source's part."""
    return Labelled(text, item.expect, kind or item.kind, item.topics, part=item.split)


GENERATORS: dict[str, Generator] = {
    "trailing": trailing.variants,
    "wrappers": wrappers.variants,
    "rewording": rewording.variants,
    "slips": slips.variants,
    "people": people.variants,
    "joined": joined.variants,
    "order": order.variants,
    "script": script.variants,
    "numbers": numbers.variants,
    "lists": lists.variants,
    "typing": typing.variants,
    "stories": stories.variants,
    "vocab": vocab.variants,
}
