"""The Bot API methods the bot uses, each checking its parameters as Telegram does."""

from __future__ import annotations

import json
import re
import time

from fakebot.text import check_markup, checked_text
from fakebot.updates import UpdateBuilders, photo_sizes
from fakebot.wire import JSON, ApiError, required

TOAST_CHARS = 200  # answerCallbackQuery's text
# fmt: off
METHODS = (
    "getMe", "getUpdates", "deleteWebhook", "setWebhook", "getWebhookInfo", "setMyCommands",
    "getMyCommands", "deleteMyCommands", "sendMessage", "editMessageText",
    "editMessageReplyMarkup", "answerCallbackQuery", "answerInlineQuery", "sendPhoto",
    "sendChatAction", "close", "logOut",
)
_CHAT_ACTIONS = frozenset({
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note",
    "upload_video_note",
})
# fmt: on
CONFLICT = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
_QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"


class BotApiMethods(UpdateBuilders):
    """``_api_<method>(params)`` for each name in METHODS: the result, or ApiError."""

    # State kept by FakeBotApi.
    webhook_url: str
    commands: dict[str, list[JSON]]
    _updates: list[JSON]
    _poll_generation: int
    _stopping: bool

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
                raise ApiError(
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
                raise ApiError(409, CONFLICT)
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
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
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
        chat = self._chat(required(p, "chat_id", "chat_id is empty"), None)
        text = checked_text(p.get("text"), p.get("parse_mode"), 4096, "message is too long")
        check_markup(p.get("reply_markup"))
        return self._store(chat, {"text": text}, p)

    def _api_sendPhoto(self, p: JSON) -> JSON:
        chat = self._chat(required(p, "chat_id", "chat_id is empty"), None)
        photo = required(p, "photo", "there is no photo in the request")
        if photo == b"":
            raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
        width, height = (320, 240)
        if isinstance(photo, bytes) and photo.startswith(b"\x89PNG") and len(photo) >= 24:
            width, height = int.from_bytes(photo[16:20]), int.from_bytes(photo[20:24])
        size = len(photo) if isinstance(photo, bytes) else 10_000
        extra: JSON = {
            "photo": photo_sizes(f"bot-photo-{time.monotonic_ns()}", width, height, size)
        }
        if p.get("caption"):
            extra["caption"] = checked_text(
                p["caption"], p.get("parse_mode"), 1024, "message caption is too long"
            )
        check_markup(p.get("reply_markup"))
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
        text = checked_text(p.get("text"), p.get("parse_mode"), 4096, "message is too long")
        return self._edit(p, {"text": text})

    def _api_editMessageReplyMarkup(self, p: JSON) -> JSON | bool:
        return self._edit(p, {})

    def _edit(self, p: JSON, content: JSON) -> JSON | bool:
        check_markup(p.get("reply_markup"))
        if p.get("inline_message_id"):
            return True
        chat = self._chat(required(p, "chat_id", "chat_id is empty"), None)
        message_id = int(required(p, "message_id", "message identifier is not specified"))
        with self._cond:
            old = self._bot_message(chat, message_id)
            new = {**old, **content, "edit_date": int(time.time())}
            new.pop("reply_markup", None)
            if p.get("reply_markup"):
                new["reply_markup"] = p["reply_markup"]
            if all(old.get(k) == new.get(k) for k in ("text", "caption", "reply_markup")):
                raise ApiError(400, _NOT_MODIFIED)
            self.messages[(chat["id"], message_id)] = new
            return new

    def _api_answerCallbackQuery(self, p: JSON) -> bool:
        if len(str(p.get("text") or "")) > TOAST_CHARS:  # 0-200 characters, says the Bot API
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        self._close_query(str(p.get("callback_query_id", "")))
        return True

    def _api_answerInlineQuery(self, p: JSON) -> bool:
        results = p.get("results") or []
        ids = [str(r.get("id", "")) for r in results]
        if len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        if len(set(ids)) != len(ids):
            raise ApiError(400, "Bad Request: RESULT_ID_DUPLICATE")
        if any(not 1 <= len(i.encode()) <= 64 for i in ids):
            raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
        for result in results:
            check_markup(result.get("reply_markup"))
            content = result.get("input_message_content") or {}
            if "message_text" in content:  # the message a chosen result posts: 1-4096
                checked_text(
                    content["message_text"], content.get("parse_mode"), 4096, "MESSAGE_TOO_LONG"
                )
        self._close_query(str(p.get("inline_query_id", "")))
        return True

    def _close_query(self, query_id: str) -> None:
        with self._cond:
            if query_id not in self._open_queries:
                raise ApiError(400, _QUERY_INVALID)
            self._open_queries.discard(query_id)

    def _api_sendChatAction(self, p: JSON) -> bool:
        required(p, "chat_id", "chat_id is empty")
        if p.get("action") not in _CHAT_ACTIONS:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    def _api_close(self, p: JSON) -> bool:
        return True

    def _api_logOut(self, p: JSON) -> bool:
        return True


def _scope_key(p: JSON) -> str:
    return json.dumps([p.get("scope") or {"type": "default"}, p.get("language_code") or ""])
