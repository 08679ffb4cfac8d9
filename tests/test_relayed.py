"""A question passed on for someone else: the relay and the asker's helplessness ask nothing."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.relayed import without_relay


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("我同事小刘让我帮他问一下，会太多怎么办", "会太多怎么办"),
        ("隔壁乡的老王前两天问我，会太多怎么办，我也答不上来，大家帮忙看看", "会太多怎么办，"),
        (
            "昨天跟老赵聊天，他说：拍照截图发群里才算数吗，我一时也说不清",
            "拍照截图发群里才算数吗，",
        ),
        ("领导让我问一下，迎检材料还要准备吗", "迎检材料还要准备吗"),
        # asking for others: 组 is no working group of the forms' facts
        ("替我们组的人问问，哪里工作群精简以后轻松了", "哪里工作群精简以后轻松了"),
        ("帮我们科室问一下，现在工作群太多了", "现在工作群太多了"),
        ("代表我们村两委问一句哈，街道的例会能不能短一点", "街道的例会能不能短一点"),
        ("受同事之托问一句，检查组现在还盯台账不", "检查组现在还盯台账不"),
    ],
)
def test_the_relay_goes(typed: str, kept: str) -> None:
    assert without_relay(typed) == kept


@pytest.mark.parametrize(
    "typed",
    [
        "老王托我打听一下",  # nothing else is asked
        "他问我会议记录要不要写",  # the relay and the ask in one clause
        "检查组让我们帮忙看看台账",  # what the inspectors want is the burden
        "县里让我们问一下各村的数据",
        "帮我们科室问一下会能不能少开",  # the ask in the same clause
        "帮我们问问",  # nothing else is asked
    ],
)
def test_what_is_asked_stays(typed: str) -> None:
    assert without_relay(typed) == typed


def test_a_message_asked_for_colleagues_answers_its_own_fact(matcher: Matcher) -> None:
    """替我们组的人问问 read as content put the forms' working groups (工作小组) first."""
    result = matcher.match("替我们组的人问问，有没有哪里工作群精简以后真的轻松了")
    assert result.answered
    assert result.shown[0].id == "chat-groups-phone-lighter"
    assert {f.topic for f in result.shown} == {"chat-groups"}
