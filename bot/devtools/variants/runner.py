"""`jianfu eval --variants NAMES`: how many right answers survive each kind of generated change."""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from bot.devtools.evaluate import (
    MODEL,
    Labelled,
    Outcome,
    by_kind,
    load_questions,
    measure,
    outcomes_for,
    prepare_all,
    print_misses,
    question_files,
    table_header,
    table_row,
)
from bot.devtools.variants import GENERATORS
from bot.errors import JianfuError
from bot.kb import KnowledgeBase, load_kb
from bot.search.calibrated import FITTED
from bot.search.matcher import Matcher


def varied(outcome: Outcome) -> bool:
    """A source worth varying: answered right, or (off-topic) declined outright."""
    if outcome.item.on_topic:
        return outcome.verdict == "right"
    return outcome.decision in ("decline", "help")


def source_kind(item: Labelled) -> str:
    """A generator may write its sub-kind after the kind (`typo/ime`): the part before."""
    return item.kind.split("/", 1)[0]


def sub_kind(item: Labelled) -> str:
    """The part after the kind (`typo/ime` → ime); a variant without one is "-"."""
    return item.kind.split("/", 1)[1] if "/" in item.kind else "-"


def _seeded(name: str, question: str) -> random.Random:
    return random.Random(int(hashlib.sha1(f"{name}\0{question}".encode()).hexdigest(), 16))


def generate(name: str, sources: list[Labelled], kb: KnowledgeBase) -> list[Labelled]:
    """Every variant one generator makes of the sources, each part varied within itself."""
    make = GENERATORS[name]
    by_part: dict[str, list[Labelled]] = defaultdict(list)
    for item in sources:
        by_part[item.split].append(item)
    made: list[Labelled] = []
    for item in sources:
        made.extend(make(item, by_part[item.split], _seeded(name, item.question), kb))
    return made


def digest(made: Sequence[Labelled]) -> str:
    """A short digest of the variants made: two runs showing the same one varied the same
    questions into the same variants, whatever each code then answers."""
    text = json.dumps(
        [[v.question, sorted(v.expect), v.kind, sorted(v.topics), v.split] for v in made],
        ensure_ascii=False,
    )
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def save_sources(path: Path, sources: Sequence[Labelled]) -> None:
    """The questions varied, one JSON list of texts, for another code's run to read."""
    path.write_text(json.dumps([s.question for s in sources], ensure_ascii=False), "utf-8")


def listed_sources(items: Sequence[Labelled], paths: Sequence[Path]) -> list[Labelled]:
    """The labelled questions named in every list (--sources main.json,branch.json: the ones
    right on both codes), in the order of the question files, whatever this code answers
    today: two codes then vary the same sources with the same partners (joined draws them
    from the pool) and answer identical variants."""
    listed = [read_sources(path) for path in paths]
    return [item for item in items if all(item.question in names for names in listed)]


def read_sources(path: Path) -> set[str]:
    """A list --save-sources wrote; one that cannot be read is one line naming it."""
    try:
        texts = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:  # missing, unreadable, not UTF-8, not JSON
        raise JianfuError(f"cannot read --sources {path}: {exc}") from None
    if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
        raise JianfuError(f"cannot read --sources {path}: not a list of questions (--save-sources)")
    return set(texts)


def run_variants(args: argparse.Namespace) -> int:
    names = [n for n in str(args.variants).split(",") if n]
    unknown = [n for n in names if n not in GENERATORS]
    if unknown:
        raise JianfuError(f"unknown variant generator(s) {unknown}; known: {sorted(GENERATORS)}")
    kb = load_kb(args.settings.kb_root)
    items = [
        item for path in question_files(args.questions, kb) for item in load_questions(path, kb)
    ]
    matcher = Matcher(kb, cache_dir=args.settings.cache_dir, score_parts=True)  # --fitted
    thresholds = matcher.thresholds
    listed = [Path(p) for p in str(getattr(args, "sources", None) or "").split(",") if p]
    saved: Path | None = getattr(args, "save_sources", None)
    for path in listed:  # before minutes of ranking; the list this run saves comes later
        if path != saved:
            read_sources(path)
    if saved is not None or not listed:
        prepped = prepare_all(matcher, items)
        sources = [o.item for o in outcomes_for(prepped, thresholds) if varied(o)]
        if saved is not None:
            save_sources(saved, sources)
        note = "" if listed else " and are varied"
        print(f"{len(sources)} of {len(items)} labelled questions are right (or declined) "
              f"today{note}; a variant keeps its source's labels and part")  # fmt: skip
    if listed:
        sources = listed_sources(items, listed)
        print(f"{len(sources)} of {len(items)} labelled questions are in every list given "
              "(--sources) and are varied, whatever this code answers them")  # fmt: skip
    # --fitted: the same variants (of what the bot gets right today), answered with the model.
    model = FITTED if getattr(args, "fitted", False) else MODEL
    for name in names:
        made = generate(name, sources, kb)
        outcomes = outcomes_for(prepare_all(matcher, made), thresholds, model)
        print(f"\nvariants '{name}': {len(made)} (digest {digest(made)})")
        print(table_header())
        for part in ("test", "tune"):
            print(
                table_row(
                    f"{name} ({part} part)", measure([o for o in outcomes if o.item.split == part])
                )
            )
        test = [o for o in outcomes if o.item.split == "test"]
        print(f"\n'{name}' by the source's kind, test part:")
        print("\n".join(by_kind(test, source_kind)))
        if any("/" in o.item.kind for o in test):
            print(f"\n'{name}' by what was varied (<kind>/<sub-kind>: the sub-kind), test part:")
            print("\n".join(by_kind(test, sub_kind)))
        if args.errors:
            print_misses(f"'{name}' misses", outcomes, args.errors)
    return 0
