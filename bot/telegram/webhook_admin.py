"""`jianfu webhook set|delete|info`: the one-time calls a deployment makes, by the operator.

Replicas never call setWebhook or setMyCommands when they start: N replicas would repeat them
N times at every restart. The operator runs `jianfu webhook set` once per deployment (and
after changing the URL, secret or menus).
"""

from __future__ import annotations

import argparse
from typing import Any

from telegram import Bot, BotCommandScopeAllGroupChats, BotCommandScopeAllPrivateChats, Update
from telegram.error import InvalidToken, TelegramError

from bot.errors import ConfigError, JianfuError
from bot.settings import Settings
from bot.telegram.botapi import SHAPE_ERRORS, is_not_bot_api

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
MAX_CONNECTIONS = 100  # Telegram's own maximum: updates in flight at once, across replicas


def _bot(settings: Settings) -> Bot:
    from bot.telegram.app import api_urls

    base, files = api_urls(settings.api_base_url)
    return Bot(settings.require_token(), base_url=base, base_file_url=files)


async def _call(settings: Settings, what: str, action: Any) -> Any:
    """`action` on a started Bot; any failure is one line, the token masked: a rejected token
    as `jianfu run` says it, anything else naming `what`."""
    from bot.telegram.app import NOT_BOT_API, REJECTED, api_urls

    token = settings.require_token()
    base = api_urls(settings.api_base_url)[0]
    not_the_api = f"{what} failed: " + NOT_BOT_API.format(base=base)
    try:
        async with _bot(settings) as bot:
            return await action(bot)
    except TelegramError as exc:
        # A web page where the API should be (a wrong TELEGRAM_API_BASE_URL) says nothing of
        # the token, though PTB calls a 404 page an InvalidToken: as `jianfu run` reads it.
        if is_not_bot_api(exc):
            raise JianfuError(not_the_api) from None
        if isinstance(exc, InvalidToken):
            raise ConfigError(REJECTED) from None
        raise JianfuError(f"{what} failed: {str(exc).replace(token, '<token>')}") from None
    except SHAPE_ERRORS:  # JSON, but not the Bot API's: PTB reads `result` on trust
        raise JianfuError(not_the_api) from None


async def webhook_set(settings: Settings) -> str:
    from bot.telegram.handlers.commands import GROUP_COMMANDS, PRIVATE_COMMANDS

    url, secret = settings.require_webhook()

    async def action(bot: Bot) -> None:
        await bot.set_webhook(
            url, secret_token=secret, allowed_updates=ALLOWED_UPDATES,
            max_connections=MAX_CONNECTIONS,
        )  # fmt: skip
        await bot.set_my_commands(PRIVATE_COMMANDS, scope=BotCommandScopeAllPrivateChats())
        await bot.set_my_commands(GROUP_COMMANDS, scope=BotCommandScopeAllGroupChats())

    await _call(settings, "setWebhook", action)
    return f"webhook set: {url} (and the command menus published)"


async def webhook_delete(settings: Settings, drop_pending: bool = False) -> str:
    async def action(bot: Bot) -> None:
        await bot.delete_webhook(drop_pending_updates=drop_pending)

    await _call(settings, "deleteWebhook", action)
    return "webhook deleted" + (" and pending updates dropped" if drop_pending else "")


async def webhook_info(settings: Settings) -> str:
    async def action(bot: Bot) -> Any:
        return await bot.get_webhook_info()

    info = await _call(settings, "getWebhookInfo", action)
    lines = [
        f"url: {info.url or '(none: the bot uses long polling)'}",
        f"pending updates: {info.pending_update_count}",
    ]
    if info.max_connections:
        lines.append(f"max connections: {info.max_connections}")
    if info.last_error_message:
        lines.append(f"last error: {info.last_error_message} ({info.last_error_date})")
    return "\n".join(lines)


async def refuse_to_drop_webhook(settings: Settings) -> None:
    """Polling would delete a webhook in use: stop with a clear message instead."""

    async def action(bot: Bot) -> Any:
        return await bot.get_webhook_info()

    info = await _call(settings, "getWebhookInfo", action)
    if info.url:
        raise ConfigError(
            f"this bot has a webhook set ({info.url}): another deployment may be receiving its "
            "updates. Long polling would delete it. Run `jianfu webhook delete` first, or "
            "`jianfu run --replace-webhook` to delete it and poll anyway."
        )


def cmd_webhook(args: argparse.Namespace) -> int:
    import asyncio

    settings: Settings = args.settings
    if args.webhook_command == "set":
        print(asyncio.run(webhook_set(settings)))
    elif args.webhook_command == "delete":
        print(asyncio.run(webhook_delete(settings, args.drop_pending_updates)))
    else:
        print(asyncio.run(webhook_info(settings)))
    return 0
