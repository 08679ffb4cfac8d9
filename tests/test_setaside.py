"""What the asker sets aside before the ask (先不说会的事了, 说个别的) is taken out."""

from __future__ import annotations

import pytest

from bot.kb import load_kb
from bot.search.matcher import Matcher
from bot.search.setaside import SetAside

MARKS = ("先不说…了", "说个别的", "…先不提", "言归正传")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (
            "刚开完会回来（会上说的是防汛），先不说会的事了。主要想问，一张表要五六个人签字",
            "主要想问，一张表要五六个人签字",
        ),
        ("今天检查组刚走，累瘫了。说个别的：工作群太多了", "工作群太多了"),
        ("填表的活是我在干，这个先不提。检查能不能一起来", "检查能不能一起来"),
        ("唉，累死了，言归正传吧，表格模板老换咋办", "表格模板老换咋办"),
        # The last mark counts: what follows the first is set aside as well.
        ("说个别的，年底检查多，这个先不提，群太多了怎么办", "群太多了怎么办"),
    ],
)
def test_what_comes_before_a_set_aside_clause_is_dropped(typed: str, expected: str) -> None:
    assert SetAside(MARKS).after(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "我说个别的地方的做法",  # 个别的地方: some places, inside a clause, sets nothing aside
        "会太多，先不说了",  # nothing is asked after it
        "检查太多，先不说了，烦",  # too little after it to be an ask of its own
        "先不说会多不多，光表就填不完",  # no mark as a whole clause
        "言归正传",
    ],
)
def test_a_mark_inside_a_clause_or_with_nothing_after_it_leaves_the_text(typed: str) -> None:
    assert SetAside(MARKS).after(typed) == typed


def test_no_marks_leave_every_text() -> None:
    assert SetAside(()).after("说个别的：工作群太多了") == "说个别的：工作群太多了"


def test_the_shipped_marks_are_read() -> None:
    kb = load_kb()
    assert "说个别的" in kb.setaside_marks
    assert SetAside(kb.setaside_marks).after("检查组刚走。说个别的：群太多了") == "群太多了"


def test_the_story_set_aside_opens_no_topic(matcher: Matcher) -> None:
    """Read as typed, 刚开完会 was an item of its own answering a meetings fact beside the
    forms one asked about."""
    asked = (
        "各位好，刚开完会回来（会上说的是防汛），先不说会的事了。"
        "主要想问，我们村一张表要五六个人签字，能不能精简？"
    )
    result = matcher.match(asked)
    assert result.answered
    assert [f.topic for f in result.shown] == ["forms"]
    assert result.shown[0].id == "forms-fewer-signatures-photos"


def test_a_subject_put_off_with_xian_bu_shuo_is_set_aside() -> None:
    """表格的事情先不说了: …先不说 with any subject; 不提了 on its own."""
    marks = load_kb().setaside_marks
    assert SetAside(marks).after("表格的事情先不说了，督查检查现在由谁牵头？") == (
        "督查检查现在由谁牵头？"
    )
    assert SetAside(marks).after("年底检查扎堆的事真是头疼，不提了。模板老换咋办") == (
        "模板老换咋办"
    )
