"""Admin commands: only listed users, only in private; nobody else can tell they exist."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from conftest import RunningBot, StartBot
from test_telegram_private import expected_fact_html

ADMIN = 4242
USER = 1001
GROUP = -100999


def not_found(bot: RunningBot) -> str:
    examples = "\n".join(f"· {q}" for q in bot.service.matcher.texts.example_questions[:4])
    return html.escape(bot.texts("not_found", suggestions=examples))


async def test_non_admin_gets_the_not_found_reply(start_bot: StartBot) -> None:
    """A non-admin's /stats, /unanswered, /reload get exactly the not-found reply, no photo."""
    bot = await start_bot(admin_ids=frozenset({ADMIN}))
    for command in ("/stats", "/unanswered 7", "/reload"):
        bot.fake.push_private_message(command, user_id=USER)
    sent = await bot.sent(3, chat_id=USER)
    assert [s["text"] for s in sent] == [not_found(bot)] * 3
    assert sent[0]["reply_markup"] == {
        "inline_keyboard": [[{"text": bot.texts("button_topics"), "callback_data": "topics"}]]
    }
    assert not bot.fake.calls_to("sendPhoto")


async def test_admin_commands_are_ignored_in_groups(start_bot: StartBot) -> None:
    """Even the admin gets no reply to /stats in a group; the next /ask is answered as usual."""
    bot = await start_bot(admin_ids=frozenset({ADMIN}))
    bot.fake.push_group_message("/stats", chat_id=GROUP, user_id=ADMIN)
    bot.fake.push_group_message("/reload@jianfu_test_bot", chat_id=GROUP, user_id=ADMIN)
    bot.fake.push_group_message("/ask 检查组还看台账吗", chat_id=GROUP, user_id=ADMIN)
    [sent] = await bot.sent(chat_id=GROUP)
    assert sent["text"] == expected_fact_html(bot, "inspections-unannounced-visits")
    assert len(bot.fake.calls_to("sendMessage")) == 1 and not bot.fake.calls_to("sendPhoto")


async def test_admin_stats_sends_png_chart(start_bot: StartBot) -> None:
    """The admin's /stats sends a PNG chart captioned with the summary of the question log."""
    bot = await start_bot(admin_ids=frozenset({ADMIN}))
    for question in ("检查组还看台账吗", "会太多怎么办", "明天天气怎么样"):
        bot.fake.push_private_message(question, user_id=USER)
    await bot.sent(3, chat_id=USER)
    bot.fake.push_private_message("/stats", user_id=ADMIN)
    [photo] = await bot.sent(method="sendPhoto")
    assert photo["chat_id"] == ADMIN
    assert isinstance(photo["photo"], bytes) and photo["photo"].startswith(b"\x89PNG\r\n\x1a\n")
    kb = bot.service.matcher.kb
    stats = bot.storage.stats(30, {f.id: f.topic for f in kb.facts})
    assert stats.total == 3
    assert photo["caption"] == bot.service.renderer.stats_summary(stats)
    assert not bot.fake.rejected_calls


async def test_admin_unanswered_lists_questions(start_bot: StartBot) -> None:
    """/unanswered lists declined questions with counts; with none, it says so."""
    bot = await start_bot(admin_ids=frozenset({ADMIN}))
    bot.fake.push_private_message("/unanswered", user_id=ADMIN)
    [empty] = await bot.sent(chat_id=ADMIN)
    assert empty["text"] == html.escape(bot.texts("admin_unanswered_none", days=30))
    for question in ("明天天气怎么样", "<b>股票</b>涨不涨", "明天天气怎么样"):
        bot.fake.push_private_message(question, user_id=USER)
    await bot.sent(3, chat_id=USER)
    bot.fake.push_private_message("/unanswered 7", user_id=ADMIN)
    listing = (await bot.sent(2, chat_id=ADMIN))[1]
    rows = bot.storage.top_unanswered(20, 7)
    assert [n for _, n in rows] == [2, 1]
    lines = "\n".join(f"· {q}  ×{n}" for q, n in rows)
    assert listing["text"] == html.escape(bot.texts("admin_unanswered", days=7, questions=lines))


async def test_reload_with_broken_kb_keeps_old_one(start_bot: StartBot, kb_copy: Path) -> None:
    """/reload on a broken copy reports the problem and the old knowledge base keeps answering."""
    root = kb_copy
    bot = await start_bot(kb_root=root, admin_ids=frozenset({ADMIN}))
    facts = len(bot.service.matcher.kb.facts)
    bot.fake.push_private_message("/reload", user_id=ADMIN)
    [ok] = await bot.sent(chat_id=ADMIN)
    assert ok["text"] == html.escape(bot.texts("admin_reload_ok", fact_count=facts))

    broken = root / "responses" / "facts" / "inspections.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "\n  - id: [oops\n", encoding="utf-8")
    bot.fake.push_private_message("/reload", user_id=ADMIN)
    failed = (await bot.sent(2, chat_id=ADMIN))[1]
    head = bot.texts("admin_reload_failed", count=1, problems="")
    assert failed["text"].startswith(html.escape(head))
    assert "responses/facts/inspections.yaml: malformed YAML" in html.unescape(failed["text"])

    bot.fake.push_private_message("检查组还看台账吗", user_id=USER)
    [answer] = await bot.sent(chat_id=USER)
    assert answer["text"] == expected_fact_html(bot, "inspections-unannounced-visits")
    assert len(bot.service.matcher.kb.facts) == facts


async def test_kb_edit_is_picked_up_and_admin_told(
    start_bot: StartBot, kb_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the watcher on, an edit on disk is live without /reload and the admin hears of it."""
    root = kb_copy
    bot = await start_bot(kb_root=root, admin_ids=frozenset({ADMIN}), watch_seconds=0.05)
    facts = root / "responses" / "facts" / "chat-groups.yaml"
    title = bot.service.matcher.kb.by_id["chat-groups-190-dissolved"].title
    facts.write_text(
        facts.read_text(encoding="utf-8").replace(f"title: {title}", "title: 解散整合190多个群"),
        encoding="utf-8",
    )
    [note] = await bot.sent(chat_id=ADMIN)
    assert note["text"] == bot.texts("admin_reload_ok", fact_count=bot.service.fact_count)
    bot.fake.push_private_message("海港区解散了多少个群", user_id=USER)
    [answer] = await bot.sent(chat_id=USER)
    assert answer["text"].startswith("<b>解散整合190多个群</b>")


async def test_a_window_that_is_no_number_means_the_default(start_bot: StartBot) -> None:
    """`/unanswered ²`: a digit to str.isdigit, none to int(); the admin got the sorry reply
    of a failed handler. Like any other word after the command, it means the last 30 days."""
    bot = await start_bot(admin_ids=frozenset({ADMIN}))
    bot.fake.push_private_message("/unanswered ²", user_id=ADMIN)
    [sent] = await bot.sent(chat_id=ADMIN)
    assert sent["text"] == html.escape(bot.texts("admin_unanswered_none", days=30))
