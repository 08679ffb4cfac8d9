"""What every handler shares: the bot's typed state, how a reply is sent, how its buttons are
encoded, and the one question path that private chats, /ask, replies and mentions go through.

Callback data (always well under Telegram's 64 bytes; fact and topic ids are ≤ 40 ASCII, pages
≤ 4 digits, question ids ≤ 18 digits, tokens 16):
  more:<fact_id>[:<page>]  fact:<fact_id>  topic:<topic_id>[:<page>]  topics[:<page>]
  fb:<question_id>:<1|0>:<token>
"""

from __future__ import annotations

import asyncio
import html
from typing import TYPE_CHECKING, Any

from telegram import (
    Chat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType
from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.answer.render import Button, Reply
from bot.answer.service import Service
from bot.telegram.answered import AnsweredMessages
from bot.telegram.budget import GroupBudget
from bot.telegram.own_name import OwnName

if TYPE_CHECKING:
    from bot.telegram.replica import Coordination


class BotState:
    """application.bot_data, typed: set once by build_application before anything runs."""

    service: Service
    admin_ids: frozenset[int]
    limiter: GroupBudget
    watch_seconds: float
    coordination: Coordination

    def __init__(self) -> None:
        self.tasks: list[asyncio.Task[None]] = []  # background work, cancelled at shutdown
        self.watch_polling = False  # stop the bot if PTB's polling loop gives up (app.py)
        self.polling_error: BaseException | None = None  # why it gave up, if it did
        self.own_name = OwnName()  # refreshes the username after a rename (gate.py)
        self.answered = AnsweredMessages()  # group questions answered a while ago


Context = CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], BotState]
CONTEXT_TYPES = ContextTypes(bot_data=BotState)
App = Application[ExtBot[Any], Context, dict[Any, Any], dict[Any, Any], BotState, Any]


def command_of(message: Message) -> tuple[str, str] | None:
    """(name, @target) of the command a message starts with, as Telegram marked it, so that
    "/start/start" is /start; None when it starts with none."""
    entity = next((e for e in message.entities if e.type == MessageEntity.BOT_COMMAND), None)
    if entity is None or entity.offset != 0:
        return None
    name, _, target = message.parse_entity(entity)[1:].partition("@")
    return name.lower(), target


def is_group(chat: Chat | None) -> bool:
    return chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


def callback_data(button: Button) -> str:
    return f"{button.action}:{button.arg}" if button.arg else button.action


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's buttons as Telegram's inline keyboard; None when it has none."""
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=callback_data(b)) for b in row]
         for row in reply.buttons]
    )  # fmt: skip


async def send(
    context: Context,
    message: Message,
    reply: Reply | str,
    quote_id: int | None = None,
) -> Message:
    """Send a reply (or one plain sentence) into `message`'s chat; in groups quote `message`
    (or the message `quote_id`: the question someone asked the bot to answer, or the bot's
    earlier answer), so the asker sees it is theirs. HTML is the Application's default parse
    mode. The message sent."""
    if isinstance(reply, str):
        text, markup = html.escape(reply), None
    else:
        text, markup = reply.html, keyboard(reply)
    quote = None
    if is_group(message.chat):
        # allow_sending_without_reply: the asker may delete the question before we answer.
        quoted = message.message_id if quote_id is None else quote_id
        quote = ReplyParameters(quoted, allow_sending_without_reply=True)
    return await context.bot.send_message(
        message.chat.id,
        text,
        reply_markup=markup,
        reply_parameters=quote,
        message_thread_id=message.message_thread_id if message.is_topic_message else None,
    )


async def answer_question(
    update: Update, context: Context, question: str, quote_message: Message | None = None
) -> None:
    """The one question path: ask the service, send its reply with its buttons (quoting
    `quote_message` when the question was taken from it)."""
    message = update.effective_message
    if message is None:
        return
    user = update.effective_user
    service = context.bot_data.service
    private = message.chat.type == ChatType.PRIVATE
    # The matcher is quick, but the question log may wait on disk: keep the loop free.
    reply = await asyncio.to_thread(
        service.ask,
        question,
        str(message.chat.type),  # the plain string, not PTB's enum, goes to the log
        user.id if user else None,
        conversation=message.chat.id if private else None,
        chat=message.chat.id,
    )
    asked = (quote_message or message).message_id
    sent = await send(context, message, reply, quote_id=asked)
    if is_group(message.chat):  # a later bare reply to the question points here (answered.py)
        context.bot_data.answered.remember(message.chat.id, asked, sent.message_id)
