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
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from bot.errors import StorageError

log = logging.getLogger(__name__)

T = TypeVar("T")


class _DaemonPool:
    """A few daemon threads running calls: unlike ThreadPoolExecutor's, a thread stuck on a
    hung database does not keep the process from exiting."""

    def __init__(self, workers: int) -> None:
        self._calls: queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]] | None]
        self._calls = queue.SimpleQueue()
        self._threads = [
            threading.Thread(target=self._work, name=f"db-guard-{n}", daemon=True)
            for n in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, fn: Callable[[], T]) -> Future[T]:
        future: Future[T] = Future()
        self._calls.put((fn, future))
        return future

    def _work(self) -> None:
        while (item := self._calls.get()) is not None:
            fn, future = item
            if not future.set_running_or_notify_cancel():
                continue  # the caller gave up before it started
            try:
                future.set_result(fn())
            except BaseException as exc:  # handed to the caller, who decides
                future.set_exception(exc)

    def shutdown(self) -> None:
        for _ in self._threads:
            self._calls.put(None)


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
        self._pool = _DaemonPool(workers)
        self._down_since: float | None = None
        self._probing: asyncio.Task[None] | None = None

    @property
    def healthy(self) -> bool:
        return self._down_since is None

    async def call(self, fn: Callable[[], T], fallback: T, what: str = "database call") -> T:
        """fn() on the pool within the deadline, else `fallback` (and the guard trips)."""
        if not self.healthy:
            return fallback
        try:
            return await asyncio.wait_for(asyncio.wrap_future(self._pool.submit(fn)), self.deadline)
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
        """Probe now (for /readyz); True when the database answered within the deadline, and
        then the guard calls it again at once (so /readyz and the guard never disagree)."""
        try:
            probe = asyncio.wrap_future(self._pool.submit(self._probe))
            await asyncio.wait_for(probe, self.deadline)
        except (TimeoutError, StorageError):
            return False
        if self._down_since is not None:
            log.warning("database is back after %.1fs", time.monotonic() - self._down_since)
            self._down_since = None
        return True

    async def _probe_until_back(self) -> None:
        while self._down_since is not None:
            await asyncio.sleep(self.pause)
            await self.check()

    def stop_probing(self) -> None:
        """Before the event loop ends: no task of ours is left pending in it."""
        if self._probing is not None:
            self._probing.cancel()
            self._probing = None

    def close(self) -> None:
        self.stop_probing()
        self._pool.shutdown()
