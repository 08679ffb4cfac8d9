"""Secrets never reach a log, whichever library writes the line.

python-telegram-bot, httpx and asyncio all log on their own, and the bot token is part of every
Bot API URL: a misrouted request's error page, an exception message or a request line can carry
it. So every log record is scrubbed where it is made (a log record factory), before any
handler or filter sees it: message, arguments, exception text and stack.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote

MASK = "<redacted>"
MIN_SECRET_CHARS = 8  # a shorter "secret" would mask ordinary words


class Redactor:
    """Replaces each secret, as typed or URL-encoded, with MASK."""

    def __init__(self, secrets: Iterable[str]) -> None:
        forms = {
            form
            for secret in secrets
            if len(secret) >= MIN_SECRET_CHARS
            for form in (secret, quote(secret), quote(secret, safe=""))
        }
        # Longest first, so a secret inside a longer form is not half-replaced.
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        self._pattern = re.compile(alternatives) if forms else None

    def __call__(self, text: str) -> str:
        return self._pattern.sub(MASK, text) if self._pattern else text

    def scrub(self, record: logging.LogRecord) -> None:
        """Make the record's every printable part secret-free, in place."""
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep its parts, still scrubbed
            message = f"{record.msg!s} {record.args!r}"
        record.msg, record.args = self(message), None
        if record.exc_info and record.exc_info[0] is not None:
            text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
            record.exc_text, record.exc_info = self(text), None
        elif record.exc_text:
            record.exc_text = self(record.exc_text)
        if record.stack_info:
            record.stack_info = self(record.stack_info)


def install_redaction(*secrets: str) -> Callable[[], None]:
    """Scrub `secrets` from every log record from now on; returns the undo."""
    redactor = Redactor(secrets)
    previous = logging.getLogRecordFactory()

    def make_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        redactor.scrub(record)
        return record

    logging.setLogRecordFactory(make_record)
    return lambda: logging.setLogRecordFactory(previous)
