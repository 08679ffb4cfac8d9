"""Retrying our own requests to the Bot API.

`RetryingLimiter` wraps PTB's AIORateLimiter (Telegram's flood limits, honouring 429
retry_after) and retries with backoff when the Bot API answers 5xx or cannot be reached, so an
answer is delayed, not lost. It never retries a send that may already have been delivered (a
read timeout or a dropped connection after the request went out): sending twice is worse.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

log = logging.getLogger(__name__)


# Endpoints that deliver something to a person: retried only when surely not delivered.
_SENDS = frozenset({"sendMessage", "sendPhoto"})
# Repeating these changes nothing, so any network failure is worth another try. Start-up
# calls (getMe, setWebhook) are left to PTB's bootstrap, so a dead API fails fast.
_IDEMPOTENT = frozenset({
    "answerCallbackQuery", "answerInlineQuery", "editMessageReplyMarkup", "setMyCommands",
})  # fmt: skip
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def _surely_not_delivered(exc: NetworkError) -> bool:
    """True for a 5xx answer or a connection that never opened; False when in doubt."""
    cause = exc.__cause__ or exc.__context__
    if isinstance(exc, TimedOut):
        return isinstance(cause, _NOT_SENT) or "Pool timeout" in exc.message
    # PTB raises a bare NetworkError (or one caused by a failed JSON parse of an HTML gateway
    # page) when the server answered with an error status; transport failures carry httpx's.
    return cause is None or isinstance(cause, (TelegramError, _NOT_SENT))


class RetryingLimiter(BaseRateLimiter[int]):
    """Flood limits (optional) plus retries of failed requests with exponential backoff."""

    def __init__(
        self,
        flood: BaseRateLimiter[Any] | None,
        attempts: int = 8,
        base_delay: float = 1.0,
        max_delay: float = 30.0,
    ) -> None:
        self.flood, self.attempts = flood, attempts
        self.base_delay, self.max_delay = base_delay, max_delay

    async def initialize(self) -> None:
        if self.flood:
            await self.flood.initialize()

    async def shutdown(self) -> None:
        if self.flood:
            await self.flood.shutdown()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        delay = self.base_delay
        for attempt in range(1, self.attempts + 1):
            try:
                if self.flood:
                    return await self.flood.process_request(
                        callback, args, kwargs, endpoint, data, rate_limit_args
                    )
                return await callback(*args, **kwargs)
            except RetryAfter as exc:  # without a flood limiter, or after it gave up
                if attempt == self.attempts:
                    raise
                with warnings.catch_warnings():  # PTB 22 warns that an int becomes a timedelta
                    warnings.simplefilter("ignore", PTBDeprecationWarning)
                    wait = exc.retry_after
                seconds = wait if isinstance(wait, int | float) else wait.total_seconds()
                await asyncio.sleep(seconds + 0.1)
            except BadRequest:
                raise  # a NetworkError subclass in PTB, but asking again cannot fix it
            except NetworkError as exc:
                retry = endpoint in _IDEMPOTENT or (
                    endpoint in _SENDS and _surely_not_delivered(exc)
                )
                if not retry or attempt == self.attempts:
                    raise
                log.warning("%s failed (%s); retry %d in %.1fs", endpoint,
                            type(exc).__name__, attempt, delay)  # fmt: skip
                await asyncio.sleep(delay)
                delay = min(delay * 2, self.max_delay)
        raise AssertionError("unreachable: the last attempt returns or raises")
