"""Knowledge base: the curated facts in responses/, checked against their seeds/ articles."""

from bot.kb.load import default_root, load_kb
from bot.kb.model import PERIOD_SPANS, Fact, KnowledgeBase, QuantityWords, Seed, Topic, span_of

__all__ = [
    "PERIOD_SPANS", "Fact", "KnowledgeBase", "QuantityWords", "Seed", "Topic", "default_root",
    "load_kb", "span_of",
]  # fmt: skip
