"""responses/purpose_words.yaml: the words of framing that asks nothing itself (the document
an answer is for, the people it is told to), read by bot/search/purpose.py."""

from __future__ import annotations

from bot.kb.collect import Collector, read_word_map

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
    path = col.root / "responses" / PURPOSE_FILE
    entries = read_word_map(
        col, path, mapping="kind of framing to a list of words",
        entry="kind: [word, ...]", item="word", optional=True,
    )  # fmt: skip
    words: dict[str, tuple[str, ...]] = {}
    for kind, listed in entries:
        if kind not in PURPOSE_KINDS:
            col.add(path, f"'{kind}' is no kind of framing (one of: {', '.join(PURPOSE_KINDS)})")
        else:
            words[kind] = tuple(listed)
    return words
