"""A question budget per group chat, shared by every replica on one database.

Groups only: a token bucket per chat, 20 questions a minute by default. Over budget the bot
says `slow_down` once, quoting the asker, and then stays silent until a question is allowed
again; a busy group gets one notice, not a wall of them. Questions over budget are not
answered, matched or logged. Private chats have no budget: the flood limits apply there.

With a shared database the buckets live there (keyed by a keyed hash of the chat, never its
id), so N replicas together allow what one would; without one, or while it is away, they live
in this process's memory and idle ones are forgotten.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from bot.questionlog.guard import Guard
from bot.questionlog.shared import Bucket, SharedState, Verdict

__all__ = ["GROUP_PERIOD", "GROUP_QUESTIONS", "ChatLimiter", "GroupBudget", "Verdict"]

GROUP_QUESTIONS = 20
GROUP_PERIOD = 60.0
_PRUNE_EVERY = 1000  # hits between sweeps of idle buckets


class ChatLimiter:
    """Token bucket per chat in memory: `capacity` questions, refilled evenly over `period`."""

    def __init__(
        self,
        capacity: int = GROUP_QUESTIONS,
        period: float = GROUP_PERIOD,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.capacity, self.period, self._clock = capacity, period, clock
        self._buckets: dict[int, Bucket] = {}
        self._hits = 0

    def hit(self, chat_id: int) -> Verdict:
        now = self._clock()
        self._hits += 1
        if self._hits % _PRUNE_EVERY == 0:
            self._prune(now)
        bucket = self._buckets.setdefault(chat_id, Bucket(float(self.capacity), now))
        return bucket.take(self.capacity, self.period, now)

    def _prune(self, now: float) -> None:
        # A bucket untouched for a whole period is full again: same as having none.
        idle = [k for k, b in self._buckets.items() if now - b.updated >= self.period]
        for key in idle:
            del self._buckets[key]


class GroupBudget:
    """ChatLimiter's rule, counted in the shared database when there is one."""

    def __init__(
        self,
        capacity: int = GROUP_QUESTIONS,
        period: float = GROUP_PERIOD,
        shared: SharedState | None = None,
        guard: Guard | None = None,
        chat_key: Callable[[int], str] = str,
    ) -> None:
        self.local = ChatLimiter(capacity, period)
        self.shared, self.guard, self.chat_key = shared, guard, chat_key

    async def hit(self, chat_id: int) -> Verdict:
        if self.shared is not None and self.guard is not None:
            shared, key = self.shared, f"group:{self.chat_key(chat_id)}"
            capacity, period = self.local.capacity, self.local.period
            verdict = await self.guard.call(
                lambda: shared.take(key, capacity, period, time.time()), None, "group budget"
            )
            if verdict is not None:
                return verdict
        return self.local.hit(chat_id)
