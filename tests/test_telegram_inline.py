"""Inline mode: '@botname 问题' offers ranked facts; an empty query offers the topics."""

from __future__ import annotations

import html

from conftest import StartBot
from test_telegram_private import expected_fact_html


async def test_inline_question_lists_ranked_facts(start_bot: StartBot) -> None:
    """A broad question yields at most 10 articles, best first, each posting the full answer."""
    bot = await start_bot()
    matcher = bot.service.matcher
    result = matcher.match("开会")
    ranked = [m.fact.id for m in result.matches if m.score >= matcher.thresholds.suggest][:10]
    assert len(ranked) >= 2, "precondition: several facts clear the bar"
    bot.fake.push_inline_query("开会")
    [answer] = await bot.sent(method="answerInlineQuery")
    results = answer["results"]
    assert [r["id"] for r in results] == ranked
    assert len(results) <= 10
    first = results[0]
    fact = matcher.kb.by_id[ranked[0]]
    assert first["type"] == "article"
    assert first["title"].startswith(f"{fact.title}：")
    clipped = fact.example if len(fact.example) <= 120 else fact.example[:119] + "…"
    assert first["description"] == clipped
    assert first["input_message_content"] == {
        "message_text": expected_fact_html(bot, fact.id), "parse_mode": "HTML",
    }  # fmt: skip
    assert answer["cache_time"] == 30 and answer["is_personal"] is False
    assert "button" not in answer
    assert not bot.fake.rejected_calls


async def test_inline_empty_query_lists_topics(start_bot: StartBot) -> None:
    """An empty inline query gets one article per topic listing that topic's fact titles."""
    bot = await start_bot()
    kb = bot.service.matcher.kb
    bot.fake.push_inline_query("")
    [answer] = await bot.sent(method="answerInlineQuery")
    results = answer["results"]
    assert [r["id"] for r in results] == [f"topic-{t}" for t in kb.topics]
    meetings = next(r for r in results if r["id"] == "topic-meetings")
    topic = kb.topics["meetings"]
    assert meetings["title"] == f"{topic.emoji} {topic.name}"
    assert meetings["description"] == topic.summary
    titles = "\n".join(f"· {f.title}" for f in kb.facts_in_topic("meetings"))
    header = bot.texts("topic_header", topic=f"{topic.emoji} {topic.name}")
    assert meetings["input_message_content"]["message_text"] == html.escape(f"{header}\n{titles}")
    assert answer["button"] == {
        "text": bot.texts("inline_topics_hint"), "start_parameter": "topics",
    }  # fmt: skip


async def test_inline_nothing_found(start_bot: StartBot) -> None:
    """A query nothing matches gets no results and a button into the private chat."""
    bot = await start_bot()
    bot.fake.push_inline_query("明天天气怎么样")
    [answer] = await bot.sent(method="answerInlineQuery")
    assert answer["results"] == []
    assert answer["button"] == {"text": bot.texts("inline_nothing"), "start_parameter": "topics"}


async def test_inline_queries_are_not_logged(start_bot: StartBot) -> None:
    """Keystroke-by-keystroke inline queries leave nothing in the question log."""
    bot = await start_bot()
    for query in ("会", "会太", "会太多", "<b>&"):
        bot.fake.push_inline_query(query)
    await bot.sent(4, method="answerInlineQuery")
    assert bot.storage.stats(1).total == 0
    assert not bot.fake.rejected_calls


async def test_inline_query_past_telegrams_cap_or_with_an_odd_offset_is_answered_once(
    start_bot: StartBot,
) -> None:
    """A query longer than Telegram's 256 characters (a modified client) is read as its first
    256; an offset we never gave (we send no next_offset) changes nothing: the same results,
    answered once each, none refused."""
    bot = await start_bot()
    question = "检查组还看台账吗"
    bot.fake.push_inline_query(question)
    [plain] = await bot.sent(method="answerInlineQuery")
    for offset in ("", "10", "-1", "abc", "9" * 64):
        bot.fake.push_inline_query(question + "吗" * 400, offset=offset)
        bot.fake.push_inline_query(question, offset=offset)
    answers = await bot.sent(11, method="answerInlineQuery")
    assert len(answers) == 11
    assert all(a["results"] and "next_offset" not in a for a in answers)
    # Inline queries belong to no chat, so they are answered in any order: count, not index.
    assert sum(a["results"] == plain["results"] for a in answers[1:]) >= 5
    assert not bot.fake.rejected_calls
