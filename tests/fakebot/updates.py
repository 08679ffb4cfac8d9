"""Updates as Telegram sends them: private and group messages, edits, channel posts, stickers,
photos, inline and callback queries; and the chats and messages they refer to."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from fakebot.text import text_fields, utf16_len
from fakebot.wire import JSON

STICKER = {"type": "regular", "width": 512, "height": 512, "is_animated": False, "is_video": False}


class UpdateBuilders:
    """The ``push_*`` helpers of FakeBotApi; each queues one update and returns its id."""

    # State kept by FakeBotApi, which these helpers read and extend.
    bot_user: JSON
    messages: dict[tuple[Any, int], JSON]
    user_messages: dict[tuple[Any, int], JSON]
    push_raw: Callable[[JSON], int]
    _cond: threading.Condition
    _chats: dict[Any, JSON]
    _open_queries: set[str]
    _message_ids: Iterator[int]
    _query_ids: Iterator[int]

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
        return self._push("message", self._message(chat, user, **text_fields("text", text)))

    def push_group_message(
        self,
        text: str,
        chat_id: int = -1001234567890,
        chat_type: str = "supergroup",
        user_id: int = 1001,
        reply_to_bot_message_id: int | None = None,
        first_name: str = "Tester",
        title: str = "Test Group",
        reply_to_message_id: int | None = None,
        linked_to_bot: str | None = None,
    ) -> int:
        """`reply_to_message_id`: a reply to a message pushed earlier by someone (a colleague's
        question, photo or sticker) in this chat. `linked_to_bot`: a name in `text` marked as
        a text_mention of the bot (a name linked to its user id, not its @username)."""
        user = self._user(user_id, first_name, "tester")
        chat = self._chat(chat_id, user, chat_type, title)
        extra = text_fields("text", text)
        if linked_to_bot is not None:
            start = text.index(linked_to_bot)
            link = {
                "type": "text_mention",
                "offset": utf16_len(text[:start]),
                "length": utf16_len(linked_to_bot),
                "user": self.bot_user,
            }
            extra["entities"] = sorted(
                [*extra.get("entities", []), link], key=lambda e: int(e["offset"])
            )
        if reply_to_bot_message_id is not None:
            extra["reply_to_message"] = self._bot_message(chat, reply_to_bot_message_id)
        if reply_to_message_id is not None:
            with self._cond:
                extra["reply_to_message"] = self.user_messages[(chat_id, reply_to_message_id)]
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
        msg = self._message(chat, user, **text_fields("text", text), edit_date=int(time.time()))
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
            **text_fields("text", text),
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
            **STICKER,
            "emoji": emoji,
        }
        return self._push("message", self._message(chat, user, sticker=sticker))

    def push_photo(
        self, caption: str | None = None, user_id: int = 1001, chat_id: int | None = None
    ) -> int:
        user = self._user(user_id, "Tester", "tester")
        chat = self._chat(user_id if chat_id is None else chat_id, user)
        extra = text_fields("caption", caption) if caption else {}
        return self._push(
            "message",
            self._message(chat, user, photo=photo_sizes("in-photo", 640, 480, 20_000), **extra),
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
        self, data: str, message_id: int, chat_id: int = 1001, user_id: int = 1001,
        *, inaccessible: bool = False,
    ) -> int:  # fmt: skip
        """A press on the bot's message; `inaccessible`: one too old for Telegram to include
        (an InaccessibleMessage: its chat and id, date 0, no content or keyboard)."""
        user = self._user(user_id, "Tester", "tester")
        query_id = f"cq{next(self._query_ids)}"
        with self._cond:
            self._open_queries.add(query_id)
            message = self._bot_message(self._chat(chat_id, user), message_id)
        if inaccessible:
            message = {"chat": message["chat"], "message_id": message_id, "date": 0}
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

    def last_user_message(self, chat_id: Any) -> int:
        """The id of the message last pushed by someone into `chat_id`, to reply to it."""
        with self._cond:
            return max(mid for (chat, mid) in self.user_messages if chat == chat_id)

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
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            **extra,
        }
        if not user.get("is_bot"):  # the bot's own sent messages are kept in .messages
            with self._cond:
                self.user_messages[(chat["id"], message["message_id"])] = message
        return message

    def _bot_message(self, chat: JSON, message_id: int) -> JSON:
        with self._cond:
            return self.messages.get((chat["id"], message_id)) or {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": chat,
                "from": self.bot_user,
                "text": "…",
            }


def photo_sizes(file_id: str, width: int, height: int, size: int) -> list[JSON]:
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
