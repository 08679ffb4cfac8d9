"""A side matter asked beside a burden told: how long an old form is kept, a file's size, a
spreadsheet tool, pictures joined, a date's format, a check-up or a meal, who runs a group, how
early to come, a commute, going back to work, which weekday (responses/intent_cues.txt, q19).
The burden sets the scene; what is asked is none of the measures'."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher


@pytest.mark.parametrize(
    "question",
    [
        "模板换了表格全部作废，作废的旧表要存档几年",
        "每个环节都要拍照留痕，照片要多大的文件",
        "上传的工作照文件多大合适",
        "每个月报表的日期格式是什么",
        "会开得太长了坐得腰疼，单位有体检吗",
        "群越建越多，新群的群主该谁当",
        "开短会限时发言，要提前几分钟到",
        "开一次会要坐两个钟头的车",
        "表格太多了，WPS里怎么把几张表合成一张",
    ],
)
def test_a_side_ask_beside_a_burden_is_declined(matcher: Matcher, question: str) -> None:
    assert not matcher.match(question).shown


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("几个会明明可以合成一个开", "meetings-one-topic-once"),
        ("一个月最多开两次会是真的吗", "meetings-twice-a-month"),
        ("一张表要找五六个人签字", "forms-fewer-signatures-photos"),
    ],
)
def test_the_burden_alone_is_still_answered(matcher: Matcher, question: str, fact: str) -> None:
    assert [f.id for f in matcher.match(question).shown][:1] == [fact]


def test_a_form_called_an_excel_table_is_no_side_matter(matcher: Matcher) -> None:
    # Excel表 is how cadres name a form (a synonym of 表格): no spreadsheet tool is asked, so the
    # burden told is answered from the forms' facts, not declined as WPS would be.
    result = matcher.match("以前一个数要在几张Excel表里重复填")
    assert result.answered
    assert {f.topic for f in result.shown} == {"forms"}
