"""Private chats: every text message is a question; anything else gets a one-line nudge."""

from __future__ import annotations

from telegram import Update

from bot.telegram.context import Context, answer_question, send


async def nudge(update: Update, context: Context) -> None:
    """Stickers, photos, voice notes, blank text: ask for a written question instead."""
    message = update.effective_message
    if message is not None:
        await send(context, message, context.bot_data.service.text("empty_question"))


async def on_private_text(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or not (message.text or "").strip():
        await nudge(update, context)
        return
    await answer_question(update, context, message.text or "")
