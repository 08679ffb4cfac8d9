"""`jianfu run`: the Telegram bot. Builds the PTB Application, wires handlers, polls or serves.

This is the composition root of the Telegram front end: it gets the Settings, opens the
question log, builds the answer service and hands the handlers nothing else.
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

from bot.answer.service import Service
from bot.answer.watch import KBWatcher
from bot.errors import ConfigError, JianfuError
from bot.settings import DEFAULT_API, Settings
from bot.telegram.budget import GROUP_PERIOD, GROUP_QUESTIONS, ChatLimiter
from bot.telegram.context import CONTEXT_TYPES, App
from bot.telegram.gate import group_budget
from bot.telegram.handlers import admin, buttons, commands, errors, group, inline, private
from bot.telegram.order import PerChatOrder
from bot.telegram.redact import install_redaction
from bot.telegram.retry import RetryingLimiter

log = logging.getLogger(__name__)

# What we handle; everything else (edits, channel posts, member changes) is never fetched.
ALLOWED_UPDATES = (Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY)
CONCURRENT_UPDATES = 64
REJECTED = "Telegram rejected TELEGRAM_BOT_TOKEN (check it with @BotFather)"
NOT_BOT_API = (
    "the API at {base} answered something that is not the Bot API"
    " (check TELEGRAM_API_BASE_URL; the token was not judged)"
)
WATCH_TASK_KEY = "kb_watcher_task"
POLLING_TASK = "Updater:start_polling:polling_task"  # PTB's name for its polling loop


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
) -> App:
    """The Application, ready to initialize: handlers, state, limiters, command menu."""
    base, files = api_urls(base_url)
    flood = AIORateLimiter(max_retries=3) if rate_limit else None
    application: App = (
        ApplicationBuilder()
        .token(token)
        .base_url(base)
        .base_file_url(files)
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .context_types(CONTEXT_TYPES)
        .rate_limiter(RetryingLimiter(flood, base_delay=retry_delay))
        .concurrent_updates(PerChatOrder(CONCURRENT_UPDATES))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    state = application.bot_data
    state.service, state.admin_ids = service, admin_ids
    state.limiter = ChatLimiter(*group_limit)
    state.watch_seconds = watch_seconds
    add_handlers(application)
    return application


async def _watch_polling(application: App) -> None:
    """PTB gives up polling for good on some errors (a web page where the Bot API should be
    reads as a bad token) yet keeps the process alive, answering nobody. Stop instead: the
    closing line says why, and a supervisor can restart the bot."""
    while (task := _polling_task()) is None:
        await asyncio.sleep(0.2)
    await asyncio.wait({task})
    if not task.cancelled() and task.exception() is not None and application.running:
        application.bot_data.polling_error = task.exception()
        application.stop_running()


def _polling_task() -> asyncio.Task[object] | None:
    return next((t for t in asyncio.all_tasks() if t.get_name() == POLLING_TASK), None)


async def _post_init(application: App) -> None:
    await commands.register_commands(application)
    state = application.bot_data
    if state.watch_polling:
        state.tasks.append(asyncio.create_task(_watch_polling(application)))
    if state.watch_seconds <= 0:
        return

    async def tell_admins(text: str) -> None:
        for admin_id in state.admin_ids:  # an admin's private chat id is their user id
            try:
                await application.bot.send_message(admin_id, text, parse_mode=None)
            except TelegramError as exc:  # the admin may never have started the bot
                log.warning("could not tell an admin about a reload: %s", type(exc).__name__)

    watcher = KBWatcher(state.service, state.watch_seconds, tell_admins)
    state.tasks.append(asyncio.create_task(watcher.run()))


async def _post_shutdown(application: App) -> None:
    for task in application.bot_data.tasks:
        task.cancel()


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
        if _not_bot_api(exc):  # e.g. a web server's 404 page: it says nothing of the token
            raise ConfigError(NOT_BOT_API.format(base=base)) from None
        if isinstance(exc, InvalidToken):
            raise ConfigError(REJECTED) from None
        why = str(exc).replace(token, "<token>")
        raise JianfuError(f"cannot reach the Telegram Bot API at {base}: {why}") from None


def _not_bot_api(exc: BaseException | None) -> bool:
    """The answer was not the Bot API's JSON (PTB then says "Invalid server response")."""
    while exc is not None:
        if isinstance(exc, TelegramError) and exc.message == "Invalid server response":
            return True
        exc = exc.__cause__
    return False


def run_bot(settings: Settings, *, webhook: bool, listen: str, port: int, rate_limit: bool) -> int:
    """Run until interrupted; a missing or rejected token is one clear line and exit 2."""
    from urllib.parse import urlsplit

    from bot.questionlog.store import open_configured

    token = settings.require_token()
    hook = settings.require_webhook() if webhook else None
    install_redaction(token, settings.webhook_secret, settings.hash_key)  # before any logging
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    for noisy in ("httpx", "httpcore"):  # request lines carry the bot token in the URL
        logging.getLogger(noisy).setLevel(logging.WARNING)
    asyncio.run(_preflight(token, settings.api_base_url))

    storage = open_configured(settings)
    try:
        service = Service(settings.kb_root, storage, cache_dir=settings.cache_dir)
        application = build_application(
            token, service, base_url=settings.api_base_url, admin_ids=settings.admin_ids,
            rate_limit=rate_limit, watch_seconds=settings.watch_seconds,
        )  # fmt: skip
        log.info("knowledge base: %d facts; starting", service.fact_count)
        if hook is None:
            application.bot_data.watch_polling = True
            application.run_polling(allowed_updates=ALLOWED_UPDATES)
            if application.bot_data.polling_error is not None:
                raise application.bot_data.polling_error
        else:
            url, secret = hook
            application.run_webhook(
                listen=listen, port=port, url_path=urlsplit(url).path.lstrip("/"),
                webhook_url=url, secret_token=secret, allowed_updates=ALLOWED_UPDATES,
            )  # fmt: skip
    except InvalidToken as exc:  # revoked since the preflight, or the API turned odd
        if _not_bot_api(exc):
            raise ConfigError(NOT_BOT_API.format(base=api_urls(settings.api_base_url)[0])) from None
        raise ConfigError(REJECTED) from None
    except TelegramError as exc:  # polling gave up on another error
        why = str(exc).replace(token, "<token>")
        raise JianfuError(f"the Bot API stopped answering: {why}") from None
    finally:
        storage.close()
    return 0
