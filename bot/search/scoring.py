"""Scoring one analysed question against the facts the index recalls for it.

Recall comes from the inverted index (BM25); the few best candidates are then re-ranked by how
much of the question they cover (IDF-weighted, unknown words count against) and how close the
question is to the fact's example questions (rapidfuzz). Scores run 0-100 and mean the same
across questions, so one set of thresholds serves every query. `Matcher.rank` reads the
question; this module only weighs what it read.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from itertools import compress

import numpy as np
import numpy.typing as npt

from bot.search.closeness import Closeness
from bot.search.entitydocs import Included
from bot.search.index import FactIndex
from bot.search.pinyin import is_syllable
from bot.search.query import QueryAnalysis
from bot.search.ranked import NO_PARTS, ScoreParts, Weights
from bot.search.shapes import Match

RERANK_DEPTH = 12
UNKNOWN_CHAR_WEIGHT = 0.4  # a stray single character is weaker evidence than an unknown word
ENTITY_MAX = 12  # a person or place in more facts than this: the ones closest to the question
MIN_QUERY_MASS = 0.8  # in units of the rarest word's weight
CUE_WEIGHT = 2.0  # an off-topic cue outweighs any one word the question shares with a fact
_NUMERIC = re.compile(
    r"^[0-9零一二两三四五六七八九十百千万几多来余]+[个张次天条人遍回项年月周号份点场趟页本笔拨件]?$"
)


def term_weights(analysis: QueryAnalysis, specificity: Callable[[str], float]) -> dict[str, float]:
    """Each word's weight in the question: a word typed twice counts once, at its surest
    reading, times how specific it is (analyzer.specificity)."""
    weights: dict[str, float] = {}
    for qt in analysis.terms:
        weight = qt.weight * specificity(qt.term)
        weights[qt.term] = max(weights.get(qt.term, 0.0), weight)
    return weights


def best_recalled(
    docs: npt.NDArray[np.int64], recall: npt.NDArray[np.float32], n: int
) -> npt.NDArray[np.int64]:
    """The `n` documents of highest recall, in no set order. Facts tied on recall at the cut
    go to the lowest numbers, the facts first in the knowledge base (files in name order, then
    their order within the file), whatever order `docs` come in: np.argpartition's pick among
    ties depends on numpy's version and the CPU, so two replicas could answer differently.
    The cut's value is the same on every machine; the facts above it all stay."""
    if len(docs) <= n:
        return docs
    values = recall[docs]
    at = len(values) - n
    cut = np.partition(values, at)[at]  # the n-th highest recall
    above = docs[values > cut]
    tied = docs[values == cut]
    room = n - len(above)  # at least one: the cut's own fact is not above it
    if len(tied) > room:
        tied = np.partition(tied, room - 1)[:room]  # the lowest numbers, in linear time
    return np.concatenate((above, tied))


def score_recalled(
    index: FactIndex,
    analysis: QueryAnalysis,
    weights: dict[str, float],
    scoring: Weights,
    include: Included = (),
    keep_parts: bool = False,
) -> list[Match]:
    """The recalled facts (and `include`, a person's or place's facts, whatever their recall)
    scored 0-100, best first; `keep_parts` keeps each score's parts (ranked.ScoreParts)."""
    recall = index.recall(weights)
    ceiling = sum(w * index.max_posting[t] for t, w in weights.items())
    masses = [w * index.idf[t] for t, w in weights.items()]  # summed as before, in order
    known_mass = sum(masses)
    # One unknown word in a short question is decisive (会议室怎么预约); five in a long
    # group message are mostly chatter, so their weight grows with the square root.
    unknown = [
        UNKNOWN_CHAR_WEIGHT if len(u) == 1 or _NUMERIC.match(u) or is_syllable(u) else 1.0
        for u in analysis.unknown
    ]  # a count the facts do not give (三天, 40) is weak evidence against them
    query_mass = known_mass + index.unknown_idf * math.sqrt(len(unknown)) * (
        sum(unknown) / len(unknown) if unknown else 0.0
    )
    # Off-topic cues (密码, 申请, 打印) ask for what no measure answers.
    query_mass += CUE_WEIGHT * index.unknown_idf * len(analysis.cues)
    # A question of incidental words only (辛苦了) is not fully covered by a fact that
    # happens to use them: below one curated word's worth, the mass is topped up.
    query_mass = max(query_mass, MIN_QUERY_MASS * index.unknown_idf)
    known_share = known_mass / query_mass
    # Unknown words stay in the compared text: 微信群怎么改名 is not about 工作群.
    query_text = " ".join(sorted({*weights, *analysis.unknown, *analysis.cues}))
    hits = (recall != 0).nonzero()[0]  # as np.flatnonzero(recall), a tenth of the time
    hits = best_recalled(hits, recall, RERANK_DEPTH)
    extra: list[int] = []
    if len(include):
        extra = best_recalled(np.asarray(include, dtype=np.int64), recall, ENTITY_MAX).tolist()
    ids = list({*hits.tolist(), *extra})
    recalled = dict(zip(ids, recall[ids].tolist(), strict=True))  # exact: float32 to float
    best_ids = sorted(recalled, key=lambda d: (-recalled[d], d))
    closeness = Closeness(query_text)
    docs = [index.docs[d] for d in best_ids]
    closest = closeness.best_of_each([doc.questions for doc in docs], [doc.forms for doc in docs])
    scored: list[tuple[int, Match]] = []  # with its document's number: its place in the KB
    w = scoring
    for doc_id, doc, best in zip(best_ids, docs, closest, strict=True):
        # the masses of the words the fact holds, summed in the question's order
        coverage = sum(compress(masses, map(doc.terms.__contains__, weights))) / query_mass
        similarity = best / 100
        bm25 = known_share * recalled[doc_id] / ceiling if ceiling else 0.0
        score = 100 * (w.coverage * coverage + w.questions * similarity + w.bm25 * bm25)
        parts = ScoreParts(coverage, similarity, bm25, known_share) if keep_parts else NO_PARTS
        scored.append((doc_id, Match(doc.fact, round(score, 2), parts)))
    # Equal scores in the knowledge base's order (the curator's), as ranked.best_first orders.
    scored.sort(key=lambda numbered: (-numbered[1].score, numbered[0]))
    return [match for _, match in scored]
