"""A burden told in plain marks (story.py), and which of a topic's facts it says
(siblingmarks.py, sibling_marks.yaml): round 28's problem descriptions."""

from __future__ import annotations

import pytest

from bot.kb import load_kb
from bot.search.matcher import Matcher
from bot.search.normalize import normalize
from bot.search.ranked import Match
from bot.search.siblingmarks import SiblingMarks
from bot.search.story import asks_something, tells_burden

KB = load_kb()


@pytest.mark.parametrize(
    "text",
    [
        "检查组就坐着一本本翻",  # piece by piece
        "PPT一页页做",
        "每开一次会记录写五页",  # each single time
        "同一个数字在不同表里抄了好多遍",  # many times, no number
        "光一个部门就七八个",  # this much of one alone
        "光表就填不完",
        "三个群发的都是同一个通知",  # all the same one
        "算了一下，这个月开了十八次会",  # 了一下 tells what was done
        "只翻本子不下户",  # only the one thing, never the other
        "纸质的还要再签一遍 有没有精简的说法",  # then a rule asked for, as a way to cope
    ],
)
def test_a_burden_told_in_plain_marks(text: str) -> None:
    assert tells_burden(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        "一本书",  # one thing, not one by one
        "每开一次会要带什么",  # asks
        "光伏板",  # 光 with no 就
        "同一个群",  # the same one, not all of them
        "帮我算一下这个月开了几次会",  # 一下 asks
        "只看这一次",  # only, with nothing left undone
        "有没有精简的说法",  # a rule asked, no burden told
    ],
)
def test_no_burden_told_without_them(text: str) -> None:
    assert not tells_burden(normalize(text))


def test_a_thing_done_a_little_asks_nothing_but_a_request_still_asks() -> None:
    assert not asks_something(normalize("我们统计了一下"))
    assert asks_something(normalize("帮我统计一下"))


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("每开一次会记录写五页", "meetings-light-records"),
        ("会上领导讲完副职讲，副职讲完部门讲，一个接一个", "meetings-short-speeches"),
        ("检查组来了只翻本子不下户", "inspections-unannounced-visits"),
        (
            "OA上一个流程要找七八个人签字 纸质的还要再签一遍 有没有精简的说法",
            "forms-fewer-signatures-photos",
        ),
    ],
)
def test_a_plainly_told_burden_is_answered_with_its_fact(
    matcher: Matcher, question: str, fact_id: str
) -> None:
    result = matcher.match(question)
    assert (result.decision, result.matches[0].fact.id) == ("answer", fact_id)


@pytest.mark.parametrize("question", ["群太多了刷不完，微信怎么把群聊折叠起来", "一本书多少钱"])
def test_a_near_miss_with_the_same_words_still_declines(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision == "decline"


def test_a_burden_said_more_than_a_siblings_is_the_one_named() -> None:
    marks = SiblingMarks(
        {"inspections-joint": ["部门|各查各"], "inspections-unannounced-visits": ["材料"]}
    )
    ranked = [
        Match(KB.by_id["inspections-joint"], 46.4),
        Match(KB.by_id["inspections-unannounced-visits"], 35.2),
    ]
    assert marks.names_one("各个部门各查各的，同一摞材料要准备好几遍", ranked)
    assert not marks.names_one("各个部门的材料", ranked)  # once each: no telling them apart
    assert not marks.names_one("材料太多", ranked)  # not the best match's burden
