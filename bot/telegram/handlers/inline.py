"""Inline mode: `@botname 问题` in any chat offers matching facts to post there.

A question lists up to 10 facts the matcher ranks at or above its suggestion bar; choosing
one posts the full answer. An empty query lists the topics, each posting that topic's
measures. Nothing matching: no results, only a button into the private chat. Inline queries
are not logged: they arrive keystroke by keystroke and would flood the log with fragments.
No buttons ride on the posted messages: a button there has no chat to answer in.
"""

from __future__ import annotations

import asyncio
import html

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Update,
)
from telegram.constants import ParseMode

from bot.answer.render import bullets, fact_lines
from bot.search.matcher import Matcher
from bot.telegram.handlers import Context, state

MAX_RESULTS = 10
CACHE_SECONDS = 30
TITLE_CHARS = 60
DESCRIPTION_CHARS = 120
QUERY_CHARS = 256  # Telegram's own cap on inline queries


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fact_articles(matcher: Matcher, query: str) -> list[InlineQueryResultArticle]:
    result = matcher.match(query)
    bar = matcher.thresholds.suggest
    articles = []
    for m in [m for m in result.matches if m.score >= bar][:MAX_RESULTS]:
        fact = m.fact
        content = InputTextMessageContent(
            fact_lines(fact, matcher.kb, matcher.texts)[1], parse_mode=ParseMode.HTML
        )
        articles.append(InlineQueryResultArticle(
            id=fact.id,
            title=_clip(f"{fact.title}：{fact.measure}", TITLE_CHARS),
            description=_clip(fact.example, DESCRIPTION_CHARS),
            input_message_content=content,
        ))  # fmt: skip
    return articles


def _topic_articles(matcher: Matcher) -> list[InlineQueryResultArticle]:
    kb, texts = matcher.kb, matcher.texts
    articles = []
    for topic in kb.topics.values():
        header = texts.get("topic_header", topic=f"{topic.emoji} {topic.name}")
        titles = bullets(f.title for f in kb.facts_in_topic(topic.id))
        content = InputTextMessageContent(
            html.escape(f"{header}\n{titles}"), parse_mode=ParseMode.HTML
        )
        articles.append(InlineQueryResultArticle(
            id=f"topic-{topic.id}",
            title=f"{topic.emoji} {topic.name}",
            description=_clip(topic.summary, DESCRIPTION_CHARS),
            input_message_content=content,
        ))  # fmt: skip
    return articles[:MAX_RESULTS]


async def on_inline_query(update: Update, context: Context) -> None:
    query = update.inline_query
    if query is None:
        return
    matcher = state(context).service.matcher  # one snapshot for the whole answer
    texts = matcher.texts
    text = query.query.strip()[:QUERY_CHARS]
    button: InlineQueryResultsButton | None
    if not text:
        results = _topic_articles(matcher)
        button = InlineQueryResultsButton(texts.get("inline_topics_hint"), start_parameter="topics")
    else:
        results = await asyncio.to_thread(_fact_articles, matcher, text)
        button = (
            None
            if results
            else InlineQueryResultsButton(texts.get("inline_nothing"), start_parameter="topics")
        )
    await query.answer(results, cache_time=CACHE_SECONDS, is_personal=False, button=button)
