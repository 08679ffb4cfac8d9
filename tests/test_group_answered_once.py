"""Groups: a question asked of the bot is answered once. A later bare `@bot` (or `/ask`)
replying to an answered message gets a short pointer to the answer (a reply to it), which
costs no question budget; the memory is short, bounded and holds no one's identity."""

from __future__ import annotations

import html

from conftest import RunningBot, StartBot
from fake_bot_api import BOT_USERNAME
from test_telegram_group import GROUP, QUESTION, quoted
from test_telegram_private import expected_fact_html

from bot.telegram.answered import POINTER_GAP, REMEMBER_SECONDS, AnsweredMessages

COLLEAGUES = (2002, 2003, 2004, 2005, 2006)
UNANNOUNCED = "inspections-unannounced-visits"  # the fact QUESTION asks about
ELSEWHERE = -100777  # another group: a sentinel there shows every earlier update was handled


def pointer(bot: RunningBot) -> str:
    return html.escape(bot.texts("already_answered"))


def bot_messages(bot: RunningBot) -> list[int]:
    return sorted(m for (chat, m) in bot.fake.messages if chat == GROUP)


async def settled(bot: RunningBot, sentinels: int = 1) -> None:
    bot.fake.push_group_message("/ask 检查组还看台账吗", chat_id=ELSEWHERE)
    await bot.sent(sentinels, chat_id=ELSEWHERE)


async def test_colleagues_replying_to_one_question_get_one_answer(start_bot: StartBot) -> None:
    """Two colleagues reply '@bot' to the same question: the first gets the answer, the second
    a pointer replying to that answer; the pointer spends none of the budget (one question
    here) and is not logged as a question."""
    bot = await start_bot(group_limit=(1, 3600.0))
    bot.fake.push_group_message(QUESTION, chat_id=GROUP, user_id=COLLEAGUES[0])
    asked = bot.fake.last_user_message(GROUP)
    for colleague, mention in zip(COLLEAGUES[1:3], (f"@{BOT_USERNAME}", "/ask"), strict=True):
        bot.fake.push_group_message(
            mention, chat_id=GROUP, user_id=colleague, reply_to_message_id=asked
        )
    await settled(bot)
    answer, second = await bot.sent(2, chat_id=GROUP)
    assert answer["text"] == expected_fact_html(bot, UNANNOUNCED)
    assert quoted(answer) == asked
    assert second["text"] == pointer(bot)
    assert quoted(second) == bot_messages(bot)[0]  # the answer
    assert "reply_markup" not in second  # a pointer, not a second answer with its buttons
    assert len(bot.fake.calls_to("sendMessage")) == 3  # no slow_down: the budget is untouched
    assert bot.storage.stats(1).total == 2  # the one answer and the sentinel


async def test_a_bare_reply_to_a_message_that_asked_the_bot_points_to_its_answer(
    start_bot: StartBot,
) -> None:
    """'@bot 问题' and '/ask 问题' were answered when sent: a bare '@bot' or '/ask' replying
    to either points to that answer instead of asking again."""
    bot = await start_bot()
    asks = []
    for text in (f"@{BOT_USERNAME} {QUESTION}", f"/ask {QUESTION}"):
        bot.fake.push_group_message(text, chat_id=GROUP, user_id=COLLEAGUES[0])
        asks.append(bot.fake.last_user_message(GROUP))
    answers = await bot.sent(2, chat_id=GROUP)
    first, second = bot_messages(bot)
    for asked, bare in zip(asks, ("/ask", f"@{BOT_USERNAME}"), strict=True):
        bot.fake.push_group_message(bare, chat_id=GROUP, reply_to_message_id=asked)
    sent = await bot.sent(4, chat_id=GROUP)
    assert sent[:2] == answers
    assert [s["text"] for s in sent[2:]] == [pointer(bot)] * 2
    assert [quoted(s) for s in sent[2:]] == [first, second]


async def test_pointers_come_at_most_once_a_while_and_the_memory_expires(
    start_bot: StartBot,
) -> None:
    """A third bare reply right after a pointer gets nothing (the pointer is on screen); one
    after POINTER_GAP gets another; once the answer is forgotten, a reply asks afresh."""
    bot = await start_bot()
    now = [1000.0]
    bot.app.bot_data.answered = AnsweredMessages(clock=lambda: now[0])
    bot.fake.push_group_message(QUESTION, chat_id=GROUP, user_id=COLLEAGUES[0])
    asked = bot.fake.last_user_message(GROUP)

    def reply(colleague: int) -> None:
        bot.fake.push_group_message(
            f"@{BOT_USERNAME}", chat_id=GROUP, user_id=colleague, reply_to_message_id=asked
        )

    for colleague in COLLEAGUES[1:4]:
        reply(colleague)
    await settled(bot)
    assert [s["text"] for s in await bot.sent(2, chat_id=GROUP)] == [
        expected_fact_html(bot, UNANNOUNCED), pointer(bot),
    ]  # fmt: skip
    assert len(bot.fake.calls_to("sendMessage")) == 3  # the third reply: nothing
    now[0] += POINTER_GAP
    reply(COLLEAGUES[4])
    now_sent = await bot.sent(3, chat_id=GROUP)
    assert now_sent[2]["text"] == pointer(bot)
    now[0] += REMEMBER_SECONDS
    reply(COLLEAGUES[1])
    again = await bot.sent(4, chat_id=GROUP)
    assert again[3]["text"] == expected_fact_html(bot, UNANNOUNCED)
    assert quoted(again[3]) == asked


def test_the_memory_is_bounded_and_forgets_the_expired() -> None:
    """At most `size` answers, the oldest forgotten first; an expired one is gone."""
    now = [0.0]
    answered = AnsweredMessages(seconds=10.0, size=2, clock=lambda: now[0])
    for asked in (1, 2, 3):
        answered.remember(GROUP, asked, 100 + asked)
    assert [answered.answer_to(GROUP, a) for a in (1, 2, 3)] == [None, 102, 103]
    assert answered.answer_to(-1, 2) is None  # another chat's message 2 was never answered
    now[0] = 10.0
    assert answered.answer_to(GROUP, 3) is None
    answered.remember(GROUP, 4, 104)
    assert len(answered) == 1  # the expired went when the new one came
