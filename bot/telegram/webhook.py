"""`jianfu run --webhook`: our own ASGI app (Starlette on uvicorn) feeding PTB.

Routes:
  POST /<path of TELEGRAM_WEBHOOK_URL>  an update; 401 without the secret header, 403 with a
                                        wrong one; 200 only once the update is handled
                                        (or, one PTB cannot read, skipped with a warning)
  GET  /healthz                         200 while the process is up
  GET  /readyz                          200 when the knowledge base is loaded and the
                                        database answers, else 503

Acknowledging only after handling is what makes a crash lose nothing: Telegram re-delivers
every update it got no 200 for. The update's claim (UpdateGate) makes re-deliveries and
copies sent to other replicas harmless: a finished update answers 200 at once, one being
handled elsewhere answers 503 (Telegram tries again later), and one whose replica died is
taken over when its lease runs out. The server starts listening only once everything is
loaded, so a load balancer never sends work to a replica still starting.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import signal
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from telegram import Update

from bot.questionlog.shared import Claim
from bot.telegram.botapi import skipped
from bot.telegram.shared_flow import UpdateGate

if TYPE_CHECKING:
    from bot.telegram.context import App

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
BUSY_RETRY_SECONDS = "5"
MAX_UPDATE_ID = 2**63 - 1  # the largest BIGINT (update_claims.update_id), SQLite's INTEGER too


@dataclass
class WebhookServer:
    """The ASGI app around one started PTB Application."""

    application: App
    path: str  # of TELEGRAM_WEBHOOK_URL, as written there
    secret: str
    gate: UpdateGate
    ready: Callable[[], Awaitable[bool]]  # the database answers (the KB is loaded before)
    describe: Callable[[], str]  # which knowledge base this replica serves
    stopping: bool = False

    def asgi(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/healthz", self.healthz, methods=["GET"]),
                Route("/readyz", self.readyz, methods=["GET"]),
                # As Telegram posts to it: a trailing slash kept (it follows no redirect), the
                # path decoded as Starlette matches it.
                Route("/" + unquote(self.path).lstrip("/"), self.update, methods=["POST"]),
            ]
        )

    async def healthz(self, request: Request) -> Response:
        return PlainTextResponse("ok")

    async def readyz(self, request: Request) -> Response:
        if not self.stopping and await self.ready():
            return PlainTextResponse(f"ready {self.describe()}")
        return PlainTextResponse(f"not ready {self.describe()}", status_code=503)

    async def update(self, request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER)
        if given is None:
            return PlainTextResponse("missing secret token", status_code=401)
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            return PlainTextResponse("wrong secret token", status_code=403)
        if self.stopping:
            return _busy("shutting down")
        try:
            payload = json.loads(await request.body())
            if not isinstance(payload, dict) or not _update_id(payload.get("update_id")):
                raise ValueError("no update_id")
        except Exception:  # any odd body: refuse it, never crash on it
            return PlainTextResponse("not an update", status_code=400)
        try:
            update = Update.de_json(payload, self.application.bot)
        except Exception as exc:  # an update PTB cannot read: asking again changes nothing
            skipped(payload["update_id"], exc)
            return PlainTextResponse("skipped")
        claim = await self.gate.claim(update.update_id)
        if claim is Claim.DONE:
            return PlainTextResponse("done")
        if claim is Claim.BUSY:
            return _busy("being handled")
        try:
            await self._handle(update)
        except asyncio.CancelledError:  # the server is going down mid-update
            await asyncio.shield(self.gate.release(update.update_id))
            raise
        except Exception:  # handler errors are PTB's; this is a bug: never retry it forever
            log.exception("update %d failed outside its handlers", update.update_id)
        await self.gate.finish(update.update_id)
        return PlainTextResponse("ok")

    async def _handle(self, update: Update) -> None:
        app = self.application
        # Through the update processor, as PTB's own fetcher does: per-chat order and the
        # concurrency bound apply to webhook updates too. Handler errors go to the error
        # handler inside process_update; they never reach here.
        await app.update_processor.process_update(update, app.process_update(update))


def _update_id(value: object) -> bool:
    """A number Telegram could have sent, and the claims' BIGINT holds (JSON's true is no
    number, though Python's bool is an int: it claimed update 1)."""
    return type(value) is int and 0 <= value <= MAX_UPDATE_ID


def _busy(why: str) -> Response:
    return PlainTextResponse(why, status_code=503, headers={"Retry-After": BUSY_RETRY_SECONDS})


async def serve(server: WebhookServer, host: str, port: int) -> None:
    """Serve until SIGINT/SIGTERM; in-flight updates are finished first (for a while)."""
    config = uvicorn.Config(
        server.asgi(),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,  # the request line has the secret path in it
        lifespan="off",
        timeout_graceful_shutdown=25,
        backlog=2048,
    )
    uv = _Server(config)
    loop = asyncio.get_running_loop()

    def stop() -> None:
        server.stopping = True  # /readyz says 503 at once; new updates are turned away
        uv.should_exit = True

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop)
    log.info("webhook: listening on %s:%d", host, port)
    try:
        await uv.serve()
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
        server.stopping = True
        server.gate.close()


class _Server(uvicorn.Server):
    """uvicorn without its own signal handling: it re-raises the signal after shutting down,
    and a replica stopped by SIGTERM should exit 0 after a clean shutdown."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield
