"""Shared test setup: every test runs isolated from the developer's environment.

Also the Telegram fixtures: `fake` (a FakeBotApi on 127.0.0.1) and `start_bot`, which runs the
real Application (the one `jianfu run` builds) against it, polling in the test's event loop.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fake_bot_api import Call, FakeBotApi
from telegram import Update

from bot.answer.service import Service
from bot.kb import load_kb
from bot.questionlog.store import Storage, open_storage
from bot.search.matcher import Matcher
from bot.telegram.app import build_application
from bot.telegram.budget import GROUP_PERIOD, GROUP_QUESTIONS
from bot.telegram.context import App

PROJECT = Path(__file__).resolve().parent.parent
_CLEARED = ("DATABASE_URL", "JIANFU_ADMIN_IDS", "JIANFU_HASH_KEY")


def pytest_configure(config: pytest.Config) -> None:
    # PTB itself reads RetryAfter.retry_after while building the exception (v22.2 deprecation).
    config.addinivalue_line(
        "filterwarnings", "ignore:.*attribute `retry_after` will be of type:DeprecationWarning"
    )


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the whole run: entries are named by content, so sharing leaks nothing."""
    return tmp_path_factory.mktemp("jianfu-cache")


@pytest.fixture(scope="session")
def matcher(_session_cache: Path) -> Matcher:
    """One matcher over the shipped knowledge base for the whole run: building one (segmenter,
    index) is the slow part of a service, and a built matcher is never changed, so tests share
    it. A test that edits a knowledge base builds its own from its copy."""
    return Matcher(load_kb(), cache_dir=_session_cache)


@pytest.fixture(scope="session")
def parts_matcher(_session_cache: Path) -> Matcher:
    """A matcher whose matches keep what their scores were made of (ScoreParts), as eval builds
    it for the answer model and `eval --calibrate`; the bot's (`matcher`) does not keep them."""
    return Matcher(load_kb(), cache_dir=_session_cache, score_parts=True)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, _session_cache: Path) -> None:
    """A fresh data dir per test; no token, webhook, database, admin list or user cache leaks in."""
    monkeypatch.setenv("JIANFU_DATA_DIR", str(tmp_path / "jianfu-data"))
    monkeypatch.setenv("JIANFU_CACHE_DIR", str(_session_cache))
    monkeypatch.setenv("JIANFU_WATCH_SECONDS", "0")  # tests that watch the KB turn it on
    for name in list(os.environ):
        if name.startswith("TELEGRAM_") or name in _CLEARED:
            monkeypatch.delenv(name)


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """A private copy of responses/ and seeds/ that a test may edit or break."""
    root = tmp_path / "kb"
    for folder in ("responses", "seeds"):
        shutil.copytree(PROJECT / folder, root / folder)
    return root


@pytest.fixture
def fake() -> Iterator[FakeBotApi]:
    with FakeBotApi() as server:
        yield server


@dataclass
class RunningBot:
    """A started Application wired to `fake`, with the service and log it answers from."""

    fake: FakeBotApi
    app: App
    service: Service
    storage: Storage

    async def sent(
        self, count: int = 1, method: str = "sendMessage", **match: Any
    ) -> list[dict[str, Any]]:
        """Wait until `count` calls to `method` whose params include `match` exist; return them."""

        def wanted(params: dict[str, Any]) -> bool:
            return all(params.get(k) == v for k, v in match.items())

        calls: list[Call] = await self.fake.async_wait_for(method, count, 15.0, wanted)
        return [c.params for c in calls]

    def texts(self, key: str, /, **values: str | int) -> str:
        return self.service.text(key, **values)


StartBot = Callable[..., Awaitable[RunningBot]]


@pytest.fixture
async def start_bot(
    fake: FakeBotApi, tmp_path: Path, _session_cache: Path, matcher: Matcher
) -> AsyncIterator[StartBot]:
    """Call `await start_bot(...)` for a running bot; options go to build_application."""
    started: list[RunningBot] = []

    async def start(
        kb_root: Path | None = None,
        admin_ids: frozenset[int] = frozenset(),
        rate_limit: bool = True,
        group_limit: tuple[int, float] = (GROUP_QUESTIONS, GROUP_PERIOD),
        watch_seconds: float = 0.0,
    ) -> RunningBot:
        storage = open_storage(data_dir=tmp_path / "log")
        shared = matcher if kb_root is None else None  # a private KB copy gets its own
        service = Service(kb_root, storage, cache_dir=_session_cache, matcher=shared)
        app = build_application(
            fake.token, service, base_url=fake.base_url, admin_ids=admin_ids,
            rate_limit=rate_limit, group_limit=group_limit, retry_delay=0.05,
            watch_seconds=watch_seconds,
        )  # fmt: skip
        await app.initialize()
        if app.post_init:  # run_polling would call it; here we drive the lifecycle ourselves
            await app.post_init(app)
        await app.start()
        assert app.updater is not None
        # Every kind of update, so the tests prove the ignored ones are handled safely too.
        await app.updater.start_polling(poll_interval=0, allowed_updates=Update.ALL_TYPES)
        bot = RunningBot(fake, app, service, storage)
        started.append(bot)
        return bot

    yield start
    for bot in started:
        assert bot.app.updater is not None
        await bot.app.updater.stop()
        await bot.app.stop()
        await bot.app.shutdown()
        if bot.app.post_shutdown:
            await bot.app.post_shutdown(bot.app)
        bot.storage.close()
