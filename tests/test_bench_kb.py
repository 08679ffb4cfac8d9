"""The benchmark: its synthetic knowledge base is one a replica can really load, and it times
both the wall clock and the CPU."""

from __future__ import annotations

import time
from pathlib import Path

from bot.devtools.bench import (
    FACTS_PER_FILE,
    first_asked,
    first_median,
    first_p95,
    synthetic_kb,
    time_each,
    write_kb,
)
from bot.kb import load_kb


def test_synthetic_kb_written_to_disk_loads_whole(tmp_path: Path) -> None:
    size = FACTS_PER_FILE + 7  # more than one file's worth
    write_kb(synthetic_kb(load_kb(), size), tmp_path / "kb")
    assert len(list((tmp_path / "kb" / "responses" / "facts").glob("*.yaml"))) == 2
    assert len(load_kb(tmp_path / "kb").facts) == size


def test_a_call_waiting_takes_wall_clock_and_almost_no_cpu() -> None:
    # A sleep lasts at least as long as asked on the wall clock and uses next to no CPU, so the
    # two columns are told apart (no limit on how fast anything is).
    p50, p95, cpu_p50 = time_each(lambda _: time.sleep(0.005), ["a", "b", "c"])
    assert p95 >= p50 >= 5.0
    assert 0.0 <= cpu_p50 < p50


def test_the_real_kb_written_to_disk_keeps_its_sibling_marks(tmp_path: Path) -> None:
    kb = load_kb()
    write_kb(kb, tmp_path / "kb")
    assert kb.sibling_marks, "the real knowledge base tells some siblings apart"
    assert load_kb(tmp_path / "kb").sibling_marks == kb.sibling_marks


def test_only_a_questions_first_time_counts_as_new() -> None:
    # 'new p50' times the questions the matcher reads afresh, not those it remembers.
    assert first_asked(["会多", "表多", "会多", "群多", "表多"]) == [True, True, False, True, False]


def test_new_p50_and_new_cpu_are_medians_of_first_times_alone() -> None:
    # A question asked again is answered from the memo in a few microseconds: left out.
    firsts = first_asked(["会多", "表多", "会多", "群多", "表多"])
    assert first_median([0.004, 0.002, 0.00001, 0.003, 0.00002], firsts) == 3.0
    assert first_median([0.001, 0.009, 0.5, 0.002, 0.5], [True, False, False, True, True]) == 2.0


def test_new_cpu95_is_the_p95_of_first_times_alone() -> None:
    # The slow tail of questions read afresh: a repeat's few microseconds never pull it down.
    firsts = [True] * 20 + [False] * 20
    samples = [n / 1000 for n in range(1, 21)] + [0.00001] * 20
    assert first_p95(samples, firsts) == 20.0
    assert first_p95([0.5, 0.001, 0.002], [False, True, True]) == 2.0
