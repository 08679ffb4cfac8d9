"""`jianfu eval --variants`: generated variants keep their source's labels and part."""

from __future__ import annotations

import json
import re
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


def test_listed_sources_are_those_in_every_list_in_the_files_order(tmp_path: Path) -> None:
    from bot.devtools.variants.runner import listed_sources, save_sources

    items = _asks()
    one, other = tmp_path / "one.json", tmp_path / "other.json"
    save_sources(one, items[:8])
    save_sources(other, list(reversed(items[3:])))
    assert listed_sources(items, [one]) == items[:8]
    assert listed_sources(items, [one, other]) == items[3:8]


OFF_TOPIC = ("今天天气怎么样", "推荐一部好看的电影", "红烧肉怎么做好吃")
ANSWERED = ("会议太多怎么办", "表格太多怎么办")  # labelled off-topic, answered: not kept


def test_the_same_sources_read_back_make_the_same_variants(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A run reading the sources another run saved varies the same questions into the same
    variants (same digest) without asking which this code gets right; a listed question this
    code misses is varied too."""
    labelled = tmp_path / "set.yaml"
    rows = "".join(f"  - {{q: '{q}', expect: [], kind: offtopic}}\n" for q in OFF_TOPIC + ANSWERED)
    labelled.write_text("questions:\n" + rows, encoding="utf-8")
    saved = tmp_path / "sources.json"
    args = ["eval", "--questions", str(labelled), "--variants", "trailing"]
    assert main([*args, "--save-sources", str(saved)]) == 0
    first = capsys.readouterr().out
    assert json.loads(saved.read_text("utf-8")) == list(OFF_TOPIC)
    assert "3 of 5 labelled questions are right (or declined) today" in first
    # a plain eval saves the same list
    plain = tmp_path / "plain.json"
    assert main(["eval", "--questions", str(labelled), "--save-sources", str(plain)]) == 0
    assert json.loads(plain.read_text("utf-8")) == list(OFF_TOPIC)
    capsys.readouterr()
    assert main([*args, "--sources", str(saved)]) == 0
    second = capsys.readouterr().out
    assert "3 of 5 labelled questions are in every list given" in second
    assert "right (or declined) today" not in second
    made = [
        re.findall(r"variants 'trailing': (\d+) \(digest (\w+)\)", out) for out in (first, second)
    ]
    assert made[0] and made[0] == made[1] and made[0][0][0] == "3"
    # the lists of two codes: only what both name; a question missed here is varied all the same
    other = tmp_path / "other.json"
    other.write_text(json.dumps([OFF_TOPIC[0], ANSWERED[0]]), "utf-8")
    saved.write_text(json.dumps([OFF_TOPIC[0], ANSWERED[0], OFF_TOPIC[1]]), "utf-8")
    assert main([*args, "--sources", f"{saved},{other}"]) == 0
    assert "2 of 5 labelled questions are in every list given" in capsys.readouterr().out
