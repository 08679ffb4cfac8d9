"""/start with deep links, /help, /topics, /about, unknown commands and the command menus."""

from __future__ import annotations

import html
import json

from conftest import RunningBot, StartBot
from test_telegram_private import expected_fact_html

USER = 1001
FACT = "meetings-one-topic-once"


def help_text(bot: RunningBot) -> str:
    examples = "\n".join(f"· {q}" for q in bot.service.matcher.texts.example_questions)
    return html.escape(bot.texts("help", examples=examples))


async def test_start_and_deep_links(start_bot: StartBot) -> None:
    """/start greets; payloads topics, fact-<id> and f_<id> open those; junk falls back."""
    bot = await start_bot()
    for text in (
        "/start",
        "/start topics",
        f"/start fact-{FACT}",
        f"/start f_{FACT}",
        "/start fact-nope",
        "/start <b>",
    ):
        bot.fake.push_private_message(text, user_id=USER)
    sent = await bot.sent(6, chat_id=USER)
    start = html.escape(bot.texts("start"))
    assert [s["text"] for s in sent] == [
        start, html.escape(bot.texts("topics_header")), expected_fact_html(bot, FACT),
        expected_fact_html(bot, FACT), start, start,
    ]  # fmt: skip
    assert sent[1]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "topic:meetings"
    assert sent[2]["reply_markup"] == {
        "inline_keyboard": [[{"text": "更多实例", "callback_data": f"more:{FACT}"}]]
    }


async def test_help_lists_example_questions(start_bot: StartBot) -> None:
    """/help (also /help@botname) sends the help text with the example questions."""
    bot = await start_bot()
    bot.fake.push_private_message("/help", user_id=USER)
    bot.fake.push_private_message("/help@jianfu_test_bot", user_id=USER)
    sent = await bot.sent(2, chat_id=USER)
    assert [s["text"] for s in sent] == [help_text(bot)] * 2


async def test_about_cites_sources_and_counts_facts(start_bot: StartBot) -> None:
    """/about names every seed article and the number of facts."""
    bot = await start_bot()
    kb = bot.service.matcher.kb
    bot.fake.push_private_message("/about", user_id=USER)
    [sent] = await bot.sent(chat_id=USER)
    sources = "\n".join(f"· {s.citation}" for s in kb.seeds.values())
    expected = bot.texts("about", sources=sources, fact_count=len(kb.facts))
    assert sent["text"] == html.escape(expected)
    assert "人民日报《减负看得见 一线变化多》" in sent["text"]


async def test_unknown_private_command_looks_like_an_admin_command(start_bot: StartBot) -> None:
    """A mistyped command gets the not-found reply, exactly as a non-admin's /stats does."""
    bot = await start_bot()
    bot.fake.push_private_message("/foo bar", user_id=USER)
    bot.fake.push_private_message("/stats", user_id=USER)
    first, second = await bot.sent(2, chat_id=USER)
    assert first["text"] == second["text"]
    assert first["text"].startswith("抱歉，资料里没有找到")


async def test_group_commands_quote_the_asker(start_bot: StartBot) -> None:
    """/help@botname and /topics in a group are answered as replies to the command; the
    group's help tells how to ask by reply (the private chat's is unchanged)."""
    bot = await start_bot()
    bot.fake.push_group_message("/help@jianfu_test_bot", chat_id=-100321)
    bot.fake.push_group_message("/topics", chat_id=-100321)
    sent = await bot.sent(2, chat_id=-100321)
    assert sent[0]["text"] == group_help_text(bot)
    assert [s["reply_parameters"]["message_id"] for s in sent] == [1, 2]


def group_help_text(bot: RunningBot) -> str:
    """The help in a group: the private chat's, then how to ask by reply."""
    return help_text(bot) + "\n\n" + html.escape(bot.texts("group_reply_ask"))


async def test_command_menus_are_registered(start_bot: StartBot) -> None:
    """post_init publishes Chinese command menus for private chats and for groups, no admin ones."""
    bot = await start_bot()
    private = bot.fake.commands[json.dumps([{"type": "all_private_chats"}, ""])]
    groups = bot.fake.commands[json.dumps([{"type": "all_group_chats"}, ""])]
    assert [c["command"] for c in private] == ["start", "topics", "help", "about"]
    assert [c["command"] for c in groups] == ["ask", "topics", "help", "about"]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in c["description"]) for c in private)
    assert not {"stats", "unanswered", "reload"} & {c["command"] for c in private + groups}
