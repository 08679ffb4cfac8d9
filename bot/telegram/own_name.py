"""The bot's own username, kept current after a rename in BotFather without a restart.

PTB reads the username once (getMe at start) and matches `/ask@name` and `@name` against that
copy; getMe refreshes it. A group message naming a bot or person other than the name we know
may be a mention of our new name, so it asks for a refresh; refreshes are at most one a
`min_interval`, so chatter naming other people never costs a getMe per message.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from typing import Any

from telegram.error import TelegramError
from telegram.ext import ExtBot

# A rename is rare; a minute's delay before the new name works is a fair price for at most
# one extra getMe a minute however many other names a busy group mentions.
REFRESH_INTERVAL = 60.0


class OwnName:
    """When the bot last asked getMe for its own name, so that refreshes stay rare."""

    def __init__(
        self,
        min_interval: float = REFRESH_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.min_interval = min_interval
        self.clock = clock
        self.last_refresh: float | None = None  # never since start: the first one is due
        # Other chats' updates run meanwhile (order.py): one naming the new name while getMe
        # is under way waits for its answer, rather than being read against the old name.
        self._asking = asyncio.Lock()

    async def refresh(self, bot: ExtBot[Any]) -> bool:
        """Ask getMe again unless one was asked within `min_interval`; True when the name
        changed. A failed getMe keeps the name we had (and waits out the interval)."""
        async with self._asking:
            now = self.clock()
            if self.last_refresh is not None and now - self.last_refresh < self.min_interval:
                return False
            self.last_refresh = now
            before = bot.username
            with contextlib.suppress(TelegramError):  # no reason to drop the update it came with
                await bot.get_me()  # PTB keeps the answer as bot.bot, so bot.username follows
            return bot.username != before
