"""Hot reload: notice edits to responses/ and seeds/ and swap in the new knowledge base.

The new matcher is built aside (Service.reload) and swapped in whole; a broken edit leaves the
old knowledge base serving and the curator is told exactly what is wrong.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.answer.service import Service

log = logging.getLogger(__name__)

Notify = Callable[[str], Awaitable[None]]
Snapshot = tuple[tuple[str, int, int], ...]


def snapshot(root: Path) -> Snapshot:
    """Every file under responses/ and seeds/, with its modification time and size."""
    found = []
    for folder in ("responses", "seeds"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                stat = path.stat()
                found.append((str(path.relative_to(root)), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


class KBWatcher:
    def __init__(self, service: Service, interval: float, notify: Notify | None = None) -> None:
        self.service = service
        self.interval = interval
        self.notify = notify
        self.root = service.root
        self._last = snapshot(self.root)

    async def check_once(self) -> bool:
        """Reload if anything changed since the last look; True when a reload was attempted."""
        current = await asyncio.to_thread(snapshot, self.root)
        if current == self._last:
            return False
        self._last = current
        outcome = await asyncio.to_thread(self.service.reload)
        if self.notify is not None:
            await self.notify(outcome.text)
        return True

    async def run(self) -> None:
        """Poll until cancelled; polling works on every filesystem and needs no extra package."""
        while True:
            await asyncio.sleep(self.interval)
            try:
                await self.check_once()
            except Exception:  # a watcher hiccup must never stop the bot
                log.exception("knowledge base watcher failed; will retry")
