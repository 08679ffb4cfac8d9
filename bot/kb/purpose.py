"""responses/purpose_words.yaml: the words of framing that asks nothing itself (the document
an answer is for, the people it is told to), read by bot/search/purpose.py."""

from __future__ import annotations

from bot.kb.collect import Collector, read_named_lists

PURPOSE_FILE = "purpose_words.yaml"
PURPOSE_KINDS = (
    "documents",
    "document_kinds",
    "material",
    "audiences",
    "gatherings",
    "meetings_held",
    "effects",
)


def load_purpose_words(col: Collector) -> dict[str, tuple[str, ...]]:
    """Each kind of framing word -> its words, as written; empty when the knowledge base has
    no such file (the framing is then left in the question)."""
    return read_named_lists(
        col, col.root / "responses" / PURPOSE_FILE, PURPOSE_KINDS, named="kind of framing",
        mapping="kind of framing to a list of words", entry="kind: [word, ...]", item="word",
    )  # fmt: skip
