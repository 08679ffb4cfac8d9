"""responses/complaint_words.yaml: everyday words of complaint, by the burden they name
(撂下, 没空: time lost to it; 翻来覆去: again; 做样子: done for show), read by bot/search/story.py
as marks of a burden told."""

from __future__ import annotations

from bot.kb.collect import Collector, read_named_lists

COMPLAINT_FILE = "complaint_words.yaml"
COMPLAINT_KINDS = ("lost_time", "again", "for_show")


def load_complaint_words(col: Collector) -> dict[str, tuple[str, ...]]:
    """Each burden named -> its everyday words, as written; empty when the knowledge base has
    no such file (a burden is then told only by story.py's own marks)."""
    return read_named_lists(
        col, col.root / "responses" / COMPLAINT_FILE, COMPLAINT_KINDS, named="burden named",
        mapping="burden named to a list of everyday words", entry="burden: [word, ...]",
        item="word",
    )  # fmt: skip
