"""The `jianfu` command line keeps its contract: text, JSON lines, stdin batches, exit codes.

Most tests call `main(argv)` in this process; one runs `python -m bot` for what only a real
process shows: the entry point, a piped stdin read to its end, the exit status.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import bot
from bot.cli import main

PROJECT = Path(__file__).resolve().parent.parent


def _jianfu(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *argv: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `jianfu ARGV` run in this process."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_json_object_shape(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ask --json QUESTION` prints one object with the agreed keys and types."""
    code, out, err = _jianfu(capsys, monkeypatch, "ask", "--json", "检查组还看台账吗")
    assert code == 0, err
    (line,) = out.splitlines()
    payload = json.loads(line)
    assert payload["query"] == "检查组还看台账吗"
    assert payload["answered"] is True
    assert payload["decision"] == "answer"
    assert payload["reply"].startswith("【")
    assert payload["matches"][0]["fact_id"] == "inspections-unannounced-visits"
    assert payload["matches"][0]["topic"] == "inspections"
    assert isinstance(payload["matches"][0]["score"], float)


def test_ask_batch_from_stdin_keeps_order() -> None:
    """With no question, each line of a piped stdin gets one JSON answer, in order, blanks too."""
    questions = ["打印机卡纸了怎么办", "海港区解散了多少个群", "", "你好"]
    run = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json"],
        input="\n".join(questions) + "\n",
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    answers = [json.loads(line) for line in run.stdout.splitlines()]
    assert [a["query"] for a in answers] == questions
    assert [a["answered"] for a in answers] == [False, True, False, False]


def test_ask_text_prints_the_private_chat_reply(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plain `ask` prints exactly the `reply` field of the JSON form."""
    _, text, _ = _jianfu(capsys, monkeypatch, "ask", "表哥太多")
    _, line, _ = _jianfu(capsys, monkeypatch, "ask", "--json", "表哥太多")
    assert text == json.loads(line)["reply"] + "\n"


def test_chat_reads_until_quit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The terminal chat answers each line and says goodbye on /quit."""
    code, out, err = _jianfu(capsys, monkeypatch, "chat", stdin="海港区解散了多少个群\n/quit\n")
    assert code == 0, err
    assert "190余个" in out
    assert out.rstrip().endswith("再见！")


def test_chat_ends_at_end_of_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-D (end of input) ends the chat like /quit does."""
    code, out, _ = _jianfu(capsys, monkeypatch, "chat", stdin="")
    assert code == 0
    assert out.rstrip().endswith("再见！")


def test_broken_kb_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missing knowledge base makes `ask` exit non-zero with a readable message."""
    code, _, err = _jianfu(capsys, monkeypatch, "--kb-root", str(tmp_path), "ask", "会太多怎么办")
    assert code == 1
    assert "knowledge base has" in err
    assert "Traceback" not in err


def test_version_comes_from_the_one_source(capsys: pytest.CaptureFixture[str]) -> None:
    """`jianfu --version` prints bot.__version__, which is also the installed package's version."""
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"jianfu {bot.__version__}\n"
    assert version("jianfu-bot") == bot.__version__


def test_eval_errors_of_one_part(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`eval --errors tune` lists the tune part's misses only, each marked with its part, so a
    change can be chosen without seeing the test part; bare `--errors` lists both."""
    from bot.devtools.evaluate import Labelled

    # Off-topic questions the bot answers are misses; find one of each part.
    asks = [f"会议太多怎么办{'？' * n}" for n in range(1, 12)]
    by_part = {Labelled(q, frozenset(), "near-miss").split: q for q in asks}
    assert set(by_part) == {"tune", "test"}
    labelled = tmp_path / "set.yaml"
    labelled.write_text(
        "questions:\n"
        + "".join(f"  - {{q: '{q}', expect: [], kind: near-miss}}\n" for q in by_part.values()),
        encoding="utf-8",
    )
    code, out, _ = _jianfu(
        capsys, monkeypatch, "eval", "--questions", str(labelled), "--errors", "tune"
    )
    assert code == 0
    misses = out.split("misses (tune part):\n", 1)[1].splitlines()
    assert misses == [line for line in misses if line.startswith("  tune [near-miss] ")]
    assert len(misses) == 1 and by_part["tune"] in misses[0]
    code, out, _ = _jianfu(capsys, monkeypatch, "eval", "--questions", str(labelled), "--errors")
    listed = out.split("misses (all parts):\n", 1)[1]
    assert by_part["tune"] in listed and by_part["test"] in listed


def test_eval_fitted_reads_what_each_score_was_made_of(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The bot's matcher leaves out what its scores were made of; eval's keeps it, so
    `eval --fitted` weighs the answer model's features (coverage, closeness, BM25): the model
    answers 上传工作照能不能当成考核的依据, which the rules offer as "did you mean", and
    which it would not answer without them."""
    labelled = tmp_path / "set.yaml"
    labelled.write_text(
        "questions:\n  - {q: '上传工作照能不能当成考核的依据', "
        "expect: [chat-groups-no-screenshot-evaluation], kind: problem}\n",
        encoding="utf-8",
    )
    code, out, _ = _jianfu(capsys, monkeypatch, "eval", "--questions", str(labelled), "--errors")
    assert code == 0 and "→ suggest chat-groups-no-screenshot-evaluation" in out
    code, out, _ = _jianfu(
        capsys, monkeypatch, "eval", "--questions", str(labelled), "--errors", "--fitted"
    )
    assert code == 0
    assert out.split("misses (all parts):", 1)[1].strip() == ""
