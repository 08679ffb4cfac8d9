"""`jianfu run`: the Telegram bot. Builds the PTB Application, wires handlers, polls or serves.

This is the composition root of the Telegram front end: it gets the Settings, opens the
question log, builds the answer service and hands the handlers nothing else. Long polling is
the single-process default; `--webhook` runs one of N replicas (bot/telegram/replica.py).
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.answer.heap import freeze_built
from bot.answer.service import Service
from bot.errors import ConfigError, JianfuError
from bot.settings import DEFAULT_API, Settings
from bot.telegram.botapi import SHAPE_ERRORS, UpdatesRequest, is_not_bot_api
from bot.telegram.budget import GROUP_PERIOD, GROUP_QUESTIONS, GroupBudget
from bot.telegram.context import CONTEXT_TYPES, App
from bot.telegram.gate import group_budget
from bot.telegram.handlers import admin, buttons, commands, errors, group, inline, private
from bot.telegram.order import PerChatOrder
from bot.telegram.redact import install_redaction
from bot.telegram.replica import Coordination, start_background
from bot.telegram.retry import RetryingLimiter
from bot.telegram.shared_flow import SharedFloodLimiter, UpdateGate

log = logging.getLogger(__name__)

# What we handle; everything else (edits, channel posts, member changes) is never fetched.
ALLOWED_UPDATES = (Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY)
CONCURRENT_UPDATES = 64
REJECTED = "Telegram rejected TELEGRAM_BOT_TOKEN (check it with @BotFather)"
NOT_BOT_API = (
    "the API at {base} answered something that is not the Bot API"
    " (check TELEGRAM_API_BASE_URL; the token was not judged)"
)
# Where PTB's Updater keeps its polling loop's task (Updater.__polling_task, name-mangled);
# tests/test_token_redaction.py fails if a PTB upgrade moves it.
POLLING_TASK = "_Updater__polling_task"
WATCH_PAUSE = 0.2  # seconds between looks; only how soon the bot stops, never whether


def add_handlers(application: App) -> None:
    private_chat, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    new = filters.UpdateType.MESSAGE  # edits are ignored: the first answer stands
    application.add_handler(TypeHandler(Update, group_budget), group=-1)
    application.add_handlers([
        CommandHandler(["start", "help", "topics", "about"], commands.on_command, filters=new),
        CommandHandler("ask", group.on_ask, filters=new),
        CommandHandler("stats", admin.on_stats, filters=new),
        CommandHandler("unanswered", admin.on_unanswered, filters=new),
        CommandHandler("reload", admin.on_reload, filters=new),
        MessageHandler(new & private_chat & filters.COMMAND, commands.on_unknown_command),
        MessageHandler(new & private_chat & filters.TEXT, private.on_private_text),
        MessageHandler(new & private_chat & ~filters.StatusUpdate.ALL, private.nudge),
        MessageHandler(new & groups & filters.TEXT & ~filters.COMMAND, group.on_group_text),
        CallbackQueryHandler(buttons.on_browse, pattern=buttons.BROWSE_PATTERN),
        CallbackQueryHandler(buttons.on_feedback, pattern=buttons.FEEDBACK_PATTERN),
        CallbackQueryHandler(buttons.on_expired),
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
    watch_seconds: float = 0.0,
    coordination: Coordination | None = None,
    polling: bool = True,
) -> App:
    """The Application, ready to initialize: handlers, state, limiters, command menu.

    `coordination`: the state shared with other replicas (update claims; with PostgreSQL also
    the group budgets and flood limits). `polling`: claims are taken by the update processor;
    in webhook mode the server takes them itself."""
    base, files = api_urls(base_url)
    co = coordination or Coordination()
    flood: SharedFloodLimiter | AIORateLimiter | None = None
    if rate_limit:
        flood = (
            SharedFloodLimiter(co.shared, co.guard, co.chat_key)
            if co.across_replicas
            else AIORateLimiter(max_retries=3)
        )
    gate = UpdateGate(co.shared, co.guard, polling=True) if polling and co.shared else None
    application: App = (
        ApplicationBuilder()
        .token(token)
        .base_url(base)
        .base_file_url(files)
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .context_types(CONTEXT_TYPES)
        # A small pool of kept-alive connections: httpx's pool costs CPU per open connection
        # on every request, and the flood limits never need many at once; a send waits for a
        # free connection rather than fail.
        .connection_pool_size(16)
        .pool_timeout(10.0)
        .rate_limiter(RetryingLimiter(flood, base_delay=retry_delay))
        .get_updates_request(UpdatesRequest())  # an update PTB cannot read costs only itself
        .concurrent_updates(PerChatOrder(CONCURRENT_UPDATES, gate=gate))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    state = application.bot_data
    state.service, state.admin_ids = service, admin_ids
    shared = co.shared if co.across_replicas else None
    state.limiter = GroupBudget(*group_limit, shared=shared, guard=co.guard, chat_key=co.chat_key)
    state.watch_seconds = watch_seconds
    state.coordination = co
    add_handlers(application)
    return application


async def _watch_polling(application: App) -> None:
    """PTB gives up polling for good on some errors (a web page where the Bot API should be
    reads as a bad token) yet keeps the process alive, answering nobody. Stop instead: the
    closing line says why, and a supervisor can restart the bot.

    Every state waited on here lasts once reached, so none can slip past between two looks:
    the Updater keeps its polling task (finished or not) until it is stopped, a finished task
    stays finished, and the application stays running until stopped. (The event loop's own
    task list, searched by name before, drops a task the moment it ends: an error answered
    within one look's pause went unseen and the process stayed up, answering nobody.)"""
    while (task := _polling_task(application)) is None:
        await asyncio.sleep(WATCH_PAUSE)
    await asyncio.wait({task})
    if task.cancelled() or task.exception() is None:
        return  # polling stopped on request: the bot is shutting down anyway
    # run_polling starts the application after polling, and stop_running before that point
    # only sets a mark nobody reads any more: wait until stopping it means stopping the loop.
    while not application.running:
        await asyncio.sleep(WATCH_PAUSE)
    application.bot_data.polling_error = task.exception()
    application.stop_running()


def _polling_task(application: App) -> asyncio.Task[object] | None:
    """The Updater's polling loop, from the Updater itself: it holds the task from its start
    until Updater.stop(), so a task that already ended is still found."""
    task: asyncio.Task[object] | None = getattr(application.updater, POLLING_TASK, None)
    return task


async def _post_init(application: App) -> None:
    """Polling start-up (run_polling calls it): the menus, then the background work. Webhook
    replicas leave the menus to `jianfu webhook set`."""
    await commands.register_commands(application)
    state = application.bot_data
    if state.watch_polling:
        state.tasks.append(asyncio.create_task(_watch_polling(application)))
    start_background(application)


async def _post_shutdown(application: App) -> None:
    for task in application.bot_data.tasks:
        task.cancel()
    if application.bot_data.coordination.guard is not None:
        application.bot_data.coordination.guard.stop_probing()


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
    except TelegramError as exc:
        if is_not_bot_api(exc):  # e.g. a web server's 404 page: it says nothing of the token
            raise ConfigError(NOT_BOT_API.format(base=base)) from None
        if isinstance(exc, InvalidToken):
            raise ConfigError(REJECTED) from None
        why = str(exc).replace(token, "<token>")
        raise JianfuError(f"cannot reach the Telegram Bot API at {base}: {why}") from None
    except SHAPE_ERRORS:  # JSON, but not the Bot API's: PTB reads `result` on trust
        raise ConfigError(NOT_BOT_API.format(base=base)) from None


def run_bot(
    settings: Settings,
    *,
    webhook: bool,
    listen: str,
    port: int,
    rate_limit: bool,
    replace_webhook: bool = False,
) -> int:
    """Run until interrupted; a missing or rejected token is one clear line and exit 2."""
    from bot.questionlog.store import open_configured
    from bot.telegram.replica import open_coordination, run_replica
    from bot.telegram.webhook_admin import refuse_to_drop_webhook

    token = settings.require_token()
    hook = settings.require_webhook() if webhook else None
    install_redaction(token, settings.webhook_secret, settings.hash_key)  # before any logging
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    for noisy in ("httpx", "httpcore"):  # request lines carry the bot token in the URL
        logging.getLogger(noisy).setLevel(logging.WARNING)
    asyncio.run(_preflight(token, settings.api_base_url))
    if hook is None and not replace_webhook:
        # run_polling deletes the webhook: never silently take a running deployment's updates.
        asyncio.run(refuse_to_drop_webhook(settings))

    storage = open_configured(settings)
    coordination = open_coordination(storage, settings)
    try:
        service = Service(settings.kb_root, coordination.log, cache_dir=settings.cache_dir)
        freeze_built()  # the matcher lives until a reload: out of the collector's passes
        application = build_application(
            token, service, base_url=settings.api_base_url, admin_ids=settings.admin_ids,
            rate_limit=rate_limit, watch_seconds=settings.watch_seconds,
            coordination=coordination, polling=hook is None,
        )  # fmt: skip
        log.info("knowledge base: %d facts; starting", service.fact_count)
        if hook is None:
            application.bot_data.watch_polling = True
            application.run_polling(allowed_updates=ALLOWED_UPDATES)
            if application.bot_data.polling_error is not None:
                raise application.bot_data.polling_error
        else:
            asyncio.run(run_replica(application, settings, listen, port))
    except InvalidToken as exc:  # revoked since the preflight, or the API turned odd
        if is_not_bot_api(exc):
            raise ConfigError(NOT_BOT_API.format(base=api_urls(settings.api_base_url)[0])) from None
        raise ConfigError(REJECTED) from None
    except TelegramError as exc:  # polling gave up on another error
        why = str(exc).replace(token, "<token>")
        raise JianfuError(f"the Bot API stopped answering: {why}") from None
    finally:
        coordination.close()
    return 0
