"""The reply path every front end shares: question → matcher → reply, logged without identities.

The matcher is replaced as a whole on reload, so a request sees either the old knowledge base
or the new one, never a mix; a broken edit leaves the old one serving.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.answer.render import Reply, render
from bot.kb import load_kb
from bot.search.matcher import Matcher

if TYPE_CHECKING:
    from bot.questionlog.store import Storage

log = logging.getLogger(__name__)


class Service:
    def __init__(self, root: Path | None = None, storage: Storage | None = None) -> None:
        self.root = root
        self.storage = storage
        self._matcher = Matcher(load_kb(root))
        self._reload_lock = threading.Lock()

    @property
    def matcher(self) -> Matcher:
        return self._matcher

    def reload(self) -> Matcher:
        """Build a new matcher aside and swap it in; raises KBError and keeps the old one."""
        with self._reload_lock:
            fresh = Matcher(load_kb(self.root), self._matcher.thresholds, self._matcher.weights)
            self._matcher = fresh  # one reference assignment: atomic for readers
            log.info("knowledge base reloaded: %d facts", len(fresh.kb.facts))
            return fresh

    def ask(self, question: str, chat_type: str = "cli", asker: str | int | None = None) -> Reply:
        matcher = self._matcher  # one snapshot for the whole request
        reply = render(matcher.match(question), matcher)
        if self.storage is not None:
            reply = replace(reply, question_id=self._record(reply, chat_type, asker))
        return reply

    def _record(self, reply: Reply, chat_type: str, asker: str | int | None) -> int | None:
        from bot.questionlog.store import QuestionRecord

        assert self.storage is not None
        best = reply.result.best
        record = QuestionRecord(
            asked_at=datetime.now(UTC),
            chat_type=chat_type,
            question=reply.result.normalized,
            decision=reply.result.decision,
            fact_id=best.fact.id if best and reply.result.decision == "answer" else None,
            score=best.score if best else 0.0,
            asker=self.storage.pseudonym(asker) if asker is not None else None,
        )
        try:
            return self.storage.record_question(record)
        except Exception:  # the log must never cost an official their answer
            log.exception("could not record a question")
            return None
