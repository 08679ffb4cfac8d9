"""Bot API faults: flood waits, 5xx, gateway pages, refusals; answers arrive once, or sorry once."""

from __future__ import annotations

import html

import pytest
from conftest import RunningBot, StartBot
from test_telegram_private import expected_fact_html

USER = 1001
FACT = "inspections-unannounced-visits"
QUESTION = "检查组还看台账吗"


async def answered_once(bot: RunningBot) -> None:
    """The question's answer was sent exactly once, in order, before the sentinel's answer."""
    bot.fake.push_private_message("你好", user_id=USER)  # sentinel: handled after the question
    sent = await bot.sent(2, chat_id=USER)
    assert sent[0]["text"] == expected_fact_html(bot, FACT)
    assert len(bot.fake.calls_to("sendMessage")) == 2


@pytest.mark.parametrize("flood_limits", [True, False], ids=["aio-limiter", "no-rate-limit"])
async def test_429_is_waited_out_and_answer_sent_once(
    start_bot: StartBot, flood_limits: bool
) -> None:
    """A 429 with retry_after on sendMessage delays the answer; it then arrives exactly once."""
    bot = await start_bot(rate_limit=flood_limits)
    bot.fake.inject_fault("sendMessage", status=429, retry_after=1)
    bot.fake.push_private_message(QUESTION, user_id=USER)
    await answered_once(bot)
    [faulted] = bot.fake.faulted_calls
    assert faulted.method == "sendMessage"
    assert faulted.params["text"] == expected_fact_html(bot, FACT)


@pytest.mark.parametrize("status", [500, 502, 503])
async def test_5xx_is_retried_and_answer_sent_once(start_bot: StartBot, status: int) -> None:
    """Two 5xx answers (JSON, or nginx's HTML page for 502) are retried; one answer arrives."""
    bot = await start_bot()
    bot.fake.inject_fault("sendMessage", status=status, times=2)
    bot.fake.push_private_message(QUESTION, user_id=USER)
    await answered_once(bot)
    assert [c.method for c in bot.fake.faulted_calls] == ["sendMessage"] * 2


async def test_callback_answer_survives_5xx(start_bot: StartBot) -> None:
    """A 500 on answerCallbackQuery is retried, so the button's spinner still stops."""
    bot = await start_bot()
    bot.fake.push_private_message("/topics", user_id=USER)
    await bot.sent(chat_id=USER)
    bot.fake.inject_fault("answerCallbackQuery", status=500)
    bot.fake.push_callback_query("topic:meetings", message_id=1 + 1, chat_id=USER)
    await bot.sent(method="answerCallbackQuery")
    assert len(bot.fake.faulted_calls) == 1
    assert len(await bot.sent(2, chat_id=USER)) == 2


async def test_handler_failure_says_sorry_once(start_bot: StartBot) -> None:
    """A 400 on the answer is not retried: the error handler sends the `error` line once."""
    bot = await start_bot()
    bot.fake.inject_fault("sendMessage", status=400, description="Bad Request: chat not found")
    bot.fake.push_private_message(QUESTION, user_id=USER)
    [sorry] = await bot.sent(chat_id=USER)
    assert sorry["text"] == html.escape(bot.texts("error"))
    assert len(bot.fake.faulted_calls) == 1
    bot.fake.push_private_message(QUESTION, user_id=USER)
    assert (await bot.sent(2, chat_id=USER))[1]["text"] == expected_fact_html(bot, FACT)


async def test_blocked_by_user_is_shrugged_off(start_bot: StartBot) -> None:
    """403 (the user blocked the bot) is neither retried nor apologised for; the bot goes on."""
    bot = await start_bot()
    bot.fake.inject_fault("sendMessage", status=403)
    bot.fake.push_private_message(QUESTION, user_id=USER)
    bot.fake.push_private_message("会太多怎么办", user_id=USER)  # same chat: handled second
    [sent] = await bot.sent(chat_id=USER)
    assert sent["text"] != expected_fact_html(bot, FACT)
    assert [c.params["text"] for c in bot.fake.faulted_calls] == [expected_fact_html(bot, FACT)]
    assert len(bot.fake.calls_to("sendMessage")) == 1


async def test_error_logs_carry_no_user_text(
    start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    """When a handler fails, the log names the update kind but not the question or the user."""
    bot = await start_bot()
    bot.fake.inject_fault("sendMessage", status=400, description="Bad Request: chat not found")
    bot.fake.push_private_message("机密问题内容", user_id=55667788, first_name="张三")
    await bot.sent(chat_id=55667788)
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("bot."))
    assert "error while handling message: BadRequest" in logged
    for secret in ("机密问题内容", "55667788", "张三"):
        assert secret not in caplog.text
