"""Inline keyboards and what their buttons do.

Callback data scheme (always well under Telegram's 64 bytes; fact and topic ids are ≤ 40):
  more:<fact_id>          other measures in that fact's topic
  fb:<question_id>:<1|0>  👍/👎 on a logged answer
  fact:<fact_id>          show one fact ("did you mean" choices, topic listings)
  topic:<topic_id>        list a topic's facts
  topics                  list the topics
Anything else, or an id the current knowledge base no longer has, is answered with
`expired_button`: old messages outlive reloads.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
from collections.abc import Awaitable, Callable, Iterable

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest

from bot.answer.render import Reply, fact_lines
from bot.kb import Fact, KnowledgeBase
from bot.kb.texts import Texts
from bot.telegram.flow import Verdict
from bot.telegram.handlers import BotState, Context, is_group, send_html, state

MORE, FEEDBACK, FACT, TOPIC, TOPICS = "more", "fb", "fact", "topic", "topics"


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data)


def fact_keyboard(fact: Fact, texts: Texts, question_id: int | None = None) -> InlineKeyboardMarkup:
    rows = [[_button(texts.get("button_more"), f"{MORE}:{fact.id}")]]
    if question_id is not None:  # feedback only on answers that were logged
        rows.append([
            _button(texts.get("button_up"), f"{FEEDBACK}:{question_id}:1"),
            _button(texts.get("button_down"), f"{FEEDBACK}:{question_id}:0"),
        ])  # fmt: skip
    return InlineKeyboardMarkup(rows)


def facts_keyboard(facts: Iterable[Fact]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(f.title, f"{FACT}:{f.id}")] for f in facts])


def topics_keyboard(kb: KnowledgeBase) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[_button(f"{t.emoji} {t.name}", f"{TOPIC}:{t.id}")] for t in kb.topics.values()]
    )


def topics_button(texts: Texts) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(texts.get("button_topics"), TOPICS)]])


def reply_keyboard(reply: Reply, texts: Texts) -> InlineKeyboardMarkup | None:
    """Buttons under an answer: more + feedback; choices for "did you mean"; else topics."""
    if reply.fact is not None:
        return fact_keyboard(reply.fact, texts, reply.question_id)
    if reply.suggestions:
        return facts_keyboard(reply.suggestions)
    return topics_button(texts)


def topics_html(texts: Texts) -> str:
    return html.escape(texts.get("topics_header"))


def topic_html(kb: KnowledgeBase, texts: Texts, topic_id: str) -> str:
    topic = kb.topics[topic_id]
    return html.escape(texts.get("topic_header", topic=f"{topic.emoji} {topic.name}"))


# An action gets the button's message and the text after "kind:", sends what it must and
# returns the toast for answerCallbackQuery (None: just stop the spinner).
Action = Callable[[Context, Message, str, BotState], Awaitable[str | None]]


async def _more(context: Context, message: Message, arg: str, st: BotState) -> str | None:
    kb, texts = st.service.matcher.kb, st.service.matcher.texts
    fact = kb.by_id.get(arg)
    if fact is None:
        return texts.get("expired_button")
    others = [f for f in kb.facts_in_topic(fact.topic) if f.id != fact.id]
    if not others:
        return texts.get("no_more")
    header = texts.get("more_header", topic=kb.topics[fact.topic].name)
    await send_html(context, message, html.escape(header), facts_keyboard(others))
    return None


async def _fact(context: Context, message: Message, arg: str, st: BotState) -> str | None:
    kb, texts = st.service.matcher.kb, st.service.matcher.texts
    fact = kb.by_id.get(arg)
    if fact is None:
        return texts.get("expired_button")
    await send_html(context, message, fact_lines(fact, kb, texts)[1], fact_keyboard(fact, texts))
    return None


async def _topic(context: Context, message: Message, arg: str, st: BotState) -> str | None:
    kb, texts = st.service.matcher.kb, st.service.matcher.texts
    if arg not in kb.topics:
        return texts.get("expired_button")
    markup = facts_keyboard(kb.facts_in_topic(arg))
    await send_html(context, message, topic_html(kb, texts, arg), markup)
    return None


async def _topics(context: Context, message: Message, arg: str, st: BotState) -> str | None:
    kb, texts = st.service.matcher.kb, st.service.matcher.texts
    if arg:
        return texts.get("expired_button")
    await send_html(context, message, topics_html(texts), topics_keyboard(kb))
    return None


async def _feedback(context: Context, message: Message, arg: str, st: BotState) -> str | None:
    texts, storage = st.service.matcher.texts, st.service.storage
    qid, _, vote = arg.partition(":")
    if storage is None or not qid.isdigit() or vote not in ("0", "1") or len(qid) > 18:
        return texts.get("expired_button")
    if not await asyncio.to_thread(storage.record_feedback, int(qid), vote == "1"):
        return texts.get("expired_button")
    # One vote per answer: drop the 👍/👎 row, keep the rest of the keyboard.
    old = message.reply_markup.inline_keyboard if message.reply_markup else ()
    rows = [
        [b for b in row if not str(b.callback_data or "").startswith(f"{FEEDBACK}:")] for row in old
    ]
    markup = InlineKeyboardMarkup([r for r in rows if r])
    with contextlib.suppress(BadRequest):  # already edited, or too old to edit: vote counts
        await context.bot.edit_message_reply_markup(
            message.chat.id, message.message_id, reply_markup=markup
        )
    return texts.get("feedback_thanks_up" if vote == "1" else "feedback_thanks_down")


_ACTIONS: dict[str, Action] = {
    MORE: _more, FACT: _fact, TOPIC: _topic, TOPICS: _topics, FEEDBACK: _feedback,
}  # fmt: skip


async def _answer(query: CallbackQuery, toast: str | None) -> None:
    with contextlib.suppress(BadRequest):  # the query expired while we worked: nothing to do
        await query.answer(toast)


async def on_button(update: Update, context: Context) -> None:
    query = update.callback_query
    if query is None:
        return
    st = state(context)
    texts = st.service.matcher.texts
    kind, _, arg = (query.data or "").partition(":")
    action = _ACTIONS.get(kind)
    # No accessible message (inline-mode messages, or older than 48 h): nowhere to answer.
    message = query.message if isinstance(query.message, Message) else None
    if action is None or message is None:
        await _answer(query, texts.get("expired_button"))
        return
    # Buttons that post a message spend the group's budget like a question would.
    sends = kind != FEEDBACK and is_group(message.chat)
    if sends and st.limiter.hit(message.chat.id) is not Verdict.ALLOW:
        await _answer(query, texts.get("slow_down"))
        return
    await _answer(query, await action(context, message, arg, st))
