"""A fake Telegram Bot API server for tests: real HTTP on 127.0.0.1, never the internet.

Point python-telegram-bot at it with ``.base_url(fake.base_url)``. Every request is recorded in
``calls`` (or ``faulted_calls`` when an injected fault answered it); updates are queued by the
``push_*`` builders and handed out by a real long-polling ``getUpdates``. Validation follows
Telegram: HTML is parsed and lengths are counted in UTF-16 code units after parsing (Markdown
modes are not parsed, their raw text is counted).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, ClassVar, NamedTuple
from urllib.parse import parse_qsl, urlsplit

DEFAULT_TOKEN = "123456789:AAFakeTokenForTests_abcdefghijklmnop"
BOT_USERNAME = "jianfu_test_bot"
JSON = dict[str, Any]

# fmt: off
# Fields whose form value is a plain string even when it looks like JSON ("123", "true").
_STRING_FIELDS = frozenset({
    "text", "caption", "query", "data", "parse_mode", "callback_query_id", "inline_query_id",
    "url", "secret_token", "next_offset", "action", "language_code", "photo",
    "inline_message_id", "switch_pm_text",
})
_HTML_TAGS = frozenset({
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
    "blockquote", "span", "tg-spoiler",
})
_CHAT_ACTIONS = frozenset({
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note",
    "upload_video_note",
})
_METHODS = (
    "getMe", "getUpdates", "deleteWebhook", "setWebhook", "getWebhookInfo", "setMyCommands",
    "getMyCommands", "deleteMyCommands", "sendMessage", "editMessageText",
    "editMessageReplyMarkup", "answerCallbackQuery", "answerInlineQuery", "sendPhoto",
    "sendChatAction", "close", "logOut",
)
# fmt: on
_STICKER = {"type": "regular", "width": 512, "height": 512, "is_animated": False, "is_video": False}
_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running",
    500: "Internal Server Error",
}
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
_QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"


class Call(NamedTuple):
    """One recorded Bot API request: canonical method name and decoded parameters."""

    method: str
    params: JSON


class _ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters


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
        raise _ApiError(400, f"Bad Request: can't parse entities: {why}")

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


def _check_markup(markup: Any) -> None:
    for row in (markup or {}).get("inline_keyboard", []) if isinstance(markup, dict) else []:
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                raise _ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
            if set(button) <= {"text"}:
                raise _ApiError(
                    400,
                    "Bad Request: can't parse inline keyboard button: "
                    "Text buttons are unallowed in the inline keyboard",
                )


def _auto_entities(text: str) -> list[JSON]:
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


def _decode(key: str, value: str) -> Any:
    if key in _STRING_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _parse_multipart(body: bytes, content_type: str) -> JSON:
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
        params[name[1]] = content if is_file else _decode(name[1], content.decode())
    return params


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # socketserver's 5 turns a burst into 1 s SYN retries

    def __init__(self, fake: FakeBotApi) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = fake


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    # Serve like Telegram: keep-alive (every reply has a Content-Length) and no Nagle delay
    # (headers and body go out in two writes; the second waited ~40 ms for a delayed ACK).
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output quiet

    def do_GET(self) -> None:
        self._serve(b"")

    def do_POST(self) -> None:
        self._serve(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

    def _serve(self, body: bytes) -> None:
        status, content_type, payload = self.server.fake._handle_http(
            self.path, self.headers.get("Content-Type", ""), body
        )
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (e.g. a cancelled long poll)


class FakeBotApi:
    """Fake Bot API server; use as a context manager or call start()/stop()."""

    def __init__(self, token: str = DEFAULT_TOKEN) -> None:
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_user: JSON = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "减负助手",
            "username": BOT_USERNAME,
        }
        self.calls: list[Call] = []
        self.faulted_calls: list[Call] = []
        self.rejected_calls: list[Call] = []  # also in .calls; answered with a 4xx
        self.messages: dict[tuple[Any, int], JSON] = {}  # (chat_id, message_id) -> Message
        self.commands: dict[str, list[JSON]] = {}  # JSON-encoded (scope, language) -> commands
        self.webhook_url = ""
        self._cond = threading.Condition(threading.RLock())
        self._updates: list[JSON] = []
        self._faults: dict[str, list[tuple[int, JSON, bool]]] = {}
        self._open_queries: set[str] = set()
        self._chats: dict[Any, JSON] = {}
        self._update_ids = itertools.count(10_000)
        self._message_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self._poll_generation = 0
        self._active = 0
        self._stopping = False
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._handlers: dict[str, Callable[[JSON], Any]] = {
            name: getattr(self, f"_api_{name}") for name in _METHODS
        }

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> FakeBotApi:
        if self._server is not None:
            raise RuntimeError("FakeBotApi already started")
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            daemon=True,
            name="fake-bot-api",
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Wake pending long polls (they return []), let in-flight requests finish, shut down."""
        if self._server is None:
            return
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
            self._cond.wait_for(lambda: self._active == 0, timeout=0.8)
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=1)
        self._server = None

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeBotApi is not running")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # -- recorded calls ----------------------------------------------------------------------
    def calls_to(self, method: str) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method]

    def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 10.0,
        predicate: Callable[[JSON], bool] | None = None,
    ) -> list[Call]:
        """Block until ``count`` calls to ``method`` (matching ``predicate(params)``) exist."""

        def matching() -> list[Call]:
            return [
                c
                for c in self.calls
                if c.method == method and (predicate is None or predicate(c.params))
            ]

        with self._cond:
            if self._cond.wait_for(lambda: len(matching()) >= count, timeout):
                return matching()
            lines = "\n".join(f"  {c.method} {_short(c.params)}" for c in self.calls)
            raise AssertionError(
                f"expected {count} matching {method} call(s) within {timeout}s, "
                f"got {len(matching())}; recorded calls:\n{lines or '  (none)'}"
            )

    async def async_wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 10.0,
        predicate: Callable[[JSON], bool] | None = None,
    ) -> list[Call]:
        return await asyncio.to_thread(self.wait_for, method, count, timeout, predicate)

    def pending_updates(self) -> list[JSON]:
        with self._cond:
            return list(self._updates)

    # -- fault injection ---------------------------------------------------------------------
    def inject_fault(
        self,
        method: str,
        status: int = 429,
        retry_after: int = 1,
        times: int = 1,
        description: str | None = None,
        json_body: bool | None = None,
    ) -> None:
        """Answer the next ``times`` calls to ``method`` with an error instead of handling them.

        429 carries ``parameters.retry_after``; 502/504 default to the gateway's HTML page.
        """
        body: JSON = {"ok": False, "error_code": status}
        if status == 429:
            body["description"] = description or f"Too Many Requests: retry after {retry_after}"
            body["parameters"] = {"retry_after": retry_after}
        else:
            body["description"] = description or _DEFAULT_DESCRIPTIONS.get(status, "Error")
        as_json = json_body if json_body is not None else status not in (502, 504)
        with self._cond:
            self._faults.setdefault(method, []).extend([(status, body, as_json)] * times)

    # -- update injection --------------------------------------------------------------------
    def push_raw(self, update: JSON) -> int:
        """Queue any update dict; an ``update_id`` is assigned when missing."""
        with self._cond:
            update = {"update_id": next(self._update_ids), **update}
            self._updates.append(update)
            self._cond.notify_all()
            return int(update["update_id"])

    def push_private_message(
        self,
        text: str,
        user_id: int = 1001,
        chat_id: int | None = None,
        first_name: str = "Tester",
        username: str | None = "tester",
    ) -> int:
        user = self._user(user_id, first_name, username)
        chat = self._chat(user_id if chat_id is None else chat_id, user)
        return self._push("message", self._message(chat, user, **_text("text", text)))

    def push_group_message(
        self,
        text: str,
        chat_id: int = -1001234567890,
        chat_type: str = "supergroup",
        user_id: int = 1001,
        reply_to_bot_message_id: int | None = None,
        first_name: str = "Tester",
        title: str = "Test Group",
    ) -> int:
        user = self._user(user_id, first_name, "tester")
        chat = self._chat(chat_id, user, chat_type, title)
        extra = _text("text", text)
        if reply_to_bot_message_id is not None:
            extra["reply_to_message"] = self._bot_message(chat, reply_to_bot_message_id)
        return self._push("message", self._message(chat, user, **extra))

    def push_edited_message(
        self,
        text: str,
        message_id: int,
        user_id: int = 1001,
        chat_id: int | None = None,
    ) -> int:
        user = self._user(user_id, "Tester", "tester")
        chat = self._chat(user_id if chat_id is None else chat_id, user)
        msg = self._message(chat, user, **_text("text", text), edit_date=int(time.time()))
        return self._push("edited_message", {**msg, "message_id": message_id})

    def push_channel_post(
        self,
        text: str,
        chat_id: int = -1009876543210,
        title: str = "Test Channel",
    ) -> int:
        chat = self._chat(chat_id, None, "channel", title)
        post = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "sender_chat": chat,
            **_text("text", text),
        }
        return self._push("channel_post", post)

    def push_sticker(
        self,
        emoji: str = "👍",
        user_id: int = 1001,
        chat_id: int | None = None,
    ) -> int:
        user = self._user(user_id, "Tester", "tester")
        chat = self._chat(user_id if chat_id is None else chat_id, user)
        sticker = {
            "file_id": f"sticker-{emoji}",
            "file_unique_id": "stk1",
            **_STICKER,
            "emoji": emoji,
        }
        return self._push("message", self._message(chat, user, sticker=sticker))

    def push_photo(
        self, caption: str | None = None, user_id: int = 1001, chat_id: int | None = None
    ) -> int:
        user = self._user(user_id, "Tester", "tester")
        chat = self._chat(user_id if chat_id is None else chat_id, user)
        extra = _text("caption", caption) if caption else {}
        return self._push(
            "message",
            self._message(chat, user, photo=_photo_sizes("in-photo", 640, 480, 20_000), **extra),
        )

    def push_inline_query(self, query: str, user_id: int = 1001, offset: str = "") -> int:
        query_id = f"iq{next(self._query_ids)}"
        with self._cond:
            self._open_queries.add(query_id)
        return self._push(
            "inline_query",
            {
                "id": query_id,
                "from": self._user(user_id, "Tester", "tester"),
                "query": query,
                "offset": offset,
                "chat_type": "sender",
            },
        )

    def push_callback_query(
        self, data: str, message_id: int, chat_id: int = 1001, user_id: int = 1001
    ) -> int:
        user = self._user(user_id, "Tester", "tester")
        query_id = f"cq{next(self._query_ids)}"
        with self._cond:
            self._open_queries.add(query_id)
            message = self._bot_message(self._chat(chat_id, user), message_id)
        return self._push(
            "callback_query",
            {
                "id": query_id,
                "from": user,
                "message": message,
                "data": data,
                "chat_instance": f"ci{chat_id}",
            },
        )

    def _push(self, kind: str, payload: JSON) -> int:
        return self.push_raw({kind: payload})

    def _user(self, user_id: int, first_name: str, username: str | None) -> JSON:
        user: JSON = {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name,
            "language_code": "zh-hans",
        }
        return {**user, "username": username} if username else user

    def _chat(
        self, chat_id: Any, user: JSON | None, chat_type: str = "", title: str = "Test Group"
    ) -> JSON:
        with self._cond:
            if chat_id not in self._chats:
                if isinstance(chat_id, int) and chat_id > 0:
                    chat = {
                        "id": chat_id,
                        "type": "private",
                        "first_name": (user or {}).get("first_name", "Tester"),
                    }
                elif str(chat_id).startswith("@"):
                    chat = {"id": chat_id, "type": "channel", "title": title}
                else:
                    kind = chat_type or (
                        "supergroup" if str(chat_id).startswith("-100") else "group"
                    )
                    chat = {"id": chat_id, "type": kind, "title": title}
                self._chats[chat_id] = chat
            return self._chats[chat_id]

    def _message(self, chat: JSON, user: JSON, **extra: Any) -> JSON:
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            **extra,
        }

    def _bot_message(self, chat: JSON, message_id: int) -> JSON:
        with self._cond:
            return self.messages.get((chat["id"], message_id)) or {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": chat,
                "from": self.bot_user,
                "text": "…",
            }

    # -- HTTP dispatch -----------------------------------------------------------------------
    def _handle_http(self, path: str, content_type: str, body: bytes) -> tuple[int, str, bytes]:
        with self._cond:
            self._active += 1
        try:
            status, payload = self._dispatch(path, content_type, body)
        finally:
            with self._cond:
                self._active -= 1
                self._cond.notify_all()
        if isinstance(payload, bytes):
            return status, "text/html", payload
        return status, "application/json", json.dumps(payload, ensure_ascii=False).encode()

    def _dispatch(self, path: str, content_type: str, body: bytes) -> tuple[int, JSON | bytes]:
        url = urlsplit(path)
        match = re.fullmatch(r"/bot([^/]*)/([A-Za-z]*)", url.path)
        if match is None:
            return 404, _error(404, "Not Found")
        if match[1] != self.token:
            return 401, _error(401, "Unauthorized")
        params = {k: _decode(k, v) for k, v in parse_qsl(url.query, keep_blank_values=True)}
        if content_type.startswith("multipart/form-data"):
            params.update(_parse_multipart(body, content_type))
        elif content_type.startswith("application/json") and body:
            params.update(json.loads(body))
        else:
            params.update(
                {
                    k: _decode(k, v)
                    for k, v in parse_qsl(body.decode(errors="replace"), keep_blank_values=True)
                }
            )
        method = next((m for m in self._handlers if m.lower() == match[2].lower()), match[2])
        with self._cond:
            faults = self._faults.get(method)
            if faults:
                status, error, as_json = faults.pop(0)
                self.faulted_calls.append(Call(method, params))
                self._cond.notify_all()
                return status, error if as_json else _gateway_page(status)
        call = Call(method, params)
        try:
            handler = self._handlers.get(method)
            if handler is None:
                raise _ApiError(404, "Not Found")
            response: tuple[int, JSON] = 200, {"ok": True, "result": handler(params)}
        except _ApiError as exc:
            response = exc.status, _error(exc.status, exc.description, exc.parameters)
        except Exception as exc:  # a bug in the fake: surface it to the client, don't hang
            response = 500, _error(500, f"Internal Server Error: fake_bot_api: {exc!r}")
        with self._cond:
            self.calls.append(call)
            if response[0] != 200:
                self.rejected_calls.append(call)
            self._cond.notify_all()
        return response

    # -- Bot API methods ---------------------------------------------------------------------
    def _api_getMe(self, p: JSON) -> JSON:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _api_getUpdates(self, p: JSON) -> list[JSON]:
        offset, timeout = int(p.get("offset") or 0), float(p.get("timeout") or 0)
        limit = min(max(int(p.get("limit") or 100), 1), 100)
        allowed = set(p.get("allowed_updates") or [])

        def selected() -> list[JSON]:
            return [u for u in self._updates if not allowed or allowed & set(u) - {"update_id"}]

        with self._cond:
            if self.webhook_url:
                raise _ApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is "
                    "active; use deleteWebhook to delete the webhook first",
                )
            self._poll_generation += 1
            generation = self._poll_generation
            self._cond.notify_all()  # a newer poll terminates an older one, as on Telegram
            if offset > 0:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            elif offset < 0:
                self._updates = self._updates[offset:]
            self._cond.wait_for(
                lambda: self._stopping or generation != self._poll_generation or bool(selected()),
                timeout,
            )
            if generation != self._poll_generation:
                raise _ApiError(409, _DEFAULT_DESCRIPTIONS[409])
            return selected()[:limit]

    def _api_deleteWebhook(self, p: JSON) -> bool:
        return self._api_setWebhook({**p, "url": ""})

    def _api_setWebhook(self, p: JSON) -> bool:
        with self._cond:
            self.webhook_url = str(p.get("url") or "")
            if p.get("drop_pending_updates"):
                self._updates.clear()
        return True

    def _api_getWebhookInfo(self, p: JSON) -> JSON:
        with self._cond:
            return {
                "url": self.webhook_url,
                "has_custom_certificate": False,
                "pending_update_count": len(self._updates),
            }

    def _api_setMyCommands(self, p: JSON) -> bool:
        for command in p.get("commands") or []:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(command.get("command", ""))):
                raise _ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise _ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        with self._cond:
            self.commands[_scope_key(p)] = list(p.get("commands") or [])
        return True

    def _api_getMyCommands(self, p: JSON) -> list[JSON]:
        with self._cond:
            return self.commands.get(_scope_key(p), [])

    def _api_deleteMyCommands(self, p: JSON) -> bool:
        with self._cond:
            self.commands.pop(_scope_key(p), None)
        return True

    def _api_sendMessage(self, p: JSON) -> JSON:
        chat = self._chat(_required(p, "chat_id", "chat_id is empty"), None)
        text = _checked_text(p.get("text"), p.get("parse_mode"), 4096, "message is too long")
        _check_markup(p.get("reply_markup"))
        return self._store(chat, {"text": text}, p)

    def _api_sendPhoto(self, p: JSON) -> JSON:
        chat = self._chat(_required(p, "chat_id", "chat_id is empty"), None)
        photo = _required(p, "photo", "there is no photo in the request")
        if photo == b"":
            raise _ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
        width, height = (320, 240)
        if isinstance(photo, bytes) and photo.startswith(b"\x89PNG") and len(photo) >= 24:
            width, height = int.from_bytes(photo[16:20]), int.from_bytes(photo[20:24])
        size = len(photo) if isinstance(photo, bytes) else 10_000
        extra: JSON = {
            "photo": _photo_sizes(f"bot-photo-{time.monotonic_ns()}", width, height, size)
        }
        if p.get("caption"):
            extra["caption"] = _checked_text(
                p["caption"], p.get("parse_mode"), 1024, "message caption is too long"
            )
        _check_markup(p.get("reply_markup"))
        return self._store(chat, extra, p)

    def _store(self, chat: JSON, content: JSON, p: JSON) -> JSON:
        message = self._message(chat, self.bot_user, **content)
        if p.get("reply_markup"):
            message["reply_markup"] = p["reply_markup"]
        reply_to = (p.get("reply_parameters") or {}).get("message_id")
        if reply_to:
            message["reply_to_message"] = self._bot_message(chat, int(reply_to))
        with self._cond:
            self.messages[(chat["id"], message["message_id"])] = message
        return message

    def _api_editMessageText(self, p: JSON) -> JSON | bool:
        text = _checked_text(p.get("text"), p.get("parse_mode"), 4096, "message is too long")
        return self._edit(p, {"text": text})

    def _api_editMessageReplyMarkup(self, p: JSON) -> JSON | bool:
        return self._edit(p, {})

    def _edit(self, p: JSON, content: JSON) -> JSON | bool:
        _check_markup(p.get("reply_markup"))
        if p.get("inline_message_id"):
            return True
        chat = self._chat(_required(p, "chat_id", "chat_id is empty"), None)
        message_id = int(_required(p, "message_id", "message identifier is not specified"))
        with self._cond:
            old = self._bot_message(chat, message_id)
            new = {**old, **content, "edit_date": int(time.time())}
            new.pop("reply_markup", None)
            if p.get("reply_markup"):
                new["reply_markup"] = p["reply_markup"]
            if all(old.get(k) == new.get(k) for k in ("text", "caption", "reply_markup")):
                raise _ApiError(400, _NOT_MODIFIED)
            self.messages[(chat["id"], message_id)] = new
            return new

    def _api_answerCallbackQuery(self, p: JSON) -> bool:
        self._close_query(str(p.get("callback_query_id", "")))
        return True

    def _api_answerInlineQuery(self, p: JSON) -> bool:
        results = p.get("results") or []
        ids = [str(r.get("id", "")) for r in results]
        if len(results) > 50:
            raise _ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        if len(set(ids)) != len(ids):
            raise _ApiError(400, "Bad Request: RESULT_ID_DUPLICATE")
        if any(not 1 <= len(i.encode()) <= 64 for i in ids):
            raise _ApiError(400, "Bad Request: RESULT_ID_INVALID")
        for result in results:
            _check_markup(result.get("reply_markup"))
        self._close_query(str(p.get("inline_query_id", "")))
        return True

    def _close_query(self, query_id: str) -> None:
        with self._cond:
            if query_id not in self._open_queries:
                raise _ApiError(400, _QUERY_INVALID)
            self._open_queries.discard(query_id)

    def _api_sendChatAction(self, p: JSON) -> bool:
        _required(p, "chat_id", "chat_id is empty")
        if p.get("action") not in _CHAT_ACTIONS:
            raise _ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    def _api_close(self, p: JSON) -> bool:
        return True

    def _api_logOut(self, p: JSON) -> bool:
        return True


def _error(status: int, description: str, parameters: JSON | None = None) -> JSON:
    body: JSON = {"ok": False, "error_code": status, "description": description}
    return {**body, "parameters": parameters} if parameters else body


def _gateway_page(status: int) -> bytes:
    title = {502: "502 Bad Gateway", 504: "504 Gateway Time-out"}.get(status, f"{status} Error")
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}"
        "</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n"
    ).encode()


def _required(p: JSON, key: str, why: str) -> Any:
    if p.get(key) in (None, ""):
        raise _ApiError(400, f"Bad Request: {why}")
    return p[key]


def _checked_text(raw: Any, parse_mode: Any, limit: int, too_long: str) -> str:
    text = parse_text(str(raw or ""), str(parse_mode) if parse_mode else None)
    if not text.strip():
        raise _ApiError(400, "Bad Request: message text is empty")
    if utf16_len(text) > limit:
        raise _ApiError(400, f"Bad Request: {too_long}")
    return text


def _text(key: str, text: str) -> JSON:
    entities = _auto_entities(text)
    if not entities:
        return {key: text}
    return {key: text, "caption_entities" if key == "caption" else "entities": entities}


def _photo_sizes(file_id: str, width: int, height: int, size: int) -> list[JSON]:
    return [
        {
            "file_id": f"{file_id}-{scale}",
            "file_unique_id": f"{file_id}-u{scale}",
            "width": max(width // scale, 1),
            "height": max(height // scale, 1),
            "file_size": max(size // (scale * scale), 1),
        }
        for scale in (4, 1)
    ]


def _scope_key(p: JSON) -> str:
    return json.dumps([p.get("scope") or {"type": "default"}, p.get("language_code") or ""])


def _short(params: JSON) -> str:
    shown = {k: f"<{len(v)} bytes>" if isinstance(v, bytes) else v for k, v in params.items()}
    return repr(shown)[:300]
