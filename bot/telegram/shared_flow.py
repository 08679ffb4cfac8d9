"""Flow control shared by every replica on one database, each with an in-memory fallback.

- UpdateGate: claim each update_id before handling it (exactly once across replicas),
  finish it after, renew the leases of updates in hand, give them back on shutdown.
- SharedFloodLimiter: Telegram's flood limits for the bot as a whole (about 30 messages a
  second), one message a second per private chat and 20 a minute per group, with every
  429 retry_after holding all replicas.

Every database call goes through a Guard: when the database is slow or away, updates are
handled without a claim (at least once rather than not at all), budgets and flood limits
fall back to this process's memory, and nobody waits longer than the guard's deadline.
"""

from __future__ import annotations

import asyncio
import logging
import time
import warnings
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from bot.questionlog.guard import Guard
from bot.questionlog.shared import Claim, LocalSlots, SharedState, Spacing

log = logging.getLogger(__name__)

LEASE_SECONDS = 30.0
OVERALL_PER_SECOND = 30
PRIVATE_INTERVAL, PRIVATE_BURST = 1.0, 1
GROUP_INTERVAL, GROUP_BURST = 3.0, 20  # 20 a minute
# Requests that deliver no message to anyone: not counted against the flood limits.
_UNCOUNTED = frozenset({
    "getMe", "getUpdates", "setWebhook", "deleteWebhook", "getWebhookInfo", "setMyCommands",
    "getMyCommands", "deleteMyCommands", "answerCallbackQuery", "answerInlineQuery", "close",
    "logOut",
})  # fmt: skip
_MAX_RETRY_AFTER = 5


def retry_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that an int becomes a timedelta
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait = exc.retry_after
    return float(wait if isinstance(wait, int | float) else wait.total_seconds())


class UpdateGate:
    """Claims in the database when there is one (`shared`), else every update is new."""

    def __init__(
        self,
        shared: SharedState | None,
        guard: Guard | None,
        lease: float = LEASE_SECONDS,
        polling: bool = False,
    ) -> None:
        """`polling`: this is the only process taking updates (see SharedState.claim)."""
        self.shared, self.guard, self.lease, self.polling = shared, guard, lease, polling
        self._in_hand: set[int] = set()
        self._renewing: asyncio.Task[None] | None = None

    async def claim(self, update_id: int) -> Claim:
        if self.shared is None or self.guard is None:
            return Claim.MINE
        shared, lease, sole = self.shared, self.lease, self.polling
        claim = await self.guard.call(
            lambda: shared.claim(update_id, lease, time.time(), sole), Claim.MINE, "claim"
        )
        if claim is Claim.MINE:
            self._in_hand.add(update_id)
            if self._renewing is None or self._renewing.done():
                self._renewing = asyncio.get_running_loop().create_task(self._renew())
        return claim

    async def finish(self, update_id: int) -> None:
        self._in_hand.discard(update_id)
        if self.shared is not None and self.guard is not None:
            shared = self.shared
            await self.guard.call(lambda: shared.finish(update_id, time.time()), None, "finish")

    async def release(self, update_id: int) -> None:
        self._in_hand.discard(update_id)
        if self.shared is not None and self.guard is not None:
            shared = self.shared
            await self.guard.call(lambda: shared.release(update_id), None, "release")

    async def _renew(self) -> None:
        """While updates are in hand, keep their leases from running out."""
        assert self.shared is not None and self.guard is not None
        shared, lease = self.shared, self.lease
        while self._in_hand:
            await asyncio.sleep(lease / 3)
            if self._in_hand:
                await self.guard.call(lambda: shared.renew(lease, time.time()), 0, "renew")

    def close(self) -> None:
        if self._renewing is not None:
            self._renewing.cancel()


class SharedFloodLimiter(BaseRateLimiter[int]):
    """Reserve a moment to send (database, else memory), wait for it, send; on a 429 hold
    everyone for retry_after and try again."""

    def __init__(
        self,
        shared: SharedState | None,
        guard: Guard | None,
        chat_key: Callable[[int | str], str],
        overall: int = OVERALL_PER_SECOND,
    ) -> None:
        self.shared, self.guard, self.chat_key = shared, guard, chat_key
        self.overall = overall
        self._local = LocalSlots()

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    def _spacing(self, chat_id: object) -> list[Spacing]:
        spacing: list[Spacing] = []
        if isinstance(chat_id, int | str) and str(chat_id):
            group = str(chat_id).startswith("-")
            interval, burst = (GROUP_INTERVAL, GROUP_BURST) if group else (PRIVATE_INTERVAL, 1)
            spacing.append((f"chat:{self.chat_key(chat_id)}", interval, burst))
        spacing.append(("bot", 1.0 / self.overall, self.overall))
        return spacing

    async def _wait_turn(self, spacing: list[Spacing]) -> None:
        now = time.time()
        at: float | None = None
        if self.shared is not None and self.guard is not None:
            shared = self.shared
            at = await self.guard.call(lambda: shared.reserve(spacing, now), None, "send slot")
        if at is None:
            at = self._local.reserve(spacing, now)
        if at > time.time():
            await asyncio.sleep(at - time.time())

    async def _hold(self, seconds: float) -> None:
        until, window = time.time() + seconds, 1.0  # the bot key's interval * burst
        self._local.hold("bot", until, window)
        if self.shared is not None and self.guard is not None:
            shared = self.shared
            await self.guard.call(lambda: shared.hold("bot", until, window), None, "hold")

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        counted = endpoint not in _UNCOUNTED
        for attempt in range(1, _MAX_RETRY_AFTER + 1):
            if counted:
                await self._wait_turn(self._spacing(data.get("chat_id")))
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt == _MAX_RETRY_AFTER:
                    raise
                seconds = retry_seconds(exc)
                log.warning("%s: Telegram asked to wait %.0fs; holding every replica",
                            endpoint, seconds)  # fmt: skip
                await self._hold(seconds)
                if not counted:
                    await asyncio.sleep(seconds)
        raise AssertionError("unreachable: the last attempt returns or raises")
