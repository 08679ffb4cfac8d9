"""Two naive rankers over the same facts, to show what the real matcher earns its keep against."""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Sequence

import jieba
from rapidfuzz import fuzz, process, utils

from bot.kb import Fact

jieba.setLogLevel(logging.WARNING)


def raw_text(fact: Fact) -> str:
    return " ".join((fact.title, fact.measure, fact.example, *fact.keywords, *fact.questions))


class WRatioBaseline:
    """rapidfuzz WRatio of the raw question against each fact's raw text."""

    name = "WRatio over raw fact text"

    def __init__(self, facts: Sequence[Fact]) -> None:
        self.facts = list(facts)
        self.choices = [raw_text(f) for f in facts]

    def rank(self, question: str) -> list[tuple[Fact, float]]:
        found = process.extract(
            question, self.choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=3
        )
        return [(self.facts[i], float(score)) for _, score, i in found]


class BM25Baseline:
    """Okapi BM25 over plain jieba tokens: no domain words, synonyms, stopwords or pinyin."""

    name = "BM25 over plain jieba tokens"
    k1 = 1.2
    b = 0.75

    def __init__(self, facts: Sequence[Fact]) -> None:
        self.facts = list(facts)
        self.docs = [Counter(self._tokens(raw_text(f))) for f in facts]
        n = len(self.docs)
        self.avg = sum(sum(d.values()) for d in self.docs) / max(n, 1)
        df: Counter[str] = Counter()
        for d in self.docs:
            df.update(d.keys())
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}

    @staticmethod
    def _tokens(text: str) -> list[str]:
        return [t.lower() for t in jieba.lcut(text) if t.strip()]

    def rank(self, question: str) -> list[tuple[Fact, float]]:
        terms = self._tokens(question)
        scores = []
        for fact, doc in zip(self.facts, self.docs, strict=True):
            length = sum(doc.values())
            s = 0.0
            for t in terms:
                tf = doc.get(t, 0)
                if tf:
                    norm = self.k1 * (1 - self.b + self.b * length / self.avg)
                    s += self.idf[t] * tf * (self.k1 + 1) / (tf + norm)
            scores.append((fact, s))
        scores.sort(key=lambda p: -p[1])
        return scores[:3]
