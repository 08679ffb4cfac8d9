"""Private chats through the real Application and a fake Bot API: questions in, HTML out."""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import RunningBot, StartBot
from fake_bot_api import utf16_len

from bot.answer.limits import page_of
from bot.answer.render import Renderer
from bot.answer.service import Service
from bot.kb import load_kb
from bot.search.matcher import Matcher
from bot.telegram.context import keyboard

USER = 1001


def expected_fact_html(bot: RunningBot, fact_id: str) -> str:
    """The answer layout spelled out independently of bot/reply.py."""
    kb, texts = bot.service.matcher.kb, bot.service.matcher.texts
    fact = kb.by_id[fact_id]
    e = html.escape
    return (
        f"<b>{e(fact.title)}</b>\n"
        f"<b>{texts.get('label_measure')}：</b>{e(fact.measure)}\n"
        f"<b>{texts.get('label_example')}：</b>{e(fact.example)}\n"
        f"<b>{texts.get('label_quote')}：</b><blockquote>{e(fact.quote)}</blockquote>\n"
        f"<b>{texts.get('label_source')}：</b>{e(kb.seeds[fact.seed].citation)}"
    )


async def test_private_question_gets_exact_html_answer(start_bot: StartBot) -> None:
    """检查组还看台账吗 is answered with inspections-unannounced-visits, exact HTML and buttons."""
    bot = await start_bot()
    bot.fake.push_private_message("检查组还看台账吗", user_id=USER)
    [sent] = await bot.sent(chat_id=USER)
    assert sent["parse_mode"] == "HTML"
    assert sent["text"] == expected_fact_html(bot, "inspections-unannounced-visits")
    assert sent["text"].startswith("<b>暗访为主、不盯台账</b>\n<b>做法：</b>检查以暗访为主，")
    assert "reply_parameters" not in sent  # private chats are not quoted
    rows = sent["reply_markup"]["inline_keyboard"]
    assert rows[0] == [{"text": "更多实例", "callback_data": "more:inspections-unannounced-visits"}]
    assert [b["text"] for b in rows[1]] == [bot.texts("button_up"), bot.texts("button_down")]
    assert re.fullmatch(r"fb:\d+:1:[0-9a-f]{16}", rows[1][0]["callback_data"])
    assert re.fullmatch(r"fb:\d+:0:[0-9a-f]{16}", rows[1][1]["callback_data"])
    assert not bot.fake.rejected_calls


async def test_uncertain_question_offers_did_you_mean_buttons(start_bot: StartBot) -> None:
    """An in-between score sends the "did you mean" list with one fact: button per choice."""
    bot = await start_bot()
    question = "留痕"
    reply = bot.service.matcher.match(question)
    assert reply.decision == "suggest", "precondition: the matcher is unsure about this one"
    choices = [m.fact for m in bot.service.matcher.suggestions(reply)]
    bot.fake.push_private_message(question, user_id=USER)
    [sent] = await bot.sent(chat_id=USER)
    assert sent["text"].startswith(html.escape(bot.texts("did_you_mean")))
    assert sent["reply_markup"]["inline_keyboard"] == [
        [{"text": f.title, "callback_data": f"fact:{f.id}"}] for f in choices
    ]


async def test_unknown_subject_gets_not_found_and_topics_button(start_bot: StartBot) -> None:
    """A question the knowledge base cannot answer gets not_found and a browse-topics button."""
    bot = await start_bot()
    bot.fake.push_private_message("明天天气怎么样", user_id=USER)
    [sent] = await bot.sent(chat_id=USER)
    examples = "\n".join(f"· {q}" for q in bot.service.matcher.texts.example_questions[:4])
    assert sent["text"] == html.escape(bot.texts("not_found", suggestions=examples))
    assert sent["reply_markup"] == {
        "inline_keyboard": [[{"text": bot.texts("button_topics"), "callback_data": "topics"}]]
    }


async def test_greeting_gets_help(start_bot: StartBot) -> None:
    """你好 is not a question: the help text with example questions comes back."""
    bot = await start_bot()
    bot.fake.push_private_message("你好", user_id=USER)
    [sent] = await bot.sent(chat_id=USER)
    examples = "\n".join(f"· {q}" for q in bot.service.matcher.texts.example_questions)
    assert sent["text"] == html.escape(bot.texts("help", examples=examples))


async def test_markup_characters_are_escaped(start_bot: StartBot) -> None:
    """Text full of <>&*_[]` markup gets a reply Telegram accepts (no 400 from the HTML parser)."""
    bot = await start_bot()
    for text in ("<b>会太多</b> & <script>", "*_[]`~ <i 会议 &amp;", "</blockquote>&lt;"):
        bot.fake.push_private_message(text, user_id=USER)
    sent = await bot.sent(3, chat_id=USER)
    assert len(sent) == 3
    assert not bot.fake.rejected_calls


async def test_very_long_text_is_answered_within_limits(start_bot: StartBot) -> None:
    """A 5000-character message gets one reply under 4096 characters, no error."""
    bot = await start_bot()
    bot.fake.push_private_message("会议太多怎么办" * 715, user_id=USER)  # 5005 characters
    [sent] = await bot.sent(chat_id=USER)
    assert utf16_len(sent["text"]) <= 4096
    assert not bot.fake.rejected_calls
    assert bot.texts("error") not in sent["text"]


async def test_stickers_photos_and_blank_text_get_a_nudge(start_bot: StartBot) -> None:
    """Non-text messages (and whitespace) are answered with empty_question, nothing else."""
    bot = await start_bot()
    bot.fake.push_sticker(user_id=USER)
    bot.fake.push_photo(caption="看看这张图", user_id=USER)
    bot.fake.push_private_message("   ", user_id=USER)
    sent = await bot.sent(3, chat_id=USER)
    assert [s["text"] for s in sent] == [html.escape(bot.texts("empty_question"))] * 3
    assert not bot.fake.rejected_calls


async def test_edits_and_channel_posts_are_ignored(start_bot: StartBot) -> None:
    """Edited messages and channel posts get no reply; the next question is still answered."""
    bot = await start_bot()
    bot.fake.push_edited_message("会太多怎么办", message_id=1, user_id=USER)
    bot.fake.push_channel_post("会太多怎么办")
    bot.fake.push_private_message("检查组还看台账吗", user_id=USER)
    await bot.sent(chat_id=USER)
    assert len(bot.fake.calls_to("sendMessage")) == 1
    assert not bot.fake.rejected_calls


async def test_question_log_holds_no_identity(start_bot: StartBot, tmp_path: Path) -> None:
    """The question is logged, but the asker's id and name appear nowhere in the data dir."""
    bot = await start_bot()
    bot.fake.push_private_message("会太多怎么办", user_id=987654321, first_name="王小明")
    await bot.sent(chat_id=987654321)
    bot.storage.close()
    stored = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert "会太多怎么办".encode() in stored or "会太多".encode() in stored
    for secret in ("987654321", "王小明", "tester"):
        assert secret.encode() not in stored


def test_callback_data_always_fits_64_bytes(matcher: Matcher) -> None:
    """Every button the bot can build, for every fact and topic, has callback data ≤ 64 bytes."""
    kb = load_kb()
    render = Renderer(kb)
    replies = [render.fact(f, related=kb.facts) for f in kb.facts]
    everything = page_of(list(kb.facts), 0)  # the first page: up to PAGE_FACTS
    assert everything is not None
    replies += [render.listing("", everything, "more", kb.facts[0].id), render.not_found()]
    replies += [r for r in (render.topics(), *(render.topic(t) for t in kb.topics)) if r]
    feedback = render.feedback_row(2**63 - 1, "f" * 16)
    replies = [r.__class__(r.text, r.html, buttons=(*r.buttons, feedback)) for r in replies]
    service = Service(matcher=matcher)
    replies += [service.ask(q) for q in ("会议", "留痕", "天气")]
    markups = [m for m in map(keyboard, replies) if m is not None]
    data = [b.callback_data for m in markups for row in m.inline_keyboard for b in row]
    assert len(data) > len(kb.facts) * 3
    assert all(isinstance(d, str) and 1 <= len(d.encode()) <= 64 for d in data)


async def test_answers_keep_each_chats_question_order(start_bot: StartBot) -> None:
    """Updates run concurrently across chats, yet each chat's answers come in question order."""
    bot = await start_bot()
    questions = ["检查组还看台账吗", "会太多怎么办", "明天天气怎么样", "你好"] * 5
    for q in questions:
        for user in (USER, 2002, 3003):
            bot.fake.push_private_message(q, user_id=user)
    matcher = bot.service.matcher
    render = Renderer(matcher.kb)
    expected = [render.result(matcher.match(q), matcher).html for q in questions]
    for user in (USER, 2002, 3003):
        sent = await bot.sent(len(questions), chat_id=user)
        assert [s["text"] for s in sent] == expected
