"""The answer model's second look (calibrated.py): its features for a known question, the
decision flipping at the cut, and the fit the dev tool makes (devtools/calibrate.py)."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bot.devtools.calibrate import fit
from bot.kb import load_kb
from bot.search.calibrated import FEATURES, FITTED, Calibration, concluded, doubted
from bot.search.matcher import Matcher, Prepared, Thresholds
from bot.search.ranked import NO_PARTS

TOLD = "发言稿写了三千字，念完会都开了半天"  # a burden told; unmarked, rules decline it


def _told(matcher: Matcher) -> Prepared:
    """TOLD as the rules read it before a burden's own marks were weighed: the lower bar for a
    burden that says which sibling it is (shapes.BURDEN_BAR) now answers it, and the model is a
    second look at what the rules decline."""
    return replace(matcher.prepare(TOLD), burden_named=False)


def test_features_of_a_told_burden(parts_matcher: Matcher) -> None:
    p = _told(parts_matcher)
    rules = concluded(p, Thresholds(), None)
    assert doubted(p, rules) and rules.decision == "decline"
    first, second = rules.matches[:2]
    assert first.fact.id == "meetings-short-speeches"
    found = {name: feature(p, first, rules) for name, feature in FEATURES.items()}
    assert found["score"] == pytest.approx(first.score / 100)
    assert found["lead"] == pytest.approx((first.score - second.score) / 100)
    assert found["topic_lead"] >= found["lead"] > 0  # its rivals are meetings facts too
    # The score is made of its parts, weighed as the matcher weighs them.
    w = parts_matcher.weights
    parts = first.parts
    made = 100 * (w.coverage * parts.coverage + w.questions * parts.closeness + w.bm25 * parts.bm25)
    assert made == pytest.approx(first.score, abs=0.01)
    assert 0 < parts.known_share < 1  # 发言稿, 三千字: words no fact knows
    assert found["unknown"] >= 1 and found["cues"] == found["forms"] == 0
    assert found["own_topic_named"] == 1.0 and found["told"] == 1.0
    assert found["entity"] == found["suggested"] == 0.0
    assert found["length"] == pytest.approx(math.log1p(len(p.normalized)))


def _at(p_score: float, cut: float) -> Calibration:
    """A one-feature model whose probability on a score of `p_score` is exactly `cut`."""
    logit = math.log(cut / (1 - cut))
    return Calibration(intercept=logit - 10 * p_score, weights=(("score", 10.0),), cut=cut)


def test_the_decision_flips_at_the_cut(parts_matcher: Matcher) -> None:
    p = _told(parts_matcher)
    t = Thresholds()
    score = concluded(p, t, None).matches[0].score / 100
    model = _at(score, 0.6)
    assert model.odds(p, concluded(p, t, None)) == pytest.approx(0.6)
    answered = concluded(p, t, Calibration(model.intercept + 1e-6, model.weights, 0.6))
    assert answered.decision == "answer"
    assert [f.id for f in answered.shown] == ["meetings-short-speeches"]
    below = concluded(p, t, Calibration(model.intercept - 1e-6, model.weights, 0.6))
    assert below.decision == "decline"
    # The fitted model is surer of it than of a near miss, yet not sure enough to answer.
    shipped = FITTED
    near_miss = parts_matcher.prepare("开会的时候被领导当众骂了，心里难受")
    near_rules = concluded(near_miss, t, None)
    assert doubted(near_miss, near_rules)
    told_rules = concluded(p, t, None)
    assert shipped.odds(near_miss, near_rules) < shipped.odds(p, told_rules) < shipped.cut
    assert concluded(p, t, shipped).decision == "decline"
    assert concluded(near_miss, t, shipped).decision == "decline"


def test_the_fitted_model_answers_a_sure_doubt(parts_matcher: Matcher) -> None:
    """上传工作照能不能当成考核的依据: the rules offer it as "did you mean"; its first fact is
    the right one, and the model is sure of it."""
    t = Thresholds()
    p = parts_matcher.prepare("上传工作照能不能当成考核的依据")
    assert concluded(p, t, None).decision == "suggest"
    result = concluded(p, t, FITTED)
    assert result.decision == "answer" and parts_matcher.match(p.query) == concluded(p, t, None)
    assert [f.id for f in result.shown] == ["chat-groups-no-screenshot-evaluation"]
    assert concluded(parts_matcher.prepare("食堂的饭菜好不好吃"), t, FITTED).decision == "decline"


def test_other_thresholds_are_not_second_guessed(parts_matcher: Matcher) -> None:
    """The model judges the doubts of the thresholds it was fitted with, not a cautious bot's."""
    p = parts_matcher.prepare("上传工作照能不能当成考核的依据")
    cautious = Thresholds(answer=101.0)
    assert concluded(p, cautious, FITTED) == concluded(p, cautious, None)
    assert concluded(p, Thresholds(), FITTED).decision == "answer"


def test_an_answer_and_a_greeting_are_never_looked_at_again(parts_matcher: Matcher) -> None:
    t = Thresholds()
    everything = Calibration(intercept=50.0, weights=(("score", 0.0),), cut=0.5)
    sure = parts_matcher.prepare("开会时间太长怎么办")
    assert concluded(sure, t, everything) == concluded(sure, t, None)
    hello = parts_matcher.prepare("你好")
    assert concluded(hello, t, everything).decision == "help"


def test_the_fit_finds_the_feature_that_separates() -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(400, 2)) * [1.0, 5.0] + [0.0, 20.0]
    y = (x[:, 0] + 0.1 * rng.normal(size=400) > 0).astype(np.float64)
    intercept, weights = fit(x, y)
    assert weights[0] > 1.0 and abs(weights[1]) < 0.2 * weights[0]
    prob = 1 / (1 + np.exp(-(intercept + x @ weights)))
    assert ((prob >= 0.5) == (y == 1)).mean() > 0.9


def test_the_bot_concludes_by_the_rules_alone_for_now(matcher: Matcher) -> None:
    """FITTED is measured (`jianfu eval --fitted`), not used: the matcher's answers are the
    rules'."""
    p = matcher.prepare("上传工作照能不能当成考核的依据")
    assert not matcher.calibration.weights
    assert matcher.match(p.query) == concluded(p, Thresholds(), None)
    assert matcher.match(p.query).decision == "suggest"


def test_parts_are_kept_when_asked_for_and_change_no_score(
    matcher: Matcher, parts_matcher: Matcher, _session_cache: Path
) -> None:
    """The bot's matcher leaves out what each score was made of (nobody reads it there);
    eval's keeps it, and so does any matcher with the answer model on. Both rank the same
    facts with the same scores."""
    questions = ("会太多怎么办", TOLD, "上传工作照能不能当成考核的依据", "敖再生讲了啥", "你好")
    for question in questions:
        bare, kept = matcher.prepare(question), parts_matcher.prepare(question)
        assert bare == kept
        for ranked in ("ranked", "entity_ranked", "clause_bests", "covered"):
            bare_matches, kept_matches = getattr(bare, ranked), getattr(kept, ranked)
            assert [(m.fact.id, m.score) for m in bare_matches] == [
                (m.fact.id, m.score) for m in kept_matches
            ]
            assert all(m.parts is NO_PARTS for m in bare_matches)
    assert all(m.parts.coverage > 0 for m in parts_matcher.prepare(TOLD).ranked)
    assert not matcher.score_parts and parts_matcher.score_parts
    assert Matcher(load_kb(), cache_dir=_session_cache, calibration=FITTED).score_parts
