"""The group question budget, applied once for every handler (handler group -1).

An update that would make the bot post into a group (an addressed question, one of our
commands, a button that sends a message) spends one unit of that group's budget first. Over
budget, the group is told once (`slow_down`) and the update goes no further; a button gets the
notice as a toast instead. Everything else passes untouched, and so does a bare `@bot` or
`/ask` replying to a message already answered: it gets a pointer to the answer (group.py).

It runs before every other handler, so it is also where a group message naming someone other
than the bot's known username refreshes that name (a rename in BotFather, see own_name.py)
before PTB's command handlers and ours compare names.
"""

from __future__ import annotations

import contextlib

from telegram import Message, MessageEntity, Update
from telegram.error import BadRequest
from telegram.ext import ApplicationHandlerStop

from bot.telegram.budget import Verdict
from bot.telegram.context import Context, command_of, is_group, send
from bot.telegram.handlers.group import addressed_to_bot, answered_reply, is_bare_ask

# Commands that answer in groups; admin and unknown commands are ignored there, for free.
GROUP_COMMANDS = frozenset({"ask", "start", "help", "topics", "about"})


def _names_someone_else(message: Message, username: str) -> bool:
    """Whether `message` addresses a command or an @mention to a name other than ours."""
    ours = username.lower()
    command = command_of(message)
    if command is not None and command[1] and command[1].lower() != ours:
        return True
    mentions = message.parse_entities([MessageEntity.MENTION]).values()
    return any(found[1:].lower() != ours for found in mentions)


def _costs(message: Message, bot_id: int, username: str) -> bool:
    """Whether a handler will post for `message`. Only text is answered (app.py's filters):
    a photo captioned '@bot …' or a sticker replying to the bot gets nothing, so spends
    nothing, though addressed_to_bot reads a caption (for a question asked by reply)."""
    if message.text is None:
        return False
    command = command_of(message)  # read as the command handlers read it
    if command is not None:
        name, target = command
        return name in GROUP_COMMANDS and (not target or target.lower() == username.lower())
    return addressed_to_bot(message, bot_id, username)[1]


async def group_budget(update: Update, context: Context) -> None:
    state = context.bot_data
    query = update.callback_query
    if query is not None:
        message = query.message if isinstance(query.message, Message) else None
        sends = message is not None and is_group(message.chat)
        if sends and not (query.data or "").startswith("fb:"):
            assert message is not None
            if await state.limiter.hit(message.chat.id) is not Verdict.ALLOW:
                with contextlib.suppress(BadRequest):  # the query may have expired meanwhile
                    await query.answer(state.service.text("slow_down"))
                raise ApplicationHandlerStop
        return
    message = update.message  # edits are ignored anyway: the first answer stands
    if message is None or not is_group(message.chat):
        return
    if _names_someone_else(message, context.bot.username):
        await state.own_name.refresh(context.bot)
    if not _costs(message, context.bot.id, context.bot.username):
        return
    bare = is_bare_ask(message, context.bot.id, context.bot.username)
    if bare and answered_reply(message, state.answered) is not None:
        return  # asked and answered already: a pointer to the answer is free (group.py)
    verdict = await state.limiter.hit(message.chat.id)
    if verdict is Verdict.WARN:
        await send(context, message, state.service.text("slow_down"))
    if verdict is not Verdict.ALLOW:
        raise ApplicationHandlerStop
