"""The bot token never reaches any log output, whichever library writes the line."""

from __future__ import annotations

import io
import logging
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fake_bot_api import FakeBotApi
from test_telegram_run import JIANFU, QUESTION, answer_text, run_env

from bot.telegram.redact import MASK, install_redaction

SECRET = "987654:AAsecret_token-for:redaction"


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """Everything logged anywhere, formatted as `jianfu run` formats it, with redaction on."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    undo = install_redaction(SECRET, "short")
    try:
        yield out
    finally:
        undo()
        root.removeHandler(handler)


def test_every_part_of_a_record_is_scrubbed(captured: io.StringIO) -> None:
    """Message, %-arguments, URL-encoded forms and exception text: all masked; a secret too
    short to tell from ordinary words is left alone."""
    lib = logging.getLogger("some.library.deep.inside")
    lib.error("GET https://api.example/bot%s/getMe failed", SECRET)
    lib.warning("encoded: %s", quote(SECRET, safe=""))
    try:
        raise ValueError(f"server said: /bot{SECRET}/getUpdates")
    except ValueError:
        lib.exception("request failed")
    lib.error("odd format %d: %s", "not a number", SECRET)  # a broken call, still scrubbed
    lib.warning("a short answer")
    output = captured.getvalue()
    assert SECRET not in output and quote(SECRET, safe="") not in output
    assert "GET https://api.example/bot<redacted>/getMe failed" in output
    assert "encoded: <redacted>" in output
    assert "ValueError: server said: /bot<redacted>/getUpdates" in output
    assert "odd format %d: %s ('not a number', '<redacted>')" in output
    assert "a short answer" in output


def _run_to_exit(tmp_path: Path, env: dict[str, str]) -> tuple[int, str]:
    run = subprocess.run(
        [JIANFU, "run", "--no-rate-limit"], env=env, capture_output=True, text=True, timeout=120
    )
    return run.returncode, run.stdout + run.stderr


def test_wrong_api_url_echoing_the_token_is_named_and_never_logged(
    fake: FakeBotApi, tmp_path: Path
) -> None:
    """A base URL that answers with a 404 page echoing the path: the closing line says the API
    is not the Bot API (not that the token is wrong), and no output holds the token."""
    fake.echo_404 = True
    env = run_env(tmp_path, TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url)
    code, output = _run_to_exit(tmp_path, env)
    assert fake.echoed >= 1
    assert code == 2, output
    assert f"the API at {fake.base_url} answered something that is not the Bot API" in output
    assert "rejected TELEGRAM_BOT_TOKEN" not in output
    assert fake.token not in output and quote(fake.token, safe="") not in output


def test_api_turning_odd_mid_run_stops_the_bot_with_the_token_masked(
    fake: FakeBotApi, tmp_path: Path
) -> None:
    """The API turns into a 404 page while the bot polls. PTB logs the page and gives up
    polling for good; the bot then stops (no silent, answerless process) and its closing line
    names the API, not the token; the token is in none of the output."""
    env = run_env(tmp_path, TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url)
    log = tmp_path / "run.log"
    with log.open("w") as out:
        proc = subprocess.Popen([JIANFU, "run", "--no-rate-limit"], env=env, stdout=out, stderr=out)
        try:
            fake.push_private_message(QUESTION, user_id=4242)
            assert answer_text(fake, 4242)
            fake.echo_404 = True
            try:
                code = proc.wait(timeout=120)  # the long poll in flight ends first (10 s)
            except subprocess.TimeoutExpired:
                code = None  # still running: the failure below shows its log
        finally:
            if proc.poll() is None:
                proc.kill()
    output = log.read_text()
    assert code == 2, f"exit {code}, {fake.echoed} echoed request(s):\n{output[-3000:]}"
    assert "Can not load invalid JSON data" in output and MASK in output
    assert f"the API at {fake.base_url} answered something that is not the Bot API" in output
    assert fake.token not in output and quote(fake.token, safe="") not in output


def test_token_rejected_at_the_first_poll_stops_the_bot(fake: FakeBotApi, tmp_path: Path) -> None:
    """getMe passes, then the very first getUpdates says the token is bad: PTB's polling loop
    ends within milliseconds of starting, before the bot's watcher first looks at it. The
    watcher still finds it (the Updater keeps its task) and the bot exits with the one line."""
    fake.inject_fault("getUpdates", status=401, description="Unauthorized")
    env = run_env(tmp_path, TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url)
    code, output = _run_to_exit(tmp_path, env)
    refused = [call for call in fake.faulted_calls if call.method == "getUpdates"]
    assert len(refused) == 1 and not fake.calls_to("getUpdates")  # gave up at once, no retry
    assert code == 2, output
    assert "Telegram rejected TELEGRAM_BOT_TOKEN" in output
    assert fake.token not in output and quote(fake.token, safe="") not in output
