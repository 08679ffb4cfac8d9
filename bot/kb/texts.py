"""Every sentence the bot says lives in responses/texts.yaml; this module checks and fills them."""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

# Text name -> placeholders it must accept. The curator may reword freely but keep these.
REQUIRED_TEXTS: dict[str, frozenset[str]] = {
    "start": frozenset(),
    "help": frozenset({"examples"}),
    "about": frozenset({"sources", "fact_count"}),
    "label_measure": frozenset(),
    "label_example": frozenset(),
    "label_source": frozenset(),
    "label_quote": frozenset(),
    "not_found": frozenset({"suggestions"}),
    "did_you_mean": frozenset(),
    "topics_header": frozenset(),
    "topic_header": frozenset({"topic"}),
    "more_header": frozenset({"topic"}),
    "no_more": frozenset(),
    "feedback_thanks_up": frozenset(),
    "feedback_thanks_down": frozenset(),
    "button_more": frozenset(),
    "button_up": frozenset(),
    "button_down": frozenset(),
    "button_topics": frozenset(),
    "button_next_page": frozenset({"rest"}),
    "listing_page": frozenset({"first", "last", "count"}),
    "buttons_first": frozenset({"shown", "count"}),
    "ask_usage": frozenset(),
    "group_reply_ask": frozenset(),
    "empty_question": frozenset(),
    "error": frozenset(),
    "slow_down": frozenset(),
    "already_answered": frozenset(),
    "expired_button": frozenset(),
    "inline_topics_hint": frozenset(),
    "inline_nothing": frozenset(),
    "admin_reload_ok": frozenset({"fact_count"}),
    "admin_reload_failed": frozenset({"count", "problems"}),
    "admin_unanswered": frozenset({"days", "questions"}),
    "admin_unanswered_none": frozenset({"days"}),
    "admin_no_log": frozenset(),
    "related_header": frozenset(),
    "card_header": frozenset({"name", "description"}),
    "several_header": frozenset(),
    "overview_header": frozenset(),
    "topic_answer_header": frozenset({"topic"}),
    "followup_none": frozenset(),
    "label_who": frozenset(),
    "label_where": frozenset(),
    "chart_title": frozenset({"days", "total", "rate"}),
    "chart_per_day": frozenset(),
    "chart_asked": frozenset(),
    "chart_answered": frozenset(),
    "chart_count": frozenset(),
    "chart_per_topic": frozenset(),
    "chart_other": frozenset(),
    "chart_empty": frozenset(),
    "stats_none": frozenset({"days"}),
    "stats_summary": frozenset({"days", "total", "answered", "rate", "up", "down", "topics"}),
    "stats_topic": frozenset({"topic", "count"}),
    "chat_welcome": frozenset(),
    "chat_bye": frozenset(),
}
EXAMPLE_LIST_KEYS = ("example_questions",)
FOLLOWUP_KEYS = ("followup_more", "followup_detail")
GREETINGS_KEY = "greetings"
# Shown as a toast when a button is pressed: Telegram refuses a toast over TOAST_CHARS
# (answerCallbackQuery; bot/answer/limits.py, with Telegram's other limits, takes it from here).
TOAST_KEYS = ("expired_button", "no_more", "feedback_thanks_up", "feedback_thanks_down")
TOAST_CHARS = 200


# Stand-ins for the values the bot fills in (texts, counts), to try each text as a reply would.
_SAMPLE_VALUES: tuple[str | int, ...] = ("样例", 3)
_SHOWN_CHARS = 40


def _placeholder_problems(name: str, template: str) -> tuple[set[str], list[str]]:
    """The names a text uses, and every way it would fail or misbehave when filled in.

    Only plain `{name}` is allowed: `{}`, `{0}`, `{a.b}`, `{a[0]}`, `{a!r}` and `{a:>9}` all
    depend on the value's type or position and can raise at reply time.
    """
    found: set[str] = set()
    problems: list[str] = []
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        hint = "write {{ and }} for a literal brace"
        return found, [f"text '{name}' has a broken {{placeholder}}: {exc}; {hint}"]
    for _, field, spec, conversion in parsed:
        if field is None:
            continue
        suffix = (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
        shown = "{" + field + suffix + "}"
        shown = shown if len(shown) <= _SHOWN_CHARS else shown[:_SHOWN_CHARS] + "…"
        if not field.isidentifier():
            problems.append(
                f"text '{name}' has the placeholder {shown}; placeholders are plain names like"
                " {topic} (write {{ and }} for a literal brace)"
            )
        elif conversion or spec:
            problems.append(f"text '{name}' has {shown}; write it plain, as {{{field}}}")
        else:
            found.add(field)
    return found, problems


def _fails_when_filled(template: str, names: frozenset[str]) -> str | None:
    """Fill the text as a reply would, with each kind of value; the error, if any."""
    for sample in _SAMPLE_VALUES:
        try:
            template.format(**dict.fromkeys(names, sample))
        except (ValueError, IndexError, KeyError, AttributeError, TypeError) as exc:
            return f"{type(exc).__name__}: {exc}"
    return None


def check_texts(texts: Mapping[str, Any]) -> list[str]:
    """Problems with the curated texts, as readable lines (empty when all is well)."""
    problems: list[str] = []
    for name, needed in REQUIRED_TEXTS.items():
        value = texts.get(name)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"text '{name}' is missing or empty")
            continue
        found, broken = _placeholder_problems(name, value)
        problems.extend(broken)
        if needed - found:
            missing = ", ".join("{" + p + "}" for p in sorted(needed - found))
            problems.append(f"text '{name}' must contain {missing}")
        if found - needed:
            extra = ", ".join("{" + p + "}" for p in sorted(found - needed))
            problems.append(f"text '{name}' uses unknown placeholder(s) {extra}")
        if not broken and found <= needed and (error := _fails_when_filled(value, needed)):
            problems.append(f"text '{name}' cannot be filled in: {error}")
    for name in TOAST_KEYS:
        value = texts.get(name)
        if isinstance(value, str) and len(value) > TOAST_CHARS:
            problems.append(
                f"text '{name}' is shown as a button's notice: at most {TOAST_CHARS} characters"
                f" (it has {len(value)})"
            )
    for key in (*EXAMPLE_LIST_KEYS, *FOLLOWUP_KEYS, GREETINGS_KEY):
        value = texts.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            problems.append(f"'{key}' must be a non-empty list of texts")
    return problems


class Texts:
    """Read access to the curated texts; values were validated when the KB loaded."""

    def __init__(self, texts: Mapping[str, Any]) -> None:
        self._texts = texts

    def get(self, key: str, /, **values: str | int) -> str:
        """The text filled in; every text is, so {{ and }} are one brace everywhere."""
        return self.template(key).format(**values)

    def template(self, key: str, /) -> str:
        """The text as written, for a caller that fills it in later (the chart's title)."""
        template: str = self._texts[key]
        return template

    @property
    def example_questions(self) -> list[str]:
        return list(self._texts["example_questions"])

    def phrases(self, key: str) -> tuple[str, ...]:
        """A curated list of phrases (follow-ups and the like)."""
        return tuple(str(p) for p in self._texts[key])

    @property
    def greetings(self) -> frozenset[str]:
        return frozenset(str(g).lower() for g in self._texts[GREETINGS_KEY])
