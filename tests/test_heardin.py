"""A clause saying only where the news was seen or heard (在群里看到通知) opens no topic."""

from __future__ import annotations

import pytest

from bot.kb import load_kb
from bot.search.heardin import HeardIn
from bot.search.matcher import Matcher

MARKS = ("群里看到", "群里说", "群里发通知", "会上讲")


@pytest.mark.parametrize(
    "clause",
    ["刚才在群里看到通知", "领导在群里说", "同事群里说了", "今天群里发通知了", "书记在会上讲"],
)
def test_a_clause_only_saying_where_says_nothing(clause: str) -> None:
    assert HeardIn(MARKS).told(clause) == ""


def test_what_was_said_after_the_mark_is_the_part() -> None:
    # 领导在群里说'表格格式有调整': the quote leaves a space in the normalised clause.
    assert HeardIn(MARKS).told("领导在群里说 表格格式有调整") == "表格格式有调整"


@pytest.mark.parametrize(
    "clause",
    [
        "群里说的话太多了",  # the groups' own burden: more than where the news came from
        "群里看到的通知一条接一条",
        "开会时在群里说",  # 会 names a topic before the mark
        "工作群太多",
        "会太多",
    ],
)
def test_a_burden_of_the_group_stays(clause: str) -> None:
    assert HeardIn(MARKS).told(clause) == clause


def test_no_marks_leave_every_clause() -> None:
    assert HeardIn(()).told("刚才在群里看到通知") == "刚才在群里看到通知"


def test_the_shipped_marks_are_read() -> None:
    marks = load_kb().heard_in_marks
    assert {"群里看到", "群里说", "会上说"} <= marks
    assert HeardIn(marks).told("刚才在群里看到通知") == ""


def test_a_notice_seen_in_a_group_never_opens_the_answer(matcher: Matcher) -> None:
    """The quoted notice is about templates changed; the group is only where it was said: the
    part naming it is read last, so its topic follows the one asked."""
    question = "领导在群里说'表格格式有调整，之前的作废'，这已经是这个月第三次了。怎么办"
    assert matcher.prepare(question).clause_bests[-1].fact.topic == "chat-groups"
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.shown[0].id == "forms-stable-templates"


def test_where_the_news_was_seen_follows_what_is_asked(matcher: Matcher) -> None:
    question = (
        "刚才在群里看到通知，下周又要开个部署会，上个月明明开过一次了。有没有规定同一主题只开一次的"
    )
    p = matcher.prepare(question)
    assert [m.fact.topic for m in p.clause_bests][-1] == "chat-groups"
    assert {m.fact.topic for m in p.clause_bests[:-1]} == {"meetings"}
    assert matcher.match(question).shown[0].id == "meetings-one-topic-once"


def test_a_group_burden_beside_another_still_reads_as_two(matcher: Matcher) -> None:
    result = matcher.match("群里通知太多，会也太多")
    assert {m.fact.topic for m in result.several} == {"chat-groups", "meetings"}
