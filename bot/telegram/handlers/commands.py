"""/start (with deep links), /help, /topics, /about, and the command menu Telegram shows.

Deep links (t.me/<bot>?start=<payload>): `topics` lists the topics; `fact-<id>` or `f_<id>`
shows that fact; anything else gets the start text. Unknown commands get the help text in
private chats and are ignored in groups, where they are probably meant for another bot.
"""

from __future__ import annotations

import html
import logging

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.error import TelegramError

from bot.answer.render import bullets, fact_lines, help_lines
from bot.telegram.handlers import App, Context, answer_question, group_allows, send_html, state
from bot.telegram.handlers.buttons import fact_keyboard, topics_html, topics_keyboard

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
_FACT_PREFIXES = ("fact-", "f_")
log = logging.getLogger(__name__)


async def register_commands(application: App) -> None:
    """post_init: publish the menus; admin commands are deliberately left out."""
    bot = application.bot
    try:
        await bot.set_my_commands(PRIVATE_COMMANDS, scope=BotCommandScopeAllPrivateChats())
        await bot.set_my_commands(GROUP_COMMANDS, scope=BotCommandScopeAllGroupChats())
    except TelegramError as exc:  # a missing menu is no reason not to answer questions
        log.warning("could not publish the command menus: %s", type(exc).__name__)


async def on_start(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or not await group_allows(update, context):
        return
    kb, texts = state(context).service.matcher.kb, state(context).service.matcher.texts
    payload = context.args[0] if context.args else ""
    if payload == "topics":
        await send_html(context, message, topics_html(texts), topics_keyboard(kb))
        return
    for prefix in _FACT_PREFIXES:
        fact = kb.by_id.get(payload.removeprefix(prefix)) if payload.startswith(prefix) else None
        if fact is not None:
            html_text = fact_lines(fact, kb, texts)[1]
            await send_html(context, message, html_text, fact_keyboard(fact, texts))
            return
    await send_html(context, message, html.escape(texts.get("start")))


def help_html(context: Context) -> str:
    return help_lines(state(context).service.matcher.texts)[1]


async def on_help(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is not None and await group_allows(update, context):
        await send_html(context, message, help_html(context))


async def on_topics(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is not None and await group_allows(update, context):
        matcher = state(context).service.matcher
        await send_html(context, message, topics_html(matcher.texts), topics_keyboard(matcher.kb))


async def on_about(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or not await group_allows(update, context):
        return
    matcher = state(context).service.matcher
    sources = bullets(seed.citation for seed in matcher.kb.seeds.values())
    text = matcher.texts.get("about", sources=sources, fact_count=len(matcher.kb.facts))
    await send_html(context, message, html.escape(text))


async def on_unknown_command(update: Update, context: Context) -> None:
    """Private chats only: an unknown command is treated as a question, so it gets the same
    not-found reply a non-admin's /stats gets — nothing tells which commands exist."""
    message = update.effective_message
    if message is not None:
        await answer_question(update, context, message.text or "")
