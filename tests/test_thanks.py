"""A thank-you for an answer already used asks nothing; one asking on, or complaining, does."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.thanks import thanks_only


@pytest.mark.parametrize(
    "text", ["谢谢你，上次那个检查合并的案例领导看过了", "多谢，少签字的做法已经转给村里了"]
)
def test_thanks_for_something_done_with_asks_nothing(text: str) -> None:
    assert thanks_only(text)


@pytest.mark.parametrize(
    "text",
    [
        "谢谢，已经看了，还有别的例子吗",  # asks on
        "谢谢，收到了，可我们这表还是太多",  # a burden told
        "谢谢大家",  # nothing done with: a greeting's business
        "已经开了三次会了",  # no thanks
    ],
)
def test_thanks_that_ask_or_complain_stay_questions(text: str) -> None:
    assert thanks_only(text) == ()


def test_thanks_for_a_case_used_is_declined(matcher: Matcher) -> None:
    assert not matcher.match("感谢感谢，工作群精简的那个例子我已经用在材料里了").shown
