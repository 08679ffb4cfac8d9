"""The last line of defence: log what broke (never who, never what they wrote), say sorry once.

Logs name the update's kind only: no user text, names or ids. The apology goes to the chat
the update came from, in one line, unless Telegram itself is refusing us there (blocked,
kicked) or the failure was in fetching updates, where there is nobody to tell.
"""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, TelegramError

from bot.telegram.context import Context, is_group, send

log = logging.getLogger(__name__)

_KINDS = (
    "message", "edited_message", "channel_post", "edited_channel_post", "callback_query",
    "inline_query", "chosen_inline_result", "my_chat_member", "chat_member",
)  # fmt: skip


def update_kind(update: object) -> str:
    if not isinstance(update, Update):
        return "no update" if update is None else type(update).__name__
    return next((k for k in _KINDS if getattr(update, k, None) is not None), "other update")


async def on_error(update: object, context: Context) -> None:
    error = context.error
    kind = update_kind(update)
    if update is None and isinstance(error, NetworkError):
        # Polling hiccups: PTB retries on its own; a traceback per blip is noise.
        log.warning("network trouble while fetching updates: %s", type(error).__name__)
        return
    log.error("error while handling %s: %s", kind, type(error).__name__, exc_info=error)
    if not isinstance(update, Update) or isinstance(error, Forbidden):
        return
    if update.callback_query is not None:
        with contextlib.suppress(TelegramError):  # stop the button's spinner
            await update.callback_query.answer()
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None or not (chat.type == "private" or is_group(chat)):
        return
    try:
        await send(context, message, context.bot_data.service.text("error"))
    except TelegramError as exc:
        log.warning("could not send the error notice either: %s", type(exc).__name__)
