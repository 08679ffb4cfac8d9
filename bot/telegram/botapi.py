"""Answers from the Bot API read with care: JSON of another shape, and an update
python-telegram-bot cannot decode.

PTB takes a 200 answer's `result` on trust, so JSON that is not the Bot API's (a stub, a
proxy answering in JSON, a wrong TELEGRAM_API_BASE_URL) raises KeyError or TypeError where a
TelegramError is expected. In its polling loop that is logged with the raw batch, users'
words included, and asked again at once, forever: one update it cannot decode held back
every later one, and a server of another shape kept the bot spinning, answering nobody.
"""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any

from telegram import Update
from telegram.error import InvalidToken, TelegramError
from telegram.request import HTTPXRequest

log = logging.getLogger(__name__)

# What reading an answer of another shape raises inside PTB (a missing key, a str or a list
# where a dict should be, a value of the wrong kind).
SHAPE_ERRORS = (KeyError, IndexError, TypeError, ValueError, AttributeError)
# PTB's own words for an answer that is not JSON at all; is_not_bot_api looks for them.
NOT_JSON = "Invalid server response"


def not_bot_api() -> InvalidToken:
    """The error that stops polling: PTB's loop gives up only on InvalidToken (any other
    TelegramError is asked again forever); its cause says the API, not the token, is wrong."""
    error = InvalidToken("the answer was not the Bot API's")
    error.__cause__ = TelegramError(NOT_JSON)
    return error


def is_not_bot_api(exc: BaseException | None) -> bool:
    """The answer was not the Bot API's JSON (PTB then says "Invalid server response"), as
    not_bot_api's error and a web page's 404 (which PTB calls an InvalidToken) both say."""
    while exc is not None:
        if isinstance(exc, TelegramError) and exc.message == NOT_JSON:
            return True
        exc = exc.__cause__
    return False


def skipped(update_id: int, why: Exception) -> None:
    """Say an update was acknowledged unread: its id and the error's type only, for the
    update itself carries the user's words."""
    log.warning("update %d could not be read (%s); acknowledged and skipped",
                update_id, type(why).__name__)  # fmt: skip


def readable_updates(result: object) -> list[dict[str, Any]]:
    """getUpdates' result as PTB can read it: an update it cannot decode becomes its bare
    update_id (acknowledged, handled by nothing); anything but a list of updates stops."""
    if not isinstance(result, list):
        raise not_bot_api()
    updates: list[dict[str, Any]] = []
    for item in result:
        if not isinstance(item, dict) or type(item.get("update_id")) is not int:
            raise not_bot_api()
        try:
            Update.de_json(item, None)
        except Exception as exc:  # whatever PTB trips on: this update only, never the rest
            skipped(item["update_id"], exc)
            item = {"update_id": item["update_id"]}
        updates.append(item)
    return updates


def readable_answer(payload: bytes) -> bytes:
    """A successful getUpdates answer as PTB can read it (see readable_updates)."""
    try:
        answer = json.loads(payload)
    except ValueError:  # not JSON at all: PTB says so itself, and asks again a while later
        return payload
    if not isinstance(answer, dict) or "result" not in answer:
        raise not_bot_api()
    return json.dumps({**answer, "result": readable_updates(answer["result"])}).encode()


class UpdatesRequest(HTTPXRequest):
    """The getUpdates connection (one, as PTB's default), its answers read by readable_answer.
    (BaseRequest.post, where PTB reads them, is final: the bytes are read before it.)"""

    def __init__(self) -> None:
        super().__init__(connection_pool_size=1)

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        code, payload = await super().do_request(*args, **kwargs)
        if HTTPStatus.OK <= code < HTTPStatus.MULTIPLE_CHOICES:  # errors PTB reads itself
            payload = readable_answer(payload)
        return code, payload
