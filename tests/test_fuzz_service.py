"""Property tests: whatever text arrives, the reply path gives exactly one valid reply, and the
next ordinary question is still answered.

Inputs mix arbitrary Unicode (lone surrogates included), bytes decoded as the CLI and argv
decode them, markup and format strings, real questions, and very long strings.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bot.answer.render import Reply
from bot.answer.service import MAX_QUESTION_CHARS, Service, clean_question
from bot.cli import _questions, reply_json
from bot.questionlog.store import open_storage

# Examples per property; CI runs exactly these (derandomized, so every run is the same).
EXAMPLES = 1000
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # no wall-clock assertions: a slow machine is not a failure
    derandomize=True,
    database=None,  # nothing written into the checkout
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
NORMAL = "会太多怎么办"
TELEGRAM_LIMIT = 4096  # characters in one message
REAL = ["会太多怎么办", "表哥太多", "检查组还看台账吗", "jiancha", "海港区解散了多少个群", "/start",
        "/help@jianfu_bot", "你好", "會議太多", "打印机卡纸了", "@jianfu_bot 填表"]  # fmt: skip
MARKUP = ["<b>", "</b>", "<a href='tg://user?id=1'>", "&amp;", "&#0;", "<script>x</script>",
          "*bold*", "_i_", "`code`", "[l](http://x)", "{}", "{0}", "{suggestions}", "%s", "\\",
          "\u202e", "\u200d", "\ufeff", "\x00", "\r\n", "\r", "\u2028", "\x85", "<blockquote>",
          "]]>", "<!--", "\U0001f44d", "\ud83d", "\udcff", "https://mp.weixin.qq.com/s/a",
          "www.x.cn", "@全体成员 ", "[捂脸]", "\u200b", "&nbsp;", "&#xd800;", "群組",
          "使唔使"]  # fmt: skip
# Every tag Telegram's HTML accepts; anything else in a reply is user text that escaped.
TELEGRAM_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
                 "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote"}  # fmt: skip
DECISIONS = {"answer", "suggest", "decline", "help"}

fragments = st.one_of(
    st.text(st.characters(exclude_categories=())),  # any code point, lone surrogates too
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=12),
    st.sampled_from(REAL),
    st.sampled_from(MARKUP),
    st.binary().map(lambda b: b.decode("utf-8", "replace")),  # as `ask` reads stdin
    st.binary().map(lambda b: b.decode("utf-8", "surrogateescape")),  # as argv arrives
)
questions = st.one_of(
    st.lists(fragments, max_size=8).map("".join),
    st.tuples(fragments, st.integers(50, 20_000)).map(lambda t: t[0] * t[1]),  # long
)


class _TagChecker(HTMLParser):
    """Collects problems: tags Telegram would reject, and tags closed out of order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TELEGRAM_TAGS:
            self.problems.append(f"<{tag}>")
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.problems.append(f"</{tag}> out of order")


def assert_valid(reply: Reply) -> None:
    assert reply.decision in DECISIONS
    assert reply.text.strip() and len(reply.text) <= TELEGRAM_LIMIT
    assert reply.html.strip() and len(reply.html) <= TELEGRAM_LIMIT
    for text in (reply.text, reply.html):
        text.encode("utf-8")  # no lone surrogates: Telegram, databases and terminals need this
    for row in reply.buttons:
        for button in row:
            assert button.label.strip()
            assert len(f"{button.action}:{button.arg}".encode()) <= 64  # callback_data limit
    checker = _TagChecker()
    checker.feed(reply.html)
    checker.close()
    assert checker.problems == [] and checker.open == [], (checker.problems, checker.open)


@pytest.fixture(scope="module")
def service(_session_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    """One service for the module, logging to its own SQLite file, as the bot runs."""
    storage = open_storage(data_dir=tmp_path_factory.mktemp("fuzz-log"))
    yield Service(None, storage, cache_dir=_session_cache)
    storage.close()


@FUZZ
@given(
    question=questions,
    chat_type=st.sampled_from(["cli", "private", "group", "supergroup"]),
    conversation=st.sampled_from([None, "fuzz-chat"]),  # private chats carry follow-ups
)
def test_any_question_gets_one_valid_reply(
    service: Service, caplog: pytest.LogCaptureFixture, question: str, chat_type: str,
    conversation: str | None,
) -> None:  # fmt: skip
    """Exactly one well-formed reply, logged without error, and the next question answered."""
    caplog.clear()
    reply = service.ask(question, chat_type=chat_type, asker=12345, conversation=conversation)
    event(reply.decision)  # shown by --hypothesis-show-statistics
    assert_valid(reply)
    cleaned = clean_question(question)
    cleaned.encode("utf-8")
    assert len(cleaned) <= MAX_QUESTION_CHARS
    after = service.ask(NORMAL, chat_type=chat_type, conversation=conversation)
    assert after.answered
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


@FUZZ
@given(lines=st.lists(st.binary(max_size=60), min_size=1, max_size=6))
def test_any_bytes_on_stdin_give_one_json_line_each(service: Service, lines: list[bytes]) -> None:
    """`ask --json` over arbitrary bytes: one parseable JSON line per input line, in order."""
    stdin = io.BytesIO(b"".join(line.replace(b"\n", b"") + b"\n" for line in lines))
    args = argparse.Namespace(question=[])
    out = "".join(
        reply_json(service.ask(q), clean_question(q)) + "\n" for q in _questions(args, stdin)
    )
    parsed = [json.loads(line) for line in out.splitlines()]
    assert len(parsed) == len(lines)
    for payload, raw in zip(parsed, lines, strict=True):
        expected = clean_question(raw.replace(b"\n", b"").decode("utf-8", "replace"))
        assert payload["query"] == expected
    assert service.ask(NORMAL).answered
