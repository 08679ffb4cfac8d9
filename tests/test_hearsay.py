"""Hearsay (听说又要检查了是真的吗): whether a rumour holds asks for no measure, unless the
question asks how it was done or points at a practice elsewhere."""

from __future__ import annotations

import pytest

from bot.search.hearsay import Hearsay
from bot.search.matcher import Matcher
from bot.search.normalize import normalize

HEARSAY = Hearsay(frozenset({"是真的吗", "真的假的", "有这回事"}))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("听说又要检查了是真的吗", "是真的吗"),
        ("群要合并了，真的假的", "真的假的"),
        ("下个月县里来检查，是真的吗", "是真的吗"),
        ("明天例会要取消，有这回事吗", "有这回事"),
    ],
)
def test_a_rumour_asked_about_is_hearsay(text: str, phrase: str) -> None:
    assert HEARSAY.asked(normalize(text)) == (phrase,)


@pytest.mark.parametrize(
    "text",
    [
        "听说别的地方开会只开半小时，真的假的，咋做到的",
        "听说有地方把例会取消了是真的吗",
        "有个县检查都改成暗访了，是真的吗",
        "会太多怎么办",
    ],
)
def test_a_practice_elsewhere_or_a_how_ask_is_no_hearsay(text: str) -> None:
    assert HEARSAY.asked(normalize(text)) == ()


@pytest.mark.parametrize("text", ["一个月最多开两次会是真的吗", "群少了一半是真的吗"])
def test_checking_what_the_article_reports_is_no_hearsay(text: str) -> None:
    """Nothing is said to be coming: the question checks a reported measure."""
    assert HEARSAY.asked(normalize(text)) == ()


def test_hearsay_is_declined_and_a_practice_elsewhere_answered(matcher: Matcher) -> None:
    assert not matcher.match("听说又要检查了是真的吗").shown
    assert not matcher.match("听說明天又要開會了是真的嗎").shown
    shown = matcher.match("听说别的乡同一主题的会只开一次，是真的吗？咋搞的").shown
    assert [f.id for f in shown][:1] == ["meetings-one-topic-once"]
