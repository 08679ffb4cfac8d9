"""`jianfu bench`: match latency, index build time, cold start and peak memory.

Synthetic knowledge bases are made by recombining the real facts' sentences with invented
place names, so vocabulary and posting lists grow roughly as a real corpus would.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process, utils

from bot.answer.heap import freeze_built
from bot.devtools.baselines import raw_text
from bot.devtools.evaluate import default_questions, load_questions
from bot.kb import Fact, KnowledgeBase, load_kb
from bot.search.matcher import Matcher
from bot.search.normalize import normalize
from bot.search.pinyin import forget_texts_read

_SYLLABLES = "东西南北上下新旧安平和兴华宁泰丰源河山湖桥林石青云溪岭塘"


def synthetic_kb(kb: KnowledgeBase, size: int, seed: int = 7) -> KnowledgeBase:
    """`size` facts made from the real ones: same shape, shuffled sentences, new places."""
    rng = random.Random(seed)
    facts: list[Fact] = []
    real = list(kb.facts)
    for n in range(size):
        base = rng.choice(real)
        donor = rng.choice(real)
        place = "".join(rng.choice(_SYLLABLES) for _ in range(2)) + rng.choice("乡镇村街道社区")
        facts.append(
            replace(
                base,
                id=f"synthetic-{n}",
                title=base.title,
                example=f"{place}：{donor.example}",
                where=place,
                keywords=(*base.keywords[:4], *donor.keywords[:2], place),
                questions=(*base.questions[:3], *donor.questions[:2], f"{place}怎么做的"),
            )
        )
    return replace(kb, facts=tuple(facts), by_id={f.id: f for f in facts})


def _percentiles(samples: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return p50 * 1000, p95 * 1000


def time_calls(
    fn: Callable[[str], object], queries: Sequence[str]
) -> tuple[list[float], list[float]]:
    """Each call's wall-clock and CPU time, in seconds, in the order of `queries`."""
    wall, cpu = [], []
    for q in queries:
        start, start_cpu = time.perf_counter(), time.process_time()
        fn(q)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def time_each(fn: Callable[[str], object], queries: Sequence[str]) -> tuple[float, float, float]:
    """Wall-clock p50 and p95 per call, and the CPU time's p50: on a shared machine the CPU
    time moves less with what else runs, so two codes timed in turn compare more closely."""
    wall, cpu = time_calls(fn, queries)
    p50, p95 = _percentiles(wall)
    return p50, p95, statistics.median(cpu) * 1000


def first_asked(queries: Sequence[str]) -> list[bool]:
    """Whether each query is its question's first time in the run: the matcher keeps what
    it read of a question (matcher.QUESTIONS_KEPT), so only a first time reads it afresh."""
    seen: set[str] = set()
    firsts = []
    for q in queries:
        firsts.append(q not in seen)
        seen.add(q)
    return firsts


def first_median(samples: Sequence[float], firsts: Sequence[bool]) -> float:
    """The median, in ms, of the samples (seconds) of a question's first time asked
    (`first_asked`): 'new p50' of the wall clock, 'new cpu' of the CPU time."""
    return statistics.median(s for s, first in zip(samples, firsts, strict=True) if first) * 1000


def first_p95(samples: Sequence[float], firsts: Sequence[bool]) -> float:
    """The p95, in ms, of the first times alone, as `_percentiles` takes it: 'new cpu95'."""
    return _percentiles([s for s, first in zip(samples, firsts, strict=True) if first])[1]


def _cold_start(
    question: str, runs: int = 5, env: dict[str, str] | None = None
) -> tuple[list[float], float]:
    """Seconds from process start to the first answer, and that process's peak RSS in MB."""
    probe = (
        "import resource, sys\n"
        "from bot.cli import main\n"
        "code = main(['ask', sys.argv[1]])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    times, peak_kb = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", probe, question],
            check=True, capture_output=True, text=True, env={**os.environ, **(env or {})},
        )  # fmt: skip
        times.append(time.perf_counter() - start)
        peak_kb = max(peak_kb, int(done.stderr.split()[-1]))
    return times, peak_kb / 1024


FACTS_PER_FILE = 1000  # keeps each file well under the loader's size cap, as a curator would


def write_kb(kb: KnowledgeBase, folder: Path) -> int:
    """`kb` as files a replica would load (its seeds, texts and word lists, its facts in files
    of FACTS_PER_FILE); returns the facts files' total size in bytes."""
    shutil.copytree(kb.root / "seeds", folder / "seeds")
    shutil.copytree(kb.root / "responses", folder / "responses",
                    ignore=shutil.ignore_patterns("eval", "facts"))  # fmt: skip
    # A topic's lead names one of the real facts, which a synthetic knowledge base lacks.
    topics = [
        {"id": t.id, "name": t.name, "emoji": t.emoji, "summary": t.summary,
         **({"lead": t.lead} if t.lead in kb.by_id else {})}
        for t in kb.topics.values()
    ]  # fmt: skip
    (folder / "responses" / "topics.yaml").write_text(
        yaml.safe_dump({"topics": topics}, allow_unicode=True), encoding="utf-8"
    )
    # Sibling marks name real facts too: only those the knowledge base holds are kept.
    marks = {i: list(m) for i, m in kb.sibling_marks.items() if i in kb.by_id}
    (folder / "responses" / "sibling_marks.yaml").write_text(
        yaml.safe_dump(marks, allow_unicode=True), encoding="utf-8"
    )
    fields = ("id", "topic", "title", "measure", "example", "who", "where", "quote", "seed")
    facts = [
        {**{k: getattr(f, k) for k in fields if getattr(f, k)},
         "keywords": list(f.keywords), "questions": list(f.questions),
         **({"problems": list(f.problems)} if f.problems else {})}
        for f in kb.facts
    ]  # fmt: skip
    (folder / "responses" / "facts").mkdir()
    total = 0
    for start in range(0, len(facts), FACTS_PER_FILE):
        path = folder / "responses" / "facts" / f"part-{start // FACTS_PER_FILE:03d}.yaml"
        chunk = {"facts": facts[start : start + FACTS_PER_FILE]}
        path.write_text(yaml.safe_dump(chunk, allow_unicode=True), encoding="utf-8")
        total += path.stat().st_size
    return total


def _replica_start(kb: KnowledgeBase, size: int, question: str) -> tuple[float, list[float], int]:
    """A synthetic KB of `size` facts on disk: the first start (fills the cache) and warm
    starts, process start → first answer."""
    with tempfile.TemporaryDirectory(prefix="jianfu-start-") as tmp:
        size_bytes = write_kb(synthetic_kb(kb, size), Path(tmp) / "kb")
        env = {"JIANFU_KB_ROOT": str(Path(tmp) / "kb"), "JIANFU_CACHE_DIR": str(Path(tmp) / "c")}
        first, _ = _cold_start(question, 1, env)
        warm, _ = _cold_start(question, 3, env)
    return first[0], warm, size_bytes


def run_bench(args: argparse.Namespace) -> int:
    cold, cold_mb = _cold_start("会太多怎么办")  # first, while this process is still small
    kb = load_kb(args.settings.kb_root)
    questions = [item.question for item in load_questions(default_questions(kb), kb)]
    rng = random.Random(1)
    queries = [rng.choice(questions) for _ in range(args.queries)]
    sizes = [len(kb.facts), *(int(s) for s in args.sizes.split(",") if s)]
    firsts = first_asked(queries)
    print(
        f"{args.queries} queries drawn from the {len(questions)} labelled questions; "
        f"{sum(firsts)} are a question's first time asked, read afresh: 'new p50' (wall "
        "clock), 'new cpu' and 'new cpu95' (CPU time, which the machine's other load moves "
        "less) time those alone. 'new p50' is the match p50 a question asked for the first "
        "time waits; 'p50 ms', 'p95 ms' and 'cpu p50' take every query, most of them read "
        "from the matcher's memo of questions asked before\n"
    )
    head = ("facts", "build s", "p50 ms", "p95 ms", "cpu p50", "new p50", "new cpu", "new cpu95")
    print("{:>7} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9}   {:>10} {:>8}".format(
        *head, "WRatio p50", "p95 ms"))  # fmt: skip
    for size in sizes:
        current = kb if size == len(kb.facts) else synthetic_kb(kb, size)
        # The size before asked the same questions: the texts they read are forgotten, so a
        # question asked the first time is read as afresh as in a bot just started.
        normalize.cache_clear()
        forget_texts_read()
        start = time.perf_counter()
        matcher = Matcher(current)  # no cache_dir: built afresh, as timed
        build = time.perf_counter() - start
        freeze_built()  # as the bot does after its build (answer/heap.py)
        wall, cpu = time_calls(matcher.match, queries)
        p50, p95 = _percentiles(wall)
        cpu50 = statistics.median(cpu) * 1000
        choices = [raw_text(f) for f in current.facts]
        naive_queries = queries[: max(50, args.queries // max(1, size // 100))]

        def naive(q: str, choices: list[str] = choices) -> object:
            return process.extractOne(
                q, choices, scorer=fuzz.WRatio, processor=utils.default_process
            )

        n50, n95, _ = time_each(naive, naive_queries)
        print(
            f"{size:>7} {build:>8.2f} {p50:>8.3f} {p95:>8.3f} {cpu50:>8.3f}"
            f" {first_median(wall, firsts):>8.3f} {first_median(cpu, firsts):>8.3f}"
            f" {first_p95(cpu, firsts):>9.3f}"
            f"   {n50:>10.3f} {n95:>8.3f}"
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of this benchmark process (all sizes built): {peak_mb:.0f} MB")
    print(
        f"cold start (process start → first answer, `jianfu ask`, {len(cold)} runs): "
        f"median {statistics.median(cold):.2f} s, max {max(cold):.2f} s; "
        f"peak RSS of that process {cold_mb:.0f} MB"
    )
    if args.start_facts:
        first, warm, size_bytes = _replica_start(kb, args.start_facts, "会太多怎么办")
        print(
            f"start at {args.start_facts} facts ({size_bytes / 1e6:.1f} MB of facts): first "
            f"{first:.2f} s (fills the cache); warm cache, as a replica restarts: median "
            f"{statistics.median(warm):.2f} s, max {max(warm):.2f} s"
        )
    return 0
