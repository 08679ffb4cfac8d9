"""Every reply as the official sees it: plain text (CLI, JSON, terminal chat) and Telegram HTML,
with the buttons that go under it. The one place text is built from facts and curated texts.

Everything from the knowledge base or the user is escaped before it meets HTML.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import Literal

from bot.answer.limits import LIST_LIMIT, PAGE_FACTS, Page, clip, fit_lines, page_of
from bot.decision import Decision
from bot.kb import Fact, KnowledgeBase
from bot.kb.texts import Texts
from bot.questionlog.chart import ChartLabels, topic_label
from bot.questionlog.store import Stats
from bot.search.matcher import Card, Match, Matcher, Result
from bot.search.normalize import normalize

# Telegram's message limit is 4096; leave room for its counting quirks and a group's quote.
SAFE_LIMIT = 3800
PIECE_LIMIT = 1200  # one field of a fact
FULL_PIECE_LIMIT = PIECE_LIMIT * 3 // 5  # the full card's five fields share three fields' room
RELATED_SHOWN = 3  # related facts listed under an answer

Action = Literal["more", "fact", "topic", "topics", "fb"]


@dataclass(frozen=True)
class Button:
    """One button under a reply: what it says and what pressing it asks for."""

    label: str
    action: Action
    arg: str = ""


Rows = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class Reply:
    """What every front end shows: the same content as plain text and as Telegram HTML."""

    text: str
    html: str
    decision: Decision = "help"
    result: Result | None = None  # the search stage's verdict, when there was a question
    facts: tuple[Fact, ...] = ()  # the facts shown, in order
    buttons: Rows = ()
    question_id: int | None = None  # the log row, when stored

    @property
    def answered(self) -> bool:
        return bool(self.facts)


@dataclass(frozen=True)
class InlineChoice:
    """One result of an inline query: a title to pick and the message it posts."""

    id: str
    title: str
    description: str
    html: str


class Renderer:
    """Text builders over one knowledge base and its curated texts; immutable once built."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.texts = Texts(kb.texts)
        # Follow-up phrases in the form questions are compared in, worked out once per KB
        # rather than on every private message.
        self.follow_ups: dict[str, frozenset[str]] = {
            kind: frozenset(
                squeezed for p in self.texts.phrases(f"followup_{kind}") if (squeezed := squeeze(p))
            )
            for kind in ("more", "detail")
        }

    def text(self, key: str, /, **values: str | int) -> str:
        return self.texts.get(key, **values)

    def plain(self, key: str, /, **values: str | int) -> Reply:
        """A curated sentence as a reply of its own."""
        text = self.text(key, **values)
        return Reply(text, html.escape(text))

    # --- facts -------------------------------------------------------------------------------

    def fact_lines(self, fact: Fact, *, full: bool = False) -> tuple[str, str]:
        """A fact as (plain, html): title, measure, example, verbatim quote, source; `full`
        adds who and where."""
        limit = FULL_PIECE_LIMIT if full else PIECE_LIMIT
        parts: list[tuple[str, str]] = [(f"【{fact.title}】", _b(fact.title))]
        fields = [("label_measure", fact.measure), ("label_example", fact.example)]
        if full:
            fields += [("label_who", fact.who), ("label_where", fact.where)]
        for label, value in fields:
            if value:
                name = self.text(label)
                parts.append(
                    (f"{name}：{clip(value, limit)}", f"{_b(name + '：')}{_e(clip(value, limit))}")
                )
        quote = clip(fact.quote, limit)
        parts.append(
            (
                f"{self.text('label_quote')}：“{quote}”",
                f"{_b(self.text('label_quote') + '：')}<blockquote>{_e(quote)}</blockquote>",
            )
        )
        source = self.kb.seed_of(fact).citation
        parts.append(
            (
                f"{self.text('label_source')}：{source}",
                f"{_b(self.text('label_source') + '：')}{_e(source)}",
            )
        )
        return "\n".join(p for p, _ in parts), "\n".join(h for _, h in parts)

    def fact(self, fact: Fact, *, full: bool = False, related: Sequence[Fact] = ()) -> Reply:
        """One fact with its buttons: the related facts, then more on the topic."""
        plain, markup = self.fact_lines(fact, full=full)
        if related:
            listed = related[:RELATED_SHOWN]
            head = self.text("related_header")
            plain += f"\n\n{head}\n" + bullets(f.title for f in listed)
            markup += f"\n\n{_e(head)}\n" + _e(bullets(f.title for f in listed))
        rows = [*self.fact_rows(related[:RELATED_SHOWN]), (self.more_button(fact),)]
        return Reply(plain, markup, "answer", facts=(fact,), buttons=tuple(rows))

    def fact_rows(self, facts: Iterable[Fact]) -> Rows:
        """A button per fact, the first PAGE_FACTS only: Telegram refuses a whole message
        whose keyboard is too big (limits.py), and no knowledge base's size may cause that."""
        return tuple((Button(f.title, "fact", f.id),) for f in islice(facts, PAGE_FACTS))

    def rest_note(self, count: int) -> str:
        """Under a reply with more facts than buttons: how many the buttons show, of how many."""
        if count <= PAGE_FACTS:
            return ""
        return "\n\n" + self.text("buttons_first", shown=PAGE_FACTS, count=count)

    def more_button(self, fact: Fact) -> Button:
        return Button(self.text("button_more"), "more", fact.id)

    def feedback_row(self, question_id: int, token: str) -> tuple[Button, ...]:
        """👍/👎 for a logged answer; `token` proves a vote comes from where the answer went."""
        return (
            Button(self.text("button_up"), "fb", f"{question_id}:1:{token}"),
            Button(self.text("button_down"), "fb", f"{question_id}:0:{token}"),
        )

    def listing(self, head: str, page: Page[Fact], action: Action, key: str) -> Reply:
        """A header and a button per fact on one page (topic listings, "more on this topic"),
        then a button to the next page while facts remain: `action:key:page` asks for it."""
        if page.paged:
            head += "\n" + self.text(
                "listing_page", first=page.first, last=page.last, count=page.total
            )
        rows = self.fact_rows(page.items)
        if page.has_next:
            rows += ((self.next_page(page.number, page.rest, action, key),),)
        return Reply(f"{head}\n" + bullets(f.title for f in page.items), _e(head), buttons=rows)

    def next_page(self, number: int, rest: int, action: Action, key: str) -> Button:
        """The button to page `number` + 1, saying how many facts are still to come."""
        arg = f"{key}:{number + 1}" if key else str(number + 1)
        return Button(self.text("button_next_page", rest=rest), action, arg)

    # --- search results ----------------------------------------------------------------------

    def result(self, result: Result, matcher: Matcher) -> Reply:
        """The reply to a question, whatever shape the search stage gave its answer."""
        if result.decision == "answer" and result.shown:
            reply = self._answer(result)
        elif result.decision == "suggest":
            reply = self._did_you_mean(matcher.suggestions(result))
        elif result.decision == "help":
            reply = self.help()
        else:
            reply = self.not_found()
        return replace(reply, result=result)

    def _answer(self, result: Result) -> Reply:
        shown = result.shown
        if result.shape == "card" and result.card is not None:
            return self._cards((result.card, *result.joined), shown)
        if result.shape == "several":
            head = self.text("overview_header" if result.overview else "several_header")
            note = self.rest_note(len(shown))
            reply = self._overview(head, shown, bodies=True, limit=SAFE_LIMIT - len(note))
            return replace(reply, text=reply.text + note, html=reply.html + _e(note))
        if result.shape == "topic" and result.topic is not None and result.topic in self.kb.topics:
            topic = self.kb.topics[result.topic]
            head = self.text("topic_answer_header", topic=topic.name)
            first = self.fact(shown[0], related=result.related)
            return Reply(
                f"{head}\n\n{first.text}",
                f"{_e(head)}\n\n{first.html}",
                "answer",
                facts=first.facts,
                buttons=first.buttons,
            )
        return self.fact(shown[0], related=result.related)

    def _cards(self, cards: Sequence[Card], shown: Sequence[Fact]) -> Reply:
        """A card for each person or place asked about, in one message sharing its room."""
        note = self.rest_note(len(shown))
        parts = [
            self._overview(
                self.text("card_header", name=card.name, description=_role(card)),
                card.facts,
                limit=(SAFE_LIMIT - len(note)) // len(cards) - 2,
            )
            for card in cards
        ]
        return Reply(
            "\n\n".join(p.text for p in parts) + note,
            "\n\n".join(p.html for p in parts) + _e(note),
            "answer", facts=tuple(shown), buttons=self.fact_rows(shown),
        )  # fmt: skip

    def _overview(
        self, head: str, facts: Sequence[Fact], *, bodies: bool = False, limit: int = SAFE_LIMIT
    ) -> Reply:
        """Several facts in one message, a button each: a short body each (several at once)
        or a line each (a card), as many as fit in `limit` (one Telegram message)."""
        if bodies:
            parts = [self.fact_lines(fact) for fact in facts]
            plain = "\n\n".join([head, *(p for p, _ in parts)])
            markup = "\n\n".join([_e(head), *(h for _, h in parts)])
            if len(markup) <= limit:
                return Reply(
                    clip(plain, limit), markup, "answer", facts=tuple(facts),
                    buttons=self.fact_rows(facts),
                )  # fmt: skip
            # Three long facts: one line each instead.
        plain_lines, html_lines = [head], [_e(head)]
        used = len(html_lines[0])
        for fact in facts:
            line = f"· {_b(fact.title)}：{_e(fact.measure)}"
            if used + len(line) + 2 > limit:  # the rest: by their buttons (or rest_note)
                plain_lines.append("…")
                html_lines.append("…")
                break
            used += len(line) + 1
            plain_lines.append(f"· {fact.title}：{fact.measure}")
            html_lines.append(line)
        return Reply(
            clip("\n".join(plain_lines), limit), "\n".join(html_lines), "answer",
            facts=tuple(facts), buttons=self.fact_rows(facts),
        )  # fmt: skip

    def _did_you_mean(self, choices: Sequence[Match]) -> Reply:
        head = self.text("did_you_mean")
        lines = [
            f"{i}. {m.fact.title}：{clip(m.fact.measure, PIECE_LIMIT)}"
            for i, m in enumerate(choices, 1)
        ]
        plain = head + "\n" + "\n".join(lines)
        markup = _e(head) + "\n" + "\n".join(_e(line) for line in lines)
        return Reply(
            clip(plain, SAFE_LIMIT), markup, "suggest",
            buttons=self.fact_rows(m.fact for m in choices),
        )  # fmt: skip

    def not_found(self) -> Reply:
        text = self.text("not_found", suggestions=bullets(self.texts.example_questions[:4]))
        return Reply(text, _e(text), "decline", buttons=((self.topics_button(),),))

    def help(self, group: bool = False) -> Reply:
        """The help; a group's adds how to ask by reply (a private chat has no one to reply to)."""
        text = self.text("help", examples=bullets(self.texts.example_questions))
        if group:
            text += "\n\n" + self.text("group_reply_ask")
        return Reply(text, _e(text), "help")

    def usage(self, group: bool = False) -> str:
        """How to use /ask; in a group, asking by reply too."""
        usage = self.text("ask_usage")
        return usage + "\n" + self.text("group_reply_ask") if group else usage

    # --- browsing ----------------------------------------------------------------------------

    def topics_button(self) -> Button:
        return Button(self.text("button_topics"), "topics")

    def topics(self, number: int = 0) -> Reply | None:
        """The topics, a button each, a page at a time; None past the last page."""
        page = page_of(list(self.kb.topics.values()), number)
        if page is None:
            return None
        head = self.text("topics_header")
        lines = [f"{t.emoji} {t.name}" for t in page.items]
        rows = tuple((Button(f"{t.emoji} {t.name}", "topic", t.id),) for t in page.items)
        if page.has_next:
            rows += ((self.next_page(page.number, page.rest, "topics", ""),),)
        return Reply(f"{head}\n" + bullets(lines), _e(head), buttons=rows)

    def topic(self, topic_id: str, number: int = 0) -> Reply | None:
        """A topic's facts, a page at a time; None past the last page."""
        topic = self.kb.topics[topic_id]
        page = page_of(self.kb.facts_in_topic(topic_id), number)
        if page is None:
            return None
        head = self.text("topic_header", topic=f"{topic.emoji} {topic.name}")
        return self.listing(head, page, "topic", topic_id)

    def about(self) -> Reply:
        sources = bullets(seed.citation for seed in self.kb.seeds.values())
        return self.plain("about", sources=sources, fact_count=len(self.kb.facts))

    def problems(self, problems: Sequence[object]) -> str:
        """A refused knowledge base, for admins: the first problems and how many there are."""
        lines = fit_lines([str(p) for p in problems], LIST_LIMIT)
        return self.text("admin_reload_failed", count=len(problems), problems=bullets(lines))

    def unanswered(self, days: int, rows: Sequence[tuple[str, int]]) -> Reply:
        lines = fit_lines([f"{question}  ×{count}" for question, count in rows])
        return self.plain("admin_unanswered", days=days, questions=bullets(lines))

    def chart_labels(self) -> ChartLabels:
        return ChartLabels(
            title=self.texts.template("chart_title"), per_day=self.text("chart_per_day"),
            asked=self.text("chart_asked"), answered=self.text("chart_answered"),
            count=self.text("chart_count"), per_topic=self.text("chart_per_topic"),
            other=self.text("chart_other"), empty=self.text("chart_empty"),
        )  # fmt: skip

    def stats_summary(self, stats: Stats) -> str:
        """One short paragraph with the chart's numbers (a photo caption: ≤ 1024 characters)."""
        if stats.total == 0:
            return self.text("stats_none", days=stats.days)
        names = {t.id: t.name for t in self.kb.topics.values()}
        other = self.text("chart_other")
        top = "、".join(
            self.text("stats_topic", topic=topic_label(t, names, other), count=n)
            for t, n in list(stats.per_topic.items())[:3]
        )
        text = self.text(
            "stats_summary", days=stats.days, total=stats.total, answered=stats.answered,
            rate=f"{stats.answer_rate:.0%}", up=stats.up, down=stats.down, topics=top or "-",
        )  # fmt: skip
        return clip(text, 1024)

    # --- inline mode -------------------------------------------------------------------------

    def inline_fact(self, fact: Fact) -> InlineChoice:
        return InlineChoice(
            fact.id, clip(f"{fact.title}：{fact.measure}", 60), clip(fact.example, 120),
            self.fact_lines(fact)[1],
        )  # fmt: skip

    def inline_topics(self) -> list[InlineChoice]:
        choices = []
        for topic in self.kb.topics.values():
            head = self.text("topic_header", topic=f"{topic.emoji} {topic.name}")
            # The titles that fit one message, then how many more (fit_lines).
            titles = bullets(fit_lines([f.title for f in self.kb.facts_in_topic(topic.id)]))
            choices.append(
                InlineChoice(
                    f"topic-{topic.id}",
                    f"{topic.emoji} {topic.name}",
                    clip(topic.summary, 120),
                    _e(f"{head}\n{titles}"),
                )
            )
        return choices


def _role(card: Card) -> str:
    """The card's description without the name it starts with: 段琼（…书记） → …书记."""
    rest = card.description
    if rest.startswith(card.name):
        rest = rest[len(card.name) :].strip().strip("（）()").strip()
    return rest or card.description


def squeeze(text: str) -> str:
    """Normalised text without spaces, for comparing short phrases."""
    return normalize(text).replace(" ", "")


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"· {item}" for item in items)


def _e(text: str) -> str:
    return html.escape(text)


def _b(text: str) -> str:
    return f"<b>{html.escape(text)}</b>"
