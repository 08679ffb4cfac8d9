"""Groups and supergroups: answer only when addressed, never chime in on chatter.

Addressed means `/ask 问题` (or `/ask@botname 问题`, the form Telegram clients send in groups
with several bots), a reply to one of the bot's own messages, or, when privacy mode is off
and every message arrives, an @botname mention. Everything else is ignored. The group's
question budget is spent before these run (see bot/telegram/gate.py).
"""

from __future__ import annotations

from telegram import Message, MessageEntity, Update

from bot.telegram.context import Context, answer_question, send


def after_command(text: str) -> str:
    """'/ask@bot  问题 …' -> '问题 …' (any whitespace, newlines included, may follow)."""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def addressed_to_bot(message: Message, bot_id: int, username: str) -> tuple[str, bool]:
    """The text without this bot's @mentions, and whether the message is meant for the bot
    (a reply to one of its messages, or a mention)."""
    text = message.text or ""
    ours = [
        found
        for found in message.parse_entities([MessageEntity.MENTION]).values()
        if found.lower() == f"@{username}".lower()
    ]
    for mention in ours:
        text = text.replace(mention, " ")
    replied = message.reply_to_message
    to_bot = bool(replied and replied.from_user and replied.from_user.id == bot_id)
    return " ".join(text.split()), to_bot or bool(ours)


async def on_ask(update: Update, context: Context) -> None:
    """/ask in any chat; in private chats plain text works too, but /ask must not fail."""
    message = update.effective_message
    if message is None:
        return
    question = after_command(message.text or "")
    if not question:
        await send(context, message, context.bot_data.service.text("ask_usage"))
        return
    await answer_question(update, context, question)


async def on_group_text(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    question, addressed = addressed_to_bot(message, context.bot.id, context.bot.username)
    if not addressed:
        return  # chatter: not for us
    if not question:
        await send(context, message, context.bot_data.service.text("ask_usage"))
        return
    await answer_question(update, context, question)
