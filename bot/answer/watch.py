"""Hot reload: notice edits to responses/ and seeds/ and swap in the new knowledge base.

The new matcher is built aside (Service.reload) and swapped in whole; a broken edit leaves the
old knowledge base serving and the curator is told exactly what is wrong.

Replicas each watch the same files, so they converge on the same knowledge base; `version`
(a digest of the files' contents) shows which one a replica serves. `once`, when given,
decides whether this replica is the one to tell the admins about a change (one notice, not
one per replica): it gets a key naming the change, the same in every replica that saw it.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.answer.service import Service
from bot.kb.load import content_digest

log = logging.getLogger(__name__)

Notify = Callable[[str], Awaitable[None]]
Once = Callable[[str], Awaitable[bool]]
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


def kb_version(root: Path) -> str:
    """Which knowledge base the files under `root` make (a digest of their contents)."""
    return content_digest(root)


def _change_key(files: Snapshot, ok: bool) -> str:
    """Names one change: the files' times and sizes (the same for replicas sharing them)."""
    return hashlib.sha256(repr((files, ok)).encode()).hexdigest()[:24]


class KBWatcher:
    def __init__(
        self,
        service: Service,
        interval: float,
        notify: Notify | None = None,
        once: Once | None = None,
    ) -> None:
        self.service = service
        self.interval = interval
        self.notify = notify
        self.once = once
        self.root = service.root
        self._last = snapshot(self.root)
        self.version = content_digest(self.root)

    async def check_once(self) -> bool:
        """Reload if anything changed since the last look; True when a reload was attempted."""
        current = await asyncio.to_thread(snapshot, self.root)
        if current == self._last:
            return False
        self._last = current
        outcome = await asyncio.to_thread(self.service.reload)
        if outcome.ok:
            self.version = await asyncio.to_thread(content_digest, self.root)
        if self.notify is not None and (
            self.once is None or await self.once(_change_key(current, outcome.ok))
        ):
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
