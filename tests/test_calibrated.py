"""The answer model's second look (calibrated.py): its features for a known question, the
decision flipping at the cut, and the fit the dev tool makes (devtools/calibrate.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bot.devtools.calibrate import fit
from bot.search.calibrated import FEATURES, FITTED, Calibration, concluded, doubted
from bot.search.matcher import Matcher, Thresholds

TOLD = "发言稿写了三千字，念完会都开了半天"  # tells a burden; the rules decline it


def test_features_of_a_told_burden(matcher: Matcher) -> None:
    p = matcher.prepare(TOLD)
    rules = concluded(p, Thresholds(), None)
    assert doubted(p, rules) and rules.decision == "decline"
    first, second = rules.matches[:2]
    assert first.fact.id == "meetings-short-speeches"
    found = {name: feature(p, first, rules) for name, feature in FEATURES.items()}
    assert found["score"] == pytest.approx(first.score / 100)
    assert found["lead"] == pytest.approx((first.score - second.score) / 100)
    assert found["topic_lead"] >= found["lead"] > 0  # its rivals are meetings facts too
    # The score is made of its parts, weighed as the matcher weighs them.
    w = matcher.weights
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


def test_the_decision_flips_at_the_cut(matcher: Matcher) -> None:
    p = matcher.prepare(TOLD)
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
    near_miss = matcher.prepare("开会的时候被领导当众骂了，心里难受")
    near_rules = concluded(near_miss, t, None)
    assert doubted(near_miss, near_rules)
    told_rules = concluded(p, t, None)
    assert shipped.odds(near_miss, near_rules) < shipped.odds(p, told_rules) < shipped.cut
    assert concluded(p, t, shipped).decision == "decline"
    assert concluded(near_miss, t, shipped).decision == "decline"


def test_the_fitted_model_answers_a_sure_doubt(matcher: Matcher) -> None:
    """上传工作照能不能当成考核的依据: the rules offer it as "did you mean"; its first fact is
    the right one, and the model is sure of it."""
    t = Thresholds()
    p = matcher.prepare("上传工作照能不能当成考核的依据")
    assert concluded(p, t, None).decision == "suggest"
    result = concluded(p, t, FITTED)
    assert result.decision == "answer" and matcher.match(p.query) == concluded(p, t, None)
    assert [f.id for f in result.shown] == ["chat-groups-no-screenshot-evaluation"]
    assert concluded(matcher.prepare("食堂的饭菜好不好吃"), t, FITTED).decision == "decline"


def test_other_thresholds_are_not_second_guessed(matcher: Matcher) -> None:
    """The model judges the doubts of the thresholds it was fitted with, not a cautious bot's."""
    p = matcher.prepare("上传工作照能不能当成考核的依据")
    cautious = Thresholds(answer=101.0)
    assert concluded(p, cautious, FITTED) == concluded(p, cautious, None)
    assert concluded(p, Thresholds(), FITTED).decision == "answer"


def test_an_answer_and_a_greeting_are_never_looked_at_again(matcher: Matcher) -> None:
    t = Thresholds()
    everything = Calibration(intercept=50.0, weights=(("score", 0.0),), cut=0.5)
    sure = matcher.prepare("开会时间太长怎么办")
    assert concluded(sure, t, everything) == concluded(sure, t, None)
    hello = matcher.prepare("你好")
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
