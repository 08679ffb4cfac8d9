"""Buttons: more examples, 👍/👎 (logged), did-you-mean choices, topic browsing, stale data."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from conftest import RunningBot, StartBot
from test_telegram_private import expected_fact_html

from bot.answer.render import Button

USER = 1001
FACT = "inspections-unannounced-visits"


async def answered(
    bot: RunningBot, question: str = "检查组还看台账吗"
) -> tuple[int, dict[str, Any]]:
    """Ask in private; the bot's message id and its keyboard rows."""
    before = len(bot.fake.calls_to("sendMessage"))
    bot.fake.push_private_message(question, user_id=USER)
    await bot.sent(before + 1, chat_id=USER)
    message_id = max(m for (chat, m) in bot.fake.messages if chat == USER)
    return message_id, bot.fake.messages[(USER, message_id)]["reply_markup"]


async def toasts(bot: RunningBot, count: int) -> list[str | None]:
    return [p.get("text") for p in await bot.sent(count, method="answerCallbackQuery")]


async def test_more_lists_other_facts_in_topic(start_bot: StartBot) -> None:
    """更多实例 sends the topic's other facts as buttons and stops the spinner silently."""
    bot = await start_bot()
    message_id, _ = await answered(bot)
    bot.fake.push_callback_query(f"more:{FACT}", message_id=message_id, chat_id=USER)
    assert await toasts(bot, 1) == [None]
    sent = (await bot.sent(2, chat_id=USER))[1]
    kb = bot.service.matcher.kb
    topic = kb.topics[kb.by_id[FACT].topic]
    assert sent["text"] == html.escape(bot.texts("more_header", topic=topic.name))
    others = [f for f in kb.facts_in_topic(topic.id) if f.id != FACT]
    assert sent["reply_markup"]["inline_keyboard"] == [
        [{"text": f.title, "callback_data": f"fact:{f.id}"}] for f in others
    ]


async def test_feedback_is_stored_and_buttons_removed(start_bot: StartBot) -> None:
    """👍 and 👎 are logged against the question, thanked, and the vote row disappears."""
    bot = await start_bot()
    up_message, markup = await answered(bot)
    up_data = markup["inline_keyboard"][1][0]["callback_data"]
    down_message, markup = await answered(bot, "会太多怎么办")
    down_data = markup["inline_keyboard"][1][1]["callback_data"]
    bot.fake.push_callback_query(up_data, message_id=up_message, chat_id=USER)
    assert await toasts(bot, 1) == [bot.texts("feedback_thanks_up")]
    bot.fake.push_callback_query(down_data, message_id=down_message, chat_id=USER)
    assert (await toasts(bot, 2))[1] == bot.texts("feedback_thanks_down")
    edits = await bot.sent(2, method="editMessageReplyMarkup")
    assert edits[0]["message_id"] == up_message
    assert edits[0]["reply_markup"] == {
        "inline_keyboard": [[{"text": "更多实例", "callback_data": f"more:{FACT}"}]]
    }
    stats = bot.storage.stats(1)
    assert (stats.up, stats.down) == (1, 1)


async def test_did_you_mean_choice_shows_the_fact(start_bot: StartBot) -> None:
    """Tapping a "did you mean" choice sends that fact's full answer with a more button."""
    bot = await start_bot()
    message_id, markup = await answered(bot, "留痕")
    choice = markup["inline_keyboard"][0][0]["callback_data"]
    assert choice.startswith("fact:")
    bot.fake.push_callback_query(choice, message_id=message_id, chat_id=USER)
    sent = (await bot.sent(2, chat_id=USER))[1]
    fact_id = choice.removeprefix("fact:")
    assert sent["text"] == expected_fact_html(bot, fact_id)
    assert sent["reply_markup"] == {
        "inline_keyboard": [[{"text": "更多实例", "callback_data": f"more:{fact_id}"}]]
    }
    assert await toasts(bot, 1) == [None]


async def test_browse_topics(start_bot: StartBot) -> None:
    """/topics lists topics; a topic lists its facts; the topics button lists topics again."""
    bot = await start_bot()
    kb = bot.service.matcher.kb
    bot.fake.push_private_message("/topics", user_id=USER)
    [listing] = await bot.sent(chat_id=USER)
    assert listing["text"] == html.escape(bot.texts("topics_header"))
    assert listing["reply_markup"]["inline_keyboard"] == [
        [{"text": f"{t.emoji} {t.name}", "callback_data": f"topic:{t.id}"}]
        for t in kb.topics.values()
    ]
    listing_id = max(m for (chat, m) in bot.fake.messages if chat == USER)
    bot.fake.push_callback_query("topic:forms", message_id=listing_id, chat_id=USER)
    topic_list = (await bot.sent(2, chat_id=USER))[1]
    topic = kb.topics["forms"]
    assert topic_list["text"] == html.escape(
        bot.texts("topic_header", topic=f"{topic.emoji} {topic.name}")
    )
    assert [row[0]["callback_data"] for row in topic_list["reply_markup"]["inline_keyboard"]] == [
        f"fact:{f.id}" for f in kb.facts_in_topic("forms")
    ]
    bot.fake.push_callback_query("topics", message_id=listing_id, chat_id=USER)
    again = (await bot.sent(3, chat_id=USER))[2]
    assert again["reply_markup"] == listing["reply_markup"]


async def test_stale_and_malformed_buttons_expire(start_bot: StartBot) -> None:
    """Unknown ids, garbage and forged feedback get expired_button and nothing else."""
    bot = await start_bot()
    message_id, _ = await answered(bot)
    bad = [
        "more:no-such-fact",
        "fact:gone",
        "topic:nope",
        "topics:extra",
        "garbage",
        ":",
        "fb:abc:1",
        "fb:1:2",
        "fb:999999:1",
        "fb:1",
        "fb:99999999999999999999999:1",
    ]
    for data in bad:
        bot.fake.push_callback_query(data, message_id=message_id, chat_id=USER)
    assert await toasts(bot, len(bad)) == [bot.texts("expired_button")] * len(bad)
    assert len(bot.fake.calls_to("sendMessage")) == 1
    assert bot.storage.stats(1).up == 0
    assert not bot.fake.rejected_calls


async def test_button_without_message_expires(start_bot: StartBot) -> None:
    """A callback from an inline-mode message (no chat to answer in) gets expired_button."""
    bot = await start_bot()
    bot.fake.push_raw(
        {
            "callback_query": {
                "id": "cq-inline",
                "from": {"id": USER, "is_bot": False, "first_name": "T"},
                "inline_message_id": "AAAA",
                "chat_instance": "ci",
                "data": f"more:{FACT}",
            }
        }
    )
    # The fake never issued this query id, so it refuses the answer (400): shrugged off too.
    [answer] = await bot.sent(method="answerCallbackQuery")
    assert answer["text"] == bot.texts("expired_button")
    assert not bot.fake.calls_to("sendMessage")


async def test_browse_buttons_on_a_message_too_old_to_see_still_answer(
    start_bot: StartBot,
) -> None:
    """Telegram leaves out a message too old to show (an InaccessibleMessage: only its chat
    and id). 更多实例, a fact or a topic pressed on last month's answer needs neither its text
    nor its keyboard, so it is answered in that chat, not told the button expired; a vote,
    which must be checked against the keyboard, still is."""
    bot = await start_bot()
    message_id, markup = await answered(bot)
    vote = markup["inline_keyboard"][1][0]["callback_data"]
    for data in (f"more:{FACT}", f"fact:{FACT}", "topic:forms", "topics"):
        bot.fake.push_callback_query(data, message_id, chat_id=USER, inaccessible=True)
    bot.fake.push_callback_query(vote, message_id, chat_id=USER, inaccessible=True)
    assert await toasts(bot, 5) == [None] * 4 + [bot.texts("expired_button")]
    sent = (await bot.sent(5, chat_id=USER))[1:]
    assert sent[1]["text"] == bot.service.press(Button("", "fact", FACT)).html  # type: ignore[union-attr]  # a fact always renders a Reply
    assert not bot.fake.rejected_calls


async def test_buttons_of_a_fact_a_reload_removed_expire_and_its_vote_counts(
    start_bot: StartBot, kb_copy: Path
) -> None:
    """A hot reload renames the answered fact (its old id is gone): 更多实例 and the fact's
    button on the earlier answer get the expired notice, nothing else; the vote on that
    answer still counts, as the answer was given; a new question gets the new id."""
    bot = await start_bot(kb_root=kb_copy)
    message_id, markup = await answered(bot)
    vote = markup["inline_keyboard"][1][0]["callback_data"]
    for name in ("responses/facts/inspections.yaml", "responses/sibling_marks.yaml"):
        path = kb_copy / name
        path.write_text(path.read_text("utf-8").replace(FACT, f"{FACT}-new"), "utf-8")
    assert bot.service.reload().ok
    for data in (f"more:{FACT}", f"fact:{FACT}", vote):
        bot.fake.push_callback_query(data, message_id, chat_id=USER)
    expired = bot.texts("expired_button")
    assert await toasts(bot, 3) == [expired, expired, bot.texts("feedback_thanks_up")]
    assert bot.storage.stats(1).up == 1
    _, markup = await answered(bot)
    assert markup["inline_keyboard"][0][0]["callback_data"] == f"more:{FACT}-new"
    assert len(bot.fake.calls_to("sendMessage")) == 2
    assert not bot.fake.rejected_calls
