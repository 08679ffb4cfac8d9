"""A question passed on for someone else: the relay and the asker's helplessness ask nothing."""

from __future__ import annotations

import pytest

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
    ],
)
def test_what_is_asked_stays(typed: str) -> None:
    assert without_relay(typed) == typed
