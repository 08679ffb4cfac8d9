"""Command-line values refused by the parser, in one usage line, before any work: a port no
socket takes, benchmark sizes and counts that are no sizes, an answer-model feature or a
--sources list that does not exist, a --save-sources file that cannot be written. Each used
to be a traceback, most after minutes of work (every question ranked, every size built), one
after the whole bot had started."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main


def refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    return capsys.readouterr().err.splitlines()[-1]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["run", "--webhook", "--port", "99999"], "argument --port: expected a port from 1"),
        (["run", "--port", "0"], "argument --port: expected a port from 1"),
        (["run", "--port", "eighty"], "argument --port: expected a port from 1"),
        (["bench", "--sizes", "abc"], "argument --sizes: expected whole numbers from 1"),
        (["bench", "--sizes", "1000,0"], "argument --sizes: expected whole numbers from 1"),
        (["bench", "--sizes", "-5"], "argument --sizes: expected whole numbers from 1"),
        (["bench", "--queries", "0"], "argument --queries: expected a whole number from 1"),
        (["bench", "--start-facts", "-1"], "argument --start-facts: expected a whole number"),
        (["eval", "--cached", "--calibrate", "nosuch"], "argument --calibrate: unknown"),
        (
            ["eval", "--cached", "--save-sources", "/nonexistent/x.json"],
            "argument --save-sources: cannot",
        ),
        (["eval", "--cached", "--save-sources", "/tmp"], "argument --save-sources: cannot"),
    ],
)
def test_values_that_mean_nothing_are_one_usage_line(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    line = refused(argv, capsys)
    assert line.startswith(f"jianfu {argv[0]}: error: {says}"), line


def test_sources_that_cannot_be_read_are_named_before_any_ranking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--sources lists written by --save-sources: a missing file, or one that is no list of
    questions, is one line at once (it was a traceback after the matcher was built, or after
    every question was ranked with --save-sources). The list a run saves is read after."""
    missing, odd = tmp_path / "missing.json", tmp_path / "odd.json"
    odd.write_text(json.dumps({"not": "a list"}))
    good = tmp_path / "good.json"
    good.write_text(json.dumps(["会太多怎么办"], ensure_ascii=False))
    for given in (missing, odd, f"{good},{missing}"):
        argv = ["eval", "--variants", "trailing", "--sources", str(given)]
        assert main(argv) == 2
        line = capsys.readouterr().err
        assert line.startswith("jianfu: cannot read --sources ") and line.count("\n") == 1, line


def test_sensible_values_still_parse(tmp_path: Path) -> None:
    from bot.cli import build_parser

    args = build_parser().parse_args(["bench", "--sizes", "1000,10000", "--queries", "5"])
    assert (args.sizes, args.queries, args.start_facts) == ("1000,10000", 5, 10000)
    args = build_parser().parse_args(["bench", "--start-facts", "0"])
    assert args.start_facts == 0
    assert build_parser().parse_args(["run", "--port", "8081"]).port == 8081
    assert build_parser().parse_args(["eval", "--calibrate"]).calibrate == "same"
    saved = build_parser().parse_args(["eval", "--save-sources", str(tmp_path / "s.json")])
    assert saved.save_sources == tmp_path / "s.json"


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["bench", "--queries", "9" * 5000], "argument --queries: expected a whole number"),
        (["bench", "--sizes", "9" * 5000], "argument --sizes: expected whole numbers"),
        (["run", "--port", "9" * 5000], "argument --port: expected a port"),
    ],
)
def test_counts_past_int_digit_limit_say_what_is_expected(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """int() refuses past 4,300 digits with a ValueError argparse words as 'invalid parse
    value', the whole text echoed; the length is checked first."""
    line = refused(argv, capsys)
    assert line.startswith(f"jianfu {argv[0]}: error: {says}"), line[:200]


@pytest.mark.parametrize("value", ["²", "0", "9" * 5000])
def test_log_counts_are_refused_like_every_other_count(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`jianfu log` reads its counts as bench does: the same one message, never argparse's
    'invalid _positive value' echoing the text."""
    with pytest.raises(SystemExit):
        main(["log", "unanswered", "--limit", value])
    line = capsys.readouterr().err.splitlines()[-1]
    assert "argument --limit: expected a whole number from 1 to 999999999" in line, line[:200]
