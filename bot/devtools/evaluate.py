"""`jianfu eval`: retrieval quality on the labelled questions, against two naive baselines.

The questions are split in two by a hash of their text (stable when questions are added):
thresholds are tuned on the "tune" part and the figures that count are those on "test".
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.devtools.baselines import BM25Baseline, WRatioBaseline
from bot.errors import JianfuError
from bot.kb import Fact, KnowledgeBase, load_kb
from bot.search.matcher import Match, Matcher, Thresholds, decide, offered

TUNE_SHARE = 2  # of 5 hash buckets: 40 % tune, 60 % test


@dataclass(frozen=True)
class Labelled:
    question: str
    expect: frozenset[str]  # empty: off-topic, must not be answered with a fact
    kind: str

    @property
    def on_topic(self) -> bool:
        return bool(self.expect)

    @property
    def split(self) -> str:
        bucket = int(hashlib.sha1(self.question.encode()).hexdigest(), 16) % 5
        return "tune" if bucket < TUNE_SHARE else "test"


@dataclass(frozen=True)
class Outcome:
    item: Labelled
    decision: str  # answer / suggest / decline / help
    top: str | None  # fact id ranked first
    offered: tuple[str, ...] = ()  # fact ids a "did you mean" would show

    @property
    def shown(self) -> bool:
        return self.decision in ("answer", "suggest")

    @property
    def correct(self) -> bool:
        return self.shown and self.top in self.item.expect

    @property
    def rescued(self) -> bool:
        """Top-1 wrong, but the right fact is among the "did you mean" choices."""
        return (
            self.decision == "suggest"
            and not self.correct
            and bool(self.item.expect.intersection(self.offered))
        )


def default_questions(kb: KnowledgeBase) -> Path:
    return kb.root / "responses" / "eval" / "questions.yaml"


def load_questions(path: Path, kb: KnowledgeBase) -> list[Labelled]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise JianfuError(f"cannot read labelled questions {path}: {exc}") from exc
    items: list[Labelled] = []
    for n, raw in enumerate(data.get("questions", []), 1):
        expect = frozenset(raw.get("expect") or [])
        unknown = expect - set(kb.by_id)
        if unknown:
            raise JianfuError(f"{path} question #{n}: unknown fact id(s) {sorted(unknown)}")
        items.append(Labelled(str(raw["q"]), expect, str(raw.get("kind", "?"))))
    return items


@dataclass(frozen=True)
class Metrics:
    on_topic: int
    top1: float  # right fact ranked first and shown (answered or offered)
    answered_right: float
    answered_wrong: float  # the costly error: a confident wrong fact
    did_you_mean: float
    on_declined: float
    off_topic: int
    off_declined: float
    rescued: float = 0.0  # right fact offered among "did you mean" choices though not first
    off_answered: float = 0.0  # off-topic questions answered outright with a fact

    @property
    def objective(self) -> float:
        """Right answers and honest declines; a confident wrong fact, to an on-topic question
        or an off-topic one, costs double: a wrong fact is worse than no answer."""
        return (
            self.top1
            + self.off_declined
            + 0.1 * self.answered_right
            + 0.5 * self.rescued
            - 2 * self.answered_wrong
            - 2 * self.off_answered
        )


def measure(outcomes: Sequence[Outcome]) -> Metrics:
    on = [o for o in outcomes if o.item.on_topic]
    off = [o for o in outcomes if not o.item.on_topic]

    def share(items: Sequence[Outcome], test: Callable[[Outcome], bool]) -> float:
        return sum(1 for o in items if test(o)) / len(items) if items else 0.0

    return Metrics(
        on_topic=len(on),
        top1=share(on, lambda o: o.correct),
        answered_right=share(on, lambda o: o.decision == "answer" and o.correct),
        answered_wrong=share(on, lambda o: o.decision == "answer" and not o.correct),
        did_you_mean=share(on, lambda o: o.decision == "suggest"),
        on_declined=share(on, lambda o: not o.shown),
        off_topic=len(off),
        off_declined=share(off, lambda o: not o.shown),
        rescued=share(on, lambda o: o.rescued),
        off_answered=share(off, lambda o: o.decision == "answer"),
    )


Ranked = list[tuple[Labelled, str | None, list[Match]]]  # item, forced decision (help), ranking


def rank_all(matcher: Matcher, items: Iterable[Labelled]) -> Ranked:
    ranked: Ranked = []
    for item in items:
        result = matcher.match(item.question)
        forced = "help" if result.decision == "help" else None
        ranked.append((item, forced, list(result.matches)))
    return ranked


def outcomes_for(ranked: Ranked, thresholds: Thresholds) -> list[Outcome]:
    outcomes = []
    for item, forced, matches in ranked:
        choices = tuple(m.fact.id for m in offered(matches, thresholds))
        top = matches[0].fact.id if matches else None
        outcomes.append(Outcome(item, forced or decide(matches, thresholds), top, choices))
    return outcomes


def tune(ranked: Ranked) -> Thresholds:
    """Grid search on the tuning part; ties go to the more cautious setting."""
    best: tuple[float, Thresholds] | None = None
    # A did-you-mean band always exists: weak-but-plausible matches deserve a choice, not a guess.
    for suggest, gap, margin in itertools.product(range(20, 71, 2), range(6, 31, 2), (3, 5, 8)):
        t = Thresholds(answer=float(suggest + gap), suggest=float(suggest), margin=float(margin))
        score = measure(outcomes_for(ranked, t)).objective
        if best is None or score >= best[0] - 1e-9:  # the grid ascends: ties go to caution
            best = (score, t)
    assert best is not None
    return best[1]


def baseline_outcomes(
    rank: Callable[[str], list[tuple[Fact, float]]], items: Sequence[Labelled]
) -> tuple[list[Outcome], float]:
    """A baseline answers its top fact above one threshold, tuned on the tuning part."""
    scored = [(item, rank(item.question)) for item in items]

    def at(threshold: float, part: str | None) -> list[Outcome]:
        return [
            Outcome(
                item,
                "answer" if found and found[0][1] >= threshold else "decline",
                found[0][0].id if found else None,
            )
            for item, found in scored
            if part is None or item.split == part
        ]

    top_scores = sorted({round(s[0][1], 3) for _, s in scored if s} | {0.0})
    threshold = max(top_scores, key=lambda t: (measure(at(t, "tune")).objective, -t))
    return at(threshold, "test"), threshold


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def _row(name: str, m: Metrics) -> str:
    return (
        f"{name:<34} {_pct(m.top1)} {_pct(m.answered_right)} {_pct(m.answered_wrong)} "
        f"{_pct(m.did_you_mean)} {_pct(m.off_declined)}"
    )


HEADER = (
    f"{'':<34} {'top-1':>6} {'ans.ok':>6} {'ans.bad':>6} {'dym':>6} {'off.decl':>6}\n" + "-" * 72
)


def run_eval(args: argparse.Namespace) -> int:
    kb = load_kb(args.settings.kb_root)
    items = load_questions(args.questions or default_questions(kb), kb)
    matcher = Matcher(kb, cache_dir=args.settings.cache_dir)
    ranked = rank_all(matcher, items)
    thresholds = matcher.thresholds
    if args.tune:
        thresholds = tune([r for r in ranked if r[0].split == "tune"])
        print(f"tuned on the tuning part: {thresholds}")
    outcomes = outcomes_for(ranked, thresholds)
    test = [o for o in outcomes if o.item.split == "test"]
    tune_part = [o for o in outcomes if o.item.split == "tune"]
    n_on = sum(1 for i in items if i.on_topic)
    print(f"{len(items)} labelled questions ({n_on} on-topic, {len(items) - n_on} off-topic); "
          f"tune {len(tune_part)} / test {len(test)}; thresholds {thresholds}")  # fmt: skip
    print(HEADER)
    print(_row("jianfu matcher (test part)", measure(test)))
    print(_row("jianfu matcher (tune part)", measure(tune_part)))
    print(_row("jianfu matcher (all)", measure(outcomes)))
    for baseline in (WRatioBaseline(kb.facts), BM25Baseline(kb.facts)):
        base, threshold = baseline_outcomes(baseline.rank, items)
        print(_row(f"{baseline.name} (test, ≥{threshold:g})", measure(base)))
    print("\nby kind (test part): n, top-1 / declined")
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for o in test:
        by_kind[o.item.kind].append(o)
    for kind, group in sorted(by_kind.items()):
        m = measure(group)
        figure = f"top-1 {_pct(m.top1)}" if m.on_topic else f"declined {_pct(m.off_declined)}"
        print(f"  {kind:<14} {len(group):4d}  {figure}")
    if args.errors:
        print("\nmisses (all parts):")
        for o in outcomes:
            if (o.item.on_topic and not o.correct) or (not o.item.on_topic and o.shown):
                want = ",".join(sorted(o.item.expect)) or "-"
                print(f"  [{o.item.kind}] {o.item.question} → {o.decision} {o.top} (want {want})")
    return 0
