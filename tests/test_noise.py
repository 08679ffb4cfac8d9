"""Noise other writers make (round 8, sound area): characters spaced out, English words mixed
in, ask words typed by their initials, dialect "do" words, a pinyin word with a letter slipped."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.normalize import normalize


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("工 作 群 太 多", "工作群太多"),
        ("会-议-太-多", "会议太多"),
        ("a 会 议 太 多 b", "a 会议太多 b"),
        ("会 表 群 太多", "会 表 群 太多"),  # three one-character topics may be a list
        ("工作群 太多 刷不完", "工作群 太多 刷不完"),  # clauses, not characters spaced out
    ],
)
def test_characters_spaced_out_are_joined_again(typed: str, expected: str) -> None:
    assert normalize(typed) == expected


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("检 查 组 只 看 台 账", "inspections"),
        ("meeting太多了怎么办", "meetings"),
        ("inspection太多", "inspections"),
        ("表格template老换", "forms"),
        ("hui yi tai duo zmb", "meetings"),
        ("会开得莫得完 咋个整嘛", "meetings"),
        ("gognzuoqun tai duo", "chat-groups"),
    ],
)
def test_noisy_questions_reach_their_topic(matcher: Matcher, question: str, topic: str) -> None:
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.matches[0].fact.topic == topic


@pytest.mark.parametrize("question", ["meeting英文怎么读", "jie tu kuai jie jian shi shen me"])
def test_noisy_asks_for_something_else_decline(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision == "decline"
