"""responses/sibling_marks.yaml: what tells one topic's facts apart in a burden told (fact id ->
patterns), read by bot/search/siblingmarks.py."""

from __future__ import annotations

import re
from collections.abc import Collection

from bot.kb.collect import Collector, read_word_map

SIBLING_MARKS_FILE = "sibling_marks.yaml"


def load_sibling_marks(col: Collector, fact_ids: Collection[str]) -> dict[str, tuple[str, ...]]:
    """Each fact's marks, as written; empty when the knowledge base has no such file (the
    ranking then orders siblings by score alone). An unknown fact and a pattern that does not
    compile are reported."""
    path = col.root / "responses" / SIBLING_MARKS_FILE
    entries = read_word_map(
        col, path, mapping="fact id to a list of patterns",
        entry="fact-id: [pattern, ...]", item="pattern", optional=True,
    )  # fmt: skip
    # A fact missing because the facts (or seeds, topics) are broken is their problem only.
    facts_broken = bool(col.problems)
    marks: dict[str, tuple[str, ...]] = {}
    for fact_id, patterns in entries:
        if fact_id not in fact_ids:
            if not facts_broken:
                col.add(path, f"'{fact_id}' is no fact")
            continue
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as err:
                col.add(path, f"pattern '{pattern}' of '{fact_id}' does not compile: {err}")
        marks[fact_id] = tuple(patterns)
    return marks
