"""Follow-ups through the real Application: in a private chat "还有吗" continues from the last
answer; groups have no thread (a group is many people), so there it is an ordinary question."""

from __future__ import annotations

import re

from conftest import StartBot

USER = 4242
GROUP = -100777


def _title(html_text: str) -> str:
    found = re.match(r"<b>(.*?)</b>", html_text)
    assert found, html_text
    return found.group(1)


async def test_private_follow_up_gives_another_fact_then_the_full_example(
    start_bot: StartBot,
) -> None:
    bot = await start_bot()
    bot.fake.push_private_message("会太多怎么办", user_id=USER)
    bot.fake.push_private_message("还有吗", user_id=USER)
    bot.fake.push_private_message("具体怎么做的", user_id=USER)
    first, more, detail = await bot.sent(3, chat_id=USER)
    assert _title(more["text"]) != _title(first["text"])
    assert _title(detail["text"]) == _title(more["text"])
    assert bot.texts("label_quote") in detail["text"]
    buttons = [b for row in more["reply_markup"]["inline_keyboard"] for b in row]
    assert any(b["callback_data"].startswith("fb:") for b in buttons)  # logged like any answer


async def test_group_follow_up_is_an_ordinary_question(start_bot: StartBot) -> None:
    bot = await start_bot()
    bot.fake.push_group_message("/ask 会太多怎么办", chat_id=GROUP)
    bot.fake.push_group_message("/ask 还有吗", chat_id=GROUP)
    first, second = await bot.sent(2, chat_id=GROUP)
    assert first["text"].startswith("<b>")
    assert not second["text"].startswith("<b>")
