"""Knowledge base: the curated facts in responses/, checked against their seeds/ articles."""

from bot.kb.load import default_root, load_kb
from bot.kb.model import Fact, KnowledgeBase, Seed, Topic

__all__ = ["Fact", "KnowledgeBase", "Seed", "Topic", "default_root", "load_kb"]
