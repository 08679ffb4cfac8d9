"""The webhook server in this process (its ASGI app, claims in a real SQLite log) given bodies
Telegram never sends (an update_id no database integer holds, or one that is not a number),
and serving the paths of webhook URLs an operator may write."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fake_bot_api import FakeBotApi

from bot.answer.service import Service
from bot.questionlog.store import open_storage
from bot.search.matcher import Matcher
from bot.settings import Settings
from bot.telegram.app import build_application
from bot.telegram.replica import open_coordination
from bot.telegram.shared_flow import UpdateGate
from bot.telegram.webhook import SECRET_HEADER, WebhookServer

SECRET = "s3cret-Token_1"
QUESTION = "检查组还看台账吗"
PRIVATE_TEXT = "这是一句不该进日志的话"


def message(update_id: Any, chat: int) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": 5, "date": 1, "text": QUESTION,
            "chat": {"id": chat, "type": "private"},
            "from": {"id": chat, "is_bot": False, "first_name": "T"},
        },
    }  # fmt: skip


Served = Callable[[str], AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
async def serve(fake: FakeBotApi, tmp_path: Path, matcher: Matcher) -> AsyncIterator[Served]:
    """`async with serve(url_path) as client`: a client posting to one webhook replica's app
    serving TELEGRAM_WEBHOOK_URL's path, claims kept in SQLite as `jianfu run --webhook` keeps
    them without DATABASE_URL."""
    storage = open_storage(data_dir=tmp_path / "log")
    co = open_coordination(storage, Settings())
    service = Service(None, co.log, matcher=matcher)
    app = build_application(fake.token, service, base_url=fake.base_url, rate_limit=False,
                            coordination=co, polling=False)  # fmt: skip
    await app.initialize()
    await app.start()

    @asynccontextmanager
    async def client(path: str) -> AsyncIterator[httpx.AsyncClient]:
        gate = UpdateGate(co.shared, co.guard)
        server = WebhookServer(app, path, SECRET, gate, _true, lambda: "kb")
        transport = httpx.ASGITransport(app=server.asgi())
        async with httpx.AsyncClient(transport=transport, base_url="http://replica") as posting:
            yield posting

    try:
        yield client
    finally:
        await app.stop()
        await app.shutdown()
        co.close()


@pytest.fixture
async def hook(serve: Served) -> AsyncIterator[httpx.AsyncClient]:
    async with serve("/hook") as client:
        yield client


async def _true() -> bool:
    return True


async def post(client: httpx.AsyncClient, body: dict[str, Any], path: str = "/hook") -> int:
    response = await client.post(path, json=body, headers={SECRET_HEADER: SECRET})
    return response.status_code


@pytest.mark.parametrize("update_id", [2**70, 2**63, -1, True, 1.0, "1"])
async def test_an_update_id_telegram_never_sends_is_refused(
    hook: httpx.AsyncClient, fake: FakeBotApi, update_id: Any
) -> None:
    """Refused as not an update (400): 2**70 raised out of the app (a 500 and a traceback in
    the log; on PostgreSQL the claim's error trips the database guard, so the replica stops
    claiming updates for a while), and `true` claimed update 1 as done, so Telegram's real
    update 1 was never answered."""
    assert await post(hook, message(update_id, chat=601)) == 400
    assert await post(hook, message(1, chat=602)) == 200
    [answer] = await fake.async_wait_for("sendMessage", 1, 15.0)
    assert answer.params["chat_id"] == 602


@pytest.mark.parametrize(
    ("url_path", "posted"),
    [
        ("/telegram/hook/", "/telegram/hook/"),  # a URL ending in a slash
        ("/telegram/ho%6Fk", "/telegram/ho%6Fk"),  # a character written percent-encoded
        ("", "/"),  # the host alone: Telegram posts to /
    ],
)
async def test_updates_come_to_the_path_of_the_url_as_written(
    serve: Served, fake: FakeBotApi, url_path: str, posted: str
) -> None:
    """Telegram posts to TELEGRAM_WEBHOOK_URL exactly as registered, and follows no redirect.
    A URL ending in "/" was served at the path without it: every update got a 307 and was
    never answered; a percent-encoded character never matched the decoded path (404)."""
    async with serve(url_path) as client:
        assert await post(client, message(7, chat=603), posted) == 200
    [answer] = await fake.async_wait_for("sendMessage", 1, 15.0)
    assert answer.params["chat_id"] == 603


async def test_an_update_that_cannot_be_read_is_acknowledged_and_named(
    hook: httpx.AsyncClient, fake: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    """An update python-telegram-bot cannot decode (a message without its date) was refused
    with 400 and no log line: Telegram re-delivered it again and again, and nobody could
    tell why. As in polling, it is acknowledged (200) with one warning naming only its
    update_id (the update itself carries the user's words), and the next one is answered."""
    caplog.set_level(logging.DEBUG)
    unreadable = message(11, chat=604)
    del unreadable["message"]["date"]
    unreadable["message"]["text"] = PRIVATE_TEXT
    assert await post(hook, unreadable) == 200
    assert await post(hook, message(12, chat=605)) == 200
    [answer] = await fake.async_wait_for("sendMessage", 1, 15.0)
    assert answer.params["chat_id"] == 605
    assert "update 11 could not be read" in caplog.text and PRIVATE_TEXT not in caplog.text
