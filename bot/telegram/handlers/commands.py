"""/start (with deep links), /help, /topics, /about, and the command menu Telegram shows.

Deep links (t.me/<bot>?start=<payload>): `topics` lists the topics; `fact-<id>` or `f_<id>`
shows that fact; anything else gets the start text. Unknown commands get the ordinary
question path in private chats and are ignored in groups, where they are probably meant for
another bot.
"""

from __future__ import annotations

import logging

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.error import TelegramError

from bot.telegram.context import App, Context, answer_question, command_of, is_group, send

# The command menu: short labels rather than sentences, so they live here, not in texts.yaml.
PRIVATE_COMMANDS = (
    BotCommand("start", "开始使用"),
    BotCommand("topics", "按主题浏览做法"),
    BotCommand("help", "怎么提问"),
    BotCommand("about", "资料来源"),
)
GROUP_COMMANDS = (
    BotCommand("ask", "提问，例如 /ask 会太多怎么办"),
    BotCommand("topics", "按主题浏览做法"),
    BotCommand("help", "怎么提问"),
    BotCommand("about", "资料来源"),
)
log = logging.getLogger(__name__)


async def register_commands(application: App) -> None:
    """Publish the menus; admin commands are deliberately left out."""
    bot = application.bot
    try:
        await bot.set_my_commands(PRIVATE_COMMANDS, scope=BotCommandScopeAllPrivateChats())
        await bot.set_my_commands(GROUP_COMMANDS, scope=BotCommandScopeAllGroupChats())
    except TelegramError as exc:  # a missing menu is no reason not to answer questions
        log.warning("could not publish the command menus: %s", type(exc).__name__)


async def on_command(update: Update, context: Context) -> None:
    """/start, /help, /topics, /about: whatever the answer service shows for them."""
    message = update.effective_message
    if message is None or not message.text:
        return
    command = command_of(message)
    if command is None:
        return
    name = command[0]
    payload = context.args[0] if context.args else ""
    reply = context.bot_data.service.command(name, payload, group=is_group(message.chat))
    if reply is not None:
        await send(context, message, reply)


async def on_unknown_command(update: Update, context: Context) -> None:
    """Private chats only: an unknown command is treated as a question, so it gets the same
    not-found reply a non-admin's /stats gets — nothing tells which commands exist."""
    message = update.effective_message
    if message is not None:
        await answer_question(update, context, message.text or "")
