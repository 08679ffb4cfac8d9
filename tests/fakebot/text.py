"""What Telegram checks in a message: its HTML subset, lengths in UTF-16, buttons, entities."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any, ClassVar

from fakebot.wire import JSON, ApiError

# fmt: off
_HTML_TAGS = frozenset({
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
    "blockquote", "span", "tg-spoiler",
})
# fmt: on


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, the unit Telegram uses for offsets and limits."""
    return len(text.encode("utf-16-le")) // 2


class _TelegramHtml(HTMLParser):
    """Telegram's HTML subset: known tags only, properly nested, '<' must be escaped."""

    _NAMED: ClassVar[dict[str, str]] = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.out: list[str] = []

    def _fail(self, why: str) -> None:
        raise ApiError(400, f"Bad Request: can't parse entities: {why}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HTML_TAGS or (tag == "span" and ("class", "tg-spoiler") not in attrs):
            self._fail(f'Unsupported start tag "{tag}"')
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._fail(f'Unsupported start tag "{tag}"')

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self._fail(f'Unexpected end tag "{tag}"')
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data:
            self._fail("Can't find end of the tag (unescaped '<')")
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(self._NAMED.get(name, f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.out.append(chr(int(name[1:], 16) if name[:1] in "xX" else int(name)))

    def handle_comment(self, data: str) -> None:
        self._fail("Unsupported comment")

    def handle_decl(self, decl: str) -> None:
        self._fail("Unsupported declaration")


def parse_text(text: str, parse_mode: str | None) -> str:
    """The plain text Telegram would show; raises the API's 400 on malformed HTML."""
    if (parse_mode or "").upper() != "HTML":
        return text
    parser = _TelegramHtml()
    parser.feed(text)
    parser.close()
    if parser.stack:
        parser._fail(f'Can\'t find end tag corresponding to start tag "{parser.stack[-1]}"')
    return "".join(parser.out)


# Telegram's inline keyboard limits (python-telegram-bot's InlineKeyboardMarkupLimit): past
# them the whole message is refused, with this description.
KEYBOARD_BUTTONS, ROW_BUTTONS = 100, 8
_MARKUP_TOO_LONG = "Bad Request: reply markup is too long"


def check_markup(markup: Any) -> None:
    rows = (markup or {}).get("inline_keyboard", []) if isinstance(markup, dict) else []
    if sum(len(row) for row in rows) > KEYBOARD_BUTTONS or any(
        len(row) > ROW_BUTTONS for row in rows
    ):
        raise ApiError(400, _MARKUP_TOO_LONG)
    for row in rows:
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
            if set(button) <= {"text"}:
                raise ApiError(
                    400,
                    "Bad Request: can't parse inline keyboard button: "
                    "Text buttons are unallowed in the inline keyboard",
                )


def auto_entities(text: str) -> list[JSON]:
    """bot_command at offset 0 for '/cmd[@bot]', mention for each '@username'."""
    found: list[tuple[str, re.Match[str]]] = []
    command = re.match(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{5,32})?", text)
    if command:
        found.append(("bot_command", command))
    found += [("mention", m) for m in re.finditer(r"(?<![A-Za-z0-9_@/])@[A-Za-z0-9_]{5,32}", text)]
    return [
        {"type": kind, "offset": utf16_len(text[: m.start()]), "length": utf16_len(m.group())}
        for kind, m in found
    ]


def checked_text(raw: Any, parse_mode: Any, limit: int, too_long: str) -> str:
    text = parse_text(str(raw or ""), str(parse_mode) if parse_mode else None)
    if not text.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if utf16_len(text) > limit:
        raise ApiError(400, f"Bad Request: {too_long}")
    return text


def text_fields(key: str, text: str) -> JSON:
    """The message fields for `text` under `key`, with the entities Telegram would detect."""
    entities = auto_entities(text)
    if not entities:
        return {key: text}
    return {key: text, "caption_entities" if key == "caption" else "entities": entities}
