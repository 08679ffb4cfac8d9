"""Near misses asking for a hire, a refund, a case's deadline or a group's name, in the
article's or the domain's words (responses/intent_cues.txt, round 25): what is asked is none
of the measures', however many of their words set the scene."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher


@pytest.mark.parametrize(
    "question",
    [
        "港城大街街道今年招不招社区工作者",
        "洋湖乡今年招聘扶贫专干吗",
        "工作用的手机能报销吗",
        "群太多了，换个内存大的手机单位给报销吗",
        "信访件多久要办结？",
        "微信群名字怎么改",
        "工作群的群名称能不能统一一下格式",
        # 怎么写 is the ask's form: the measure's words before it set the scene
        "领导讲话限时10分钟，那讲话稿怎么写？",
    ],
)
def test_an_ask_no_measure_answers_is_declined(matcher: Matcher, question: str) -> None:
    assert not matcher.match(question).shown


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # the same scene asked for a measure is still answered
        ("港城大街的工作群后来少了多少", "chat-groups-phone-lighter"),
        ("工作群越建越多，还要求随时在线", "chat-groups-too-many-pinned"),
        ("信访工作会开了多长时间", "meetings-short-speeches"),
    ],
)
def test_the_same_scene_asking_a_measure_is_answered(
    matcher: Matcher, question: str, fact: str
) -> None:
    assert [f.id for f in matcher.match(question).shown][:1] == [fact]


def test_a_refund_told_in_a_story_is_no_ask(matcher: Matcher) -> None:
    # 报销 alone is no cue: the article tells a medical refund being handled, and a burden told
    # around it (签字拍照) is still the forms' fact.
    result = matcher.match("以前办个报销要拍好几次照，一张表五六个人签字")
    assert [f.id for f in result.shown][:1] == ["forms-fewer-signatures-photos"]
