"""An inverted index over the facts: BM25 weights precomputed per posting, for fast recall."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from bot.kb import Fact
from bot.search.analyzer import Analyzer
from bot.search.closeness import sorted_forms
from bot.search.normalize import MAX_INPUT_CHARS, normalize

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
# A term in more than this share of the facts is also kept as a whole row of scores: adding a
# row is some twenty times cheaper per fact than adding at scattered positions, so it pays from
# about a twentieth of the facts; an eighth keeps the rows to a few MB at 10,000 facts.
DENSE_SHARE = 1 / 8


@dataclass(frozen=True)
class Document:
    fact: Fact
    terms: frozenset[str]
    questions: tuple[str, ...]  # each example question or problem, as space-joined terms
    # The same as closeness.py compares them, sorted once here rather than at every question
    # that first meets the fact (most of a fresh question's ranking at 10,000 facts).
    forms: tuple[str, ...] | None


_SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")


def _normal_pieces(text: str) -> list[str]:
    """A field's text normalised whole when it fits a question's cap, else sentence by
    sentence (a long example would otherwise lose its end to the cap), packed into pieces
    that fit."""
    if len(text) <= MAX_INPUT_CHARS:
        return [normalize(text)]
    pieces: list[str] = [""]
    for sentence in _SENTENCE_END.split(text):
        while len(sentence) > MAX_INPUT_CHARS:  # one sentence longer than the cap
            pieces.append(sentence[:MAX_INPUT_CHARS])
            sentence = sentence[MAX_INPUT_CHARS:]
        if len(pieces[-1]) + len(sentence) > MAX_INPUT_CHARS:
            pieces.append("")
        pieces[-1] += sentence
    return [normalize(piece) for piece in pieces if piece.strip()]


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


class _Shared:
    """One object for every equal text or tuple of texts the documents hold. Facts that share
    sentences (the bench's 10,000 synthetic facts share nearly all) then point at the same few
    thousand strings instead of a copy each: at 10,000 facts 67 MB less, an index pickled in
    half the bytes, and a question's ranking reading its dozen facts' example questions from
    memory the others just read, not from copies scattered over the heap (closeness about a
    quarter faster there). Equal values, so every comparison and score is the same; pickling
    keeps the sharing (one object, written once)."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._tuples: dict[tuple[str, ...], tuple[str, ...]] = {}

    def __call__(self, text: str) -> str:
        return self._texts.setdefault(text, text)

    def all(self, texts: Iterable[str]) -> tuple[str, ...]:
        kept = tuple(map(self, texts))
        return self._tuples.setdefault(kept, kept)


class FactIndex:
    """Built once per knowledge base; read-only afterwards, so it can be cached and swapped."""

    def __init__(self, facts: Sequence[Fact], analyzer: Analyzer, topic_names: Mapping[str, str]):
        weighted: list[dict[str, float]] = []
        docs: list[Document] = []
        shared = _Shared()
        for fact in facts:
            counts: dict[str, float] = defaultdict(float)
            for name, texts in _field_texts(fact, topic_names.get(fact.topic, "")).items():
                for text in texts:
                    for piece in _normal_pieces(text):
                        for term in analyzer.document_terms(piece):
                            counts[shared(term)] += FIELD_WEIGHTS[name]
            questions = shared.all(
                " ".join(sorted(set(analyzer.document_terms(normalize(q)))))
                for q in (*fact.questions, *fact.problems)
            )
            forms = sorted_forms(questions)
            weighted.append(dict(counts))
            docs.append(Document(fact, frozenset(counts), questions,
                                 None if forms is None else shared.all(forms)))  # fmt: skip
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
        self.rows = self._dense_rows()

    def _dense_rows(self) -> dict[str, npt.NDArray[np.float32]]:
        """The postings of the commonest terms as rows over every fact (zero where absent)."""
        n = len(self.docs)
        rows = {}
        for term, (doc_ids, values) in self.postings.items():
            if len(doc_ids) > n * DENSE_SHARE:
                rows[term] = np.zeros(n, dtype=np.float32)
                rows[term][doc_ids] = values
        return rows

    def recall(self, weights: Mapping[str, float]) -> npt.NDArray[np.float32]:
        """Each fact's BM25 score for weighted known terms, added term by term in their order.

        A common term's row adds zero where it is absent, and x + 0 is x: the sums are the
        same to the bit as adding its postings alone."""
        recall = np.zeros(len(self.docs), dtype=np.float32)
        for term, w in weights.items():
            row = self.rows.get(term)
            if row is not None:
                recall += w * row
            else:
                doc_ids, values = self.postings[term]
                recall[doc_ids] += w * values  # a term lists each fact once, so no collisions
        return recall

    def __len__(self) -> int:
        return len(self.docs)

    # Pickled compactly for the on-disk cache: all postings as two arrays (thousands of small
    # arrays take longer to unpickle than the whole rest of a start), and the documents
    # without their facts, which the knowledge base already holds: attach() puts them back.
    def __getstate__(self) -> dict[str, object]:
        terms = list(self.postings)
        ids = [self.postings[t][0] for t in terms]
        state = dict(self.__dict__)
        del state["rows"]  # rebuilt on load from the postings, in less time than unpickling
        state["postings"] = (
            terms,
            np.concatenate(ids) if ids else np.zeros(0, np.int32),
            np.concatenate([self.postings[t][1] for t in terms]) if ids else np.zeros(0),
            np.cumsum([0, *(len(a) for a in ids)]),
        )
        state["docs"] = [(d.fact.id, d.terms, d.questions, d.forms) for d in self.docs]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        packed: tuple[list[str], Any, Any, Any] = state["postings"]  # type: ignore[assignment]
        terms, ids, values, offsets = packed
        state["postings"] = {
            term: (ids[offsets[i] : offsets[i + 1]], values[offsets[i] : offsets[i + 1]])
            for i, term in enumerate(terms)
        }
        self.__dict__.update(state)
        self.rows = self._dense_rows()

    def attach(self, facts: Sequence[Fact]) -> None:
        """After unpickling: the documents get their facts back (the same objects as the
        knowledge base's, in the same order)."""
        loaded: list[tuple[str, frozenset[str], tuple[str, ...], tuple[str, ...] | None]]
        loaded = self.__dict__["docs"]
        if len(loaded) != len(facts):
            raise ValueError("cached index does not match the knowledge base")
        pairs = list(zip(facts, loaded, strict=True))
        if any(f.id != doc[0] for f, doc in pairs):
            raise ValueError("cached index does not match the knowledge base")
        self.docs = [Document(f, terms, qs, forms) for f, (_, terms, qs, forms) in pairs]


def attached(index: object, facts: Sequence[Fact]) -> bool:
    """A cached index given back its facts; False when it is not one of this KB's."""
    if not isinstance(index, FactIndex):
        return False
    try:
        index.attach(facts)
    except (ValueError, KeyError, TypeError):  # a stale or foreign entry: rebuild it
        return False
    return True
