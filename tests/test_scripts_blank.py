"""Pinyin typed beside characters: a blank typed where the keyboard switched scripts ends no
clause (pieces.py, story.py, analyzer.spelled)."""

from __future__ import annotations

from bot.search.matcher import Matcher
from bot.search.pieces import Piece, rendered


def test_a_blank_where_the_keyboard_switched_scripts_ends_no_clause() -> None:
    pieces = [
        Piece("这几张表", "unknown"),
        Piece(" ", "break"),
        Piece("hui zong", "unknown", written="汇总"),
        Piece("一下", "stop"),
        Piece(" ", "break"),
        Piece("谢谢", "stop"),
    ]
    assert rendered(pieces) == "这几张表 汇总一下 谢谢"
    assert rendered(pieces, across_scripts=True) == "这几张表汇总一下 谢谢"


def test_an_ask_typed_half_in_pinyin_is_seen_as_typed_in_characters(matcher: Matcher) -> None:
    assert matcher.match("帮我把这几张表汇总一下").decision == "decline"
    assert matcher.match("帮我把这几张表 huizong yixia").decision == "decline"
