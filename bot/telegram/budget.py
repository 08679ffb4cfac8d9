"""A question budget per group chat.

Groups only: a token bucket per chat, 5 questions a minute by default. Over budget
the bot says `slow_down` once, quoting the asker, and then stays silent until a question is
allowed again; a busy group gets one notice, not a wall of them. Questions over budget are not
answered, matched or logged. The buckets live in memory only, keyed by chat id, and idle ones
are forgotten. Private chats have no budget: Telegram's own flood limits apply there.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

GROUP_QUESTIONS = 5
GROUP_PERIOD = 60.0
_PRUNE_EVERY = 1000  # hits between sweeps of idle buckets


class Verdict(enum.Enum):
    ALLOW = "allow"
    WARN = "warn"  # over budget: tell the group once
    DROP = "drop"  # over budget and already told


@dataclass
class _Bucket:
    tokens: float
    updated: float
    warned: float | None = None


class ChatLimiter:
    """Token bucket per chat: `capacity` questions, refilled evenly over `period` seconds."""

    def __init__(
        self,
        capacity: int = GROUP_QUESTIONS,
        period: float = GROUP_PERIOD,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.capacity, self.period, self._clock = capacity, period, clock
        self._buckets: dict[int, _Bucket] = {}
        self._hits = 0

    def hit(self, chat_id: int) -> Verdict:
        now = self._clock()
        self._hits += 1
        if self._hits % _PRUNE_EVERY == 0:
            self._prune(now)
        bucket = self._buckets.setdefault(chat_id, _Bucket(float(self.capacity), now))
        refill = (now - bucket.updated) * self.capacity / self.period
        bucket.tokens = min(float(self.capacity), bucket.tokens + refill)
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            bucket.warned = None  # the next time over budget deserves a notice again
            return Verdict.ALLOW
        if bucket.warned is None or now - bucket.warned >= self.period:
            bucket.warned = now
            return Verdict.WARN
        return Verdict.DROP

    def _prune(self, now: float) -> None:
        # A bucket untouched for a whole period is full again: same as having none.
        idle = [k for k, b in self._buckets.items() if now - b.updated >= self.period]
        for key in idle:
            del self._buckets[key]
