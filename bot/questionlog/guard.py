"""Database calls from the event loop that can never hold it up.

A call runs on a small thread pool of its own and is given up after `deadline` seconds: the
caller gets its fallback and carries on (the thread stays stuck until the database wakes;
the pool bounds how many can). After a failure the guard stops calling the database for a
while and probes it in the background, so one hung database costs one deadline, not one
per update. The server-side statement timeout cannot help here: a stopped backend does not
time out, it just never answers.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from bot.errors import StorageError

log = logging.getLogger(__name__)

T = TypeVar("T")


class Guard:
    def __init__(
        self,
        probe: Callable[[], object],
        deadline: float = 1.0,
        workers: int = 8,
        pause: float = 1.0,
    ) -> None:
        self.deadline, self.pause = deadline, pause
        self._probe = probe
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="db-guard")
        self._down_since: float | None = None
        self._probing: asyncio.Task[None] | None = None

    @property
    def healthy(self) -> bool:
        return self._down_since is None

    async def call(self, fn: Callable[[], T], fallback: T, what: str = "database call") -> T:
        """fn() on the pool within the deadline, else `fallback` (and the guard trips)."""
        if not self.healthy:
            return fallback
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(loop.run_in_executor(self._pool, fn), self.deadline)
        except (TimeoutError, StorageError) as exc:
            self._trip(f"{what}: {type(exc).__name__} {exc}".strip())
            return fallback

    def _trip(self, why: str) -> None:
        if self._down_since is None:
            log.warning("database unavailable (%s); carrying on without it", why)
            self._down_since = time.monotonic()
        if self._probing is None or self._probing.done():
            self._probing = asyncio.get_running_loop().create_task(self._probe_until_back())

    async def check(self) -> bool:
        """Probe now (for /readyz); True when the database answered within the deadline."""
        loop = asyncio.get_running_loop()
        try:
            await asyncio.wait_for(loop.run_in_executor(self._pool, self._probe), self.deadline)
        except (TimeoutError, StorageError):
            return False
        return True

    async def _probe_until_back(self) -> None:
        while True:
            await asyncio.sleep(self.pause)
            if await self.check():
                down = time.monotonic() - (self._down_since or time.monotonic())
                log.warning("database is back after %.1fs", down)
                self._down_since = None
                return

    def close(self) -> None:
        if self._probing is not None:
            self._probing.cancel()
        self._pool.shutdown(wait=False, cancel_futures=True)
