"""The answer service: the one door between every front end and the core.

The CLI, the terminal chat and every Telegram handler ask this service for what they show (a
reply, inline choices, a fact, the topics, an admin report) and never touch the matcher, the
knowledge base or thresholds. The matcher is replaced as a whole on reload, so a request sees
either the old knowledge base or the new one, never a mix; a broken edit leaves the old one
serving.
"""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.answer.followup import FollowUps
from bot.answer.heap import refreeze_if_frozen
from bot.answer.limits import LAST_PAGE, page_of
from bot.answer.render import Button, InlineChoice, Renderer, Reply
from bot.errors import KBError, KBProblem
from bot.search.cache import load_kb_cached
from bot.search.matcher import Matcher
from bot.search.normalize import MAX_INPUT_CHARS, encodable, normalize
from bot.settings import is_whole_number

if TYPE_CHECKING:
    from bot.questionlog.store import Storage

log = logging.getLogger(__name__)

INLINE_RESULTS = 10
_DEEP_LINK_FACT = ("fact-", "f_")  # t.me/<bot>?start=fact-<id>
# Nobody types a longer question; the cap bounds matcher work and what the log keeps.
MAX_QUESTION_CHARS = 500
LOGGED_PROBLEMS = 20  # a refused reload's log names this many problems, then counts the rest


@dataclass(frozen=True)
class Reload:
    """What a reload did, and the sentence that tells the admins."""

    ok: bool
    text: str


@dataclass(frozen=True)
class _Core:
    """One knowledge base's matcher and renderer, swapped together."""

    matcher: Matcher
    render: Renderer


def _listed(problems: Sequence[KBProblem]) -> str:
    """The first problems, one a line (file, fact, field, what is wrong), for the operator's
    log: whoever reads it must find the broken edit without the admins' chat."""
    lines = [f"\n  - {p}" for p in problems[:LOGGED_PROBLEMS]]
    if len(problems) > LOGGED_PROBLEMS:
        lines.append(f"\n  … and {len(problems) - LOGGED_PROBLEMS} more")
    return "".join(lines)


def clean_question(question: str) -> str:
    """What we match and log: the text as typed, capped, without stray line ends."""
    return encodable(question.replace("\r", "").strip()[:MAX_QUESTION_CHARS])


class Service:
    def __init__(
        self,
        kb_root: Path | None = None,
        storage: Storage | None = None,
        *,
        cache_dir: Path | None = None,
        matcher: Matcher | None = None,
    ) -> None:
        """`matcher`: one already built (tests share one); else built from `kb_root`."""
        self.kb_root = kb_root
        self.storage = storage
        self.cache_dir = cache_dir
        built = matcher or Matcher(load_kb_cached(kb_root, cache_dir), cache_dir=cache_dir)
        self._core = _Core(built, Renderer(built.kb))
        self._reload_lock = threading.Lock()
        self.followups = FollowUps()

    @property
    def matcher(self) -> Matcher:
        """The current matcher, for evaluation tools and tests; front ends use the methods."""
        return self._core.matcher

    @property
    def renderer(self) -> Renderer:
        """The current renderer, for tests that compare what was sent with what it builds."""
        return self._core.render

    # --- the knowledge base --------------------------------------------------------------------

    @property
    def fact_count(self) -> int:
        return len(self._core.matcher.kb.facts)

    @property
    def root(self) -> Path:
        return self._core.matcher.kb.root

    def reload(self) -> Reload:
        """Build a new matcher aside and swap it in; on a broken edit keep the old one."""
        with self._reload_lock:
            old = self._core
            try:
                kb = load_kb_cached(self.kb_root, self.cache_dir)
            except KBError as exc:
                log.warning(
                    "reload refused, the old knowledge base keeps serving: %d problem(s)%s",
                    len(exc.problems), _listed(exc.problems),
                )  # fmt: skip
                return Reload(False, old.render.problems(exc.problems))
            fresh = Matcher(kb, old.matcher.thresholds, old.matcher.weights, self.cache_dir)
            self._core = _Core(fresh, Renderer(kb))  # one reference assignment: atomic
            del old  # this was the last reference: its memory is freed in the refreeze
            refreeze_if_frozen()  # (heap.py), the new matcher frozen
            log.info("knowledge base reloaded: %d facts", len(kb.facts))
            return Reload(True, self._core.render.text("admin_reload_ok", fact_count=len(kb.facts)))

    # --- questions -----------------------------------------------------------------------------

    def ask(
        self,
        question: str,
        chat_type: str = "cli",
        asker: str | int | None = None,
        *,
        conversation: object = None,
        chat: int | None = None,
    ) -> Reply:
        """The reply to a question. `conversation` (a private chat's key, kept in memory only)
        lets "还有吗" / "具体怎么做的" continue from the previous answer; `chat` is where the
        reply goes, the only chat whose 👍/👎 on it will count."""
        core = self._core  # one snapshot for the whole request
        question = clean_question(question)
        reply = None
        if conversation is not None:
            reply = self.followups.continue_from(conversation, question, core.render)
        if reply is None:
            reply = core.render.result(core.matcher.match(question), core.matcher)
        if conversation is not None:
            self.followups.remember(conversation, reply, core.render.kb)
        if self.storage is not None:
            question_id = self._record(question, reply, chat_type, asker)
            if question_id is not None and reply.facts:
                token = self._vote_token(question_id, chat)
                buttons = (*reply.buttons, core.render.feedback_row(question_id, token))
                reply = replace(reply, question_id=question_id, buttons=buttons)
        return reply

    def _record(
        self, question: str, reply: Reply, chat_type: str, asker: str | int | None
    ) -> int | None:
        from bot.questionlog.store import QuestionRecord

        assert self.storage is not None
        result = reply.result
        best = result.best if result else None
        record = QuestionRecord(
            asked_at=datetime.now(UTC),
            chat_type=chat_type,
            question=result.normalized if result else normalize(question),
            decision=reply.decision,
            fact_id=reply.facts[0].id if reply.facts else None,
            score=best.score if best else 0.0,
            asker=self.storage.pseudonym(asker) if asker is not None else None,
        )
        try:
            return self.storage.record_question(record)
        except Exception:  # the log must never cost an official their answer
            log.exception("could not record a question")
            return None

    def command(self, name: str, payload: str = "", group: bool = False) -> Reply | None:
        """/start (with a deep-link payload), /help, /topics, /about; None for anything else.
        `group`: sent in a group, whose help tells how to ask by reply."""
        render = self._core.render
        if name == "start":
            if payload == "topics":
                return render.topics()
            for prefix in _DEEP_LINK_FACT:
                if payload.startswith(prefix):
                    fact = render.kb.by_id.get(payload.removeprefix(prefix))
                    if fact is not None:
                        return render.fact(fact)
            return render.plain("start")
        if name == "help":
            return render.help(group)
        if name == "topics":
            return render.topics()
        if name == "about":
            return render.about()
        return None

    # --- buttons -------------------------------------------------------------------------------

    def press(self, button: Button) -> Reply | str:
        """What a button asks for: a reply to send, or a short notice (an expired button)."""
        render = self._core.render
        kb = render.kb
        expired = render.text("expired_button")
        # Listings come a page at a time: "<id>:<page>" (or "<page>" for the topics) asks for
        # a page after the first (limits.py).
        key, _, number = button.arg.partition(":")
        if button.action == "topics":
            key, number = "", button.arg
        # No more digits than the last page has, whatever a caller's pattern lets through: a
        # forged page of thousands is no page (and int() refuses past 4,300 digits).
        if number and not (number.isascii() and is_whole_number(number, 0, LAST_PAGE)):
            return expired
        page = int(number) if number else 0
        if button.action == "fact":
            fact = kb.by_id.get(button.arg)
            return render.fact(fact) if fact else expired
        if button.action == "more":
            fact = kb.by_id.get(key)
            if fact is None:
                return expired
            others = [f for f in kb.facts_in_topic(fact.topic) if f.id != fact.id]
            if not others:
                return render.text("no_more")
            listed = page_of(others, page)
            if listed is None:
                return expired
            head = render.text("more_header", topic=kb.topics[fact.topic].name)
            return render.listing(head, listed, "more", fact.id)
        if button.action == "topic":
            reply = render.topic(key, page) if key in kb.topics else None
            return reply or expired
        if button.action == "topics":
            return render.topics(page) or expired
        return expired

    def feedback(self, question_id: int, helpful: bool, token: str, chat: int | None) -> str | None:
        """Record a vote pressed in `chat`; the thank-you notice, or None when the vote cannot
        count: a token not made for this answer in this chat is a forgery (or a stale button),
        since question ids are sequential and anyone can type callback data."""
        if self.storage is None:
            return None
        if not hmac.compare_digest(token, self._vote_token(question_id, chat)):
            log.info("a vote whose token does not match its answer and chat was ignored")
            return None
        if not self.storage.record_feedback(question_id, helpful):
            return None
        return self.text("feedback_thanks_up" if helpful else "feedback_thanks_down")

    def _vote_token(self, question_id: int, chat: int | None) -> str:
        """Unguessable without the pseudonym key, and different for every answer and chat."""
        assert self.storage is not None
        return self.storage.pseudonym(f"vote:{question_id}:{chat}")

    # --- inline mode ---------------------------------------------------------------------------

    def inline(self, query: str) -> list[InlineChoice]:
        """Up to 10 facts to post for an inline query; an empty query lists the topics. Not
        logged: inline queries arrive keystroke by keystroke."""
        core = self._core
        query = clean_question(query)
        if not query:
            return core.render.inline_topics()[:INLINE_RESULTS]
        result = core.matcher.match(query[:MAX_INPUT_CHARS])
        if result.decision == "help":
            return []
        offered = core.matcher.inline_choices(result)[:INLINE_RESULTS]
        return [core.render.inline_fact(m.fact) for m in offered]

    # --- texts and admin reports ---------------------------------------------------------------

    def text(self, key: str, /, **values: str | int) -> str:
        """A curated sentence from responses/texts.yaml."""
        return self._core.render.text(key, **values)

    def usage(self, group: bool = False) -> str:
        """How to use /ask (in a group, asking by reply too)."""
        return self._core.render.usage(group)

    def unanswered(self, days: int, limit: int = 20) -> Reply:
        render = self._core.render
        if self.storage is None:
            return render.plain("admin_no_log")
        rows = self.storage.top_unanswered(limit, days)
        if not rows:
            return render.plain("admin_unanswered_none", days=days)
        return render.unanswered(days, rows)

    def stats(self, days: int) -> tuple[bytes, str] | None:
        """The admins' chart and its caption; None when no question log is kept."""
        if self.storage is None:
            return None
        from bot.questionlog.chart import render_stats_png  # matplotlib: load on demand

        render = self._core.render
        kb = render.kb
        stats = self.storage.stats(days, {f.id: f.topic for f in kb.facts})
        labels = render.chart_labels()
        png = render_stats_png(stats, {t.id: t.name for t in kb.topics.values()}, labels)
        return png, render.stats_summary(stats)
