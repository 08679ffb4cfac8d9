"""A place near the asker's (隔壁乡镇, 邻县, 周边县市) is asked about as somewhere else."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.nearby import as_elsewhere


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("隔壁乡镇是怎么减少迎检次数的", "别的乡镇是怎么减少迎检次数的"),
        ("邻县是怎么搞联合检查的", "别的县是怎么搞联合检查的"),
        ("周边县市有没有少开会的做法", "别的县市有没有少开会的做法"),
        ("附近的村工作群都精简了吗", "别的村工作群都精简了吗"),
        ("隔壁办公室又在开会", "隔壁办公室又在开会"),  # no kind of place after it
        ("会议室附近太吵", "会议室附近太吵"),
    ],
)
def test_a_nearby_place_is_another_place(typed: str, read: str) -> None:
    assert as_elsewhere(typed) == read


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("你好，隔壁乡镇是怎么减少迎检次数的", "inspections-fewer-rounds"),
        ("邻县是怎么搞联合检查的", "inspections-joint"),
    ],
)
def test_what_the_place_next_door_does_is_answered(
    matcher: Matcher, question: str, fact: str
) -> None:
    """Read as a stranger place, 隔壁 and 邻县 sank the match (both were declined)."""
    assert [f.id for f in matcher.match(question).shown][:1] == [fact]
