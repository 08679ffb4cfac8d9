"""What the buttons under a reply do; routed by pattern (see add_handlers in app.py).

Browsing buttons (fact, more, topic, topics) ask the answer service for a reply and post it;
👍/👎 records a vote and removes itself. Anything else, or an id the current knowledge base no
longer has, gets the `expired_button` toast: old messages outlive reloads.
"""

from __future__ import annotations

import asyncio
import contextlib
import re

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest

from bot.answer.limits import TOAST_CHARS, clip
from bot.answer.render import Action, Button
from bot.telegram.context import Context, send

# \Z, not $: "$" also matches before a final newline ("topics\n"). A listing's later pages
# add ":<page>" (1-9999, bot/answer/limits.py); the first page's data is as it always was.
BROWSE_PATTERN = (
    r"^(?:(?:more|topic):[a-z0-9-]{1,40}(?::[1-9][0-9]{0,3})?"
    r"|fact:[a-z0-9-]{1,40}|topics(?::[1-9][0-9]{0,3})?)\Z"
)
FEEDBACK_PATTERN = r"^fb:\d{1,18}:[01]:[0-9a-f]{16}\Z"
FEEDBACK_PREFIX = "fb:"


async def _toast(query: CallbackQuery, text: str | None) -> None:
    # Telegram refuses a longer notice outright; texts.yaml's toasts are checked to fit, so
    # the clip only guards against a notice built some other way.
    if text is not None:
        text = clip(text, TOAST_CHARS)
    with contextlib.suppress(BadRequest):  # the query expired while we worked: nothing to do
        await query.answer(text)


def _message(query: CallbackQuery) -> Message | None:
    # No accessible message (inline-mode messages, or older than 48 h): nowhere to answer.
    return query.message if isinstance(query.message, Message) else None


async def on_browse(update: Update, context: Context) -> None:
    query = update.callback_query
    if query is None:
        return
    message = _message(query)
    service = context.bot_data.service
    data = query.data or ""
    # PTB hands a query with empty data to every pattern-routed handler: check it here too.
    if message is None or not re.match(BROWSE_PATTERN, data):
        await _toast(query, service.text("expired_button"))
        return
    action, _, arg = data.partition(":")
    outcome = service.press(Button("", _action(action), arg))
    if isinstance(outcome, str):
        await _toast(query, outcome)
        return
    await _toast(query, None)
    await send(context, message, outcome)


def _action(name: str) -> Action:
    for action in ("more", "fact", "topic", "topics"):
        if name == action:
            return action
    raise ValueError(name)  # unreachable: BROWSE_PATTERN admits only these


async def on_feedback(update: Update, context: Context) -> None:
    query = update.callback_query
    if query is None:
        return
    service = context.bot_data.service
    message = _message(query)
    data = query.data or ""
    if not re.match(FEEDBACK_PATTERN, data):  # empty data reaches every handler (see on_browse)
        await _toast(query, service.text("expired_button"))
        return
    _, qid, vote, token = data.split(":")
    # A vote counts only from the message its buttons are on, in the chat that message went
    # to: the data must be on this message's keyboard, and its token made for this chat.
    thanks = None
    if message is not None and data in _button_data(message):
        thanks = await asyncio.to_thread(
            service.feedback, int(qid), vote == "1", token, message.chat.id
        )
    if message is None or thanks is None:
        await _toast(query, service.text("expired_button"))
        return
    # One vote per answer: drop the 👍/👎 row, keep the rest of the keyboard.
    old = message.reply_markup.inline_keyboard if message.reply_markup else ()
    rows = [
        [b for b in row if not str(b.callback_data or "").startswith(FEEDBACK_PREFIX)]
        for row in old
    ]
    with contextlib.suppress(BadRequest):  # already edited, or too old to edit: vote counts
        await context.bot.edit_message_reply_markup(
            message.chat.id,
            message.message_id,
            reply_markup=InlineKeyboardMarkup([r for r in rows if r]),
        )
    await _toast(query, thanks)


def _button_data(message: Message) -> set[str]:
    rows = message.reply_markup.inline_keyboard if message.reply_markup else ()
    return {str(b.callback_data) for row in rows for b in row if b.callback_data is not None}


async def on_expired(update: Update, context: Context) -> None:
    """Any other button: data we never sent, or from a version that sent other data."""
    if update.callback_query is not None:
        await _toast(update.callback_query, context.bot_data.service.text("expired_button"))
