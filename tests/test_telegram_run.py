"""`jianfu run` as a real process: polling and webhook against the fake Bot API, and the
one-line failures for a rejected token or an unreachable API (log lines included); settings
refused before anything starts are checked in this process through `main`."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fake_bot_api import FakeBotApi

from bot.cli import main
from bot.telegram.app import api_urls

JIANFU = str(Path(sys.executable).with_name("jianfu"))
QUESTION = "检查组还看台账吗"


def run_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "JIANFU_DATA_DIR": str(tmp_path / "data"), **extra}


@contextmanager
def jianfu_run(tmp_path: Path, env: dict[str, str], *args: str) -> Iterator[subprocess.Popen[str]]:
    """`jianfu run …` in the background; SIGTERM afterwards, which must exit cleanly (0)."""
    log = (tmp_path / "run.log").open("w+")
    proc = subprocess.Popen([JIANFU, "run", *args], env=env, stdout=log, stderr=log, text=True)
    try:
        yield proc
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=30)
        log.seek(0)
        output = log.read()
        log.close()
        assert code == 0, output
    assert env.get("TELEGRAM_BOT_TOKEN", "<none>") not in output  # never logged


def answer_text(fake: FakeBotApi, chat_id: int) -> str:
    [call] = fake.wait_for("sendMessage", 1, 60.0, lambda p: p.get("chat_id") == chat_id)
    return str(call.params["text"])


def test_run_polls_and_answers(fake: FakeBotApi, tmp_path: Path) -> None:
    """`jianfu run` long-polls the Bot API at TELEGRAM_API_BASE_URL and answers a question."""
    env = run_env(tmp_path, TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url)
    with jianfu_run(tmp_path, env, "--no-rate-limit"):
        fake.push_private_message(QUESTION, user_id=31337)
        assert answer_text(fake, 31337).startswith("<b>暗访为主")
    polls = fake.calls_to("getUpdates")
    assert polls[0].params["allowed_updates"] == ["message", "callback_query", "inline_query"]
    assert (tmp_path / "data" / "jianfu.sqlite3").exists()


def test_polling_answers_an_update_fetched_twice_once(fake: FakeBotApi, tmp_path: Path) -> None:
    """An update fetched twice (as after a crash before getUpdates confirmed it) is claimed in
    the SQLite log the first time: one answer."""
    env = run_env(tmp_path, TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url)
    fake.push_private_message(QUESTION, user_id=5150)
    [update] = fake.take_updates()
    fake.push_raw(update)
    fake.push_raw(update)  # both come in the first batch
    with jianfu_run(tmp_path, env, "--no-rate-limit"):
        assert answer_text(fake, 5150).startswith("<b>暗访为主")
        fake.push_private_message("会太多怎么办", user_id=5150)  # a later one still answered
        fake.wait_for("sendMessage", 2, 60.0, lambda p: p.get("chat_id") == 5150)
    assert len([c for c in fake.calls_to("sendMessage") if c.params["chat_id"] == 5150]) == 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _post(url: str, update: dict[str, object], secret: str | None) -> int:
    """POST an update as Telegram would; waits (up to 30 s) for the listener to come up."""
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(url, json.dumps(update).encode(), headers)
    for _ in range(300):
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return exc.code
        except urllib.error.URLError:
            time.sleep(0.1)  # setWebhook may come before the server listens
    raise AssertionError(f"nothing listening at {url}")


def test_run_webhook_checks_secret_and_answers(fake: FakeBotApi, tmp_path: Path) -> None:
    """`jianfu webhook set` registers URL, secret and menus once; `run --webhook` then answers
    posted updates (never calling setWebhook itself) and refuses a wrong secret."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/tg-hook"
    env = run_env(
        tmp_path,
        TELEGRAM_BOT_TOKEN=fake.token,
        TELEGRAM_API_BASE_URL=fake.base_url,
        TELEGRAM_WEBHOOK_SECRET="s3cret-Token_1",
        TELEGRAM_WEBHOOK_URL=url,
    )
    message = {
        "message_id": 5,
        "date": 1,
        "chat": {"id": 777, "type": "private"},
        "from": {"id": 777, "is_bot": False, "first_name": "T"},
        "text": QUESTION,
    }
    done = subprocess.run([JIANFU, "webhook", "set"], env=env, capture_output=True, text=True,
                          timeout=60, check=False)  # fmt: skip
    assert (done.returncode, done.stdout.strip()) == (
        0, f"webhook set: {url} (and the command menus published)"
    )  # fmt: skip
    [hook] = fake.calls_to("setWebhook")
    assert (hook.params["url"], hook.params["secret_token"]) == (url, "s3cret-Token_1")
    assert len(fake.calls_to("setMyCommands")) == 2
    with jianfu_run(tmp_path, env, "--webhook", "--listen", "127.0.0.1", "--port", str(port)):
        assert _post(url, {"update_id": 1, "message": message}, "wrong") == 403
        assert _post(url, {"update_id": 2, "message": message}, None) == 401
        assert _post(url, {"update_id": 3, "message": message}, "s3cret-Token_1") == 200
        assert answer_text(fake, 777).startswith("<b>暗访为主")
        # Telegram re-delivers an update whose 200 it missed: answered once all the same.
        assert _post(url, {"update_id": 3, "message": message}, "s3cret-Token_1") == 200
    assert len(fake.calls_to("sendMessage")) == 1
    assert len(fake.calls_to("setWebhook")) == 1 and len(fake.calls_to("setMyCommands")) == 2


def test_webhook_info_and_delete(fake: FakeBotApi, tmp_path: Path) -> None:
    """`jianfu webhook info` shows what Telegram has; `delete` removes it (polling again)."""
    env = run_env(tmp_path, TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url)
    fake.webhook_url = "https://bot.example.org/telegram/hook"
    fake.push_private_message(QUESTION, user_id=6161)  # waiting for delivery

    def webhook(*args: str) -> str:
        done = subprocess.run([JIANFU, "webhook", *args], env=env, capture_output=True,
                              text=True, timeout=60, check=True)  # fmt: skip
        return done.stdout

    assert webhook("info").splitlines()[:2] == [
        "url: https://bot.example.org/telegram/hook", "pending updates: 1",
    ]  # fmt: skip
    assert webhook("delete").strip() == "webhook deleted"
    assert fake.webhook_url == "" and len(fake.pending_updates()) == 1
    assert webhook("info").startswith("url: (none: the bot uses long polling)")


def test_polling_refuses_to_delete_a_webhook_in_use(fake: FakeBotApi, tmp_path: Path) -> None:
    """`make run` with a token whose webhook is set: exit 2 with a warning, webhook kept;
    --replace-webhook deletes it and polls."""
    fake.webhook_url = "https://bot.example.org/telegram/hook"
    env = run_env(tmp_path, TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url)
    code, stderr = _fails(tmp_path, env, "--no-rate-limit")
    assert code == 2 and stderr.count("\n") == 1
    assert stderr.startswith(
        "jianfu: this bot has a webhook set (https://bot.example.org/telegram/hook)"
    )
    assert "--replace-webhook" in stderr and fake.webhook_url
    assert not fake.calls_to("deleteWebhook") and not fake.calls_to("getUpdates")
    with jianfu_run(tmp_path, env, "--no-rate-limit", "--replace-webhook"):
        fake.push_private_message(QUESTION, user_id=4242)
        assert answer_text(fake, 4242).startswith("<b>暗访为主")
    assert fake.webhook_url == ""


def _fails(tmp_path: Path, env: dict[str, str], *args: str) -> tuple[int, str]:
    """`jianfu run` as a process: its whole stderr, log lines included, is what the test sees."""
    done = subprocess.run([JIANFU, "run", *args], env=env, capture_output=True, text=True,
                          timeout=60, check=False)  # fmt: skip
    return done.returncode, done.stderr


def _refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str, **env: str
) -> tuple[int, str]:
    """`jianfu run` in this process, for settings refused before anything starts or logs."""
    # Should a check ever let the run go on, it meets a closed local port, not the internet.
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", f"http://127.0.0.1:{_free_port()}")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code = main(["run", *args])
    return code, capsys.readouterr().err


def test_missing_token_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No TELEGRAM_BOT_TOKEN: exit 2 with exactly one line saying so."""
    code, stderr = _refused(capsys, monkeypatch)
    assert (code, stderr) == (
        2, "jianfu: TELEGRAM_BOT_TOKEN is not set (get a token from @BotFather)\n"
    )  # fmt: skip


def test_rejected_token_is_one_clear_line(fake: FakeBotApi, tmp_path: Path) -> None:
    """A token the Bot API refuses (401): exit 2, one line, and the token is not echoed."""
    env = run_env(
        tmp_path, TELEGRAM_BOT_TOKEN="999:NotTheRightToken", TELEGRAM_API_BASE_URL=fake.base_url
    )
    code, stderr = _fails(tmp_path, env)
    assert (code, stderr) == (
        2, "jianfu: Telegram rejected TELEGRAM_BOT_TOKEN (check it with @BotFather)\n"
    )  # fmt: skip
    assert not fake.calls_to("sendMessage")


def test_unreachable_api_is_one_clear_line(tmp_path: Path) -> None:
    """A Bot API nobody listens on: non-zero exit and one line naming the address."""
    port = _free_port()
    env = run_env(
        tmp_path, TELEGRAM_BOT_TOKEN="1:abc", TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{port}"
    )
    code, stderr = _fails(tmp_path, env)
    assert code != 0
    assert stderr.startswith(
        f"jianfu: cannot reach the Telegram Bot API at http://127.0.0.1:{port}/bot"
    )
    assert stderr.count("\n") == 1 and "1:abc" not in stderr


@pytest.mark.parametrize(
    ("extra", "why"),
    [
        ({}, "--webhook needs --webhook-url"),
        (
            {"TELEGRAM_WEBHOOK_URL": "https://x.example/h"},
            "--webhook needs TELEGRAM_WEBHOOK_SECRET",
        ),
    ],
)
def test_webhook_settings_are_checked(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    extra: dict[str, str],
    why: str,
) -> None:
    """--webhook without a URL or without a secret: exit 2 and one line naming what is missing."""
    code, stderr = _refused(capsys, monkeypatch, "--webhook", TELEGRAM_BOT_TOKEN="1:abc", **extra)
    assert code == 2 and stderr.startswith(f"jianfu: {why}") and stderr.count("\n") == 1


def test_bad_admin_ids_are_one_clear_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """JIANFU_ADMIN_IDS that are not numbers: exit 2 before anything starts."""
    env = {"TELEGRAM_BOT_TOKEN": "1:abc", "JIANFU_ADMIN_IDS": "12, bob"}
    code, stderr = _refused(capsys, monkeypatch, **env)
    assert (code, stderr) == (
        2, "jianfu: JIANFU_ADMIN_IDS must be Telegram user ids separated by commas\n"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("given", "urls"),
    [
        ("https://api.telegram.org/bot", ("https://api.telegram.org/bot",
                                          "https://api.telegram.org/file/bot")),
        ("http://127.0.0.1:8081/", ("http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot")),
        ("http://h/tg/bot/", ("http://h/tg/bot", "http://h/tg/file/bot")),
    ],
)  # fmt: skip
def test_api_base_url_forms(given: str, urls: tuple[str, str]) -> None:
    """TELEGRAM_API_BASE_URL works with or without '/bot'; the file URL is derived from it."""
    assert api_urls(given) == urls
