"""What one process shares with the others, and the webhook replica's lifecycle.

Coordination bundles the shared state (claims; with PostgreSQL also group budgets and flood
limits), the guard that keeps a slow database off the reply path, the question log written
in the background, and the leadership that runs one-time work in one replica only.

Background work, in every mode: the knowledge-base watcher (admins get one notice per change
across replicas) and hourly housekeeping in the leader (retention of the question log,
forgetting old claims, budgets and send slots).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from telegram.error import TelegramError

from bot.answer.watch import KBWatcher, kb_version
from bot.questionlog.guard import Guard
from bot.questionlog.shared import SharedState
from bot.questionlog.store import SQLStorage, Storage
from bot.questionlog.writer import BackgroundLog, Leadership
from bot.settings import DEFAULT_RETENTION_DAYS, Settings
from bot.telegram.shared_flow import UpdateGate
from bot.telegram.webhook import WebhookServer, serve

if TYPE_CHECKING:
    from bot.telegram.context import App

log = logging.getLogger(__name__)

HOUSEKEEPING_SECONDS = 3600.0
FIRST_HOUSEKEEPING_SECONDS = 60.0
DB_DEADLINE_SECONDS = 1.0


def _raw_key(chat_id: int | str) -> str:
    return str(chat_id)  # memory only: nothing stored


@dataclass
class Coordination:
    shared: SharedState | None = None
    guard: Guard | None = None
    chat_key: Callable[[int | str], str] = _raw_key  # a keyed hash when anything is stored
    across_replicas: bool = False  # PostgreSQL: budgets and flood limits are shared too
    log: Storage | None = None
    leadership: Leadership | None = None
    retention_days: int = DEFAULT_RETENTION_DAYS
    watcher: KBWatcher | None = field(default=None, repr=False)

    async def once(self, key: str) -> bool:
        """True in the one replica that should do the work named `key`."""
        if self.shared is None or self.guard is None:
            return True
        shared = self.shared
        return await self.guard.call(
            lambda: shared.mark_once(f"notice:{key}", time.time()), True, "once"
        )

    def close(self) -> None:
        if self.guard is not None:
            self.guard.close()
        if self.leadership is not None:
            self.leadership.resign()
        if self.log is not None:
            self.log.close()


def open_coordination(storage: Storage, settings: Settings) -> Coordination:
    """Coordination over the question log's database (a Storage from open_configured)."""
    if not isinstance(storage, SQLStorage):  # open_configured always gives one
        return Coordination(log=storage)
    shared = SharedState(storage.database)
    postgres = storage.dialect == "postgres"
    return Coordination(
        shared=shared,
        guard=Guard(shared.ping, deadline=DB_DEADLINE_SECONDS),
        chat_key=storage.pseudonym,
        across_replicas=postgres,
        log=BackgroundLog(storage),
        leadership=Leadership(settings.database_url if postgres else None),
        retention_days=settings.retention_days,
    )


def start_background(application: App) -> None:
    state = application.bot_data
    co: Coordination = state.coordination
    if state.watch_seconds > 0:

        async def tell_admins(text: str) -> None:
            for admin_id in state.admin_ids:  # an admin's private chat id is their user id
                try:
                    await application.bot.send_message(admin_id, text, parse_mode=None)
                except TelegramError as exc:  # the admin may never have started the bot
                    log.warning("could not tell an admin about a reload: %s", type(exc).__name__)

        co.watcher = KBWatcher(state.service, state.watch_seconds, tell_admins, co.once)
        state.tasks.append(asyncio.create_task(co.watcher.run()))
    if co.leadership is not None:
        state.tasks.append(asyncio.create_task(_housekeeping(co)))


async def _housekeeping(co: Coordination) -> None:
    """Hourly, in the leader only; off the reply path (its own thread, no deadline)."""
    assert co.leadership is not None
    await asyncio.sleep(FIRST_HOUSEKEEPING_SECONDS)
    while True:
        try:
            if await asyncio.to_thread(co.leadership.lead):
                if co.log is not None:
                    purged = await asyncio.to_thread(co.log.purge, co.retention_days)
                    log.info("retention: %d questions older than %d days deleted",
                             purged, co.retention_days)  # fmt: skip
                if co.shared is not None:
                    await asyncio.to_thread(co.shared.expire, time.time())
        except Exception:  # housekeeping must never stop the bot; next hour tries again
            log.exception("housekeeping failed")
        await asyncio.sleep(HOUSEKEEPING_SECONDS)


async def run_replica(application: App, settings: Settings, listen: str, port: int) -> None:
    """Start PTB without its updater, then serve the webhook until SIGTERM/SIGINT."""
    url, secret = settings.require_webhook()
    state = application.bot_data
    co: Coordination = state.coordination
    await application.initialize()
    await application.start()
    start_background(application)
    version = co.watcher.version if co.watcher else kb_version(state.service.root)

    async def ready() -> bool:
        return co.guard is None or await co.guard.check()

    def describe() -> str:
        current = co.watcher.version if co.watcher else version
        return f"kb={current} facts={state.service.fact_count}"

    gate = UpdateGate(co.shared, co.guard, lease=settings.claim_lease_seconds)
    server = WebhookServer(application, urlsplit(url).path, secret, gate, ready, describe)
    started = datetime.now(UTC)
    try:
        await serve(server, listen, port)
    finally:
        for task in state.tasks:
            task.cancel()
        if co.guard is not None:
            co.guard.stop_probing()
        await application.stop()
        await application.shutdown()
        log.info("webhook replica stopped after %s", datetime.now(UTC) - started)
