"""Groups: the bot answers /ask, replies to itself and mentions, quotes the asker, and keeps
quiet otherwise; each group has a question budget."""

from __future__ import annotations

import html

from conftest import RunningBot, StartBot
from fake_bot_api import BOT_USERNAME
from test_telegram_private import expected_fact_html

from bot.telegram.budget import ChatLimiter, Verdict

GROUP = -1001234567890
QUESTION = "检查组还看台账吗"


def group_usage(bot: RunningBot) -> str:
    """The usage line as a group gets it: how to ask, and asking by reply."""
    return html.escape(bot.texts("ask_usage") + "\n" + bot.texts("group_reply_ask"))


def quoted(sent: dict[str, object]) -> object:
    reply = sent.get("reply_parameters")
    return reply.get("message_id") if isinstance(reply, dict) else None


async def test_ask_command_answers_and_quotes(start_bot: StartBot) -> None:
    """/ask 问题 in a supergroup is answered, quoting the asker's message."""
    bot = await start_bot()
    bot.fake.push_group_message("/ask 检查组还看台账吗", chat_id=GROUP)
    [sent] = await bot.sent(chat_id=GROUP)
    assert sent["text"] == expected_fact_html(bot, "inspections-unannounced-visits")
    assert sent["reply_parameters"] == {
        "message_id": 1, "allow_sending_without_reply": True, "quote_parse_mode": "HTML",
    }  # fmt: skip


async def test_ask_with_bot_username(start_bot: StartBot) -> None:
    """/ask@botname 问题 (what clients send in groups with several bots) is answered too."""
    bot = await start_bot()
    bot.fake.push_group_message(f"/ask@{BOT_USERNAME} 检查组还看台账吗", chat_id=GROUP)
    [sent] = await bot.sent(chat_id=GROUP)
    assert sent["text"] == expected_fact_html(bot, "inspections-unannounced-visits")
    assert quoted(sent) == 1


async def test_empty_ask_gets_usage(start_bot: StartBot) -> None:
    """/ask with no question (and in a basic group) gets the ask_usage line, and in a group
    how to ask by reply; a private chat's usage line is as it was."""
    bot = await start_bot()
    bot.fake.push_group_message("/ask", chat_id=-4242, chat_type="group")
    [sent] = await bot.sent(chat_id=-4242)
    assert sent["text"] == group_usage(bot)
    assert "回复" in bot.texts("group_reply_ask")  # asking by reply is what it tells
    bot.fake.push_private_message("/ask", user_id=1001)
    [private] = await bot.sent(chat_id=1001)
    assert private["text"] == html.escape(bot.texts("ask_usage"))


async def test_reply_to_bot_is_a_question(start_bot: StartBot) -> None:
    """Replying to one of the bot's messages asks a question without any command."""
    bot = await start_bot()
    bot.fake.push_group_message("/ask 会太多怎么办", chat_id=GROUP)
    [first] = await bot.sent(chat_id=GROUP)
    [bot_message] = [m for (chat, m) in bot.fake.messages if chat == GROUP]
    bot.fake.push_group_message(QUESTION, chat_id=GROUP, reply_to_bot_message_id=bot_message)
    sent = await bot.sent(2, chat_id=GROUP)
    assert sent[0] == first
    assert sent[1]["text"] == expected_fact_html(bot, "inspections-unannounced-visits")
    assert quoted(sent[1]) == 3  # the reply, not the bot's message


async def test_group_chatter_is_ignored(start_bot: StartBot) -> None:
    """Plain messages, unknown commands and commands for other bots get no reply at all."""
    bot = await start_bot()
    for text in ("会太多怎么办", "大家好", "/foo", "/ask@other_bot 会太多怎么办", "@someone 会议"):
        bot.fake.push_group_message(text, chat_id=GROUP)
    bot.fake.push_group_message("/ask 检查组还看台账吗", chat_id=GROUP)  # the sentinel
    [sent] = await bot.sent(chat_id=GROUP)
    assert sent["text"] == expected_fact_html(bot, "inspections-unannounced-visits")
    assert len(bot.fake.calls_to("sendMessage")) == 1


async def test_mention_with_privacy_off(start_bot: StartBot) -> None:
    """With privacy mode off, '@botname 问题' is answered with the mention stripped."""
    bot = await start_bot()
    bot.fake.push_group_message(f"@{BOT_USERNAME} 检查组还看台账吗", chat_id=GROUP)
    bot.fake.push_group_message(f"检查组还看台账吗 @{BOT_USERNAME.upper()}", chat_id=GROUP)
    bot.fake.push_group_message(f"@{BOT_USERNAME}", chat_id=GROUP)
    sent = await bot.sent(3, chat_id=GROUP)
    answer = expected_fact_html(bot, "inspections-unannounced-visits")
    assert [s["text"] for s in sent] == [answer, answer, group_usage(bot)]
    assert [quoted(s) for s in sent] == [1, 2, 3]


async def test_group_decline_only_when_asked(start_bot: StartBot) -> None:
    """An off-topic /ask gets not_found; the same words as chatter get nothing."""
    bot = await start_bot()
    bot.fake.push_group_message("明天天气怎么样", chat_id=GROUP)
    bot.fake.push_group_message("/ask 明天天气怎么样", chat_id=GROUP)
    [sent] = await bot.sent(chat_id=GROUP)
    assert sent["text"].startswith(html.escape(bot.texts("not_found", suggestions="")[:10]))
    assert quoted(sent) == 2


async def test_group_budget_warns_once_then_drops(start_bot: StartBot) -> None:
    """Over the group's budget: one slow_down, then silence; other groups are unaffected."""
    bot = await start_bot(group_limit=(2, 3600.0))
    for _ in range(5):
        bot.fake.push_group_message("/ask 会太多怎么办", chat_id=GROUP)
    bot.fake.push_group_message("/ask 会太多怎么办", chat_id=-100777)
    await bot.sent(chat_id=-100777)
    sent = await bot.sent(3, chat_id=GROUP)
    assert [s["text"] == html.escape(bot.texts("slow_down")) for s in sent] == [
        False, False, True,
    ]  # fmt: skip
    assert len(bot.fake.calls_to("sendMessage")) == 4
    assert bot.storage.stats(1).total == 3  # questions over budget are not even logged


def test_limiter_refills_and_warns_again() -> None:
    """The token bucket refills with time and, once allowed again, may warn again later."""
    now = [0.0]
    limiter = ChatLimiter(capacity=2, period=60.0, clock=lambda: now[0])
    assert [limiter.hit(1) for _ in range(4)] == [
        Verdict.ALLOW, Verdict.ALLOW, Verdict.WARN, Verdict.DROP,
    ]  # fmt: skip
    assert limiter.hit(2) is Verdict.ALLOW  # budgets are per chat
    now[0] = 30.0  # one question's worth of refill
    assert [limiter.hit(1), limiter.hit(1)] == [Verdict.ALLOW, Verdict.WARN]
    now[0] = 59.0
    assert limiter.hit(1) is Verdict.DROP  # warned at 30 s: not again within the period


async def test_commands_spend_the_budget_as_the_handlers_read_them(start_bot: StartBot) -> None:
    """ "/help/help" is answered as /help, so it costs a question like /help does."""
    bot = await start_bot(group_limit=(1, 3600.0))
    for _ in range(3):
        bot.fake.push_group_message("/help/help", chat_id=GROUP)
    bot.fake.push_group_message("/help", chat_id=-100777)  # comes after them, in order
    await bot.sent(chat_id=-100777)
    sent = await bot.sent(2, chat_id=GROUP)
    assert sent[1]["text"] == html.escape(bot.texts("slow_down"))
    assert len(bot.fake.calls_to("sendMessage")) == 3  # the third /help/help is dropped
