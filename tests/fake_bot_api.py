"""A fake Telegram Bot API server for tests: real HTTP on 127.0.0.1, never the internet.

This module is the server itself (lifecycle, recorded calls, fault injection, the update
queue, HTTP dispatch); the package ``fakebot`` holds the rest, one concern a module: the wire
format, Telegram's text checks, the update builders and the Bot API methods.

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
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, urlsplit

from fakebot.methods import CONFLICT, METHODS, BotApiMethods
from fakebot.text import parse_text, utf16_len
from fakebot.wire import JSON, ApiError, decode, parse_multipart

__all__ = ["BOT_USERNAME", "DEFAULT_TOKEN", "JSON", "Call", "FakeBotApi", "parse_text", "utf16_len"]

DEFAULT_TOKEN = "123456789:AAFakeTokenForTests_abcdefghijklmnop"
BOT_USERNAME = "jianfu_test_bot"
_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: CONFLICT,
    500: "Internal Server Error",
}


class Call(NamedTuple):
    """One recorded Bot API request: canonical method name and decoded parameters."""

    method: str
    params: JSON
    at: float = 0.0  # time.time() when the request arrived


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


class FakeBotApi(BotApiMethods):
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
        self.user_messages: dict[tuple[Any, int], JSON] = {}  # pushed by people, to reply to
        self.commands: dict[str, list[JSON]] = {}  # JSON-encoded (scope, language) -> commands
        self.webhook_url = ""
        # When set, every request gets a web server's HTML 404 page echoing its path (and so
        # the token), as a wrong TELEGRAM_API_BASE_URL or a misrouting proxy would answer.
        self.echo_404 = False
        self.echoed = 0  # requests answered that way
        self._cond = threading.Condition(threading.RLock())
        self._updates: list[JSON] = []
        self._faults: dict[str, list[tuple[int, JSON, bool]]] = {}
        self._holding: set[str] = set()
        self._held: dict[str, int] = {}
        self._deliver_held: dict[str, bool] = {}
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
            name: getattr(self, f"_api_{name}") for name in METHODS
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

    def rename_bot(self, username: str) -> None:
        """A rename in BotFather: getMe answers the new username from now on."""
        with self._cond:
            self.bot_user = {**self.bot_user, "username": username}

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

    def take_updates(self) -> list[JSON]:
        """Remove and return the queued updates: for delivering them to a webhook instead."""
        with self._cond:
            taken, self._updates = self._updates, []
            return taken

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

    def hold(self, method: str) -> None:
        """Keep calls to ``method`` waiting (unanswered, unrecorded) until release()."""
        with self._cond:
            self._holding.add(method)

    def held(self, method: str) -> int:
        with self._cond:
            return self._held.get(method, 0)

    def wait_held(self, method: str, count: int, timeout: float = 10.0) -> None:
        with self._cond:
            if not self._cond.wait_for(lambda: self._held.get(method, 0) >= count, timeout):
                raise AssertionError(f"expected {count} held {method} call(s), got "
                                     f"{self._held.get(method, 0)}")  # fmt: skip

    def release(self, method: str, deliver: bool = True) -> None:
        """Let held calls go on; with deliver=False they fail with 502 and are never recorded
        (as if they never reached Telegram)."""
        with self._cond:
            self._holding.discard(method)
            self._deliver_held[method] = deliver
            self._cond.notify_all()

    # -- update injection --------------------------------------------------------------------
    def push_raw(self, update: JSON) -> int:
        """Queue any update dict; an ``update_id`` is assigned when missing."""
        with self._cond:
            update = {"update_id": next(self._update_ids), **update}
            self._updates.append(update)
            self._cond.notify_all()
            return int(update["update_id"])

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
        if self.echo_404:
            with self._cond:
                self.echoed += 1
                self._cond.notify_all()
            page = f"<html><body><h1>404 Not Found</h1><p>No such page: {path}</p></body></html>"
            return 404, page.encode()
        url = urlsplit(path)
        match = re.fullmatch(r"/bot([^/]*)/([A-Za-z]*)", url.path)
        if match is None:
            return 404, _error(404, "Not Found")
        if match[1] != self.token:
            return 401, _error(401, "Unauthorized")
        params = {k: decode(k, v) for k, v in parse_qsl(url.query, keep_blank_values=True)}
        if content_type.startswith("multipart/form-data"):
            params.update(parse_multipart(body, content_type))
        elif content_type.startswith("application/json") and body:
            params.update(json.loads(body))
        else:
            params.update(
                {
                    k: decode(k, v)
                    for k, v in parse_qsl(body.decode(errors="replace"), keep_blank_values=True)
                }
            )
        method = next((m for m in self._handlers if m.lower() == match[2].lower()), match[2])
        arrived = time.time()
        with self._cond:
            if method in self._holding:
                self._held[method] = self._held.get(method, 0) + 1
                self._cond.notify_all()
                self._cond.wait_for(lambda: method not in self._holding or self._stopping)
                self._held[method] -= 1
                if not self._deliver_held.get(method, True) or self._stopping:
                    return 502, _gateway_page(502)
                arrived = time.time()
            faults = self._faults.get(method)
            if faults:
                status, error, as_json = faults.pop(0)
                self.faulted_calls.append(Call(method, params, arrived))
                self._cond.notify_all()
                return status, error if as_json else _gateway_page(status)
        call = Call(method, params, arrived)
        try:
            handler = self._handlers.get(method)
            if handler is None:
                raise ApiError(404, "Not Found")
            response: tuple[int, JSON] = 200, {"ok": True, "result": handler(params)}
        except ApiError as exc:
            response = exc.status, _error(exc.status, exc.description, exc.parameters)
        except Exception as exc:  # a bug in the fake: surface it to the client, don't hang
            response = 500, _error(500, f"Internal Server Error: fake_bot_api: {exc!r}")
        with self._cond:
            self.calls.append(call)
            if response[0] != 200:
                self.rejected_calls.append(call)
            self._cond.notify_all()
        return response


def _error(status: int, description: str, parameters: JSON | None = None) -> JSON:
    body: JSON = {"ok": False, "error_code": status, "description": description}
    return {**body, "parameters": parameters} if parameters else body


def _gateway_page(status: int) -> bytes:
    title = {502: "502 Bad Gateway", 504: "504 Gateway Time-out"}.get(status, f"{status} Error")
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}"
        "</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n"
    ).encode()


def _short(params: JSON) -> str:
    shown = {k: f"<{len(v)} bytes>" if isinstance(v, bytes) else v for k, v in params.items()}
    return repr(shown)[:300]
