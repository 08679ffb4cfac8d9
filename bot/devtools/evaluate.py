"""`jianfu eval`: how often an official gets the right fact as a direct answer, by kind.

Each labelled file is split in two by a hash of the question text (stable when questions are
added): thresholds are tuned on the "tune" part, the figures that count are on "test". A blind
file (never tuned on) counts whole. `--questions a.yaml,b.yaml` runs several files as one set.

An answer is right when the first fact shown is one of the item's `expect`. An item that lists
`topics:` (several problems at once) is right only when every topic listed gets a shown fact
from `expect` on that topic; an answer whose first fact is correct but that misses a topic is
"partial", neither right nor wrong.
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
from bot.search.calibrated import FITTED, Calibration, concluded
from bot.search.matcher import Matcher, Prepared, Result, Thresholds, offered

TUNE_SHARE = 2  # of 5 hash buckets: 40 % tune, 60 % test
DEFAULT_FILES = ("questions.yaml", "kinds.yaml")  # the development sets, both with a tune part
MORE_DEV_FILES = "dev-*.yaml"  # further development sets, one per kind of work


@dataclass(frozen=True)
class Labelled:
    question: str
    expect: frozenset[str]  # empty: off-topic, must not be answered with a fact
    kind: str
    topics: frozenset[str] = frozenset()  # several at once: every one must get a right fact
    part: str | None = None  # a generated variant keeps the part of the question it came from

    @property
    def on_topic(self) -> bool:
        return bool(self.expect)

    @property
    def split(self) -> str:
        if self.part is not None:
            return self.part
        bucket = int(hashlib.sha1(self.question.encode()).hexdigest(), 16) % 5
        return "tune" if bucket < TUNE_SHARE else "test"


@dataclass(frozen=True)
class Outcome:
    item: Labelled
    decision: str  # answer / suggest / decline / help
    top: str | None  # fact id ranked first
    offered: tuple[str, ...] = ()  # fact ids a "did you mean" would show
    shown: tuple[tuple[str, str], ...] = ()  # (fact id, topic) an answer shows, in order

    @property
    def correct(self) -> bool:
        """The right fact comes first, answered or offered."""
        return self.decision in ("answer", "suggest") and self.top in self.item.expect

    @property
    def verdict(self) -> str:
        """right, partial or wrong for an answer; else the decision."""
        if self.decision != "answer":
            return self.decision
        first_ok = bool(self.shown) and self.shown[0][0] in self.item.expect
        if not self.item.topics:
            return "right" if first_ok else "wrong"
        good = {topic for fid, topic in self.shown if fid in self.item.expect}
        if self.item.topics <= good:
            return "right"
        return "partial" if good else "wrong"


def default_questions(kb: KnowledgeBase) -> Path:
    return kb.root / "responses" / "eval" / DEFAULT_FILES[0]


def question_files(arg: Path | None, kb: KnowledgeBase) -> list[Path]:
    if arg is None:
        folder = kb.root / "responses" / "eval"
        return [folder / name for name in DEFAULT_FILES] + sorted(folder.glob(MORE_DEV_FILES))
    return [Path(part) for part in str(arg).split(",") if part]


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
        topics = frozenset(raw.get("topics") or [])
        items.append(Labelled(str(raw["q"]), expect, str(raw.get("kind", "?")), topics))
    return items


@dataclass(frozen=True)
class Metrics:
    on_topic: int
    top1: float  # right fact ranked first and shown (answered or offered)
    answered_right: float
    answered_wrong: float  # the costly error: a confident wrong fact
    partial: float  # several at once: a right fact, but not for every topic asked
    did_you_mean: float
    not_found: float
    off_topic: int
    off_declined: float  # declined outright; "did you mean" counts as a miss
    off_suggested: float = 0.0
    off_answered: float = 0.0  # off-topic questions answered outright with a fact

    @property
    def objective(self) -> float:
        """Right answers and honest declines; a confident wrong fact, to an on-topic question
        or an off-topic one, costs double: a wrong fact is worse than no answer."""
        return (
            self.answered_right
            + 0.25 * self.partial
            + 0.1 * self.top1
            + self.off_declined
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
        answered_right=share(on, lambda o: o.verdict == "right"),
        answered_wrong=share(on, lambda o: o.verdict == "wrong"),
        partial=share(on, lambda o: o.verdict == "partial"),
        did_you_mean=share(on, lambda o: o.decision == "suggest"),
        not_found=share(on, lambda o: o.decision in ("decline", "help")),
        off_topic=len(off),
        off_declined=share(off, lambda o: o.decision in ("decline", "help")),
        off_suggested=share(off, lambda o: o.decision == "suggest"),
        off_answered=share(off, lambda o: o.decision == "answer"),
    )


Prepped = list[tuple[Labelled, Prepared]]


def prepare_all(matcher: Matcher, items: Iterable[Labelled]) -> Prepped:
    return [(item, matcher.prepare(item.question)) for item in items]


def outcome_of(item: Labelled, result: Result, thresholds: Thresholds) -> Outcome:
    choices = tuple(m.fact.id for m in offered(result.matches, thresholds))
    top = result.matches[0].fact.id if result.matches else None
    shown = tuple((f.id, f.topic) for f in result.shown)
    return Outcome(item, result.decision, top, choices, shown)


MODEL = Calibration()  # the answer model as shipped: none, the rules alone (calibrated.py)


def outcomes_for(
    prepped: Prepped, thresholds: Thresholds, calibration: Calibration | None = MODEL
) -> list[Outcome]:
    """Each question's outcome; `calibration` None: the hand rules alone (calibrated.py)."""
    return [
        outcome_of(item, concluded(p, thresholds, calibration), thresholds) for item, p in prepped
    ]


def tune(prepped: Prepped) -> Thresholds:
    """Grid search on the tuning part; ties go to the more cautious setting."""
    best: tuple[float, Thresholds] | None = None
    grid = itertools.product(range(30, 61, 2), range(2, 25, 3), (3, 5, 8), (10, 15, 20, 30, 101))
    for suggest, gap, margin, lead in grid:
        t = Thresholds(float(suggest + gap), float(suggest), float(margin), float(lead))
        score = measure(outcomes_for(prepped, t)).objective
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
        outcomes = []
        for item, found in scored:
            if part is not None and item.split != part:
                continue
            answer = bool(found) and found[0][1] >= threshold
            top = found[0][0] if found else None
            shown = ((top.id, top.topic),) if answer and top else ()
            outcomes.append(
                Outcome(item, "answer" if answer else "decline", top.id if top else None, (), shown)
            )
        return outcomes

    top_scores = sorted({round(s[0][1], 3) for _, s in scored if s} | {0.0})
    threshold = max(top_scores, key=lambda t: (measure(at(t, "tune")).objective, -t))
    return at(threshold, "test"), threshold


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def table_row(name: str, m: Metrics, n: int | None = None) -> str:
    count = f"{n:4d} " if n is not None else ""
    on = (
        f"{_pct(m.answered_right)} {_pct(m.answered_wrong)} {_pct(m.partial)} "
        f"{_pct(m.did_you_mean)} {_pct(m.not_found)} {_pct(m.top1)}"
        if m.on_topic
        else " " * 41
    )
    off = f"{_pct(m.off_declined)}" if m.off_topic else ""
    return f"{name:<30} {count}{on} {off}"


def table_header(with_n: bool = False) -> str:
    count = f"{'n':>4} " if with_n else ""
    cols = ("right", "wrong", "part.", "dym", "n.f.", "top-1", "off.decl")
    line = f"{'':<30} {count}" + " ".join(f"{c:>6}" for c in cols)
    return line + "\n" + "-" * len(line)


def by_kind(
    outcomes: Sequence[Outcome], group_of: Callable[[Labelled], str] = lambda item: item.kind
) -> list[str]:
    """One row per group (by default the item's kind), then all."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[group_of(o.item)].append(o)
    lines = [table_header(with_n=True)]
    for kind, group in sorted(groups.items()):
        lines.append(table_row(f"  {kind}", measure(group), len(group)))
    lines.append(table_row("  all", measure(outcomes), len(outcomes)))
    return lines


def rescued_line(part: str, rules: Sequence[Outcome], model: Sequence[Outcome]) -> str:
    """How many questions of `part` the answer model answered that the rules did not, by
    verdict (totals only: no question is shown)."""
    taken = [
        m.verdict if m.item.on_topic else "off-topic"
        for r, m in zip(rules, model, strict=True)
        if m.item.split == part and r.decision != "answer" and m.decision == "answer"
    ]
    counts = ", ".join(f"{taken.count(v)} {v}" for v in ("right", "wrong", "partial", "off-topic"))
    return f"answer model, {part} part: {len(taken)} declines or doubts answered: {counts}"


def print_misses(title: str, outcomes: Sequence[Outcome], part: str) -> None:
    """Each miss on a line, marked with its part and kind; `part` is tune, test or all."""
    print(f"\n{title} ({'all parts' if part == 'all' else part + ' part'}):")
    for o in outcomes:
        if part != "all" and o.item.split != part:
            continue
        miss = o.verdict != "right" if o.item.on_topic else o.decision in ("answer", "suggest")
        if miss:
            want = ",".join(sorted(o.item.expect)) or "-"
            shown = ",".join(fid for fid, _ in o.shown) or o.top
            where = f"{o.item.split} [{o.item.kind}]"
            print(f"  {where} {o.item.question} → {o.verdict} {shown} (want {want})")


def run_eval(args: argparse.Namespace) -> int:
    if getattr(args, "variants", None):
        from bot.devtools.variants.runner import run_variants

        return run_variants(args)
    kb = load_kb(args.settings.kb_root)
    files = question_files(args.questions, kb)
    items = [item for path in files for item in load_questions(path, kb)]

    def matcher() -> Matcher:
        return Matcher(kb, cache_dir=args.settings.cache_dir, score_parts=True)  # --calibrate

    if getattr(args, "cached", False):
        from bot.devtools.prepared import PREPARED_DIR, cached_prepare

        prepped, hit = cached_prepare(matcher, items, kb.root, files)
        print(f"rankings {'read from' if hit else 'stored in'} {PREPARED_DIR}")
    else:
        prepped = prepare_all(matcher(), items)
    thresholds = Thresholds()
    calibration = FITTED if getattr(args, "fitted", False) else Calibration()
    if getattr(args, "calibrate", None):  # the tune part only: nothing of the test part shows
        from bot.devtools.arguments import SAME_FEATURES
        from bot.devtools.calibrate import calibrate

        chosen = [name for name, _ in FITTED.weights]
        names = chosen if args.calibrate == SAME_FEATURES else args.calibrate.split(",")
        calibrate([r for r in prepped if r[0].split == "tune"], thresholds, names)
        return 0
    if args.tune:
        thresholds = tune([r for r in prepped if r[0].split == "tune"])
        print(f"tuned on the tuning part: {thresholds}")
    outcomes = outcomes_for(prepped, thresholds, calibration)
    if getattr(args, "save_sources", None) is not None:  # what --variants would vary today
        from bot.devtools.variants.runner import save_sources, varied

        save_sources(args.save_sources, [o.item for o in outcomes if varied(o)])
    test = [o for o in outcomes if o.item.split == "test"]
    tune_part = [o for o in outcomes if o.item.split == "tune"]
    n_on = sum(1 for i in items if i.on_topic)
    print(f"{', '.join(p.name for p in files)}: {len(items)} labelled questions ({n_on} "
          f"on-topic, {len(items) - n_on} off-topic); tune {len(tune_part)} / test {len(test)}; "
          f"{thresholds}")  # fmt: skip
    print("right/wrong/part.: answered (several at once: part. = not every topic asked got a "
          "right fact); dym: did you mean; n.f.: not found; off.decl: off-topic declined "
          "outright")  # fmt: skip
    print(table_header())
    print(table_row("jianfu matcher (test part)", measure(test)))
    print(table_row("jianfu matcher (tune part)", measure(tune_part)))
    print(table_row("jianfu matcher (all)", measure(outcomes)))
    # The baselines rank every question afresh (minutes); a cached run is for the matcher's rules.
    cached = getattr(args, "cached", False)
    baselines = () if cached else (WRatioBaseline(kb.facts), BM25Baseline(kb.facts))
    for baseline in baselines:
        base, threshold = baseline_outcomes(baseline.rank, items)
        print(table_row(f"{baseline.name[:20]} (test, ≥{threshold:.4g})", measure(base)))
    if calibration is not None and calibration.weights:
        rules = outcomes_for(prepped, thresholds, None)
        for part in ("test", "tune"):
            print(rescued_line(part, rules, outcomes))
    print("\nby kind, test part:")
    print("\n".join(by_kind(test)))
    print("\nby kind, all (a blind set counts whole):")
    print("\n".join(by_kind(outcomes)))
    if args.errors:
        print_misses("misses", outcomes, args.errors)
    return 0
