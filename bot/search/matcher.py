"""From a question to a decision: answer with a fact, offer "did you mean", decline, or help.

Recall comes from the inverted index (BM25); the few best candidates are then re-ranked by how
much of the question they cover (IDF-weighted, unknown words count against) and how close the
question is to the fact's example questions (rapidfuzz). Scores run 0-100 and mean the same
across questions, so one set of thresholds serves every query.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
from rapidfuzz import fuzz, process

from bot.decision import Decision
from bot.kb import Fact, KnowledgeBase
from bot.kb.texts import Texts
from bot.search import cache
from bot.search.analyzer import Analyzer, QueryAnalysis
from bot.search.index import FactIndex
from bot.search.normalize import normalize

INDEX_FORMAT = 3  # bump when FactIndex or the analyzer's state changes shape
RERANK_DEPTH = 12
SUGGESTIONS = 3
UNKNOWN_CHAR_WEIGHT = 0.4  # a stray single character is weaker evidence than an unknown word
CUE_WEIGHT = 2.0  # an off-topic cue outweighs any one word the question shares with a fact


@dataclass(frozen=True)
class Weights:
    coverage: float = 0.5
    questions: float = 0.3
    bm25: float = 0.2


@dataclass(frozen=True)
class Thresholds:
    """Tuned with `jianfu eval --tune` on the tuning half of the labelled questions."""

    answer: float = 46.0  # at or above: answer outright (unless a rival is too close)
    suggest: float = 38.0  # between suggest and answer: offer "did you mean"
    margin: float = 8.0  # a rival within this many points makes the best one uncertain


@dataclass(frozen=True)
class Match:
    fact: Fact
    score: float


Shape = Literal["fact", "card", "topic", "several"]


@dataclass(frozen=True)
class Card:
    """A person or place named in the facts' `who`/`where` fields, and every fact naming them."""

    name: str  # as the question names them: 段琼, 洋湖乡
    description: str  # the full `who` or `where` text: role and place
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Result:
    """What the search stage decided. With decision "answer", `shape` says how:

    - "fact": one fact, `matches[0]`; `related` are close siblings to offer as 相关做法;
    - "card": a person or place (`card`); its facts, in order, are what the reply shows;
    - "topic": a topic-level ask (`topic`): `matches[0]` is the topic's representative fact,
      `related` the topic's other facts;
    - "several": one best fact per topic asked about (`several`, at most 3, in order asked).
    """

    query: str
    normalized: str
    decision: Decision
    matches: tuple[Match, ...]
    analysis: QueryAnalysis
    shape: Shape = "fact"
    related: tuple[Fact, ...] = ()
    card: Card | None = None
    topic: str | None = None
    several: tuple[Match, ...] = ()

    @property
    def answered(self) -> bool:
        return self.decision == "answer"

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None

    @property
    def shown(self) -> tuple[Fact, ...]:
        """The facts an answer gives, in the order shown (empty unless answered)."""
        if not self.answered:
            return ()
        if self.shape == "card" and self.card is not None:
            return self.card.facts
        if self.shape == "several":
            return tuple(m.fact for m in self.several)
        return (self.matches[0].fact,) if self.matches else ()


class Matcher:
    """Everything needed to answer questions from one knowledge base; immutable once built."""

    def __init__(
        self,
        kb: KnowledgeBase,
        thresholds: Thresholds | None = None,
        weights: Weights | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        """Build everything matching needs (slow: segmenter, index); `cache_dir` keeps the
        built index on disk between processes, None builds afresh."""
        self.kb = kb
        self.texts = Texts(kb.texts)
        self.thresholds = thresholds or Thresholds()
        self.weights = weights or Weights()
        domain_words = [k for f in kb.facts for k in f.keywords]
        self.analyzer = Analyzer(
            kb.userdict_path, kb.synonyms, kb.stopwords, domain_words, kb.offtopic_cues,
            dictionary=cache.jieba_dictionary(cache_dir), cache_dir=cache_dir,
        )  # fmt: skip
        topic_names = {t.id: t.name for t in kb.topics.values()}
        key = "index-" + cache.fingerprint(
            INDEX_FORMAT, kb.facts, topic_names, sorted(kb.synonyms.items()),
            sorted(kb.stopwords), sorted(kb.offtopic_cues), kb.userdict_path.read_bytes(),
            cache.JIEBA_MIN_FREQ,
        )  # fmt: skip
        cached = cache.load(cache_dir, key)
        if isinstance(cached, tuple) and len(cached) == 2:
            self.index, state = cached
            self.analyzer.restore(state)
        else:
            self.index = FactIndex(kb.facts, self.analyzer, topic_names)
            self.analyzer.set_vocabulary(self.index.postings)
            cache.store(cache_dir, key, (self.index, self.analyzer.state))
        self._greetings = frozenset(normalize(g) for g in self.texts.greetings)

    def rank(self, normalized: str) -> tuple[QueryAnalysis, list[Match]]:
        """Candidates for a normalised question, best first, with 0-100 scores."""
        analysis = self.analyzer.analyze(normalized)
        index = self.index
        weights: dict[str, float] = {}
        for qt in analysis.terms:  # a word typed twice counts once, at its surest reading
            weight = qt.weight * self.analyzer.specificity(qt.term)
            weights[qt.term] = max(weights.get(qt.term, 0.0), weight)
        if not weights:
            return analysis, []
        recall = np.zeros(len(index.docs), dtype=np.float32)
        for term, w in weights.items():
            doc_ids, values = index.postings[term]
            recall[doc_ids] += w * values  # a term lists each fact once, so no collisions
        ceiling = sum(w * index.max_posting[t] for t, w in weights.items())
        known_mass = sum(w * index.idf[t] for t, w in weights.items())
        # One unknown word in a short question is decisive (会议室怎么预约); five in a long
        # group message are mostly chatter, so their weight grows with the square root.
        unknown = [UNKNOWN_CHAR_WEIGHT if len(u) == 1 else 1.0 for u in analysis.unknown]
        query_mass = known_mass + index.unknown_idf * math.sqrt(len(unknown)) * (
            sum(unknown) / len(unknown) if unknown else 0.0
        )
        # Off-topic cues (密码, 申请, 打印) ask for what no measure answers.
        query_mass += CUE_WEIGHT * index.unknown_idf * len(analysis.cues)
        known_share = known_mass / query_mass
        # Unknown words stay in the compared text: 微信群怎么改名 is not about 工作群.
        query_text = " ".join(sorted({*weights, *analysis.unknown, *analysis.cues}))
        hits = np.flatnonzero(recall)
        if len(hits) > RERANK_DEPTH:
            hits = hits[np.argpartition(-recall[hits], RERANK_DEPTH)[:RERANK_DEPTH]]
        best_ids = sorted(hits.tolist(), key=lambda d: (-recall[d], d))
        scored: list[Match] = []
        for doc_id in best_ids:
            doc = index.docs[doc_id]
            covered = sum(w * index.idf[t] for t, w in weights.items() if t in doc.terms)
            coverage = covered / query_mass
            closest = process.extractOne(query_text, doc.questions, scorer=fuzz.token_sort_ratio)
            similarity = closest[1] / 100 if closest else 0.0
            bm25 = known_share * float(recall[doc_id]) / ceiling if ceiling else 0.0
            score = 100 * (
                self.weights.coverage * coverage
                + self.weights.questions * similarity
                + self.weights.bm25 * bm25
            )
            scored.append(Match(doc.fact, round(score, 2)))
        scored.sort(key=lambda m: (-m.score, m.fact.id))
        return analysis, scored

    def match(self, question: str) -> Result:
        normalized = normalize(question)
        if self._is_greeting(question, normalized):
            return Result(question, normalized, "help", (), QueryAnalysis((), ()))
        analysis, ranked = self.rank(normalized)
        return Result(
            question, normalized, decide(ranked, self.thresholds), tuple(ranked), analysis
        )

    def inline_choices(self, result: Result) -> list[Match]:
        """Facts worth offering in inline mode: every match at or above the suggestion bar."""
        return [m for m in result.matches if m.score >= self.thresholds.suggest]

    def suggestions(self, result: Result) -> list[Match]:
        """The "did you mean" choices for a result of this matcher."""
        return offered(result.matches, self.thresholds)

    def _is_greeting(self, question: str, normalized: str) -> bool:
        stripped = question.strip().lower()
        if stripped.startswith("/"):
            return stripped.split()[0].split("@")[0] in {"/help", "/start"}
        return not normalized or normalized in self._greetings


def offered(ranked: Sequence[Match], t: Thresholds) -> list[Match]:
    """The "did you mean" choices: the top few that clear the suggestion bar."""
    return [m for m in ranked[:SUGGESTIONS] if m.score >= t.suggest]


def decide(ranked: list[Match], t: Thresholds) -> Decision:
    """Answer when sure, offer choices when unsure, decline when nothing fits."""
    if not ranked or ranked[0].score < t.suggest:
        return "decline"
    best = ranked[0].score
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    if best >= t.answer and best - runner_up >= t.margin:
        return "answer"
    return "suggest"
