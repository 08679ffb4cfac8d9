"""Whatever bytes reach `jianfu ask` and `jianfu chat`, every line gets its one answer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest

from bot.answer.service import MAX_QUESTION_CHARS
from bot.search.normalize import normalize

PROJECT = Path(__file__).resolve().parent.parent
NOT_UTF8 = b"\xff\xfe"


def _run(*args: str | bytes, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        cwd=PROJECT,
        timeout=120,
    )


def _answers(run: subprocess.CompletedProcess[bytes]) -> list[dict[str, object]]:
    assert run.returncode == 0, run.stderr.decode(errors="replace")
    assert b"Traceback" not in run.stderr
    return [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]


def test_normalize_survives_lone_surrogates() -> None:
    """Undecodable bytes smuggled in as surrogates (argv, JSON escapes) cannot crash matching."""
    assert normalize("\udcff\udcfe會太多\ud800") == "会太多"


def test_invalid_utf8_on_stdin_answers_every_line() -> None:
    """Bytes that are not UTF-8 become U+FFFD; the batch goes on, one JSON line per input line."""
    stdin = NOT_UTF8 + "会太多\n".encode() + "会太多怎么办\n".encode() + b"\x80\n"
    answers = _answers(_run("ask", "--json", stdin=stdin))
    assert [a["query"] for a in answers] == ["\ufffd\ufffd会太多", "会太多怎么办", "\ufffd"]
    assert answers[1]["answered"] is True


def test_invalid_utf8_argument_is_answered() -> None:
    """The same bytes as an argument give an answer, not a traceback."""
    (answer,) = _answers(_run("ask", "--json", NOT_UTF8 + "会太多怎么办".encode()))
    assert answer["query"] == "\ufffd\ufffd会太多怎么办"
    assert answer["answered"] is True


def test_invalid_utf8_in_chat_is_answered() -> None:
    """The terminal chat answers a line of broken bytes and the next question too."""
    stdin = NOT_UTF8 + b"\n" + "海港区解散了多少个群\n/quit\n".encode()
    run = _run("chat", stdin=stdin)
    assert run.returncode == 0, run.stderr.decode(errors="replace")
    assert b"Traceback" not in run.stderr
    out = run.stdout.decode("utf-8")
    assert "190余个" in out
    assert out.rstrip().endswith("再见！")


def test_crlf_and_line_separators_keep_one_line_per_question() -> None:
    """CRs are dropped; NEL or U+2028 inside a line neither splits the question nor its JSON
    line, and a 3 MB line is echoed only as far as it is read."""
    lines = [
        "会太多怎么办\r",
        "会太多\r怎么办",
        "会太多\x85怎么办",
        "会太多\u2028怎么办",
        "会" * 3_000_000,
    ]
    stdin = "".join(line + "\n" for line in lines).encode()
    answers = _answers(_run("ask", "--json", stdin=stdin))
    assert [a["query"] for a in answers[:4]] == ["会太多怎么办", "会太多怎么办", *lines[2:4]]
    assert answers[4]["query"] == "会" * MAX_QUESTION_CHARS


def _run_with(
    *args: str, stdout: int | IO[bytes] = subprocess.PIPE, stdin_closed: bool = False
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        stdin=None if stdin_closed else subprocess.DEVNULL, stdout=stdout,
        stderr=subprocess.PIPE, cwd=PROJECT, timeout=120,
        preexec_fn=(lambda: os.close(0)) if stdin_closed else None,
    )  # fmt: skip


def test_answers_that_cannot_be_written_are_one_line() -> None:
    """`jianfu ask … > file` on a full disk: one line saying so and a failing exit code, not
    a traceback the operator must read through."""
    with open("/dev/full", "wb") as full:
        run = _run_with("ask", "会太多怎么办", stdout=full)
    assert run.returncode == 2
    err = run.stderr.decode("utf-8", "replace")
    assert err.startswith("jianfu: cannot write the answers: No space left on device"), err
    assert len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize("command", ["ask", "chat"])
def test_closed_stdin_is_one_line(command: str) -> None:
    """Run with stdin closed (`<&-`), `ask` without a question died with a TypeError and
    `chat` with a RuntimeError; each now says what is missing, in one line."""
    run = _run_with(command, stdin_closed=True)
    err = run.stderr.decode("utf-8", "replace")
    assert run.returncode == 2, err
    assert err.startswith("jianfu: no standard input"), err
    assert len(err.strip().splitlines()) == 1, err
