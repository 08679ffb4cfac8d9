"""Answers from the Bot API that python-telegram-bot cannot read: an update it cannot decode,
or JSON of another shape where the Bot API should be (a proxy, a stub, a wrong base URL).
Each must cost one update or one clear line, never the bot's every later answer."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import StartBot

from bot.cli import main
from bot.telegram.app import NOT_BOT_API

JIANFU = str(Path(sys.executable).with_name("jianfu"))
QUESTION = "检查组还看台账吗"
PRIVATE_TEXT = "这是一句不该进日志的话"
# What a Telegram-shaped stand-in answers, method by method, unless a test says otherwise.
TELEGRAM_LIKE: dict[str, Any] = {
    "getMe": {"id": 1, "is_bot": True, "first_name": "b", "username": "b_bot"},
    "getWebhookInfo": {"url": "", "has_custom_certificate": False, "pending_update_count": 0},
    "deleteWebhook": True,
    "setMyCommands": True,
}


@contextmanager
def odd_api(status: int = 200, **bodies: str) -> Iterator[str]:
    """A Bot API stand-in on 127.0.0.1: `bodies[method]` is sent as is (with `status`), other
    methods answer as Telegram would; yields its base URL."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output quiet

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            method = self.path.rsplit("/", 1)[-1]
            code = status if method in bodies else 200
            if method in bodies:
                body = bodies[method].encode()
            else:
                body = json.dumps({"ok": True, "result": TELEGRAM_LIKE.get(method, True)}).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


NOT_THE_BOT_API = ['{"ok": true, "result": {}}', '{"ok": true}', "null", "[1, 2]", '{"ok": 1}']


@pytest.mark.parametrize("answer", NOT_THE_BOT_API)
def test_start_against_json_of_another_shape_is_one_line(
    answer: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """getMe answered with JSON that is no User: exit 2 and the one line that names the API,
    not a traceback (the token is never judged)."""
    with odd_api(getMe=answer) as base:
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:abc")
        monkeypatch.setenv("TELEGRAM_API_BASE_URL", base)
        code = main(["run"])
    expected = NOT_BOT_API.format(base=base + "/bot")
    assert (code, capsys.readouterr().err) == (2, f"jianfu: {expected}\n")


@pytest.mark.parametrize("answer", NOT_THE_BOT_API)
def test_webhook_info_against_json_of_another_shape_is_one_line(
    answer: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with odd_api(getWebhookInfo=answer) as base:
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:abc")
        monkeypatch.setenv("TELEGRAM_API_BASE_URL", base)
        code = main(["webhook", "info"])
    err = capsys.readouterr().err
    assert code != 0 and err.count("\n") == 1
    assert err.startswith("jianfu: getWebhookInfo failed: the API at ") and "1:abc" not in err


@pytest.mark.parametrize("status", [200, 404])
def test_webhook_info_against_a_web_page_names_the_api_not_the_token(
    status: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A wrong TELEGRAM_API_BASE_URL answering a web page, as `jianfu run` reads it: a 404
    page read as 'Telegram rejected TELEGRAM_BOT_TOKEN' (PTB calls a 404 an invalid token),
    a 200 page as the bare 'Invalid server response'."""
    with odd_api(status, getWebhookInfo="<html>Not Found</html>") as base:
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:abc")
        monkeypatch.setenv("TELEGRAM_API_BASE_URL", base)
        code = main(["webhook", "info"])
    expected = NOT_BOT_API.format(base=base + "/bot")
    assert (code, capsys.readouterr().err) == (2, f"jianfu: getWebhookInfo failed: {expected}\n")


def test_polling_json_of_another_shape_stops_in_one_line(tmp_path: Path) -> None:
    """getUpdates answered with something that is no list of updates: PTB logs it and asks
    again at once, forever (hundreds of tracebacks a second, nobody answered). The bot stops
    instead, exit 2, with the line naming the API (PTB's own log of the stop comes before)."""
    with odd_api(getUpdates='{"ok": true, "result": "x"}') as base:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": "1:abc", "TELEGRAM_API_BASE_URL": base,
               "JIANFU_DATA_DIR": str(tmp_path / "data")}  # fmt: skip
        done = subprocess.run([JIANFU, "run", "--no-rate-limit"], env=env, capture_output=True,
                              text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 2, done.stderr[-2000:]
    assert f"jianfu: {NOT_BOT_API.format(base=base + '/bot')}\n" in done.stderr
    assert done.stderr.count("Aborting retry loop") == 1 and "1:abc" not in done.stderr


async def test_an_update_that_cannot_be_read_costs_only_itself(
    start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    """One update PTB cannot decode (here a message without its date) used to hold polling on
    its batch for good: the offset never moved past it, every later question went unanswered,
    and each try logged the raw update, the user's words included. It is acknowledged and
    skipped now, with one warning naming only its update_id; the next question is answered."""
    caplog.set_level(logging.DEBUG)
    bot = await start_bot()
    poison = bot.fake.push_raw({"message": {"message_id": 1, "text": PRIVATE_TEXT,
                                            "chat": {"id": 42, "type": "private"}}})  # fmt: skip
    bot.fake.push_private_message(QUESTION, user_id=4242)
    [answer] = await bot.sent(1, chat_id=4242)
    assert answer["text"].startswith("<b>暗访为主")
    assert len(bot.fake.calls_to("getUpdates")) < 20  # no tight loop over the same batch
    assert PRIVATE_TEXT not in caplog.text
    assert f"update {poison} could not be read" in caplog.text
