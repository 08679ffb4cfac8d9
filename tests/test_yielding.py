"""A cue in the scene yields to a measure asked after it (search/yielding.py)."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.yielding import (
    asks_for_a_measure,
    message_clauses,
    reached_by_burden,
    whoever_cues,
    yielding_cues,
)


def test_a_cue_told_before_a_measure_ask_yields() -> None:
    text = "县里说模板更新了，几个人又加了三天班。这种老换模板的事情怎么解决"
    assert yielding_cues(text, ("几个人",)) == ("几个人",)


def test_a_cue_in_the_ask_or_after_it_stays() -> None:
    assert yielding_cues("会能不能少开点，会议室在哪里预订", ("在哪里",)) == ()
    assert yielding_cues("会议室在哪里预订，会议室在哪里能不能少", ("在哪里",)) == ()
    assert yielding_cues("有什么好办法，明天几点开会", ("几点",)) == ()


def test_one_clause_or_no_measure_ask_keeps_every_cue() -> None:
    assert yielding_cues("几个人又加了三天班怎么解决", ("几个人",)) == ()
    assert yielding_cues("电话一个接一个，群主是谁", ("电话",)) == ()


def test_what_asks_for_a_measure() -> None:
    measure_asks = ("这种作秀的群该不该撤", "有地方解决了吗", "有没有什么减负措施", "就不能开完吗")
    for clause in measure_asks:
        assert asks_for_a_measure(clause), clause
    for clause in ("会议室在哪里预订", "群主是谁", "照片怎么压缩"):
        assert not asks_for_a_measure(clause), clause


def test_the_story_then_the_ask_is_answered(matcher: Matcher) -> None:
    """Fixes from dev-chatty5 and dev-asks2: the scene's cue no longer declines the ask."""
    asked = {
        "周末在家也不得安生，电话一个接一个，我们这边有些群就是专门用来打卡晒成绩的，"
        "每天发照片发定位，形式大过实用。说了也没用。这种作秀的群该不该撤": "chat-groups-six-kinds",
        "今天一个老乡来报销住院费。前前后后确认了四遍信息。他说你们政府的电脑不联网吗？"
        "我无言以对。有地方解决了吗": "forms-data-platform",
    }
    for question, fact in asked.items():
        result = matcher.match(question)
        assert result.decision == "answer", question
        assert result.shown[0].id == fact, question


def test_a_near_miss_asked_after_the_measure_still_declines(matcher: Matcher) -> None:
    assert matcher.match("会能不能少开点，会议室在哪里预订").decision == "decline"


def test_whether_the_load_was_cut_is_a_measure_asked(matcher: Matcher) -> None:
    """减下来没 and a 做法 取消了吗 ask what a measure tells (dev-chatty4, dev-several6)."""
    assert yielding_cues("填表减下来没有", ("下来没",)) == ("下来没",)
    assert yielding_cues("这两种做法都取消了吗", ("取消了吗",)) == ("取消了吗",)
    result = matcher.match("以前一天至少填一张表，现在还是这样吗，填表减下来没有")
    assert result.decision == "answer"
    assert result.shown[0].id == "forms-weekly-cap"


def test_whether_one_thing_is_out_or_off_still_declines(matcher: Matcher) -> None:
    assert yielding_cues("督查通报下来没有", ("下来没",)) == ()
    assert yielding_cues("明天的会取消了吗", ("取消了吗",)) == ()
    for question in ("督查通报下来没有", "明天的会取消了吗"):
        assert matcher.match(question).decision == "decline", question


def test_a_rule_a_hiring_or_a_tool_is_no_measure_asked() -> None:
    for clause in ("有没有考核办法", "有没有招聘", "能不能撤回消息", "能不能压缩照片"):
        assert not asks_for_a_measure(clause), clause
    assert yielding_cues("群里发错了，能不能撤回消息", ("发错",)) == ()


def test_a_cue_asking_where_who_or_how_never_yields() -> None:
    assert yielding_cues("会议室在哪里预订，有什么好办法", ("在哪里",)) == ()
    assert yielding_cues("群主谁来当，有什么好办法", ("谁来当",)) == ()


def test_the_shape_of_an_ask_stays_though_a_measure_is_asked_after(matcher: Matcher) -> None:
    """群主怎么转让 asks how to operate a group; a closing 咋整 asks nothing more."""
    assert matcher.match("这两天老家还有点事，群主怎么转让，咋整").decision == "decline"


def test_blanks_split_clauses_not_words_typed_apart() -> None:
    spaced = message_clauses("群太多了真的崩溃 每个群都要置顶")
    assert spaced == ["群太多了真的崩溃", "每个群都要置顶"]
    assert message_clauses("群主 怎么 转让 有 什么 好办法") == ["群主 怎么 转让 有 什么 好办法"]


def test_a_scene_a_burden_reaches_into_yields() -> None:
    """吃饭都得盯着手机: the burden spares not even the meal (dev-chatty8; plain meaning)."""
    assert reached_by_burden("要求人人随时在线 吃饭都得盯着手机", ("吃饭",)) == ("吃饭",)
    assert reached_by_burden("吃饭睡觉都得盯着手机", ("吃饭",)) == ("吃饭",)
    assert reached_by_burden("吃饭的时候能不能不开会", ("吃饭",)) == ()
    assert reached_by_burden("吃饭都得回 吃饭在哪", ("吃饭",)) == ()


def test_whoever_asks_no_one() -> None:
    assert whoever_cues("想把群清一清 可谁建的谁不肯散", ("谁建的",)) == ("谁建的",)
    assert whoever_cues("这个群是谁建的", ("谁建的",)) == ()


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("要求人人随时在线，吃饭都得盯着手机", "chat-groups-too-many-pinned"),
        ("想把群清一清，可谁建的谁不肯散", "chat-groups-six-kinds"),
    ],
)
def test_a_burden_told_with_its_scene_is_answered(
    matcher: Matcher, question: str, fact: str
) -> None:
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.shown[0].id == fact


@pytest.mark.parametrize(
    "question", ["这个群是谁建的", "台下玩手机被抓了扣多少分", "吃饭都得回消息吗"]
)
def test_the_scene_asked_itself_still_declines(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision == "decline"


def test_a_check_whether_a_practice_still_stands_asks_of_it() -> None:
    """是不是还, 还要…吗 and 有这回事吗 ask what the facts tell of a practice (dev-chatty8,
    dev-chatty9, dev-chatty3); 还用不用 asks what a procedure requires and stays no ask."""
    for clause in ("他们是不是还只看台账", "你们那边检查还要这么多材料吗", "有这回事吗"):
        assert asks_for_a_measure(clause), clause
    assert not asks_for_a_measure("还用不用交材料")
    told = "我们科室几个人争起来了，有人说开会现在一个月最多两次，有这回事吗"
    assert yielding_cues(told, ("几个人",)) == ("几个人",)


def test_a_short_run_stays_with_its_neighbour() -> None:
    """哈哈 is too short to be a clause, yet the two long runs after it are two (dev-chatty8)."""
    clauses = message_clauses("哈哈 明天检查组要来 他们是不是还只看台账")
    assert clauses == ["哈哈 明天检查组要来", "他们是不是还只看台账"]


def test_a_rumour_or_a_practice_checked_after_a_story_is_answered(matcher: Matcher) -> None:
    asked = {
        "我们科室几个人争起来了，有人说开会现在一个月最多两次，有这回事吗": (
            "meetings-twice-a-month"
        ),
        "哈哈 刚把材料盒子装完 明天检查组要来 他们是不是还只看台账": (
            "inspections-unannounced-visits"
        ),
    }
    for question, fact in asked.items():
        result = matcher.match(question)
        assert result.decision == "answer", question
        assert result.shown[0].id == fact, question


@pytest.mark.parametrize(
    "question", ["明天检查组还来吗", "明天的会还要开吗", "只要网上报名就行吗，还用不用交材料"]
)
def test_one_occasion_or_a_procedure_checked_still_declines(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).decision == "decline"
