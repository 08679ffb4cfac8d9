"""`jianfu run`: the Telegram bot. Builds the PTB Application, wires handlers, polls or serves.

Settings come from the environment only (secrets never from files or flags):
  TELEGRAM_BOT_TOKEN        required
  TELEGRAM_API_BASE_URL     Bot API server (default https://api.telegram.org/bot)
  TELEGRAM_WEBHOOK_URL      --webhook: public URL (or --webhook-url)
  TELEGRAM_WEBHOOK_SECRET   --webhook: required; Telegram sends it back in a header
  JIANFU_ADMIN_IDS          comma-separated Telegram user ids allowed /stats, /unanswered, /reload
  JIANFU_DATA_DIR / DATABASE_URL   where the anonymous question log lives (see bot/storage.py)
  JIANFU_WATCH_SECONDS      how often to look for knowledge-base edits (default 5, 0 = off)
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import re
from collections.abc import Awaitable
from typing import Any
from urllib.parse import urlsplit

from telegram import Bot, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.answer.service import Service
from bot.answer.watch import KBWatcher
from bot.errors import ConfigError, JianfuError
from bot.telegram.flow import GROUP_PERIOD, GROUP_QUESTIONS, ChatLimiter, RetryingLimiter
from bot.telegram.handlers import (
    STATE_KEY,
    App,
    BotState,
    admin,
    buttons,
    commands,
    errors,
    group,
    inline,
    private,
)

log = logging.getLogger(__name__)

DEFAULT_API = "https://api.telegram.org/bot"
# What we handle; everything else (edits, channel posts, member changes) is never fetched.
ALLOWED_UPDATES = (Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY)
CONCURRENT_UPDATES = 64
REJECTED = "Telegram rejected TELEGRAM_BOT_TOKEN (check it with @BotFather)"
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class PerChatOrder(BaseUpdateProcessor):
    """Many chats at once, but one chat's updates in the order they came: answers to two quick
    questions must not swap. A chat's backlog waits before taking one of the `workers` slots,
    so one chat sending a flood cannot occupy them all and hold up everyone else. (PTB's own
    limit, applied first, only bounds how many updates may be waiting.)"""

    def __init__(self, workers: int, waiting: int = 4096) -> None:
        super().__init__(waiting)
        self._workers = asyncio.BoundedSemaphore(workers)
        self._chats: dict[int, tuple[asyncio.Lock, int]] = {}  # chat -> (lock, updates queued)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:  # inline queries belong to no chat
            async with self._workers:
                await coroutine
            return
        lock, queued = self._chats.get(chat.id) or (asyncio.Lock(), 0)
        self._chats[chat.id] = (lock, queued + 1)
        try:
            async with lock, self._workers:
                await coroutine
        finally:
            lock, queued = self._chats[chat.id]
            if queued == 1:
                del self._chats[chat.id]  # nobody waiting: forget the chat
            else:
                self._chats[chat.id] = (lock, queued - 1)

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass


def add_handlers(application: App) -> None:
    private_chat, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    new = filters.UpdateType.MESSAGE  # edits are ignored: the first answer stands
    application.add_handlers([
        CommandHandler("start", commands.on_start, filters=new),
        CommandHandler("help", commands.on_help, filters=new),
        CommandHandler("topics", commands.on_topics, filters=new),
        CommandHandler("about", commands.on_about, filters=new),
        CommandHandler("ask", group.on_ask, filters=new),
        CommandHandler("stats", admin.on_stats, filters=new),
        CommandHandler("unanswered", admin.on_unanswered, filters=new),
        CommandHandler("reload", admin.on_reload, filters=new),
        MessageHandler(new & private_chat & filters.COMMAND, commands.on_unknown_command),
        MessageHandler(new & private_chat & filters.TEXT, private.on_private_text),
        MessageHandler(new & private_chat & ~filters.StatusUpdate.ALL, private.nudge),
        MessageHandler(new & groups & filters.TEXT & ~filters.COMMAND, group.on_group_text),
        CallbackQueryHandler(buttons.on_button),
        InlineQueryHandler(inline.on_inline_query),
    ])  # fmt: skip
    application.add_error_handler(errors.on_error)


def build_application(
    token: str,
    service: Service,
    *,
    base_url: str = DEFAULT_API,
    admin_ids: frozenset[int] = frozenset(),
    rate_limit: bool = True,
    group_limit: tuple[int, float] = (GROUP_QUESTIONS, GROUP_PERIOD),
    retry_delay: float = 1.0,
) -> App:
    """The Application, ready to initialize: handlers, state, limiters, command menu."""
    base, files = api_urls(base_url)
    flood = AIORateLimiter(max_retries=3) if rate_limit else None
    application: App = (
        ApplicationBuilder()
        .token(token)
        .base_url(base)
        .base_file_url(files)
        .rate_limiter(RetryingLimiter(flood, base_delay=retry_delay))
        .concurrent_updates(PerChatOrder(CONCURRENT_UPDATES))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    limiter = ChatLimiter(*group_limit)
    application.bot_data[STATE_KEY] = BotState(service, admin_ids, limiter)
    add_handlers(application)
    return application


WATCH_TASK_KEY = "kb_watcher_task"


async def _post_init(application: App) -> None:
    await commands.register_commands(application)
    interval = watch_interval_from_env()
    if interval > 0:
        st: BotState = application.bot_data[STATE_KEY]

        async def tell_admins(text: str) -> None:
            for admin_id in st.admin_ids:  # an admin's private chat id is their user id
                try:
                    await application.bot.send_message(admin_id, text)
                except TelegramError as exc:  # the admin may never have started the bot
                    log.warning("could not tell an admin about a reload: %s", type(exc).__name__)

        watcher = KBWatcher(st.service, interval, tell_admins)
        application.bot_data[WATCH_TASK_KEY] = asyncio.create_task(watcher.run())


async def _post_shutdown(application: App) -> None:
    task = application.bot_data.pop(WATCH_TASK_KEY, None)
    if task is not None:
        task.cancel()


def watch_interval_from_env() -> float:
    """Seconds between looks at responses/ and seeds/ (JIANFU_WATCH_SECONDS, 0 turns it off)."""
    raw = os.environ.get("JIANFU_WATCH_SECONDS", "5")
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(
            "JIANFU_WATCH_SECONDS must be a number of seconds (0 to turn off)"
        ) from None
    return max(value, 0.0)


def admin_ids_from_env() -> frozenset[int]:
    raw = os.environ.get("JIANFU_ADMIN_IDS", "")
    ids = [part.strip() for part in raw.split(",") if part.strip()]
    if not all(re.fullmatch(r"-?\d+", i) for i in ids):
        raise ConfigError("JIANFU_ADMIN_IDS must be Telegram user ids separated by commas")
    return frozenset(int(i) for i in ids)


def _webhook_settings(args: argparse.Namespace) -> tuple[str, str, str]:
    url = args.webhook_url or os.environ.get("TELEGRAM_WEBHOOK_URL", "")
    secret = os.environ.get("TELEGRAM_WEBHOOK_SECRET", "")
    if not url.startswith("https://") and not url.startswith("http://"):
        raise ConfigError("--webhook needs --webhook-url or TELEGRAM_WEBHOOK_URL (https://…)")
    if not _SECRET.match(secret):
        raise ConfigError(
            "--webhook needs TELEGRAM_WEBHOOK_SECRET: 1-256 characters of A-Z a-z 0-9 _ -"
        )
    return url, urlsplit(url).path.lstrip("/"), secret


def api_urls(base_url: str) -> tuple[str, str]:
    """(base_url, base_file_url) for PTB; '…/bot' is added when the operator left it off."""
    base = base_url.rstrip("/")
    base = base if base.endswith("/bot") else base + "/bot"
    return base, base.removesuffix("/bot") + "/file/bot"


async def _preflight(token: str, base_url: str) -> None:
    """getMe once before PTB starts, so a bad token or dead API is one line, not a traceback
    (PTB's own start-up log would print the token)."""
    base, files = api_urls(base_url)
    try:
        async with Bot(token, base_url=base, base_file_url=files):
            pass
    except InvalidToken:
        raise ConfigError(REJECTED) from None
    except TelegramError as exc:
        why = str(exc).replace(token, "<token>")
        raise JianfuError(f"cannot reach the Telegram Bot API at {base}: {why}") from None


def run_bot(args: argparse.Namespace) -> int:
    """Run until interrupted; a missing or rejected token is one clear line and exit 2."""
    token = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set (get a token from @BotFather)")
    base_url = os.environ.get("TELEGRAM_API_BASE_URL", "").strip() or DEFAULT_API
    admins = admin_ids_from_env()
    watch_interval_from_env()  # a bad value is reported now, not from inside PTB's start-up
    webhook = _webhook_settings(args) if args.webhook else None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    for noisy in ("httpx", "httpcore"):  # request lines carry the bot token in the URL
        logging.getLogger(noisy).setLevel(logging.WARNING)
    asyncio.run(_preflight(token, base_url))

    from bot.questionlog.store import open_storage

    storage = open_storage()
    try:
        service = Service(args.kb_root, storage)
        application = build_application(
            token, service, base_url=base_url, admin_ids=admins, rate_limit=not args.no_rate_limit
        )
        log.info("knowledge base: %d facts; starting", len(service.matcher.kb.facts))
        if webhook is None:
            application.run_polling(allowed_updates=ALLOWED_UPDATES)
        else:
            url, path, secret = webhook
            application.run_webhook(
                listen=args.listen, port=args.port, url_path=path, webhook_url=url,
                secret_token=secret, allowed_updates=ALLOWED_UPDATES,
            )  # fmt: skip
    except InvalidToken:  # revoked between the preflight and PTB's own getMe
        raise ConfigError(REJECTED) from None
    finally:
        storage.close()
    return 0
