"""`jianfu log …` prints exactly what curators need, from the log the environment points at."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.errors import JianfuError
from bot.questionlog.commands import add_log_commands
from bot.questionlog.store import QuestionRecord, Storage, open_storage
from bot.settings import Settings

NOW = datetime.now(UTC)
T1 = datetime(2025, 5, 6, 7, 8, 9, tzinfo=UTC)
T2 = datetime(2025, 5, 7, 1, 2, 3, tzinfo=UTC)

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """`jianfu log …` as the lead's CLI parses it, on a fresh SQLite log in a temp data dir."""
    monkeypatch.setenv("JIANFU_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("JIANFU_RETENTION_DAYS", "36500")  # keep the fixed 2025 dates
    monkeypatch.delenv("DATABASE_URL", raising=False)
    parser = argparse.ArgumentParser(prog="jianfu")
    add_log_commands(parser.add_subparsers(dest="command", required=True))

    def run_log(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        args = parser.parse_args(["log", *argv])
        args.settings = Settings.from_env()
        code: int = args.func(args)
        out, err = capsys.readouterr()
        return code, out, err

    return run_log


def _log(
    *records: tuple[str, str, str | None, datetime], votes: dict[int, bool] | None = None
) -> None:
    store: Storage = open_storage(Path(os.environ["JIANFU_DATA_DIR"]))
    ids = [
        store.record_question(QuestionRecord(at, "private", q, d, f, 0.25, "h"))  # type: ignore[arg-type]
        for q, d, f, at in records
    ]
    for index, helpful in (votes or {}).items():
        store.record_feedback(ids[index], helpful)
    store.close()


def test_unanswered_lists_most_asked_with_aligned_counts(run: Run) -> None:
    """Text is ranked and right-aligned; --days, --limit and --csv narrow or reshape it."""
    _log(
        *[("旧问题", "decline", None, NOW - timedelta(days=100))] * 12,
        *[("会议 太多", "decline", None, NOW)] * 3,
        ("填表", "suggest", "f1", NOW),
        *[("答了", "answer", "f1", NOW)] * 2,
    )
    assert run("unanswered") == (
        0,
        "Most asked unanswered questions, declined or only suggested (all time):\n"
        "  12  旧问题\n"
        "   3  会议 太多\n"
        "   1  填表\n",
        "",
    )
    assert run("unanswered", "--days", "30", "--limit", "1") == (
        0,
        "Most asked unanswered questions, declined or only suggested (last 30 days):\n"
        "  3  会议 太多\n",
        "",
    )
    assert run("unanswered", "--csv") == (0, "question,count\n旧问题,12\n会议 太多,3\n填表,1\n", "")


def test_empty_log_says_so(run: Run) -> None:
    """With nothing logged each view prints one plain sentence; CSV prints only its header."""
    _log()
    assert run("unanswered") == (0, "No unanswered questions (all time).\n", "")
    assert run("feedback", "--days", "7") == (0, "No feedback (last 7 days).\n", "")
    assert run("feedback", "--csv") == (0, "fact_id,up,down,downvoted_question\n", "")
    assert run("export") == (
        0,
        "id,asked_at,chat_type,question,decision,fact_id,score,feedback\n",
        "",
    )


def test_feedback_shows_votes_per_fact_and_the_downvoted_questions(run: Run) -> None:
    """Most 👎 first, each 👎 question listed under its fact; CSV has one line per question."""
    _log(
        ("会议 太多", "answer", "meetings-01", T1),
        ("开会 多", "answer", "meetings-01", T2),
        ("填表", "answer", "forms-02", T1),
        ("不知道", "decline", None, T2),
        votes={0: False, 1: False, 2: True, 3: False},
    )
    assert run("feedback") == (
        0,
        "Feedback by fact, most 👎 first (all time):\n"
        "  meetings-01  👍 0  👎 2\n"
        "      👎 开会 多\n"
        "      👎 会议 太多\n"
        "  (no fact)  👍 0  👎 1\n"
        "      👎 不知道\n"
        "  forms-02  👍 1  👎 0\n",
        "",
    )
    assert run("feedback", "--csv") == (
        0,
        "fact_id,up,down,downvoted_question\n"
        "meetings-01,0,2,开会 多\n"
        "meetings-01,0,2,会议 太多\n"
        ",0,1,不知道\n"
        "forms-02,1,0,\n",
        "",
    )


def test_export_writes_csv_to_stdout_or_a_spreadsheet_friendly_file(
    run: Run, tmp_path: Path
) -> None:
    """stdout gets plain CSV; --output gets the same rows behind a UTF-8 BOM, count on stderr."""
    _log(("会议 太多", "answer", "m-01", T1), ("没答上", "decline", None, T2), votes={0: True})
    csv_text = (
        "id,asked_at,chat_type,question,decision,fact_id,score,feedback\n"
        "1,2025-05-06T07:08:09Z,private,会议 太多,answer,m-01,0.250,up\n"
        "2,2025-05-07T01:02:03Z,private,没答上,decline,,0.250,\n"
    )
    assert run("export") == (0, csv_text, "")
    target = tmp_path / "log.csv"
    assert run("export", "--output", str(target)) == (0, "", f"wrote 2 question(s) to {target}\n")
    assert target.read_bytes() == b"\xef\xbb\xbf" + csv_text.encode()
    with pytest.raises(JianfuError, match="cannot write"):
        run("export", "--output", str(tmp_path / "missing" / "log.csv"))


def test_bad_numbers_are_argparse_errors(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    """--limit 0 exits with argparse's usage error (2) and says what was wrong."""
    with pytest.raises(SystemExit) as exit_info:
        run("unanswered", "--limit", "0")
    assert exit_info.value.code == 2
    assert "expected a whole number from 1 to 999999999, got '0'" in capsys.readouterr().err
