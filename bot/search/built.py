"""The index of a knowledge base, what the analyzer read of it and every fact's numbers: built
once, and kept on disk (cache.py) between processes when a cache folder is given."""

from __future__ import annotations

from collections.abc import Mapping, Set
from pathlib import Path

from bot.kb import KnowledgeBase
from bot.search import cache
from bot.search.analyzer import Analyzer
from bot.search.index import FactIndex, attached
from bot.search.quantities import Quantities


def built_index(
    kb: KnowledgeBase,
    analyzer: Analyzer,
    topic_names: Mapping[str, str],
    neutral: Set[str],
    cues: Set[str],
    cache_dir: Path | None,
) -> tuple[FactIndex, Quantities]:
    """The index and the facts' numbers, from `cache_dir` when it holds them for these facts,
    words and code (the analyzer then restores what it read), else built and stored there."""
    key = "index-" + cache.fingerprint(
        cache.search_code_digest(), kb.facts, topic_names,
        sorted(kb.synonyms.items()), sorted(neutral), sorted(cues),
        kb.userdict_path.read_bytes(), cache.JIEBA_MIN_FREQ, kb.quantities,
    )  # fmt: skip
    cached = cache.load(cache_dir, key)  # the index, what the analyzer read, facts' numbers
    if isinstance(cached, tuple) and len(cached) == 3 and attached(cached[0], kb.facts):
        index, state, held = cached
        analyzer.restore(state)
        return index, Quantities(kb.quantities, kb.facts, held)
    index = FactIndex(kb.facts, analyzer, topic_names)
    analyzer.set_vocabulary(index.postings)
    quantities = Quantities(kb.quantities, kb.facts)
    cache.store(cache_dir, key, (index, analyzer.state, quantities.held_by_fact))
    return index, quantities
