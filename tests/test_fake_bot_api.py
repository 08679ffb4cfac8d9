"""The fake Bot API speaks the real protocol: exercised through the real python-telegram-bot."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Iterator

import pytest
from fake_bot_api import BOT_USERNAME, FakeBotApi
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    MessageEntity,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError, RetryAfter
from telegram.ext import Application, CommandHandler, ContextTypes

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x00\x80" + bytes(range(256))


@pytest.fixture
def fake() -> Iterator[FakeBotApi]:
    with FakeBotApi() as server:
        yield server


@pytest.fixture
async def bot(fake: FakeBotApi) -> AsyncIterator[Bot]:
    async with Bot(fake.token, base_url=fake.base_url, base_file_url=fake.base_file_url) as b:
        yield b


async def test_get_me(bot: Bot, fake: FakeBotApi) -> None:
    """getMe returns the test bot's identity and is recorded (PTB's initialize calls it too)."""
    me = await bot.get_me()
    assert (me.username, me.is_bot, me.id) == (BOT_USERNAME, True, fake.bot_id)
    assert me.supports_inline_queries and not me.can_read_all_group_messages
    assert len(fake.calls_to("getMe")) == 2


async def test_send_message_html(bot: Bot, fake: FakeBotApi) -> None:
    """sendMessage parses HTML, returns a full Message from the bot with growing message_ids."""
    first = await bot.send_message(42, "<b>减负</b> &amp; <i>增效</i>", parse_mode=ParseMode.HTML)
    second = await bot.send_message(42, "再来一条")
    assert first.text == "减负 & 增效"
    assert first.from_user is not None and first.from_user.username == BOT_USERNAME
    assert first.chat.id == 42 and first.chat.type == "private"
    assert second.message_id == first.message_id + 1
    params = fake.calls_to("sendMessage")[0].params
    assert params["chat_id"] == 42 and params["parse_mode"] == "HTML"


async def test_get_updates_parses_pushed_message(bot: Bot, fake: FakeBotApi) -> None:
    """A pushed private message parses into telegram.Update; a higher offset confirms it."""
    update_id = fake.push_private_message("/start hello", user_id=7, first_name="小王")
    updates = await bot.get_updates(timeout=1)
    assert [u.update_id for u in updates] == [update_id]
    message = updates[0].message
    assert message is not None and message.text == "/start hello"
    assert message.from_user is not None and message.from_user.first_name == "小王"
    assert message.entities[0].type == MessageEntity.BOT_COMMAND
    assert await bot.get_updates(offset=update_id + 1, timeout=0) == ()
    assert fake.pending_updates() == []


async def test_long_poll_blocks_until_update(bot: Bot, fake: FakeBotApi) -> None:
    """getUpdates with a timeout waits for an update and returns as soon as one is pushed."""
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.3)
    assert not poll.done()
    started = time.monotonic()
    fake.push_group_message("😀 @jianfu_test_bot 你好", chat_id=-100555)
    updates = await poll
    assert time.monotonic() - started < 1.5
    message = updates[0].message
    assert message is not None and message.chat.type == "supergroup"
    assert list(message.parse_entities().values()) == ["@jianfu_test_bot"]


async def test_second_instance_conflicts(bot: Bot, fake: FakeBotApi) -> None:
    """A second bot instance's getUpdates ends the pending long poll with 409 Conflict."""
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.3)
    async with Bot(fake.token, base_url=fake.base_url) as other:
        assert await other.get_updates(timeout=0) == ()
    with pytest.raises(Conflict, match=r"(?i)terminated by other getupdates"):
        await first


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_retry_after_then_delivered_once(bot: Bot, fake: FakeBotApi) -> None:
    """An injected 429 surfaces as RetryAfter; the retry is delivered and recorded once."""
    fake.inject_fault("sendMessage", status=429, retry_after=1)
    with pytest.raises(RetryAfter, match=r"(?i)retry in 1"):
        await bot.send_message(1, "hi")
    await bot.send_message(1, "hi")
    assert len(fake.faulted_calls) == 1 and len(fake.calls_to("sendMessage")) == 1


async def test_server_errors_surface_as_network_errors(bot: Bot, fake: FakeBotApi) -> None:
    """A JSON 500 and an nginx HTML 502 both surface as NetworkError."""
    fake.inject_fault("sendMessage", status=500)
    fake.inject_fault("sendChatAction", status=502)
    with pytest.raises(NetworkError, match="Internal Server Error"):
        await bot.send_message(1, "hi")
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_chat_action(1, "typing")


async def test_invalid_token(fake: FakeBotApi) -> None:
    """Any token but the fake's own is answered 401 and raises InvalidToken."""
    with pytest.raises(InvalidToken, match="rejected"):
        async with Bot("987654321:wrong", base_url=fake.base_url):
            pass  # not reached: entering the context calls getMe
    assert fake.calls == []


@pytest.mark.parametrize("text", ["x" * 4097, "😀" * 2049])
async def test_too_long_message(bot: Bot, text: str) -> None:
    """Over 4096 UTF-16 code units is rejected with BadRequest."""
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(1, text)


async def test_length_counted_after_html_parsing(bot: Bot) -> None:
    """Tags and entities don't count towards the 4096 limit; malformed HTML is rejected."""
    await bot.send_message(1, "<b>" + "减" * 4090 + "</b>&lt;&gt;", parse_mode=ParseMode.HTML)
    for bad in ["<b>unclosed", "<br>", "1 < 2", "<b><i>x</b></i>", '<span class="x">y</span>']:
        with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
            await bot.send_message(1, bad, parse_mode=ParseMode.HTML)


async def test_callback_data_limit(bot: Bot) -> None:
    """callback_data over 64 bytes is rejected with BUTTON_DATA_INVALID."""
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("更多", callback_data="措" * 22)]])
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(1, "hi", reply_markup=markup)


async def test_callback_query_answer_and_edit(bot: Bot, fake: FakeBotApi) -> None:
    """A callback on a sent message can be answered once and its text edited (not to itself)."""
    sent = await bot.send_message(5, "第一页")
    fake.push_callback_query("page:2", message_id=sent.message_id, chat_id=5, user_id=5)
    (update,) = await bot.get_updates(timeout=1)
    query = update.callback_query
    assert query is not None and query.data == "page:2"
    assert query.message is not None and query.message.message_id == sent.message_id
    await bot.answer_callback_query(query.id)
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(query.id)
    edited = await bot.edit_message_text("第二页", chat_id=5, message_id=sent.message_id)
    assert not isinstance(edited, bool) and edited.text == "第二页"
    with pytest.raises(BadRequest, match=r"(?i)not modified"):
        await bot.edit_message_text("第二页", chat_id=5, message_id=sent.message_id)


async def test_inline_query_validation(bot: Bot, fake: FakeBotApi) -> None:
    """answerInlineQuery rejects duplicate result ids and accepts a valid answer."""
    fake.push_inline_query("督查检查")
    (update,) = await bot.get_updates(timeout=1)
    assert update.inline_query is not None and update.inline_query.query == "督查检查"
    content = InputTextMessageContent("x")
    dup = [InlineQueryResultArticle("1", "a", content), InlineQueryResultArticle("1", "b", content)]
    with pytest.raises(BadRequest, match=r"(?i)result_id_duplicate"):
        await bot.answer_inline_query(update.inline_query.id, dup)
    await bot.answer_inline_query(update.inline_query.id, dup[:1])


async def test_send_photo_records_bytes(bot: Bot, fake: FakeBotApi) -> None:
    """sendPhoto is multipart; the exact uploaded bytes are recorded and PNG size reported."""
    message = await bot.send_photo(3, PNG, caption="<b>图</b>", parse_mode=ParseMode.HTML)
    assert message.caption == "图" and message.photo[-1].width == 256
    assert fake.calls_to("sendPhoto")[0].params["photo"] == PNG


async def test_wait_for(bot: Bot, fake: FakeBotApi) -> None:
    """wait_for/async_wait_for return matching calls and fail with the call log on timeout."""

    async def send_later() -> None:
        await asyncio.sleep(0.2)
        await bot.send_message(9, "later")

    sender = asyncio.create_task(send_later())
    calls = await fake.async_wait_for("sendMessage", predicate=lambda p: p["chat_id"] == 9)
    await sender
    assert calls[0].params["text"] == "later"
    with pytest.raises(AssertionError, match="getMe"):
        fake.wait_for("sendPhoto", timeout=0.1)


async def test_application_polling_end_to_end(fake: FakeBotApi) -> None:
    """A real Application polls the fake and its /start handler's reply reaches the fake."""

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text("你好")

    app = Application.builder().token(fake.token).base_url(fake.base_url).build()
    app.add_handler(CommandHandler("start", start))
    async with app:
        assert app.updater is not None
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1)
        fake.push_private_message("/start")
        (reply,) = await fake.async_wait_for("sendMessage")
        await app.updater.stop()
        await app.stop()
    assert (reply.params["chat_id"], reply.params["text"]) == (1001, "你好")
    assert fake.calls_to("deleteWebhook")  # run_polling/start_polling clears the webhook first


def test_unknown_method_and_stop_unblocks_poll() -> None:
    """Unknown methods get 404 JSON; stop() releases a pending long poll within a second."""
    fake = FakeBotApi().start()
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(f"{fake.base_url}{fake.token}/noSuchMethod", data=b"")
    assert json.loads(info.value.read()) == {
        "ok": False,
        "error_code": 404,
        "description": "Not Found",
    }
    url = f"{fake.base_url}{fake.token}/getUpdates?timeout=30"
    result: list[bytes] = []
    poller = threading.Thread(target=lambda: result.append(urllib.request.urlopen(url).read()))
    poller.start()
    time.sleep(0.3)
    started = time.monotonic()
    fake.stop()
    poller.join(timeout=2)
    assert time.monotonic() - started < 1.0
    assert json.loads(result[0]) == {"ok": True, "result": []}
