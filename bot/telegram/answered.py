"""Group messages the bot has answered, remembered a short while: a colleague's later bare
`@bot` (or `/ask`) replying to one of them gets a pointer to the answer, not the answer again.

Kept in this process's memory only, by chat and message ids (no user, no text, nothing
written anywhere), at most MAX_REMEMBERED of them, each for REMEMBER_SECONDS; with several
replicas each keeps its own, so a reply reaching another replica is answered once more there.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

REMEMBER_SECONDS = 30 * 60.0  # a thread's colleagues catch up within the half hour
MAX_REMEMBERED = 4096  # answers across all groups; the oldest is forgotten first
# A pointer costs no question budget, so one answer is pointed to at most once this often:
# the last pointer is still on screen, and a flood of bare replies cannot flood the group.
POINTER_GAP = 60.0


@dataclass
class _Answer:
    message_id: int  # the bot's answer
    at: float  # when it was sent
    pointed_at: float | None = None  # when a pointer to it was last sent


class AnsweredMessages:
    """(chat, asked message) -> the bot's answer message, for a while."""

    def __init__(
        self,
        seconds: float = REMEMBER_SECONDS,
        size: int = MAX_REMEMBERED,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._seconds = seconds
        self._size = size
        self._clock = clock
        self._answers: OrderedDict[tuple[int, int], _Answer] = OrderedDict()

    def remember(self, chat: int, asked: int, answer: int) -> None:
        """The bot answered message `asked` of `chat` with its message `answer`."""
        key, now = (chat, asked), self._clock()
        self._answers.pop(key, None)
        self._answers[key] = _Answer(answer, now)
        # oldest first: drop the expired, then whatever exceeds the size
        while self._answers and now - next(iter(self._answers.values())).at >= self._seconds:
            self._answers.popitem(last=False)
        while len(self._answers) > self._size:
            self._answers.popitem(last=False)

    def answer_to(self, chat: int, asked: int) -> int | None:
        """The bot's answer to message `asked` of `chat`, while remembered; else None."""
        found = self._fresh((chat, asked))
        return found.message_id if found else None

    def take_pointer(self, chat: int, asked: int) -> bool:
        """Whether a pointer to the answer to `asked` may be sent now (and count it sent):
        False when it is not remembered or was pointed to less than POINTER_GAP ago."""
        found = self._fresh((chat, asked))
        now = self._clock()
        if found is None or (found.pointed_at is not None and now - found.pointed_at < POINTER_GAP):
            return False
        found.pointed_at = now
        return True

    def __len__(self) -> int:
        return len(self._answers)

    def _fresh(self, key: tuple[int, int]) -> _Answer | None:
        found = self._answers.get(key)
        if found is not None and self._clock() - found.at >= self._seconds:
            del self._answers[key]  # expired: as if never answered
            return None
        return found
