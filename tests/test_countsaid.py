"""A count said in words says how many, and is no unknown subject (countsaid.py)."""

from __future__ import annotations

import pytest

from bot.search.countsaid import is_count_said
from bot.search.matcher import Matcher
from bot.search.normalize import normalize


@pytest.mark.parametrize(
    "token", ["三次", "两张", "十几个", "五天", "第二个", "好几遍", "三十多户"]
)
def test_a_count_said_in_words(token: str) -> None:
    assert is_count_said(token)


@pytest.mark.parametrize("token", ["次", "三天两头", "会议室", "3次", "一个事", "几", "开三次"])
def test_a_word_or_digits_are_no_count_said(token: str) -> None:
    assert not is_count_said(token)


@pytest.mark.parametrize(
    "question", ["防汛这一件事，这周开了三次会", "群里又发了三张表", "这两张表一半的内容都一样"]
)
def test_a_count_said_leaves_a_question_clean(matcher: Matcher, question: str) -> None:
    analysis = matcher.analyzer.analyze(normalize(question))
    assert not any(len(word) > 1 and word[0] in "三两" for word in analysis.unknown)


def test_a_word_the_facts_do_not_know_is_still_unknown(matcher: Matcher) -> None:
    # 会议室 is a subject of its own (会议室怎么预约), counted or not
    analysis = matcher.analyzer.analyze(normalize("三个会议室"))
    assert "会议室" in analysis.unknown
