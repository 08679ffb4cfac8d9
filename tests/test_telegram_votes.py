"""👍/👎 count only from the chat and the message the buttons were sent in."""

from __future__ import annotations

from conftest import RunningBot, StartBot
from test_telegram_buttons import toasts

ASKER, OTHER = 1001, 2002


async def _answer(bot: RunningBot, chat: int, question: str) -> tuple[int, str, str]:
    """Ask in `chat`; the answer's message id and its 👍 and 👎 callback data."""
    before = len(bot.fake.calls_to("sendMessage"))
    bot.fake.push_private_message(question, user_id=chat)
    await bot.sent(before + 1)
    message_id = max(m for (c, m) in bot.fake.messages if c == chat)
    rows = bot.fake.messages[(chat, message_id)]["reply_markup"]["inline_keyboard"]
    votes = [
        b["callback_data"] for row in rows for b in row if b["callback_data"].startswith("fb:")
    ]
    up, down = votes
    return message_id, up, down


async def test_vote_forged_from_another_chat_does_not_count(start_bot: StartBot) -> None:
    """Another user copies (or guesses) the 👎 data of an answer in someone else's chat and
    presses it on a bot message in their own chat: refused, nothing stored, nothing edited."""
    bot = await start_bot()
    _, victim_up, victim_down = await _answer(bot, ASKER, "检查组还看台账吗")
    own_message, own_up, _ = await _answer(bot, OTHER, "会太多怎么办")
    qid = int(victim_down.split(":")[1])
    forged = [
        victim_down,  # the real data, pressed on another message in another chat
        f"fb:{qid}:0:{own_up.split(':')[-1]}",  # the forger's own token, the victim's answer
        f"fb:{qid}:0",  # the old, guessable form
    ]
    for data in forged:
        bot.fake.push_callback_query(data, message_id=own_message, chat_id=OTHER, user_id=OTHER)
    assert await toasts(bot, len(forged)) == [bot.texts("expired_button")] * len(forged)
    stats = bot.storage.stats(1)
    assert (stats.up, stats.down) == (0, 0)
    assert bot.fake.calls_to("editMessageReplyMarkup") == []
    # The asker's own press still counts.
    victim_message = max(m for (c, m) in bot.fake.messages if c == ASKER)
    bot.fake.push_callback_query(victim_up, message_id=victim_message, chat_id=ASKER)
    assert (await toasts(bot, len(forged) + 1))[-1] == bot.texts("feedback_thanks_up")
    assert bot.storage.stats(1).up == 1


async def test_vote_token_is_bound_to_the_chat(start_bot: StartBot) -> None:
    """The service refuses a token made for the same answer in another chat (a forwarded copy
    of the buttons), and one made for another answer."""
    bot = await start_bot()
    _, up, _ = await _answer(bot, ASKER, "检查组还看台账吗")
    _, qid, _, token = up.split(":")
    service = bot.service
    assert service.feedback(int(qid), True, token, OTHER) is None
    assert service.feedback(int(qid) + 1, True, token, ASKER) is None
    assert bot.storage.stats(1).up == 0
    assert service.feedback(int(qid), True, token, ASKER) == bot.texts("feedback_thanks_up")
