"""The wire format: form and multipart parameters as Telegram decodes them, and API errors."""

from __future__ import annotations

import json
import re
from typing import Any

JSON = dict[str, Any]

# fmt: off
# Fields whose form value is a plain string even when it looks like JSON ("123", "true").
STRING_FIELDS = frozenset({
    "text", "caption", "query", "data", "parse_mode", "callback_query_id", "inline_query_id",
    "url", "secret_token", "next_offset", "action", "language_code", "photo",
    "inline_message_id", "switch_pm_text",
})
# fmt: on


class ApiError(Exception):
    """Raised by a method handler; becomes the API's error reply with this status."""

    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters


def decode(key: str, value: str) -> Any:
    if key in STRING_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def parse_multipart(body: bytes, content_type: str) -> JSON:
    boundary = content_type.split("boundary=", 1)[1].split(";")[0].strip('"').encode()
    params: JSON = {}
    for part in body.split(b"--" + boundary)[1:-1]:
        head, _, content = part.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        content = content.removesuffix(b"\r\n")
        disposition = head.decode("utf-8", "replace")
        name = re.search(r'[;\s]name="([^"]*)"', disposition)
        if name is None:
            continue
        is_file = "filename=" in disposition
        params[name[1]] = content if is_file else decode(name[1], content.decode())
    return params


def required(p: JSON, key: str, why: str) -> Any:
    if p.get(key) in (None, ""):
        raise ApiError(400, f"Bad Request: {why}")
    return p[key]
