"""responses/load_objects.yaml: everyday names of a topic's load (材料, 照片) that name the topic
only in a burden told, read by bot/search/loadobjects.py."""

from __future__ import annotations

from collections.abc import Collection

from bot.kb.collect import Collector, read_named_lists

LOAD_OBJECTS_FILE = "load_objects.yaml"


def load_load_objects(col: Collector, topic_ids: Collection[str]) -> dict[str, tuple[str, ...]]:
    """Each topic -> its everyday load words, as written; empty when the knowledge base has no
    such file (a burden then names its topic only by the topic's own words)."""
    return read_named_lists(
        col, col.root / "responses" / LOAD_OBJECTS_FILE, tuple(sorted(topic_ids)), named="topic",
        mapping="topic id to a list of everyday words", entry="topic-id: [word, ...]",
        item="word",
    )  # fmt: skip
