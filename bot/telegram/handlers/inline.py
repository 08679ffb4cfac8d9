"""Inline mode: `@botname 问题` in any chat offers matching facts to post there.

A question lists up to 10 facts the answer service offers; choosing one posts the full answer.
An empty query lists the topics, each posting that topic's measures. Nothing matching: no
results, only a button into the private chat. Inline queries are not logged: they arrive
keystroke by keystroke and would flood the log with fragments. No buttons ride on the posted
messages: a button there has no chat to answer in.
"""

from __future__ import annotations

import asyncio

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Update,
)

from bot.telegram.context import Context

CACHE_SECONDS = 30
QUERY_CHARS = 256  # Telegram's own cap on inline queries


async def on_inline_query(update: Update, context: Context) -> None:
    query = update.inline_query
    if query is None:
        return
    service = context.bot_data.service
    text = query.query.strip()[:QUERY_CHARS]
    choices = await asyncio.to_thread(service.inline, text)
    results = [
        InlineQueryResultArticle(
            id=c.id,
            title=c.title,
            description=c.description,
            input_message_content=InputTextMessageContent(c.html),
        )
        for c in choices
    ]
    hint = "inline_topics_hint" if not text else None if results else "inline_nothing"
    button = None
    if hint is not None:  # a way into the private chat when there is nothing to pick
        button = InlineQueryResultsButton(service.text(hint), start_parameter="topics")
    await query.answer(results, cache_time=CACHE_SECONDS, is_personal=False, button=button)
