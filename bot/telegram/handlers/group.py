"""Groups and supergroups: answer only when addressed, never chime in on chatter.

Addressed means `/ask 问题` (or `/ask@botname 问题`, the form Telegram clients send in groups
with several bots), a reply to one of the bot's own messages, or, when privacy mode is off
and every message arrives, an @botname mention. Everything else is ignored. Every addressed
question counts against the group's budget (see ratelimit.py) before it is matched.
"""

from __future__ import annotations

import html

from telegram import Message, MessageEntity, Update

from bot.telegram.handlers import Context, answer_question, group_allows, send_html, state


def _after_command(text: str) -> str:
    """'/ask@bot  问题 …' -> '问题 …' (any whitespace, newlines included, may follow)."""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


async def _usage(context: Context, message: Message) -> None:
    texts = state(context).service.matcher.texts
    await send_html(context, message, html.escape(texts.get("ask_usage")))


async def on_ask(update: Update, context: Context) -> None:
    """/ask in any chat; in private chats plain text works too, but /ask must not fail."""
    message = update.effective_message
    if message is None or not await group_allows(update, context):
        return
    question = _after_command(message.text or "")
    if not question:
        await _usage(context, message)
        return
    await answer_question(update, context, question)


def _without_mentions(message: Message, username: str) -> tuple[str, bool]:
    """The text with every @mention of this bot removed, and whether there was one."""
    text = message.text or ""
    ours = [
        found
        for found in message.parse_entities([MessageEntity.MENTION]).values()
        if found.lower() == f"@{username}".lower()
    ]
    for mention in ours:
        text = text.replace(mention, " ")
    return " ".join(text.split()), bool(ours)


async def on_group_text(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    replied = message.reply_to_message
    to_bot = bool(replied and replied.from_user and replied.from_user.id == context.bot.id)
    question, mentioned = _without_mentions(message, context.bot.username)
    if not (to_bot or mentioned):
        return  # chatter: not for us
    if not await group_allows(update, context):
        return
    if not question:
        await _usage(context, message)
        return
    await answer_question(update, context, question)
