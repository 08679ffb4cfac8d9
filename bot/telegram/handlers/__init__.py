"""Telegram handlers, one module per feature; this module holds what they share.

Shared: the bot's state (service, admins, group limiter), how a chat is classified, how a
message is sent (HTML, quoting the asker in groups, inside the right forum topic) and the
question path that private chats, /ask, replies and mentions all go through.
"""

from __future__ import annotations

import asyncio
import html
from dataclasses import dataclass
from typing import Any

from telegram import Chat, InlineKeyboardMarkup, Message, ReplyParameters, Update
from telegram.constants import ChatType, MessageLimit, ParseMode
from telegram.ext import Application, ContextTypes

from bot.answer.service import Service
from bot.telegram.flow import ChatLimiter, Verdict

Context = ContextTypes.DEFAULT_TYPE
App = Application[Any, Any, Any, Any, Any, Any]
STATE_KEY = "jianfu"
# Nobody types a longer question; the cap bounds matcher work and what the log keeps.
MAX_QUESTION_CHARS = 500


@dataclass(frozen=True)
class BotState:
    """Everything the handlers need, kept in application.bot_data[STATE_KEY]."""

    service: Service
    admin_ids: frozenset[int]
    limiter: ChatLimiter


def state(context: Context) -> BotState:
    found = context.bot_data[STATE_KEY]
    assert isinstance(found, BotState)
    return found


def is_group(chat: Chat | None) -> bool:
    return chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


def fit_lines(lines: list[str], limit: int = MessageLimit.MAX_TEXT_LENGTH - 200) -> list[str]:
    """As many whole lines as fit in `limit` characters (admin lists can grow long)."""
    kept: list[str] = []
    used = 0
    for line in lines:
        used += len(line) + 1
        if used > limit:
            kept.append("…")
            break
        kept.append(line)
    return kept


async def send_html(
    context: Context,
    message: Message,
    html_text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Send into `message`'s chat; in groups quote `message` so the asker sees it is theirs."""
    quote = None
    if is_group(message.chat):
        # allow_sending_without_reply: the asker may delete the question before we answer.
        quote = ReplyParameters(message.message_id, allow_sending_without_reply=True)
    await context.bot.send_message(
        message.chat.id,
        html_text,
        parse_mode=ParseMode.HTML,
        reply_markup=markup,
        reply_parameters=quote,
        message_thread_id=message.message_thread_id if message.is_topic_message else None,
    )


async def group_allows(update: Update, context: Context) -> bool:
    """False when a group is over its question budget (telling it once); always True elsewhere."""
    message = update.effective_message
    if message is None or not is_group(message.chat):
        return True
    st = state(context)
    verdict = st.limiter.hit(message.chat.id)
    if verdict is Verdict.WARN:
        await send_html(context, message, html.escape(st.service.matcher.texts.get("slow_down")))
    return verdict is Verdict.ALLOW


async def answer_question(update: Update, context: Context, question: str) -> None:
    """The one question path: ask the service, send its HTML with the matching buttons."""
    from bot.telegram.handlers.buttons import reply_keyboard  # buttons imports this module

    message = update.effective_message
    user = update.effective_user
    if message is None:
        return
    st = state(context)
    question = question.strip()[:MAX_QUESTION_CHARS]
    # The matcher is quick, but the question log may wait on disk: keep the loop free.
    chat_type = str(message.chat.type)  # the plain string, not PTB's enum, goes to the log
    reply = await asyncio.to_thread(st.service.ask, question, chat_type, user.id if user else None)
    markup = reply_keyboard(reply, st.service.matcher.texts)
    await send_html(context, message, reply.html, markup)
