"""Private chats: every text message is a question; anything else gets a one-line nudge."""

from __future__ import annotations

import html

from telegram import Update

from bot.telegram.handlers import Context, answer_question, send_html, state


async def nudge(update: Update, context: Context) -> None:
    """Stickers, photos, voice notes, blank text: ask for a written question instead."""
    message = update.effective_message
    if message is not None:
        texts = state(context).service.matcher.texts
        await send_html(context, message, html.escape(texts.get("empty_question")))


async def on_private_text(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or not (message.text or "").strip():
        await nudge(update, context)
        return
    await answer_question(update, context, message.text or "")
