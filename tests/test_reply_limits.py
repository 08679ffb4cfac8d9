"""Every reply keeps within Telegram's limits however large the knowledge base grows.

Telegram refuses a whole message that breaks one limit, so the official would get nothing. A
knowledge base of BIG_KB facts (the bench's synthetic one, a few hundred facts a topic) is
answered in every reply shape; the fake Bot API refuses what the real one refuses.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import telegram.constants as tg
from conftest import RunningBot, StartBot
from fake_bot_api import FakeBotApi, parse_text, utf16_len
from fakebot import methods, text
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest
from test_render import _result

from bot.answer import limits
from bot.answer.limits import PAGE_FACTS, page_of
from bot.answer.render import Button, Renderer, Reply
from bot.answer.service import INLINE_RESULTS, Service
from bot.devtools.bench import synthetic_kb, write_kb
from bot.kb import Fact, load_kb
from bot.kb.texts import TOAST_CHARS, check_texts
from bot.search.matcher import Match, Matcher
from bot.telegram.context import callback_data
from bot.telegram.handlers.buttons import BROWSE_PATTERN

# Enough that a topic's titles alone overflow one message (about 13 characters a line).
BIG_KB = 1600
USER = 1001
# One question per reply shape: a fact with 相关做法, a topic answer, a person's card, several
# at once, a did-you-mean, a place, a decline.
QUESTIONS = (
    "检查组还看台账吗", "会太多怎么办", "段琼说了什么", "表格和会议都有哪些做法", "留痕",
    "洋湖乡怎么做的", "群太多", "明天天气怎么样",
)  # fmt: skip


@pytest.fixture(scope="module")
def big_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("big") / "kb"
    write_kb(synthetic_kb(load_kb(), BIG_KB), root)
    return root


@pytest.fixture(scope="module")
def big(big_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Service:
    return Service(big_root, cache_dir=tmp_path_factory.mktemp("big-cache"))


def assert_fits(reply: Reply | str) -> None:
    """What Telegram would check in this reply before sending it."""
    if isinstance(reply, str):  # a button's notice
        assert 0 < len(reply) <= tg.CallbackQueryLimit.ANSWER_CALLBACK_QUERY_TEXT_LENGTH
        return
    shown = parse_text(reply.html, "HTML")
    assert 0 < utf16_len(shown) <= tg.MessageLimit.MAX_TEXT_LENGTH
    buttons = [b for row in reply.buttons for b in row]
    assert len(buttons) <= tg.InlineKeyboardMarkupLimit.TOTAL_BUTTON_NUMBER
    assert all(len(row) <= tg.InlineKeyboardMarkupLimit.BUTTONS_PER_ROW for row in reply.buttons)
    for button in buttons:
        assert 1 <= len(callback_data(button).encode()) <= 64


def pages(service: Service, first: Button) -> Iterator[Reply]:
    """A listing's pages, following each one's next-page button."""
    button: Button | None = first
    while button is not None:
        reply = service.press(button)
        assert isinstance(reply, Reply)
        yield reply
        nexts = [b for row in reply.buttons for b in row if b.action == first.action]
        assert len(nexts) <= 1
        button = nexts[0] if nexts else None


def test_the_limits_are_telegrams() -> None:
    """Ours, the texts check's and the fake's are python-telegram-bot 22's (the Bot API's)."""
    assert limits.KEYBOARD_BUTTONS == tg.InlineKeyboardMarkupLimit.TOTAL_BUTTON_NUMBER
    assert limits.ROW_BUTTONS == tg.InlineKeyboardMarkupLimit.BUTTONS_PER_ROW
    assert limits.CALLBACK_DATA_BYTES == tg.InlineKeyboardButtonLimit.MAX_CALLBACK_DATA
    assert limits.MESSAGE_CHARS == tg.MessageLimit.MAX_TEXT_LENGTH
    assert limits.INLINE_RESULTS == tg.InlineQueryLimit.RESULTS
    assert limits.TOAST_CHARS == TOAST_CHARS == methods.TOAST_CHARS
    assert limits.TOAST_CHARS == tg.CallbackQueryLimit.ANSWER_CALLBACK_QUERY_TEXT_LENGTH
    assert (text.KEYBOARD_BUTTONS, text.ROW_BUTTONS) == (limits.KEYBOARD_BUTTONS, 8)
    assert INLINE_RESULTS <= limits.INLINE_RESULTS
    # A page's buttons and the most other rows any reply adds (next page; more; 👍/👎).
    assert PAGE_FACTS + 4 <= limits.KEYBOARD_BUTTONS
    assert limits.LIST_LIMIT + 200 <= limits.MESSAGE_CHARS


def test_the_longest_callback_data_fits() -> None:
    """Ids are ≤ 40 characters of [a-z0-9-], pages ≤ 4 digits: the longest data is 51 bytes."""
    longest = "z" * 40
    for button in (Button("", "topic", f"{longest}:9999"), Button("", "more", f"{longest}:9999")):
        data = callback_data(button)
        assert len(data.encode()) <= limits.CALLBACK_DATA_BYTES
        assert re.match(BROWSE_PATTERN, data)
    assert len(f"fb:{'9' * 18}:1:{'f' * 16}") <= limits.CALLBACK_DATA_BYTES


def test_every_reply_shape_fits_with_a_big_knowledge_base(big: Service) -> None:
    kb = big.matcher.kb
    assert max(len(kb.facts_in_topic(t)) for t in kb.topics) > limits.KEYBOARD_BUTTONS
    for question in QUESTIONS:
        assert_fits(big.ask(question))
    topics = big.command("topics")
    assert topics is not None
    assert_fits(topics)
    for choice in [*big.inline(""), *big.inline("开会")]:
        assert utf16_len(parse_text(choice.html, "HTML")) <= limits.MESSAGE_CHARS
    assert len(big.inline("")) <= limits.INLINE_RESULTS
    fact = kb.facts[0]
    for button in (Button("", "fact", fact.id), Button("", "topics", "9999")):
        assert_fits(big.press(button))


@pytest.mark.parametrize("action", ["topic", "more"])
def test_a_long_listing_comes_a_page_at_a_time_and_reaches_every_fact(
    big: Service, action: str
) -> None:
    kb = big.matcher.kb
    topic = max(kb.topics, key=lambda t: len(kb.facts_in_topic(t)))
    facts = kb.facts_in_topic(topic)
    key = topic if action == "topic" else facts[0].id
    expected = facts if action == "topic" else facts[1:]
    first = Button("", "topic" if action == "topic" else "more", key)
    listed = list(pages(big, first))
    for reply in listed:
        assert_fits(reply)
    shown = [b.arg for reply in listed for row in reply.buttons for b in row if b.action == "fact"]
    assert shown == [f.id for f in expected]
    assert len(listed) == -(-len(expected) // PAGE_FACTS)
    last = len(listed) - 1
    assert big.text("listing_page", first=1, last=PAGE_FACTS, count=len(expected)) in listed[0].html
    # Past the last page: a stale button, as after a reload that shrank the topic.
    assert big.press(Button("", first.action, f"{key}:{last + 1}")) == big.text("expired_button")


def test_nineteen_facts_keep_one_page_as_before(matcher: Matcher) -> None:
    """The real knowledge base's listings hold no page marks and no next-page button."""
    service = Service(matcher=matcher)
    kb = service.matcher.kb
    for topic in kb.topics:
        reply = service.press(Button("", "topic", topic))
        assert isinstance(reply, Reply)
        assert [b.arg for row in reply.buttons for b in row] == [
            f.id for f in kb.facts_in_topic(topic)
        ]
        assert reply.html == html.escape(topic_head(service, topic))
    assert page_of(list(kb.facts), 1) is None, "the real knowledge base fits one page"


def topic_head(service: Service, topic_id: str) -> str:
    topic = service.matcher.kb.topics[topic_id]
    return service.text("topic_header", topic=f"{topic.emoji} {topic.name}")


def test_a_toast_text_too_long_for_telegram_is_a_knowledge_base_problem() -> None:
    texts = load_kb().texts
    assert not check_texts(texts)
    problems = check_texts({**texts, "expired_button": "过" * (TOAST_CHARS + 1)})
    assert any("expired_button" in p and str(TOAST_CHARS) in p for p in problems)


async def test_the_fake_refuses_what_telegram_refuses(fake: FakeBotApi) -> None:
    async with Bot(fake.token, base_url=fake.base_url) as bot:
        chat = 77
        fake.push_private_message("hi", user_id=chat)
        too_many = [[InlineKeyboardButton(str(n), callback_data=str(n))] for n in range(101)]
        too_wide = [[InlineKeyboardButton(str(n), callback_data=str(n)) for n in range(9)]]
        for rows in (too_many, too_wide):
            with pytest.raises(BadRequest, match="markup is too long"):
                await bot.send_message(chat, "x", reply_markup=InlineKeyboardMarkup(rows))
        fits = [[InlineKeyboardButton(str(n), callback_data=str(n))] for n in range(100)]
        sent = await bot.send_message(chat, "x", reply_markup=InlineKeyboardMarkup(fits))
        fake.push_callback_query("0", message_id=sent.message_id, chat_id=chat)
        with pytest.raises(BadRequest, match=r"(?i)message_too_long"):  # the first query: "cq1"
            await bot.answer_callback_query("cq1", "过" * (TOAST_CHARS + 1))
        await bot.answer_callback_query("cq1", "过" * TOAST_CHARS)


async def big_bot(start_bot: StartBot, big_root: Path) -> tuple[RunningBot, int]:
    """The bot over the big knowledge base, and the message its /topics sent."""
    bot = await start_bot(kb_root=big_root)
    bot.fake.push_private_message("/topics", user_id=USER)
    await bot.sent(1, chat_id=USER)
    return bot, max(m for (chat, m) in bot.fake.messages if chat == USER)


async def test_a_big_topic_is_sent_a_page_at_a_time(start_bot: StartBot, big_root: Path) -> None:
    """Old code: one button per fact, hundreds under one message, and Telegram sent nothing."""
    bot, message_id = await big_bot(start_bot, big_root)
    kb = bot.service.matcher.kb
    topic = max(kb.topics, key=lambda t: len(kb.facts_in_topic(t)))
    bot.fake.push_callback_query(f"topic:{topic}", message_id=message_id, chat_id=USER)
    first = (await bot.sent(2, chat_id=USER))[1]
    rows = first["reply_markup"]["inline_keyboard"]
    assert len(rows) == PAGE_FACTS + 1
    assert rows[-1][0]["callback_data"] == f"topic:{topic}:1"
    page_message = max(m for (chat, m) in bot.fake.messages if chat == USER)
    bot.fake.push_callback_query(f"topic:{topic}:1", message_id=page_message, chat_id=USER)
    second = (await bot.sent(3, chat_id=USER))[2]
    facts = kb.facts_in_topic(topic)
    assert second["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == (
        f"fact:{facts[PAGE_FACTS].id}"
    )
    assert not bot.fake.rejected_calls


async def test_inline_topics_fit_one_message(start_bot: StartBot, big_root: Path) -> None:
    """Old code: a topic's every title in the posted message, past 4,096 characters."""
    bot, _ = await big_bot(start_bot, big_root)
    bot.fake.push_inline_query("")
    [answer] = await bot.sent(method="answerInlineQuery")
    assert len(answer["results"]) == len(bot.service.matcher.kb.topics)
    assert not bot.fake.rejected_calls


def test_facts_with_very_long_fields_fit_in_every_shape(matcher: Matcher) -> None:
    """A curator's long paste stays one message: a fact, its full card (a follow-up's
    "具体怎么做的") and did-you-mean clip each field so the fields share the room."""
    kb = matcher.kb
    long = "很长的内容" * 1000
    facts = [
        replace(f, measure=long, example=long, who=long, where=long, quote=long)
        for f in kb.facts[:3]
    ]
    render = Renderer(kb)
    suggest = _result(matcher, decision="suggest", matches=tuple(Match(f, 50.0) for f in facts))
    replies = [render.fact(facts[0]), render.fact(facts[0], full=True, related=facts[1:])]
    # a stand-in for the Matcher: result() asks it for suggestions() only
    replies.append(render.result(suggest, FixedSuggestions(facts)))  # type: ignore[arg-type]
    for reply in replies:
        assert_fits(reply)


class FixedSuggestions:
    """What Renderer.result asks a matcher for a did-you-mean: these facts."""

    def __init__(self, facts: list[Fact]) -> None:
        self.facts = facts

    def suggestions(self, result: object) -> list[Match]:
        return [Match(f, 50.0) for f in self.facts]
