"""The webhook server in this process (its ASGI app, claims in a real SQLite log) given bodies
Telegram never sends: an update_id no database integer holds, or one that is not a number."""

from __future__ import annotations

from collections.abc import AsyncIterator
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


def message(update_id: Any, chat: int) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": 5, "date": 1, "text": QUESTION,
            "chat": {"id": chat, "type": "private"},
            "from": {"id": chat, "is_bot": False, "first_name": "T"},
        },
    }  # fmt: skip


@pytest.fixture
async def hook(
    fake: FakeBotApi, tmp_path: Path, matcher: Matcher
) -> AsyncIterator[httpx.AsyncClient]:
    """A client posting to one webhook replica's app, claims kept in SQLite as `jianfu run
    --webhook` keeps them without DATABASE_URL."""
    storage = open_storage(data_dir=tmp_path / "log")
    co = open_coordination(storage, Settings())
    service = Service(None, co.log, matcher=matcher)
    app = build_application(fake.token, service, base_url=fake.base_url, rate_limit=False,
                            coordination=co, polling=False)  # fmt: skip
    await app.initialize()
    await app.start()
    gate = UpdateGate(co.shared, co.guard)
    server = WebhookServer(app, "hook", SECRET, gate, lambda: _true(), lambda: "kb")
    transport = httpx.ASGITransport(app=server.asgi())
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://replica") as client:
            yield client
    finally:
        await app.stop()
        await app.shutdown()
        co.close()


async def _true() -> bool:
    return True


async def post(client: httpx.AsyncClient, body: dict[str, Any]) -> int:
    response = await client.post("/hook", json=body, headers={SECRET_HEADER: SECRET})
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
