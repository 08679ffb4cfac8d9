"""Scoring recalled facts (scoring.py): what weighs for and against a fact, read on the real KB."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from bot.search.index import FactIndex
from bot.search.matcher import Matcher
from bot.search.query import QueryAnalysis
from bot.search.ranked import Weights
from bot.search.scoring import (
    ENTITY_MAX,
    RERANK_DEPTH,
    best_recalled,
    score_recalled,
    term_weights,
)


def _read(matcher: Matcher, question: str) -> tuple[QueryAnalysis, dict[str, float]]:
    analysis = matcher.analyzer.analyze(matcher._normal(question))
    return analysis, term_weights(analysis, matcher.analyzer.specificity)


def test_a_word_typed_twice_counts_once(matcher: Matcher) -> None:
    _, once = _read(matcher, "会议太多")
    _, twice = _read(matcher, "会议会议太多")
    assert once == twice


def test_scores_run_best_first_within_0_to_100(matcher: Matcher) -> None:
    analysis, weights = _read(matcher, "会议太多怎么精简")
    scored = score_recalled(matcher.index, analysis, weights, Weights())
    assert scored, "the meetings facts are recalled"
    assert all(0 <= m.score <= 100 for m in scored)
    assert [m.score for m in scored] == sorted((m.score for m in scored), reverse=True)
    assert scored[0].fact.topic == "meetings"


def test_an_unknown_word_or_cue_counts_against_every_fact(matcher: Matcher) -> None:
    analysis, weights = _read(matcher, "会议太多怎么精简")
    plain = score_recalled(matcher.index, analysis, weights, Weights())
    with_cue = replace(analysis, cues=(*analysis.cues, "密码"))
    cued = score_recalled(matcher.index, with_cue, weights, Weights())
    assert cued[0].score < plain[0].score


def test_included_facts_are_scored_whatever_their_recall(matcher: Matcher) -> None:
    analysis, weights = _read(matcher, "会议太多怎么精简")
    far = next(n for n, d in enumerate(matcher.index.docs) if d.fact.topic != "meetings")
    scored = score_recalled(matcher.index, analysis, weights, Weights(), include=[far])
    assert matcher.index.docs[far].fact.id in {m.fact.id for m in scored}


def test_parts_are_kept_only_when_asked(matcher: Matcher) -> None:
    analysis, weights = _read(matcher, "会议太多怎么精简")
    kept = score_recalled(matcher.index, analysis, weights, Weights(), keep_parts=True)
    assert kept[0].parts.coverage > 0
    bare = score_recalled(matcher.index, analysis, weights, Weights())
    assert bare[0].parts.coverage == 0


def test_the_index_s_sorted_examples_give_the_scores_of_token_sort_ratio(
    matcher: Matcher,
) -> None:
    """Each fact's examples are sorted once with the index (closeness.py): the closeness of
    every fact ranked is the best token_sort_ratio of the question and its examples."""
    for question in ("会议太多怎么精简", "表格太多怎么办", "工作群消息太多", "刘书记 开会"):
        analysis, weights = _read(matcher, question)
        scored = score_recalled(matcher.index, analysis, weights, Weights(), keep_parts=True)
        assert scored
        text = " ".join(sorted({*weights, *analysis.unknown, *analysis.cues}))
        docs = {d.fact.id: d for d in matcher.index.docs}
        for m in scored:
            examples = list(docs[m.fact.id].questions)
            found = process.extractOne(text, examples, scorer=fuzz.token_sort_ratio)
            assert m.parts.closeness == (found[1] if found else 0.0) / 100


def test_an_index_read_from_the_cache_keeps_the_examples_sorted_forms(
    matcher: Matcher, _session_cache: Path
) -> None:
    """A matcher built from the on-disk cache (a replica, a reload) has every fact's sorted
    examples, the same as the index built afresh, and scores as it does."""
    fresh = Matcher(matcher.kb, cache_dir=_session_cache)
    built = FactIndex(
        matcher.kb.facts, matcher.analyzer, {t.id: t.name for t in matcher.kb.topics.values()}
    )
    assert [d.forms for d in fresh.index.docs] == [d.forms for d in built.docs]
    assert all(d.forms is not None for d in built.docs)
    question = "会议太多怎么精简"
    assert fresh.match(question) == matcher.match(question)


def _taking_turns(matcher: Matcher, copies: int = 30) -> tuple[FactIndex, dict[str, float]]:
    """An index of `copies` copies each of two meetings facts taking turns (strong-00,
    weak-00, strong-01, …), and two words' weights recalling every copy of the strong one
    above every copy of the weak one: thirty facts tied at the re-ranking's cut, spread
    among others, as at 10,000 facts where most questions tie there."""
    strong = matcher.kb.by_id["meetings-short-speeches"]
    weak = matcher.kb.by_id["meetings-twice-a-month"]
    facts = [
        replace(fact, id=f"{name}-{n:02d}")
        for n in range(copies)
        for name, fact in (("strong", strong), ("weak", weak))
    ]
    topics = {t.id: t.name for t in matcher.kb.topics.values()}
    index = FactIndex(facts, matcher.analyzer, topics)
    strong_terms, weak_terms = index.docs[0].terms, index.docs[1].terms
    only = sorted(strong_terms - weak_terms)[0]
    both = sorted(strong_terms & weak_terms)[0]
    return index, {only: 1.0, both: 1.0}


def test_facts_tied_at_the_cut_are_the_first_in_the_knowledge_base(matcher: Matcher) -> None:
    """Which of the facts tied on recall at the 12th place are re-ranked does not depend on
    numpy's version or the CPU: the first ones in the knowledge base are."""
    index, weights = _taking_turns(matcher)
    recall = index.recall(weights)
    assert recall[0] > recall[1] > 0  # every strong copy above every weak one
    analysis, _ = _read(matcher, "开短会")
    scored = score_recalled(index, analysis, weights, Weights())
    assert sorted(m.fact.id for m in scored) == [f"strong-{n:02d}" for n in range(RERANK_DEPTH)]


def test_a_person_s_facts_tied_at_the_cut_are_the_first_in_the_knowledge_base(
    matcher: Matcher,
) -> None:
    """A person's facts (`include`), listed in any order: the same ones are scored."""
    index, weights = _taking_turns(matcher)
    analysis, _ = _read(matcher, "开短会")
    expected = [f"strong-{n:02d}" for n in range(ENTITY_MAX)]
    for include in (range(len(index)), reversed(range(len(index)))):
        scored = score_recalled(index, analysis, weights, Weights(), include=list(include))
        assert sorted(m.fact.id for m in scored) == expected
    # recalled by no word, all are tied at nothing: the first twelve in the knowledge base
    nothing = score_recalled(index, analysis, {}, Weights(), include=list(range(59, -1, -1)))
    assert sorted(m.fact.id for m in nothing) == sorted(
        f"{name}-{n:02d}" for n in range(ENTITY_MAX // 2) for name in ("strong", "weak")
    )


def test_the_best_recalled_are_the_same_whatever_order_they_come_in() -> None:
    recall = np.zeros(40, dtype=np.float32)
    recall[[3, 17, 30]] = 5.0  # above the cut: always kept
    recall[[2, 6, 9, 11, 19, 21, 25, 28, 33, 35, 38]] = 2.5  # tied at the cut: the lowest 9
    recall[[0, 1, 4, 5]] = 1.0
    docs = np.flatnonzero(recall)
    rng = np.random.default_rng(3)
    for order in (docs, docs[::-1], rng.permutation(docs), rng.permutation(docs)):
        best = best_recalled(order, recall, 12)
        assert sorted(best.tolist()) == [2, 3, 6, 9, 11, 17, 19, 21, 25, 28, 30, 33]
    assert best_recalled(docs[:5], recall, 12).tolist() == docs[:5].tolist()  # all, as given
    exactly = np.array([30, 3, 17], dtype=np.int64)
    assert sorted(best_recalled(exactly, recall, 3).tolist()) == [3, 17, 30]
