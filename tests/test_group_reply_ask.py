"""Groups: `@bot` (or a bare /ask) in reply to a colleague's question answers that question,
quoting it; and mentions of the bot's new username work after a rename without a restart."""

from __future__ import annotations

import asyncio
import html
from typing import Any

from conftest import StartBot
from fake_bot_api import BOT_USERNAME
from test_telegram_group import GROUP, QUESTION, group_usage, quoted
from test_telegram_private import expected_fact_html

from bot.telegram.answered import AnsweredMessages
from bot.telegram.own_name import OwnName

COLLEAGUE = 2002
UNANNOUNCED = "inspections-unannounced-visits"  # the fact QUESTION asks about


async def test_mention_in_reply_answers_the_colleagues_question(start_bot: StartBot) -> None:
    """A colleague asks in the group (chatter: ignored); someone replies just '@bot': the bot
    answers the colleague's question, once, as a reply to the colleague's message."""
    bot = await start_bot()
    bot.fake.push_group_message(QUESTION, chat_id=GROUP, user_id=COLLEAGUE)
    asked = bot.fake.last_user_message(GROUP)
    bot.fake.push_group_message(f"@{BOT_USERNAME}", chat_id=GROUP, reply_to_message_id=asked)
    bot.fake.push_group_message("/ask 检查组还看台账吗", chat_id=-100777)  # the sentinel
    await bot.sent(chat_id=-100777)
    [sent] = await bot.sent(chat_id=GROUP)
    assert sent["text"] == expected_fact_html(bot, UNANNOUNCED)
    assert quoted(sent) == asked
    assert len(bot.fake.calls_to("sendMessage")) == 2


async def test_empty_ask_in_reply_answers_the_replied_question(start_bot: StartBot) -> None:
    """'/ask@bot' and '/ask' with no text, replying to a question, answer that question."""
    bot = await start_bot()
    asked = []
    for command in (f"/ask@{BOT_USERNAME}", "/ask"):
        bot.fake.push_group_message(QUESTION, chat_id=GROUP, user_id=COLLEAGUE)
        asked.append(bot.fake.last_user_message(GROUP))
        bot.fake.push_group_message(command, chat_id=GROUP, reply_to_message_id=asked[-1])
    sent = await bot.sent(2, chat_id=GROUP)
    assert [s["text"] for s in sent] == [expected_fact_html(bot, UNANNOUNCED)] * 2
    assert [quoted(s) for s in sent] == asked


async def test_reply_with_its_own_question_answers_that(start_bot: StartBot) -> None:
    """'@bot 会太多怎么办' replying to someone answers its own words, quoting itself."""
    bot = await start_bot()
    bot.fake.push_group_message(QUESTION, chat_id=GROUP, user_id=COLLEAGUE)
    asked = bot.fake.last_user_message(GROUP)
    bot.fake.push_group_message(
        f"@{BOT_USERNAME} 会太多怎么办", chat_id=GROUP, reply_to_message_id=asked
    )
    [sent] = await bot.sent(chat_id=GROUP)
    assert sent["text"] != expected_fact_html(bot, UNANNOUNCED)
    assert quoted(sent) == asked + 1


async def test_reply_to_no_text_or_to_the_bot_gets_usage(start_bot: StartBot) -> None:
    """A bare '@bot' replying to a sticker, an uncaptioned photo or the bot itself: usage."""
    bot = await start_bot()
    usage = group_usage(bot)
    bot.fake.push_sticker(chat_id=GROUP, user_id=COLLEAGUE)
    bot.fake.push_group_message(
        f"@{BOT_USERNAME}", chat_id=GROUP, reply_to_message_id=bot.fake.last_user_message(GROUP)
    )
    [first] = await bot.sent(chat_id=GROUP)
    bot.fake.push_photo(chat_id=GROUP, user_id=COLLEAGUE)
    bot.fake.push_group_message(
        f"/ask@{BOT_USERNAME}", chat_id=GROUP, reply_to_message_id=bot.fake.last_user_message(GROUP)
    )
    await bot.sent(2, chat_id=GROUP)
    [bot_message] = [m for (chat, m) in bot.fake.messages if chat == GROUP][:1]
    bot.fake.push_group_message(
        f"@{BOT_USERNAME}", chat_id=GROUP, reply_to_bot_message_id=bot_message
    )
    sent = await bot.sent(3, chat_id=GROUP)
    assert [s["text"] for s in sent] == [usage] * 3
    assert first == sent[0]


async def test_reply_to_a_command_or_an_inline_answer_does_not_ask_again(
    start_bot: StartBot,
) -> None:
    """A bare '@bot' replying to an /ask (answered when it was sent) or to one of the bot's
    answers a member posted through inline mode does not ask it again: the /ask gets a
    pointer to its answer (test_group_answered_once.py), the inline answer the usage; so does
    the /ask once its answer is forgotten (a restart, say)."""
    bot = await start_bot()
    usage = group_usage(bot)
    bot.fake.push_group_message(f"/ask {QUESTION}", chat_id=GROUP, user_id=COLLEAGUE)
    command = bot.fake.last_user_message(GROUP)
    bot.fake.push_group_message(QUESTION, chat_id=GROUP, user_id=COLLEAGUE)
    inline = bot.fake.last_user_message(GROUP)
    bot.fake.user_messages[(GROUP, inline)]["via_bot"] = bot.fake.bot_user
    for replied in (command, inline):
        bot.fake.push_group_message(f"@{BOT_USERNAME}", chat_id=GROUP, reply_to_message_id=replied)
    sent = await bot.sent(3, chat_id=GROUP)
    pointer = html.escape(bot.texts("already_answered"))
    assert [s["text"] for s in sent] == [expected_fact_html(bot, UNANNOUNCED), pointer, usage]
    bot.app.bot_data.answered = AnsweredMessages()  # forgotten
    bot.fake.push_group_message(f"@{BOT_USERNAME}", chat_id=GROUP, reply_to_message_id=command)
    sent = await bot.sent(4, chat_id=GROUP)
    assert sent[3]["text"] == usage


async def test_reply_to_a_captioned_photo_answers_the_caption(start_bot: StartBot) -> None:
    """A photo's caption is its text: '@bot' in reply to it answers the caption."""
    bot = await start_bot()
    bot.fake.push_photo(caption=QUESTION, chat_id=GROUP, user_id=COLLEAGUE)
    asked = bot.fake.last_user_message(GROUP)
    bot.fake.push_group_message(f"@{BOT_USERNAME}", chat_id=GROUP, reply_to_message_id=asked)
    [sent] = await bot.sent(chat_id=GROUP)
    assert sent["text"] == expected_fact_html(bot, UNANNOUNCED)
    assert quoted(sent) == asked


async def test_reply_asks_spend_the_budget_and_log_like_asks(start_bot: StartBot) -> None:
    """Each '@bot' reply asking a question not yet answered costs one question of the group's
    budget and is logged once; over budget it is told to slow down and not logged, as any
    group question."""
    bot = await start_bot(group_limit=(1, 3600.0))
    for _ in range(3):
        bot.fake.push_group_message(QUESTION, chat_id=GROUP, user_id=COLLEAGUE)
        asked = bot.fake.last_user_message(GROUP)
        bot.fake.push_group_message(f"@{BOT_USERNAME}", chat_id=GROUP, reply_to_message_id=asked)
    bot.fake.push_group_message("/ask 检查组还看台账吗", chat_id=-100777)  # the sentinel
    await bot.sent(chat_id=-100777)
    sent = await bot.sent(2, chat_id=GROUP)
    assert sent[0]["text"] == expected_fact_html(bot, UNANNOUNCED)
    assert sent[1]["text"] == html.escape(bot.texts("slow_down"))
    assert len(bot.fake.calls_to("sendMessage")) == 3
    assert bot.storage.stats(1).total == 2  # the first reply ask and the sentinel


async def test_renamed_bot_answers_its_new_name(start_bot: StartBot) -> None:
    """After a rename in BotFather, '/ask@newname' and '@newname' work without a restart and
    the old name is no longer the bot's."""
    bot = await start_bot()
    bot.fake.rename_bot("jianfu_renamed_bot")
    bot.fake.push_group_message(f"/ask@jianfu_renamed_bot {QUESTION}", chat_id=GROUP)
    bot.fake.push_group_message(f"@jianfu_renamed_bot {QUESTION}", chat_id=GROUP)
    bot.fake.push_group_message(f"/ask@{BOT_USERNAME} {QUESTION}", chat_id=GROUP)
    bot.fake.push_group_message("/ask 检查组还看台账吗", chat_id=-100777)  # the sentinel
    await bot.sent(chat_id=-100777)
    sent = await bot.sent(2, chat_id=GROUP)
    assert [s["text"] for s in sent] == [expected_fact_html(bot, UNANNOUNCED)] * 2
    assert [quoted(s) for s in sent] == [1, 2]
    assert len(bot.fake.calls_to("sendMessage")) == 3


async def test_other_names_refresh_at_a_bounded_rate(start_bot: StartBot) -> None:
    """Mentions of other people and commands for other bots ask getMe at most once in a
    while, never once a message."""
    bot = await start_bot()
    before = len(bot.fake.calls_to("getMe"))
    for text in ("@someone 会议", "/ask@other_bot 会太多怎么办", "@colleague 表格", "@x 看看"):
        bot.fake.push_group_message(text, chat_id=GROUP)
    bot.fake.push_group_message("/ask 检查组还看台账吗", chat_id=GROUP)  # the sentinel
    [sent] = await bot.sent(chat_id=GROUP)
    assert quoted(sent) == 5
    assert len(bot.fake.calls_to("getMe")) - before <= 1


async def test_linked_name_addresses_the_bot_whatever_its_username(start_bot: StartBot) -> None:
    """A text_mention (the bot's name linked to its user id) addresses it without any
    username, even after a rename; only that span is cut, so the same word elsewhere stays."""
    bot = await start_bot()
    started = len(bot.fake.calls_to("getMe"))
    bot.fake.rename_bot("jianfu_renamed_bot")
    bot.fake.push_group_message(f"助手 {QUESTION}", chat_id=GROUP, linked_to_bot="助手")
    bot.fake.push_group_message(QUESTION, chat_id=GROUP, user_id=COLLEAGUE)
    asked = bot.fake.last_user_message(GROUP)
    bot.fake.push_group_message("减负助手", chat_id=GROUP, reply_to_message_id=asked,
                                linked_to_bot="减负助手")  # fmt: skip
    bot.fake.push_group_message("减负助手", chat_id=GROUP)  # plain words: chatter
    bot.fake.push_group_message("/ask 检查组还看台账吗", chat_id=-100777)  # the sentinel
    await bot.sent(chat_id=-100777)
    sent = await bot.sent(2, chat_id=GROUP)
    assert [s["text"] for s in sent] == [expected_fact_html(bot, UNANNOUNCED)] * 2
    assert [quoted(s) for s in sent] == [1, asked]
    assert len(bot.fake.calls_to("sendMessage")) == 3
    assert len(bot.fake.calls_to("getMe")) == started  # no refresh was needed


async def test_failed_refresh_keeps_the_old_name_and_waits(start_bot: StartBot) -> None:
    """A getMe that fails keeps the name we had and the bot answering; the next refresh comes
    only after the interval, and then the new name works."""
    bot = await start_bot()
    now = [1000.0]
    bot.app.bot_data.own_name = OwnName(min_interval=60.0, clock=lambda: now[0])
    bot.fake.rename_bot("jianfu_renamed_bot")
    bot.fake.inject_fault("getMe", status=400)
    bot.fake.push_group_message(f"/ask@jianfu_renamed_bot {QUESTION}", chat_id=GROUP)
    bot.fake.push_group_message(f"@jianfu_renamed_bot {QUESTION}", chat_id=GROUP)  # too soon
    bot.fake.push_group_message(f"/ask@{BOT_USERNAME} {QUESTION}", chat_id=GROUP)
    [first] = await bot.sent(chat_id=GROUP)
    assert quoted(first) == 3  # the old name still works: the rename was not seen
    assert len(bot.fake.faulted_calls) == 1  # and the second mention asked no getMe
    now[0] += 61.0
    bot.fake.push_group_message(f"@jianfu_renamed_bot {QUESTION}", chat_id=GROUP)
    sent = await bot.sent(2, chat_id=GROUP)
    assert quoted(sent[1]) == bot.fake.last_user_message(GROUP)
    assert bot.app.bot.username == "jianfu_renamed_bot"


async def test_a_captioned_photo_naming_the_bot_spends_no_budget(start_bot: StartBot) -> None:
    """A photo captioned '@bot 问题' is not answered (questions are text), so it must not
    spend the group's one question either: the text question after it is still answered."""
    bot = await start_bot(group_limit=(1, 3600.0))
    bot.fake.push_photo(caption=f"@{BOT_USERNAME} {QUESTION}", chat_id=GROUP, user_id=COLLEAGUE)
    bot.fake.push_group_message(f"/ask {QUESTION}", chat_id=GROUP)
    [sent] = await bot.sent(chat_id=GROUP)
    assert sent["text"] == expected_fact_html(bot, UNANNOUNCED)


class _SlowGetMe:
    """A stand-in for PTB's bot whose getMe answers only when told to, with a new name."""

    def __init__(self) -> None:
        self.username = "old_name_bot"
        self.answer = asyncio.Event()
        self.asked = 0

    async def get_me(self) -> None:
        self.asked += 1
        await self.answer.wait()
        self.username = "new_name_bot"


async def test_a_refresh_under_way_is_awaited_not_skipped() -> None:
    """Two chats name the new name at once: the second waits for the first's getMe and then
    reads the new name, rather than skipping the refresh and reading the old one."""
    own, bot = OwnName(), _SlowGetMe()
    # a stand-in for ExtBot: refresh uses only get_me and username
    stand_in: Any = bot

    async def name_after_refresh() -> str:
        await own.refresh(stand_in)
        return bot.username

    first = asyncio.create_task(own.refresh(stand_in))
    second = asyncio.create_task(name_after_refresh())
    for _ in range(3):
        await asyncio.sleep(0)
    bot.answer.set()
    assert await first is True
    assert await second == "new_name_bot"
    assert bot.asked == 1  # one getMe for both
