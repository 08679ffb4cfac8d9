"""Groups and supergroups: answer only when addressed, never chime in on chatter.

Addressed means `/ask 问题` (or `/ask@botname 问题`, the form Telegram clients send in groups
with several bots), a reply to one of the bot's own messages, or, when privacy mode is off
and every message arrives, an @botname mention. Everything else is ignored. The group's
question budget is spent before these run (see bot/telegram/gate.py).

A bare `@botname` or `/ask` (no words of its own) replying to a colleague's message asks the
bot that message's question: the answer quotes the colleague's message. Replying that way to
a message with no text (a sticker, a photo without caption) or to the bot itself gets the
usage line, as a bare mention always did.

A message the bot has answered (asked by reply or in its own words) is answered once: a
later bare `@botname` or `/ask` replying to it gets `already_answered` as a reply to the
answer, for no question budget, while answered.py remembers it.
"""

from __future__ import annotations

from telegram import Message, MessageEntity, Update

from bot.telegram.answered import AnsweredMessages
from bot.telegram.context import Context, answer_question, command_of, is_group, send


def after_command(text: str) -> str:
    """'/ask@bot  问题 …' -> '问题 …' (any whitespace, newlines included, may follow)."""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def _without_our_mentions(message: Message, bot_id: int, username: str) -> tuple[str, bool]:
    """The message's text (or a photo's caption) without this bot's mentions, and whether it
    had any: `@username`, or a text_mention (a name linked to the bot's user id, which needs no
    username and so survives a rename)."""
    kinds: list[str | None] = [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
    if message.text is not None:
        text, found = message.text, message.parse_entities(kinds)
    else:
        text, found = message.caption or "", message.parse_caption_entities(kinds)
    ours = [
        entity
        for entity, mention in found.items()
        if (entity.user.id == bot_id if entity.user else mention.lower() == f"@{username}".lower())
    ]
    # Cut the mentions out where Telegram marked them (offsets count UTF-16 code units), so a
    # display name that also occurs as a word elsewhere in the question stays there.
    units, kept, at = text.encode("utf-16-le"), [], 0
    for entity in sorted(ours, key=lambda e: e.offset):
        kept.append(units[2 * at : 2 * entity.offset].decode("utf-16-le"))
        at = entity.offset + entity.length
    kept.append(units[2 * at :].decode("utf-16-le"))
    return " ".join(" ".join(kept).split()), bool(ours)


def addressed_to_bot(message: Message, bot_id: int, username: str) -> tuple[str, bool]:
    """The text without this bot's @mentions, and whether the message is meant for the bot
    (a reply to one of its messages, or a mention)."""
    text, mentioned = _without_our_mentions(message, bot_id, username)
    replied = message.reply_to_message
    to_bot = bool(replied and replied.from_user and replied.from_user.id == bot_id)
    return text, to_bot or mentioned


def replied_question(message: Message, bot_id: int, username: str) -> tuple[str, Message | None]:
    """The question in the group message `message` replies to, and that message; ("", None)
    when there is none: no reply, a reply to the bot or to an answer sent through its inline
    mode, a command (answered when it was sent), or a message without text."""
    replied = message.reply_to_message
    if replied is None or not is_group(message.chat):
        return "", None
    by_bot = replied.from_user is not None and replied.from_user.id == bot_id
    via_bot = replied.via_bot is not None and replied.via_bot.id == bot_id  # our inline answer
    if by_bot or via_bot or command_of(replied):
        return "", None
    question = _without_our_mentions(replied, bot_id, username)[0]
    return question, replied if question else None


def answered_reply(message: Message, answered: AnsweredMessages) -> int | None:
    """The bot's answer to the group message `message` replies to, while remembered."""
    replied = message.reply_to_message
    if replied is None or not is_group(message.chat):
        return None
    return answered.answer_to(message.chat.id, replied.message_id)


def is_bare_ask(message: Message, bot_id: int, username: str) -> bool:
    """A `/ask` or an @mention of the bot with no words of its own (what asks by reply)."""
    command = command_of(message)
    if command is not None:
        return command[0] == "ask" and not after_command(message.text or "")
    text, addressed = addressed_to_bot(message, bot_id, username)
    return addressed and not text


async def _answer_replied_or_usage(update: Update, context: Context, message: Message) -> None:
    """A bare /ask or @mention: point to the answer already given to the message it replies
    to, or answer the question there, or show how to ask."""
    answered = context.bot_data.answered
    answer = answered_reply(message, answered)
    if answer is not None:  # asked and answered: spent no budget (gate.py)
        replied = message.reply_to_message
        assert replied is not None  # answered_reply found the message it replies to
        if answered.take_pointer(message.chat.id, replied.message_id):
            pointer = context.bot_data.service.text("already_answered")
            await send(context, message, pointer, quote_id=answer)
        return
    question, replied = replied_question(message, context.bot.id, context.bot.username)
    if replied is None:
        usage = context.bot_data.service.usage(group=is_group(message.chat))
        await send(context, message, usage)
        return
    await answer_question(update, context, question, quote_message=replied)


async def on_ask(update: Update, context: Context) -> None:
    """/ask in any chat; in private chats plain text works too, but /ask must not fail."""
    message = update.effective_message
    if message is None:
        return
    question = after_command(message.text or "")
    if not question:
        await _answer_replied_or_usage(update, context, message)
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
        await _answer_replied_or_usage(update, context, message)
        return
    await answer_question(update, context, question)
