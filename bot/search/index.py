"""An inverted index over the facts: BM25 weights precomputed per posting, for fast recall."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from bot.kb import Fact
from bot.search.analyzer import Analyzer
from bot.search.normalize import normalize

# Where a word appears says how central it is to the fact.
FIELD_WEIGHTS: Mapping[str, float] = {
    "keywords": 3.0,
    "title": 2.0,
    "measure": 2.0,
    "questions": 1.0,
    "problems": 1.0,
    "example": 1.0,
    "who": 1.0,
    "where": 1.0,
    "topic": 1.0,
}
BM25_K1 = 1.2
BM25_B = 0.4  # facts differ in length mostly by how much example text they carry


@dataclass(frozen=True)
class Document:
    fact: Fact
    terms: frozenset[str]
    questions: tuple[str, ...]  # each example question or problem, as space-joined terms


def _field_texts(fact: Fact, topic_name: str) -> dict[str, list[str]]:
    return {
        "keywords": list(fact.keywords),
        "title": [fact.title],
        "measure": [fact.measure],
        "questions": list(fact.questions),
        "problems": list(fact.problems),
        "example": [fact.example],
        "who": [fact.who] if fact.who else [],
        "where": [fact.where] if fact.where else [],
        "topic": [topic_name],
    }


class FactIndex:
    """Built once per knowledge base; read-only afterwards, so it can be cached and swapped."""

    def __init__(self, facts: Sequence[Fact], analyzer: Analyzer, topic_names: Mapping[str, str]):
        weighted: list[dict[str, float]] = []
        docs: list[Document] = []
        for fact in facts:
            counts: dict[str, float] = defaultdict(float)
            for name, texts in _field_texts(fact, topic_names.get(fact.topic, "")).items():
                for text in texts:
                    for term in analyzer.document_terms(normalize(text)):
                        counts[term] += FIELD_WEIGHTS[name]
            questions = tuple(
                " ".join(sorted(set(analyzer.document_terms(normalize(q)))))
                for q in (*fact.questions, *fact.problems)
            )
            weighted.append(dict(counts))
            docs.append(Document(fact, frozenset(counts), questions))
        self.docs = docs
        n = max(len(docs), 1)
        lengths = [float(sum(c.values())) for c in weighted]
        avg_length = (sum(lengths) / n) or 1.0
        df: Counter[str] = Counter()
        for counts in weighted:
            df.update(counts.keys())
        self.idf: dict[str, float] = {
            term: math.log(1 + (n - d + 0.5) / (d + 0.5)) for term, d in df.items()
        }
        # Unknown words weigh as much as the rarest known word: they are real content.
        self.unknown_idf = math.log(1 + (n + 0.5) / 0.5)
        lists: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for doc_id, counts in enumerate(weighted):
            norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[doc_id] / avg_length)
            for term, tf in counts.items():
                lists[term].append((doc_id, self.idf[term] * tf * (BM25_K1 + 1) / (tf + norm)))
        # Arrays, so recall over 10k facts is a few vector additions, not a Python loop.
        self.postings: dict[str, tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]] = {
            term: (
                np.fromiter((d for d, _ in items), dtype=np.int32, count=len(items)),
                np.fromiter((v for _, v in items), dtype=np.float32, count=len(items)),
            )
            for term, items in lists.items()
        }
        self.max_posting = {t: float(v.max()) for t, (_, v) in self.postings.items()}

    def __len__(self) -> int:
        return len(self.docs)
