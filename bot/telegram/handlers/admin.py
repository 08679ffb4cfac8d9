"""/stats, /unanswered, /reload: for the user ids in JIANFU_ADMIN_IDS, in private chats only.

Anyone else, anywhere else, must not learn these commands exist: in a private chat the text
goes down the ordinary question path (so the reply is exactly what asking it would give),
and in a group it is ignored like any command that is not ours. `/stats 7` and
`/unanswered 7` look at the last 7 days instead of 30.
"""

from __future__ import annotations

import asyncio
import html
import logging

from telegram import Message, Update
from telegram.constants import ChatType

from bot.answer.render import bullets
from bot.errors import KBError
from bot.telegram.handlers import BotState, Context, answer_question, fit_lines, send_html, state

log = logging.getLogger(__name__)

DEFAULT_DAYS = 30
MAX_DAYS = 366
UNANSWERED_LIMIT = 20
CAPTION_LIMIT = 1024  # Telegram's photo caption limit


def _days(context: Context) -> int:
    arg = context.args[0] if context.args else ""
    return min(int(arg), MAX_DAYS) if arg.isdigit() and int(arg) > 0 else DEFAULT_DAYS


async def _gate(update: Update, context: Context) -> tuple[Message, BotState] | None:
    """The message and state when an admin asks in private; otherwise act as if not a command."""
    message, user = update.effective_message, update.effective_user
    if message is None:
        return None
    st = state(context)
    if message.chat.type == ChatType.PRIVATE and user is not None and user.id in st.admin_ids:
        return message, st
    if message.chat.type == ChatType.PRIVATE:
        await answer_question(update, context, message.text or "")
    return None


async def on_stats(update: Update, context: Context) -> None:
    gated = await _gate(update, context)
    if gated is None:
        return
    message, st = gated
    matcher, storage = st.service.matcher, st.service.storage
    if storage is None:
        await send_html(context, message, html.escape(matcher.texts.get("admin_no_log")))
        return
    from bot.questionlog.chart import (  # matplotlib: load on demand
        render_stats_png,
        summarize_stats,
    )

    fact_topics = {f.id: f.topic for f in matcher.kb.facts}
    topic_names = {t.id: t.name for t in matcher.kb.topics.values()}
    stats = await asyncio.to_thread(storage.stats, _days(context), fact_topics)
    png = await asyncio.to_thread(render_stats_png, stats, topic_names)
    caption = summarize_stats(stats, topic_names)[:CAPTION_LIMIT]
    await context.bot.send_photo(message.chat.id, png, caption=caption)


async def on_unanswered(update: Update, context: Context) -> None:
    gated = await _gate(update, context)
    if gated is None:
        return
    message, st = gated
    texts, storage = st.service.matcher.texts, st.service.storage
    if storage is None:
        await send_html(context, message, html.escape(texts.get("admin_no_log")))
        return
    days = _days(context)
    rows = await asyncio.to_thread(storage.top_unanswered, UNANSWERED_LIMIT, days)
    if not rows:
        text = texts.get("admin_unanswered_none", days=days)
    else:
        lines = fit_lines([f"{question}  ×{count}" for question, count in rows])
        text = texts.get("admin_unanswered", days=days, questions=bullets(lines))
    await send_html(context, message, html.escape(text))


async def on_reload(update: Update, context: Context) -> None:
    gated = await _gate(update, context)
    if gated is None:
        return
    message, st = gated
    try:
        fresh = await asyncio.to_thread(st.service.reload)
    except KBError as exc:
        texts = st.service.matcher.texts  # the old knowledge base, still serving
        problems = bullets(fit_lines([str(p) for p in exc.problems]))
        text = texts.get("admin_reload_failed", count=len(exc.problems), problems=problems)
        log.warning("reload refused: %d problem(s) in the knowledge base", len(exc.problems))
    else:
        text = fresh.texts.get("admin_reload_ok", fact_count=len(fresh.kb.facts))
    await send_html(context, message, html.escape(text))
