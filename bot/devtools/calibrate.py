"""`jianfu eval --cached --calibrate`: fit the answer model (search/calibrated.py) on the tune part.

Every tune-part question the rules decline or doubt with a fact ranked first is a row: its
features (calibrated.FEATURES) and whether answering that fact would be right. A logistic
regression (numpy, Newton steps, an L2 penalty of `PENALTY` on standardised features, none on
the intercept) is fitted on them; the cut is the one with the best gain on the tune part when
each wrong fact or off-topic question answered costs `COST` right answers. Nothing of the test
part is read or printed.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from bot.devtools.evaluate import Labelled, Prepped, by_kind, measure, outcome_of, outcomes_for
from bot.search.calibrated import FEATURES, Calibration, answered_first, concluded, doubted
from bot.search.shapes import Prepared, Result, Thresholds

PENALTY = 1.0
# The issue: a wrong fact or an off-topic answer costs at least two right answers. The gate
# wants no more wrong answers at all; at 2 the tune part's five folds gave 35 right for 9 wrong
# or off-topic, at 8 they gave 9 right for 1 wrong.
COST = 8.0
FOLDS = 5  # cross-validation on the tune part, to choose the features
CUTS = tuple(round(0.3 + 0.01 * n, 2) for n in range(70))  # 0.30 … 0.99

Array = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Row:
    item: Labelled
    prepared: Prepared
    result: Result  # the rules' result: a decline or a "did you mean"
    verdict: str  # right, wrong or partial if answered with the first fact; off: off-topic


def rows(prepped: Prepped, t: Thresholds) -> list[Row]:
    """The doubted questions of `prepped`, each with what answering its first fact would be."""
    found = []
    for item, p in prepped:
        result = concluded(p, t, None)
        if doubted(p, result):
            answered = outcome_of(item, answered_first(result), t).verdict
            found.append(Row(item, p, result, answered if item.on_topic else "off"))
    return found


def features(found: Sequence[Row], names: Sequence[str]) -> Array:
    return np.array(
        [[FEATURES[n](r.prepared, r.result.matches[0], r.result) for n in names] for r in found],
        dtype=np.float64,
    ).reshape(len(found), len(names))


def fit(x: Array, y: Array, penalty: float = PENALTY) -> tuple[float, Array]:
    """Intercept and weights on the features' own scale of an L2-penalised logistic regression
    (fitted on standardised features)."""
    mean, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / sd])
    w = np.zeros(z.shape[1])
    ridge = np.full(z.shape[1], penalty)
    ridge[0] = 0.0
    for _ in range(100):
        prob = 1 / (1 + np.exp(-(z @ w)))
        grad = z.T @ (prob - y) + ridge * w
        hess = (z * (prob * (1 - prob))[:, None]).T @ z + np.diag(ridge)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    weights = w[1:] / sd
    return float(w[0] - (weights * mean).sum()), weights


def gains(found: Sequence[Row], prob: Array, cut: float) -> tuple[int, int, int, int]:
    """Right answers gained, wrong facts given, partial answers, off-topic questions answered."""
    taken = [r.verdict for r, q in zip(found, prob, strict=True) if q >= cut]
    return tuple(taken.count(v) for v in ("right", "wrong", "partial", "off"))  # type: ignore[return-value]


def best_cut(found: Sequence[Row], prob: Array) -> tuple[float, float]:
    """The cut with the best gain on `found`, and that gain; ties go to the higher cut."""
    best = (-math.inf, 1.0)
    for cut in CUTS:
        right, wrong, _, off = gains(found, prob, cut)
        gain = right - COST * (wrong + off)
        if gain >= best[0]:
            best = (gain, cut)
    return best[1], best[0]


def cross_validated(found: Sequence[Row], x: Array, y: Array) -> tuple[int, int, int, int]:
    """Right, wrong, partial and off-topic answers of a fit and cut chosen without each fold,
    on that fold (folds by a hash of the question): what the tune part says of new questions."""
    fold = np.array([_fold(r.item.question) for r in found])
    totals = np.zeros(4, dtype=np.int64)
    for k in range(FOLDS):
        inside = fold != k
        intercept, weights = fit(x[inside], y[inside])
        prob = 1 / (1 + np.exp(-(intercept + x @ weights)))
        kept = [r for r, i in zip(found, inside, strict=True) if i]
        cut, _ = best_cut(kept, prob[inside])
        held = [r for r, i in zip(found, inside, strict=True) if not i]
        totals += gains(held, prob[~inside], cut)
    right, wrong, partial, off = (int(v) for v in totals)
    return right, wrong, partial, off


def _fold(question: str) -> int:
    return int(hashlib.md5(question.encode()).hexdigest(), 16) % FOLDS


def calibrate(prepped: Prepped, t: Thresholds, names: Sequence[str]) -> Calibration:
    """Fit on the tune part of `prepped`, print the fit and the tune part's figures with it."""
    tune = [(item, p) for item, p in prepped if item.split == "tune"]
    found = rows(tune, t)
    x = features(found, names)
    y = np.array([r.verdict == "right" for r in found], dtype=np.float64)
    verdicts = [r.verdict for r in found]
    print(f"tune part: {len(tune)} questions, {len(found)} declined or doubted with a fact first:")
    print(
        "  " + ", ".join(f"{v} {verdicts.count(v)}" for v in ("right", "wrong", "partial", "off"))
    )
    print(f"\n{'feature':<16} {'mean right':>10} {'mean other':>10}")
    for n, name in enumerate(names):
        right, other = x[y == 1, n], x[y == 0, n]
        means = [float(part.mean()) if len(part) else 0.0 for part in (right, other)]
        print(f"{name:<16} {means[0]:10.3f} {means[1]:10.3f}")
    intercept, weights = fit(x, y)
    prob = 1 / (1 + np.exp(-(intercept + x @ weights)))
    print(f"\ncut  right wrong part. off  gain (wrong and off cost {COST:g})")
    for cut in CUTS[::5]:
        right, wrong, partial, off = gains(found, prob, cut)
        gain = right - COST * (wrong + off)
        print(f"{cut:.2f} {right:6d} {wrong:5d} {partial:5d} {off:4d} {gain:6.1f}")
    cut, _ = best_cut(found, prob)
    model = Calibration(
        round(intercept, 3),
        tuple((n, round(float(w), 3)) for n, w in zip(names, weights, strict=True)),
        cut,
    )
    right, wrong, partial, off = gains(found, prob, cut)
    print(f"\nchosen cut {cut:.2f}: {right} right gained, {wrong} wrong, {partial} partial, "
          f"{off} off-topic answered (tune part)")  # fmt: skip
    right, wrong, partial, off = cross_validated(found, x, y)
    print(f"{FOLDS}-fold on the tune part: {right} right gained, {wrong} wrong, {partial} "
          f"partial, {off} off-topic answered; gain {right - COST * (wrong + off):g}")  # fmt: skip
    print(f"{model}")
    before, after = outcomes_for(tune, t, None), outcomes_for(tune, t, model)
    print("\ntune part, rules alone, then with the model:")
    print("\n".join(by_kind(before)))
    print("\n".join(by_kind(after)))
    print(f"objective {measure(before).objective:.4f} → {measure(after).objective:.4f}")
    return model
