"""Telegram's limits on one reply, and the pages a long list of facts is cut into to keep them.

Telegram refuses a whole message that breaks one limit, so the official gets nothing: every
reply stays within them by construction, whatever the size of the knowledge base. The values
are the Bot API's (core.telegram.org/bots/api) as python-telegram-bot 22 states them in
telegram.constants; tests/test_reply_limits.py checks the two still agree. They are written out
here because the CLI renders replies without loading the Telegram library.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

# CallbackQueryLimit.ANSWER_CALLBACK_QUERY_TEXT_LENGTH: written once, where the loader checks
# texts.yaml's toasts against it (so the knowledge base cache's code digest covers it too).
from bot.kb.texts import TOAST_CHARS as TOAST_CHARS

KEYBOARD_BUTTONS = 100  # InlineKeyboardMarkupLimit.TOTAL_BUTTON_NUMBER
ROW_BUTTONS = 8  # InlineKeyboardMarkupLimit.BUTTONS_PER_ROW
CALLBACK_DATA_BYTES = 64  # InlineKeyboardButtonLimit.MAX_CALLBACK_DATA
MESSAGE_CHARS = 4096  # MessageLimit.MAX_TEXT_LENGTH
INLINE_RESULTS = 50  # InlineQueryLimit.RESULTS

# Fact buttons under one reply: a screenful to choose from, and with the other rows (related,
# more, next page, 👍/👎) far below KEYBOARD_BUTTONS. A listing's next page holds the rest.
PAGE_FACTS = 20
LIST_LIMIT = 3500  # a list in one message (admin lists, a topic posted inline) before "…"
# Page numbers ride in callback data as ≤ 4 digits: "topic:<id ≤ 40>:<page>" is ≤ 51 bytes.
LAST_PAGE = 9999

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its items, its number (0 first) and how many the whole list holds."""

    items: tuple[T, ...]
    number: int
    total: int

    @property
    def first(self) -> int:
        """The 1-based position of the page's first item in the whole list."""
        return self.number * PAGE_FACTS + 1

    @property
    def last(self) -> int:
        return self.number * PAGE_FACTS + len(self.items)

    @property
    def rest(self) -> int:
        """Items after this page."""
        return self.total - self.last

    @property
    def has_next(self) -> bool:
        return self.rest > 0 and self.number < LAST_PAGE

    @property
    def paged(self) -> bool:
        """The list takes more than one page (a lone page says nothing of pages)."""
        return self.total > PAGE_FACTS


def page_of(items: Sequence[T], number: int) -> Page[T] | None:
    """Page `number` of `items`; None when the list no longer reaches it (a stale button)."""
    start = number * PAGE_FACTS
    if number < 0 or number > LAST_PAGE or (number > 0 and start >= len(items)):
        return None
    return Page(tuple(items[start : start + PAGE_FACTS]), number, len(items))


def clip(text: str, limit: int) -> str:
    """`text`, or its first `limit` - 1 characters and "…" when it is longer than `limit`."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fit_lines(lines: Sequence[str], limit: int = LIST_LIMIT) -> list[str]:
    """As many whole lines as fit in `limit` characters once bulleted (`bullets`), then "…"
    and how many were left out (admin lists and a topic's titles can grow)."""
    kept: list[str] = []
    used = 0
    for line in lines:
        line = clip(line, limit // 4)  # one monstrous line must not hide all the others
        used += len(line) + 3  # "· " before it and a line end after it
        if used > limit:
            kept.append(f"…（+{len(lines) - len(kept)}）")
            break
        kept.append(line)
    return kept
