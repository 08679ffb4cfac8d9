"""Turn a match result into what the official sees: plain text (CLI, JSON) and Telegram HTML.

Every piece of text from the knowledge base or the user is escaped before it meets HTML.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from bot.kb import Fact, KnowledgeBase
from bot.kb.texts import Texts
from bot.search.matcher import Match, Matcher, Result

TELEGRAM_LIMIT = 4096
# Leave room for Telegram's own counting quirks and for a quoted header in groups.
SAFE_LIMIT = 3800
PIECE_LIMIT = 1200


@dataclass(frozen=True)
class Reply:
    result: Result
    text: str  # plain text: what `jianfu ask` prints and a private chat shows
    html: str  # the same content as Telegram HTML
    suggestions: tuple[Fact, ...] = ()  # "did you mean" choices, for buttons
    question_id: int | None = None  # the log row, when stored; feedback buttons point at it

    @property
    def fact(self) -> Fact | None:
        """The fact answered with, when the decision was to answer."""
        best = self.result.best
        return best.fact if self.result.answered and best else None


def _clip(text: str, limit: int = PIECE_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _b(text: str) -> str:
    return f"<b>{html.escape(text)}</b>"


def fact_lines(fact: Fact, kb: KnowledgeBase, texts: Texts) -> tuple[str, str]:
    """A fact as (plain, html): title, measure, example, verbatim quote, source."""
    seed = kb.seed_of(fact)
    parts = [
        (f"【{fact.title}】", _b(fact.title)),
        (
            f"{texts.get('label_measure')}：{_clip(fact.measure)}",
            f"{_b(texts.get('label_measure') + '：')}{html.escape(_clip(fact.measure))}",
        ),
        (
            f"{texts.get('label_example')}：{_clip(fact.example)}",
            f"{_b(texts.get('label_example') + '：')}{html.escape(_clip(fact.example))}",
        ),
        (
            f"{texts.get('label_quote')}：“{_clip(fact.quote)}”",
            f"{_b(texts.get('label_quote') + '：')}"
            f"<blockquote>{html.escape(_clip(fact.quote))}</blockquote>",
        ),
        (
            f"{texts.get('label_source')}：{seed.citation}",
            f"{_b(texts.get('label_source') + '：')}{html.escape(seed.citation)}",
        ),
    ]
    return "\n".join(p for p, _ in parts), "\n".join(h for _, h in parts)


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"· {item}" for item in items)


def help_lines(texts: Texts) -> tuple[str, str]:
    """The help text as (plain, html), with the curated example questions."""
    plain = texts.get("help", examples=bullets(texts.example_questions))
    return plain, html.escape(plain)


def render(result: Result, matcher: Matcher) -> Reply:
    """The one reply path shared by the CLI, the terminal chat and every Telegram chat."""
    texts, kb = matcher.texts, matcher.kb
    if result.decision == "answer" and result.best:
        plain, markup = fact_lines(result.best.fact, kb, texts)
        return Reply(result, plain, markup)
    if result.decision == "suggest":
        choices: list[Match] = matcher.suggestions(result)
        lines = [f"{i}. {m.fact.title}：{m.fact.measure}" for i, m in enumerate(choices, 1)]
        head = texts.get("did_you_mean")
        plain = head + "\n" + "\n".join(lines)
        markup = html.escape(head) + "\n" + "\n".join(html.escape(line) for line in lines)
        return Reply(result, _clip(plain, SAFE_LIMIT), markup, tuple(m.fact for m in choices))
    if result.decision == "help":
        plain, markup = help_lines(texts)
        return Reply(result, plain, markup)
    plain = texts.get("not_found", suggestions=bullets(texts.example_questions[:4]))
    return Reply(result, plain, html.escape(plain))
