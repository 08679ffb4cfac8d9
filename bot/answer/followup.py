"""Follow-ups in a private chat: "还有吗" or "具体怎么做的" right after an answer continue from it.

The context is the last answer per conversation, kept in memory only (never written anywhere),
keyed by whatever the front end passes (a chat id), forgotten after a few minutes of silence and
bounded in number, so a busy bot cannot grow it without limit.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from bot.answer.render import Renderer, Reply, squeeze
from bot.kb import Fact, KnowledgeBase

EXPIRY_SECONDS = 600.0
MAX_CONVERSATIONS = 10_000


@dataclass
class _Context:
    kb: KnowledgeBase  # the knowledge base the answer came from: a reload ends the thread
    last: Fact
    queue: list[Fact]  # what "还有吗" offers next, best first
    seen: set[str]
    at: float


class FollowUps:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._contexts: OrderedDict[object, _Context] = OrderedDict()
        self._lock = threading.Lock()  # the service answers from several threads

    def __len__(self) -> int:
        return len(self._contexts)

    def _kind(self, question: str, render: Renderer) -> str | None:
        said = squeeze(question)
        return next((kind for kind, said_so in render.follow_ups.items() if said in said_so), None)

    def continue_from(self, conversation: object, question: str, render: Renderer) -> Reply | None:
        """The follow-up reply, or None when this is not a follow-up to a live answer."""
        kind = self._kind(question, render)
        if kind is None:
            return None
        with self._lock:
            context = self._contexts.get(conversation)
            now = self._clock()
            if context is None or now - context.at > EXPIRY_SECONDS or context.kb is not render.kb:
                return None
            context.at = now
            if kind == "detail":
                return render.fact(context.last, full=True)
            while context.queue and context.queue[0].id in context.seen:
                context.queue.pop(0)
            if not context.queue:
                return render.plain("followup_none")
            fact = context.queue.pop(0)
            context.seen.add(fact.id)
            context.last = fact
            return render.fact(fact, related=context.queue[:3])

    def remember(self, conversation: object, reply: Reply, kb: KnowledgeBase) -> None:
        """After an answer, what a follow-up continues from; other replies leave it as it was."""
        if not reply.facts:
            return
        shown = list(reply.facts)
        related = [b.arg for row in reply.buttons for b in row if b.action == "fact"]
        queue = [kb.by_id[i] for i in related if i in kb.by_id]
        for fact in shown:  # then the rest of each topic shown
            queue += [f for f in kb.facts_in_topic(fact.topic) if f not in queue]
        with self._lock:
            previous = self._contexts.pop(conversation, None)
            seen = {f.id for f in shown}
            if previous is not None and previous.kb is kb and reply.facts[0] is previous.last:
                seen |= previous.seen  # a follow-up's own answer keeps the thread's history
            self._contexts[conversation] = _Context(kb, shown[0], queue, seen, self._clock())
            while len(self._contexts) > MAX_CONVERSATIONS:
                self._contexts.popitem(last=False)
