"""Scoring recalled facts (scoring.py): what weighs for and against a fact, read on the real KB."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

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


def test_group_forms_kept_across_questions_change_no_score(matcher: Matcher) -> None:
    """The matcher keeps each fact's examples in sorted form across questions (closeness.py):
    kept under the examples themselves, they give every question the scores it gets with
    nothing kept, parts and all, and a question's own scores are never carried over."""
    kept: dict[tuple[str, ...], tuple[str, ...] | None] = {}
    for question in ("会议太多怎么精简", "表格太多怎么办", "会议太多怎么精简", "工作群消息太多"):
        analysis, weights = _read(matcher, question)
        fresh = score_recalled(matcher.index, analysis, weights, Weights(), keep_parts=True)
        again = score_recalled(
            matcher.index, analysis, weights, Weights(), keep_parts=True, group_forms=kept
        )
        assert [(m.fact.id, m.score, m.parts) for m in again] == [
            (m.fact.id, m.score, m.parts) for m in fresh
        ]
    by_examples = {d.questions: d for d in matcher.index.docs}
    assert kept and all(group in by_examples for group in kept)
    assert all(forms is None or len(forms) == len(group) for group, forms in kept.items())


def test_a_new_matcher_keeps_no_forms_of_the_last_one(
    matcher: Matcher, _session_cache: Path
) -> None:
    """A reload builds a new matcher (answer/service.py): its kept forms start empty, so an
    edited fact's examples are sorted afresh."""
    matcher.match("会议太多怎么精简")
    assert matcher._group_forms
    fresh = Matcher(matcher.kb, cache_dir=_session_cache)
    assert fresh._group_forms == {} and fresh._group_forms is not matcher._group_forms
