"""Scoring recalled facts (scoring.py): what weighs for and against a fact, read on the real KB."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.search.index import FactIndex
from bot.search.matcher import Matcher
from bot.search.query import QueryAnalysis
from bot.search.ranked import Weights
from bot.search.scoring import score_recalled, term_weights


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
