"""/stats, /unanswered, /reload: for the user ids in JIANFU_ADMIN_IDS, in private chats only.

Anyone else, anywhere else, must not learn these commands exist: in a private chat the text
goes down the ordinary question path (so the reply is exactly what asking it would give),
and in a group it is ignored like any command that is not ours. `/stats 7` and
`/unanswered 7` look at the last 7 days instead of 30.
"""

from __future__ import annotations

import asyncio

from telegram import Message, Update
from telegram.constants import ChatType

from bot.settings import is_whole_number
from bot.telegram.context import Context, answer_question, send

DEFAULT_DAYS = 30
MAX_DAYS = 366
CAPTION_LIMIT = 1024  # Telegram's photo caption limit


def _days(context: Context) -> int:
    arg = context.args[0] if context.args else ""
    return (
        min(int(arg), MAX_DAYS)
        if is_whole_number(arg, 1, 9_999)  # four digits at most, then capped
        else DEFAULT_DAYS
    )


async def _admin_message(update: Update, context: Context) -> Message | None:
    """The message when an admin asks in private; otherwise act as if not a command."""
    message, user = update.effective_message, update.effective_user
    if message is None or message.chat.type != ChatType.PRIVATE:
        return None
    if user is not None and user.id in context.bot_data.admin_ids:
        return message
    await answer_question(update, context, message.text or "")
    return None


async def on_stats(update: Update, context: Context) -> None:
    message = await _admin_message(update, context)
    if message is None:
        return
    service = context.bot_data.service
    chart = await asyncio.to_thread(service.stats, _days(context))
    if chart is None:
        await send(context, message, service.text("admin_no_log"))
        return
    png, caption = chart
    await context.bot.send_photo(message.chat.id, png, caption=caption[:CAPTION_LIMIT])


async def on_unanswered(update: Update, context: Context) -> None:
    message = await _admin_message(update, context)
    if message is not None:
        service = context.bot_data.service
        await send(context, message, await asyncio.to_thread(service.unanswered, _days(context)))


async def on_reload(update: Update, context: Context) -> None:
    message = await _admin_message(update, context)
    if message is not None:
        outcome = await asyncio.to_thread(context.bot_data.service.reload)
        await send(context, message, outcome.text)
