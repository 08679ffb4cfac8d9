"""The `jianfu` command line keeps its contract: text, JSON lines, stdin batches, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def _jianfu(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=120,
    )


def test_ask_json_object_shape() -> None:
    """`ask --json QUESTION` prints one object with the agreed keys and types."""
    run = _jianfu("ask", "--json", "检查组还看台账吗")
    assert run.returncode == 0, run.stderr
    (line,) = run.stdout.splitlines()
    payload = json.loads(line)
    assert payload["query"] == "检查组还看台账吗"
    assert payload["answered"] is True
    assert payload["reply"].startswith("【")
    assert payload["matches"][0]["fact_id"] == "inspections-unannounced-visits"
    assert payload["matches"][0]["topic"] == "inspections"
    assert isinstance(payload["matches"][0]["score"], float)


def test_ask_batch_from_stdin_keeps_order() -> None:
    """With no question, each stdin line gets one JSON answer, in order, blanks included."""
    questions = ["打印机卡纸了怎么办", "海港区解散了多少个群", "", "你好"]
    run = _jianfu("ask", "--json", stdin="\n".join(questions) + "\n")
    assert run.returncode == 0, run.stderr
    answers = [json.loads(line) for line in run.stdout.splitlines()]
    assert [a["query"] for a in answers] == questions
    assert [a["answered"] for a in answers] == [False, True, False, False]


def test_ask_text_prints_the_private_chat_reply() -> None:
    """Plain `ask` prints exactly the `reply` field of the JSON form."""
    text = _jianfu("ask", "表哥太多").stdout
    payload = json.loads(_jianfu("ask", "--json", "表哥太多").stdout)
    assert text == payload["reply"] + "\n"


def test_chat_reads_until_quit() -> None:
    """The terminal chat answers each line and says goodbye on /quit."""
    run = _jianfu("chat", stdin="海港区解散了多少个群\n/quit\n")
    assert run.returncode == 0, run.stderr
    assert "190余个" in run.stdout
    assert run.stdout.rstrip().endswith("再见！")


def test_broken_kb_is_one_clear_error(tmp_path: Path) -> None:
    """A missing knowledge base makes `ask` exit non-zero with a readable message."""
    run = _jianfu("--kb-root", str(tmp_path), "ask", "会太多怎么办")
    assert run.returncode == 1
    assert "knowledge base has" in run.stderr
    assert "Traceback" not in run.stderr
