"""The answer service: the one door every front end uses (replies, commands, buttons, follow-ups,
admin reports), exercised directly and through the terminal chat."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from bot.answer.followup import EXPIRY_SECONDS, MAX_CONVERSATIONS, FollowUps
from bot.answer.render import Button
from bot.answer.service import Service
from bot.cli import main
from bot.search.matcher import Matcher


@pytest.fixture(scope="module")
def service(matcher: Matcher) -> Service:
    return Service(matcher=matcher)


def test_commands_give_what_a_private_chat_shows(service: Service) -> None:
    topics = service.command("topics")
    assert topics is not None and topics.text.startswith(service.text("topics_header"))
    assert [row[0].action for row in topics.buttons] == ["topic"] * len(topics.buttons)
    about = service.command("about")
    assert about is not None and str(service.fact_count) in about.text
    first = service.matcher.kb.facts[0]
    deep = service.command("start", f"fact-{first.id}")
    assert deep is not None and deep.facts == (first,)
    assert service.command("start") is not None
    assert service.command("stats") is None  # admin commands are not the service's to answer


def test_buttons_browse_and_expire(service: Service) -> None:
    kb = service.matcher.kb
    fact = kb.facts[0]
    shown = service.press(Button("", "fact", fact.id))
    assert not isinstance(shown, str) and shown.facts == (fact,)
    more = service.press(Button("", "more", fact.id))
    assert not isinstance(more, str)
    assert {b.arg for row in more.buttons for b in row} == {
        f.id for f in kb.facts_in_topic(fact.topic) if f.id != fact.id
    }
    expired = service.text("expired_button")
    assert service.press(Button("", "fact", "no-such-fact")) == expired
    assert service.press(Button("", "topic", "no-such-topic")) == expired
    assert service.press(Button("", "topics", "extra")) == expired


@pytest.mark.parametrize("digits", [5, 4301, 100_000])
def test_a_forged_page_of_many_digits_is_an_expired_button(service: Service, digits: int) -> None:
    """Callback data is anyone's to type: a page number longer than any page (past Python's
    4,300-digit limit on int(), too) gets the expired-button notice, not an error."""
    fact = service.matcher.kb.facts[0]
    expired = service.text("expired_button")
    page = "9" * digits
    for button in (
        Button("", "topics", page),
        Button("", "topic", f"{fact.topic}:{page}"),
        Button("", "more", f"{fact.id}:{page}"),
    ):
        assert service.press(button) == expired


def test_follow_up_continues_from_the_last_answer(service: Service) -> None:
    """还有吗 gives another fact on the same subject, never one already shown; 具体怎么做的
    shows the last one in full; without a previous answer they are ordinary questions."""
    alone = service.ask("还有吗", conversation="nobody-asked-yet")
    assert alone.facts == ()
    first = service.ask("会太多怎么办", conversation="c1")
    assert first.facts
    shown = [first.facts[0].id]
    topic = first.facts[0].topic
    for _ in range(len(service.matcher.kb.facts_in_topic(topic)) - 1):
        more = service.ask("还有别的例子吗？", conversation="c1")
        assert len(more.facts) == 1 and more.facts[0].id not in shown
        shown.append(more.facts[0].id)
    assert {service.matcher.kb.by_id[i].topic for i in shown} == {topic}
    detail = service.ask("具体怎么做的", conversation="c1")
    assert detail.facts[0].id == shown[-1]
    assert service.text("label_example") in detail.text
    done = service.ask("还有吗", conversation="c1")
    assert done.text == service.text("followup_none")
    other = service.ask("还有吗", conversation="c2")  # another chat has no thread
    assert other.facts == ()


def test_follow_up_context_expires_and_is_bounded(service: Service) -> None:
    now = [0.0]
    followups = FollowUps(clock=lambda: now[0])
    render = service.renderer
    answer = render.fact(service.matcher.kb.facts[0])
    followups.remember(1, answer, render.kb)
    assert followups.continue_from(1, "还有吗", render) is not None
    now[0] += EXPIRY_SECONDS + 1
    assert followups.continue_from(1, "还有吗", render) is None
    for n in range(MAX_CONVERSATIONS + 5):
        followups.remember(("chat", n), answer, render.kb)
    assert len(followups) == MAX_CONVERSATIONS
    assert followups.continue_from(("chat", 0), "还有吗", render) is None  # oldest forgotten


def test_reload_report_fits_a_telegram_message(kb_copy: Path, _session_cache: Path) -> None:
    """A broken edit with many problems is reported within Telegram's limit, with a count."""
    service = Service(kb_copy, cache_dir=_session_cache)
    facts = kb_copy / "responses" / "facts" / "meetings.yaml"
    broken = "facts:\n" + "".join(
        f"  - id: broken-{n}\n    topic: meetings\n    title: {'长' * 40}\n" for n in range(300)
    )
    facts.write_text(broken, encoding="utf-8")
    outcome = service.reload()
    assert not outcome.ok
    assert len(outcome.text) <= 4096
    assert outcome.text.startswith(service.text("admin_reload_failed", count=0, problems="")[:4])
    assert "…" in outcome.text
    assert service.ask("会太多怎么办").facts  # the old knowledge base still answers


def test_terminal_chat_answers_topics_about_and_follow_ups(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], matcher: Matcher
) -> None:
    """`jianfu chat` answers /topics and /about as a private chat does, and follows up."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("/topics\n/about\n会太多怎么办\n还有吗\n/quit\n"))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    service = Service(matcher=matcher)
    assert service.text("topics_header") in out
    assert service.text("about", sources="", fact_count=service.fact_count)[:8] in out
    assert service.text("not_found", suggestions="")[:8] not in out
    assert out.count("【") >= 2  # the answer and the follow-up
