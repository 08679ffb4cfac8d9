"""Property test through the real Telegram front end: odd updates, in private chats and groups,
against the fake Bot API. Each gets exactly one reply or deliberate silence, never an error
message, a crash or a message Telegram would refuse, and the chat's next ordinary question is
still answered.

Updates of one chat are handled in order, so once the follow-up question's answer is out, the
odd update before it is finished with: no waiting on the clock to tell silence from slowness.
"""

from __future__ import annotations

import itertools
import logging
from typing import Any

import pytest
from conftest import RunningBot, StartBot
from fake_bot_api import BOT_USERNAME
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

# Examples per property; CI runs exactly these (derandomized, so every run is the same).
EXAMPLES = 500
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # no wall-clock assertions
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
NORMAL = "检查组还看台账吗"
NORMAL_START = "<b>暗访为主"  # how the answer to NORMAL begins
MENTION = f"@{BOT_USERNAME}"
MARKUP = ["<b>", "</b>", "<a href='tg://user?id=1'>", "&amp;", "&lt;", "*x*", "_x_", "`x`",
          "{}", "{suggestions}", "%s", "\u202e", "\u200d", "\ufeff", "\x00", "\r\n", "\u2028",
          "<blockquote>", "/start", "/ask", "/help@" + BOT_USERNAME, MENTION, "还有吗",
          "具体怎么做的", "会太多", "表哥", "\U0001f44d", "https://x.com/a", "[捂脸]", "\u200b",
          "群組", "@全体成员 "]  # fmt: skip

# Telegram's JSON never carries lone surrogates; everything else may arrive.
chars = st.characters(exclude_categories=["Cs"])
fragments = st.one_of(
    st.text(chars, max_size=30),
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=12),
    st.sampled_from(MARKUP),
)
texts = st.one_of(
    st.lists(fragments, max_size=8).map("".join),
    st.tuples(fragments, st.integers(20, 400)).map(lambda t: (t[0] * t[1])[:4096]),
)
# How an odd update reaches the bot (see _push_odd).
PRIVATE_KINDS = ["text", "command", "start_payload", "photo_caption", "sticker", "edit", "button"]
GROUP_KINDS = ["chatter", "ask", "ask_at", "mention", "reply", "photo_caption", "edit", "button"]

_chats = itertools.count(700_000)


async def _settle(bot: RunningBot, chat: int, before: int, odd: str) -> list[dict[str, Any]]:
    """Ask NORMAL in `chat` (private when positive); the messages sent to the chat since
    `before`, the last of them being NORMAL's answer."""
    if chat > 0:
        bot.fake.push_private_message(NORMAL, user_id=chat)
    else:
        bot.fake.push_group_message(f"/ask {NORMAL}", chat_id=chat, user_id=4242)

    def answered(params: dict[str, Any]) -> bool:
        return params.get("chat_id") == chat and str(params.get("text", "")).startswith(
            NORMAL_START
        )

    await bot.fake.async_wait_for("sendMessage", 1, 30.0, answered)
    sent = [c.params for c in bot.fake.calls_to("sendMessage") if c.params.get("chat_id") == chat]
    assert sent[-1]["text"].startswith(NORMAL_START), (odd, sent)
    return sent[before:]


def _push_odd(bot: RunningBot, chat: int, kind: str, text: str) -> None:
    fake = bot.fake
    if chat > 0:
        pushes = {
            "text": lambda: fake.push_private_message(text, user_id=chat),
            "command": lambda: fake.push_private_message("/" + text, user_id=chat),
            "start_payload": lambda: fake.push_private_message("/start " + text, user_id=chat),
            "photo_caption": lambda: fake.push_photo(text[:1024] or None, user_id=chat),
            "sticker": lambda: fake.push_sticker(text[:2] or "👍", user_id=chat),
            "edit": lambda: fake.push_edited_message(text, message_id=1, user_id=chat),
            "button": lambda: fake.push_callback_query(text[:64], 1, chat_id=chat, user_id=chat),
        }
    else:
        group = {"chat_id": chat, "user_id": 4242}
        pushes = {
            "chatter": lambda: fake.push_group_message(text, **group),
            "ask": lambda: fake.push_group_message("/ask " + text, **group),
            "ask_at": lambda: fake.push_group_message(f"/ask@{BOT_USERNAME} {text}", **group),
            "mention": lambda: fake.push_group_message(f"{MENTION} {text}", **group),
            "reply": lambda: fake.push_group_message(text, reply_to_bot_message_id=1, **group),
            "photo_caption": lambda: fake.push_photo(text[:1024] or None, chat_id=chat),
            "edit": lambda: fake.push_edited_message(text, message_id=1, chat_id=chat),
            "button": lambda: fake.push_callback_query(text[:64], 1, chat_id=chat, user_id=4242),
        }
    pushes[kind]()


def _expected_replies(chat: int, kind: str, text: str) -> set[int]:
    """How many messages the bot may send for the odd update."""
    if kind in ("edit", "button"):
        return {0}  # edits are ignored; a button press is answered by a toast, not a message
    if chat > 0:
        return {1} if kind != "text" or text.strip() else {0, 1}
    if kind in ("ask", "ask_at"):
        return {1}
    if kind == "chatter" and MENTION not in text and "/" not in text:
        return {0}  # ordinary group talk: deliberate silence
    return {0, 1}


@pytest.fixture
async def bot(start_bot: StartBot) -> RunningBot:
    return await start_bot(rate_limit=False)


where = st.one_of(
    st.tuples(st.just(True), st.sampled_from(PRIVATE_KINDS)),
    st.tuples(st.just(False), st.sampled_from(GROUP_KINDS)),
)


@FUZZ
@given(where=where, text=texts)
# Found by this test: PTB routes a press with empty data to every pattern handler, and "$"
# let "topics\n" through to a handler that then raised.
@example(where=(True, "button"), text="")
@example(where=(False, "button"), text="topics\n")
@example(where=(True, "button"), text="fb:1:1:0123456789abcdef\n")
# Found by this test: "/start/start" was read as the command "start/start", and got nothing.
@example(where=(True, "text"), text="/START/START")
async def test_odd_updates_get_one_reply_or_silence(
    bot: RunningBot, caplog: pytest.LogCaptureFixture, where: tuple[bool, str], text: str
) -> None:
    """One reply or deliberate silence, no error, nothing Telegram refuses, and the next
    question in the same chat answered."""
    private, kind = where
    chat = next(_chats) * (1 if private else -1)
    event(f"{'private' if private else 'group'} {kind}")
    caplog.clear()
    _push_odd(bot, chat, kind, text)
    sent = await _settle(bot, chat, 0, f"{kind}: {text!r}")
    replies = sent[:-1]
    assert len(replies) in _expected_replies(chat, kind, text), (kind, text, replies)
    error = bot.texts("error")
    assert all(r["text"] != error for r in replies), (kind, text)
    assert not bot.fake.rejected_calls, bot.fake.rejected_calls[-1]
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert problems == [], (kind, text)


@FUZZ
@given(text=texts)
async def test_odd_inline_queries_get_one_answer(
    bot: RunningBot, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    """Any inline query, whatever its text, is answered exactly once with results the Bot API
    accepts; an ordinary one right after still lists the right fact."""
    caplog.clear()
    before = len(bot.fake.calls_to("answerInlineQuery"))
    bot.fake.push_inline_query(text[:256], user_id=next(_chats))  # Telegram caps queries at 256
    bot.fake.push_inline_query(NORMAL, user_id=next(_chats))
    calls = await bot.fake.async_wait_for("answerInlineQuery", before + 2, 30.0)
    assert len(calls) == before + 2
    normal = calls[-1].params  # queries from different users may be answered in any order
    if not any("暗访为主" in str(r) for r in normal.get("results") or []):
        normal = calls[-2].params
    assert any("暗访为主" in str(r) for r in normal.get("results") or []), (text, normal)
    assert not bot.fake.rejected_calls, bot.fake.rejected_calls[-1]
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert problems == [], text
