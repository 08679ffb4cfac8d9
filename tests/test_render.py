"""Every shape an answer can take renders to text and buttons the official can use: one fact
with its related measures, a person's or place's card, a topic, several topics at once."""

from __future__ import annotations

from bot.answer.limits import PAGE_FACTS
from bot.answer.render import SAFE_LIMIT, Renderer
from bot.search.matcher import Card, Match, Matcher, Result
from bot.search.query import QueryAnalysis


def _result(matcher: Matcher, **fields: object) -> Result:
    base = matcher.match("会太多怎么办")
    values: dict[str, object] = {
        "query": base.query, "normalized": base.normalized, "decision": "answer",
        "matches": base.matches, "analysis": QueryAnalysis((), ()),
    }  # fmt: skip
    values.update(fields)
    return Result(**values)  # type: ignore[arg-type]  # the test picks valid field values


def _button_ids(reply_buttons: object) -> list[str]:
    return [b.arg for row in reply_buttons for b in row if b.action == "fact"]  # type: ignore[attr-defined]


def test_fact_with_related_lists_them_and_offers_buttons(matcher: Matcher) -> None:
    kb = matcher.kb
    best, *siblings = kb.facts_in_topic("meetings")
    result = _result(matcher, matches=(Match(best, 90.0),), related=tuple(siblings[:2]))
    reply = Renderer(kb).result(result, matcher)
    assert reply.facts == (best,)
    assert reply.text.startswith(f"【{best.title}】")
    assert Renderer(kb).text("related_header") in reply.text
    assert _button_ids(reply.buttons) == [f.id for f in siblings[:2]]
    assert reply.buttons[-1][0].action == "more"


def test_card_names_the_person_and_every_fact(matcher: Matcher) -> None:
    kb = matcher.kb
    facts = tuple(f for f in kb.facts if f.who)[:3]
    card = Card("某某", facts[0].who, facts)
    result = _result(matcher, matches=tuple(Match(f, 80.0) for f in facts), shape="card", card=card)
    reply = Renderer(kb).result(result, matcher)
    assert reply.decision == "answer" and reply.facts == facts
    assert reply.text.startswith("某某")
    assert all(f.title in reply.text for f in facts)
    assert _button_ids(reply.buttons) == [f.id for f in facts]


def test_topic_answer_leads_with_one_fact_and_lists_the_rest(matcher: Matcher) -> None:
    kb = matcher.kb
    first, *rest = kb.facts_in_topic("inspections")
    result = _result(
        matcher, matches=(Match(first, 70.0),), shape="topic", topic="inspections",
        related=tuple(rest),
    )  # fmt: skip
    reply = Renderer(kb).result(result, matcher)
    assert reply.facts == (first,)
    assert kb.topics["inspections"].name in reply.text.splitlines()[0]
    assert set(_button_ids(reply.buttons)) <= {f.id for f in rest}


def test_several_topics_in_one_message_within_limits(matcher: Matcher) -> None:
    kb = matcher.kb
    picks = tuple(kb.facts_in_topic(t)[0] for t in ("meetings", "forms", "chat-groups"))
    result = _result(
        matcher, matches=tuple(Match(f, 75.0) for f in picks), shape="several",
        several=tuple(Match(f, 75.0) for f in picks),
    )  # fmt: skip
    reply = Renderer(kb).result(result, matcher)
    assert reply.facts == picks
    assert all(f"【{f.title}】" in reply.text for f in picks)
    assert len(reply.html) <= SAFE_LIMIT
    assert _button_ids(reply.buttons) == [f.id for f in picks]


def test_an_overview_across_topics_says_so(matcher: Matcher) -> None:
    """A broad ask answered by each topic's best fact did not ask several things: its header
    says the practices span several fields, not that several were asked."""
    kb = matcher.kb
    picks = tuple(kb.facts_in_topic(t)[0] for t in ("meetings", "forms"))
    fields = {
        "matches": tuple(Match(f, 45.0) for f in picks), "shape": "several",
        "several": tuple(Match(f, 45.0) for f in picks),
    }  # fmt: skip
    renderer = Renderer(kb)
    overview = renderer.result(_result(matcher, **fields, overview=True), matcher)
    listed = renderer.result(_result(matcher, **fields), matcher)
    assert overview.text.startswith(renderer.text("overview_header"))
    assert listed.text.startswith(renderer.text("several_header"))
    assert overview.facts == listed.facts == picks


def test_a_card_naming_every_fact_still_fits_one_message(matcher: Matcher) -> None:
    """However many facts name someone, the card's HTML fits Telegram's limit; the first
    PAGE_FACTS keep a button (Telegram's keyboard limit) and the card says how many of how many."""
    kb = matcher.kb
    facts = kb.facts * 5  # more than any real card holds
    card = Card("某地", "某省某市某地", facts)
    result = _result(matcher, matches=tuple(Match(f, 80.0) for f in facts), shape="card", card=card)
    reply = Renderer(kb).result(result, matcher)
    assert len(reply.html) <= SAFE_LIMIT and len(reply.text) <= SAFE_LIMIT
    note = Renderer(kb).text("buttons_first", shown=PAGE_FACTS, count=len(facts))
    assert reply.html.endswith(f"…\n\n{note}")
    assert [b.arg for (b,) in reply.buttons] == [f.id for f in facts[:PAGE_FACTS]]
