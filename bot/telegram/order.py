"""Per-chat ordering of updates while many chats are handled at once."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.questionlog.shared import Claim
from bot.telegram.shared_flow import UpdateGate


class PerChatOrder(BaseUpdateProcessor):
    """Many chats at once, but one chat's updates in the order they came: answers to two quick
    questions must not swap. A chat's backlog waits before taking one of the `workers` slots,
    so one chat sending a flood cannot occupy them all and hold up everyone else. (PTB's own
    limit, applied first, only bounds how many updates may be waiting.)

    With a `gate` (polling only; the webhook server claims updates itself), an update already
    handled, say before a crash that kept getUpdates from confirming it, is not handled again.
    """

    def __init__(self, workers: int, waiting: int = 4096, gate: UpdateGate | None = None) -> None:
        super().__init__(waiting)
        self._workers = asyncio.BoundedSemaphore(workers)
        self._chats: dict[int, tuple[asyncio.Lock, int]] = {}  # chat -> (lock, updates queued)
        self.gate = gate

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if self.gate is None or not isinstance(update, Update):
            await self._in_order(update, coroutine)
            return
        if await self.gate.claim(update.update_id) is not Claim.MINE:
            if inspect.iscoroutine(coroutine):
                coroutine.close()  # never awaited: close it, or Python warns
            return
        await self._in_order(update, coroutine)
        await self.gate.finish(update.update_id)

    async def _in_order(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:  # inline queries belong to no chat
            async with self._workers:
                await coroutine
            return
        lock, queued = self._chats.get(chat.id) or (asyncio.Lock(), 0)
        self._chats[chat.id] = (lock, queued + 1)
        try:
            async with lock, self._workers:
                await coroutine
        finally:
            lock, queued = self._chats[chat.id]
            if queued == 1:
                del self._chats[chat.id]  # nobody waiting: forget the chat
            else:
                self._chats[chat.id] = (lock, queued - 1)

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        if self.gate is not None:
            self.gate.close()
