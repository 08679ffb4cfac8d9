"""responses/complaint_words.yaml: everyday words of complaint, by the burden they name
(撂下, 没空: time lost to it; 翻来覆去: again), read by bot/search/story.py
as marks of a burden told."""

from __future__ import annotations

from bot.kb.collect import Collector, read_word_map

COMPLAINT_FILE = "complaint_words.yaml"
COMPLAINT_KINDS = ("lost_time", "again")


def load_complaint_words(col: Collector) -> dict[str, tuple[str, ...]]:
    """Each burden named -> its everyday words, as written; empty when the knowledge base has
    no such file (a burden is then told only by story.py's own marks)."""
    path = col.root / "responses" / COMPLAINT_FILE
    entries = read_word_map(
        col, path, mapping="burden named to a list of everyday words",
        entry="burden: [word, ...]", item="word", optional=True,
    )  # fmt: skip
    words: dict[str, tuple[str, ...]] = {}
    for kind, listed in entries:
        if kind not in COMPLAINT_KINDS:
            col.add(path, f"'{kind}' is no burden named (one of: {', '.join(COMPLAINT_KINDS)})")
        else:
            words[kind] = tuple(listed)
    return words
