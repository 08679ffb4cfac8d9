"""`jianfu eval --variants`: generated variants keep their source's labels and part."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.devtools.evaluate import Labelled
from bot.devtools.variants import GENERATORS
from bot.devtools.variants.runner import generate
from bot.kb import load_kb

KB = load_kb()


def _asks() -> list[Labelled]:
    return [Labelled(f"会议太多怎么办{'？' * n}", frozenset({"x"}), "topic") for n in range(1, 12)]


def test_a_variant_keeps_its_source_part_and_labels() -> None:
    sources = _asks()
    made = generate("trailing", sources, KB)
    assert len(made) == len(sources)
    for source, variant in zip(sources, made, strict=True):
        assert variant.question.startswith(source.question) and variant.question != source.question
        assert (variant.expect, variant.kind, variant.split) == (
            source.expect,
            "topic",
            source.split,
        )
    assert {v.split for v in made} == {"tune", "test"}


def test_variants_are_repeatable() -> None:
    assert generate("trailing", _asks(), KB) == generate("trailing", _asks(), KB)


def test_every_generator_runs_on_a_small_pool() -> None:
    """Each registered generator returns labelled variants (or none) for ordinary sources."""
    pool = [*_asks(), Labelled("今天天气怎么样", frozenset(), "offtopic")]
    for name in GENERATORS:
        for variant in generate(name, pool, KB):
            assert isinstance(variant, Labelled) and variant.question


def test_the_report_names_an_unknown_generator(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    labelled = tmp_path / "set.yaml"
    labelled.write_text("questions:\n  - {q: 会议太多怎么办, expect: [], kind: near-miss}\n")
    code = main(["eval", "--questions", str(labelled), "--variants", "nosuch"])
    assert code != 0
    assert "nosuch" in capsys.readouterr().err


def test_the_report_counts_variants_by_part(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    labelled = tmp_path / "set.yaml"
    rows = "".join(f"  - {{q: '{a.question}', expect: [], kind: near-miss}}\n" for a in _asks())
    labelled.write_text("questions:\n" + rows, encoding="utf-8")
    code = main(
        ["eval", "--questions", str(labelled), "--variants", "trailing", "--errors", "tune"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "variants 'trailing':" in out and "trailing (test part)" in out
    assert "trailing (tune part)" in out


def test_the_report_groups_by_source_kind_and_by_what_was_varied() -> None:
    from bot.devtools.variants.runner import source_kind, sub_kind

    varied = Labelled("huiyi tai duo", frozenset({"x"}), "typo/pyall")
    plain = Labelled("会议太多怎么办 5", frozenset({"x"}), "topic")
    assert (source_kind(varied), sub_kind(varied)) == ("typo", "pyall")
    assert (source_kind(plain), sub_kind(plain)) == ("topic", "-")
