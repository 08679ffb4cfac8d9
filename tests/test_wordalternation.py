"""One alternation of plain words, longest first (wordalternation.py)."""

from __future__ import annotations

import re

from bot.search.wordalternation import longest_first


def test_a_longer_word_wins_over_its_prefix() -> None:
    """会 listed before 会议 would find only 会 in 开会议; longest first finds 会议."""
    found = re.compile(longest_first(["会", "会议", "会议室"])).finditer("开会议室的会议，会少")
    assert [m.group(0) for m in found] == ["会议室", "会议", "会"]


def test_words_are_matched_as_typed() -> None:
    """A dot, a bar or a bracket in a word is that character, not a pattern."""
    pattern = re.compile(longest_first(["a.b", "(群)", "x|y"]))
    assert pattern.search("axb") is None
    assert pattern.search("x") is None
    assert [m.group(0) for m in pattern.finditer("a.b (群) x|y")] == ["a.b", "(群)", "x|y"]


def test_repeated_and_empty_words_are_left_out() -> None:
    """An empty word would match everywhere; a repeated one adds nothing."""
    assert longest_first(["表", "", "表格", "表"]) == "表格|表"
    assert longest_first(["", ""]) == ""
    assert longest_first([]) == ""


def test_the_same_words_give_the_same_pattern_in_any_order() -> None:
    """Equal lengths are ordered by the words, so a pattern does not depend on a set's order."""
    assert longest_first(["填表", "开会", "群"]) == longest_first(["群", "开会", "填表"])
    assert longest_first(["填表", "开会", "群"]) == "填表|开会|群"
