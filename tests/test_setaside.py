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


OPENINGS = ("我想问…", "话说…", "说个别的")


def _topic(text: str) -> bool:
    """A stand-in for the matcher's topic test: the four topics' own characters."""
    return any(c in text for c in "会表查群")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (
            "手机里工作群一大堆，领导说要开会研究精简，我想问开这种会能不能少开几次",
            "我想问开这种会能不能少开几次",
        ),
        ("这周连着开了四个会，腿都跑细了。话说表格模板老是换", "话说表格模板老是换"),
    ],
)
def test_an_ask_opening_sets_aside_the_story_before_it(typed: str, expected: str) -> None:
    assert SetAside(OPENINGS, _topic).after(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "会太多怎么办，我想问表格模板老换怎么办",  # the first asks too: both are asked
        "天天开会，还有我想问表格模板老换怎么办",  # a further item marked: a list of two
        "天天开会\n我想问表格模板老换怎么办",  # two lines, two items
        "我们这表格一天一张，我想问这种情况怎么办",  # the ask points back at the story
        "我想问表格模板老换怎么办",  # nothing told before it
        "我们村在山里，话说回来",  # too little after it
    ],
)
def test_an_ask_opening_keeps_what_is_asked_or_pointed_back_at(typed: str) -> None:
    assert SetAside(OPENINGS, _topic).after(typed) == typed


def test_without_a_topic_test_an_ask_opening_sets_nothing_aside() -> None:
    typed = "这周连着开了四个会。话说表格模板老是换"
    assert SetAside(OPENINGS).after(typed) == typed
    # the whole-clause marks still count
    assert SetAside(OPENINGS).after("群太多。说个别的，表格模板老是换") == "表格模板老是换"


def test_the_message_answers_the_ask_opened_after_a_story(matcher: Matcher) -> None:
    """Read as typed, the week of meetings was an item of its own, answered first."""
    result = matcher.match(
        "这周连着开了四个会，腿都跑细了。话说表格模板老是换，之前填的全作废，这种有说法吗"
    )
    assert result.answered
    assert [f.id for f in result.shown] == ["forms-stable-templates"]
    asked = matcher.match("群里那个通知你看了没？算了不说这个，例会一般多久能开完")
    assert [f.id for f in asked.shown] == ["meetings-weekly-half-hour"]
    opened = matcher.match("最近天天加班填表，哈哈习惯了。问一下督查检查现在谁来牵头")
    assert [f.id for f in opened.shown] == ["inspections-discipline-lead"]
    # 再问一下 marks a further item: both asks are answered, as before
    both = matcher.match("表格一天一张，太多了。再问一下，督查检查现在谁来牵头")
    assert {f.topic for f in both.shown} == {"forms", "inspections"}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (
            "我们这边暗访多了，不盯台账了。可开会还是一个接一个，相关的会能不能合并开",
            "可开会还是一个接一个，相关的会能不能合并开",
        ),
        (
            "这个月光开会就开了十几场。不过我真正想问的是，检查还翻不翻台账",
            "不过我真正想问的是，检查还翻不翻台账",
        ),
        ("表格是少了，但是群还是那么多", "但是群还是那么多"),
    ],
)
def test_a_turn_after_a_story_sets_the_story_aside(typed: str, expected: str) -> None:
    assert SetAside((), _topic).after(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "会太多，可以合并吗",  # 可以 asks, it turns from nothing
        "会太多，可能是事多吧",  # 可能: maybe
        "开会太多了，可是不开又不行",  # nothing named after the turn: it points back
        "会太多怎么办，但是表格也多",  # the first asks too: both are asked
        "开会太多，还有可是表格也多",  # a further item marked: a list
        "开会太多\n可表格也多",  # two lines, two items
    ],
)
def test_a_turn_keeps_what_is_asked_listed_or_pointed_back_at(typed: str) -> None:
    assert SetAside((), _topic).after(typed) == typed


def test_without_a_topic_test_a_turn_sets_nothing_aside() -> None:
    typed = "暗访多了，不盯台账了。可开会还是一个接一个"
    assert SetAside(()).after(typed) == typed


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # what the pronoun points at is not important: the ask after it is the ask
        (
            "先问个小事，群里的通知要不要回复收到？算了这个不重要，主要是一周要填几张表有规定吗",
            "主要是一周要填几张表有规定吗",
        ),
        # a subject put off till later with 再说 closing the clause
        ("表格的问题下次再说。检查组来了还看不看台账", "检查组来了还看不看台账"),
        ("开会的事回头再说，群太多了怎么办", "群太多了怎么办"),
    ],
)
def test_a_subject_called_unimportant_or_put_off_till_later_is_set_aside(
    typed: str, expected: str
) -> None:
    assert SetAside(load_kb().setaside_marks).after(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "日常会议记录不重要，可以少记吗",  # a burden told as unimportant is the ask itself
        "开会这件事再说一遍，能不能少开",  # 再说 not closing the clause puts nothing off
    ],
)
def test_a_burden_called_unimportant_is_no_set_aside(typed: str) -> None:
    assert SetAside(load_kb().setaside_marks).after(typed) == typed


def test_the_message_answers_the_ask_after_a_subject_put_off(matcher: Matcher) -> None:
    """The forms named before 下次再说 opened a forms item ahead of the inspections ask."""
    result = matcher.match("表格的问题下次再说。现在检查组来了还看不看材料台账")
    assert result.answered
    assert [f.id for f in result.shown] == ["inspections-unannounced-visits"]


def test_one_thing_asked_first_sets_the_list_before_aside() -> None:
    """表多群多会多，今天先问一个：… asks the one thing after the mark."""
    kb = load_kb()
    typed = "唉，表多群多会多，今天先问一个：迎检的次数有没有减少"
    assert SetAside(kb.setaside_marks).after(typed) == "迎检的次数有没有减少"


def test_one_thing_asked_first_answers_it(matcher: Matcher) -> None:
    result = matcher.match("唉，表多群多会多，今天先问一个：迎检的次数有没有减少")
    assert result.answered
    assert result.shown[0].id == "inspections-fewer-rounds"


def test_an_ask_opened_without_its_wo_sets_aside_the_story_before_it(matcher: Matcher) -> None:
    """想问下… typed fast is 我想问…: the inspectors' visit told before it is not asked about."""
    marks = load_kb().setaside_marks
    typed = "今天检查组又来看台账，忙了一天 想问下开会时间有没有压缩"
    assert SetAside(marks, _topic).after(typed) == "想问下开会时间有没有压缩"
    result = matcher.match(typed)
    assert result.answered and result.shown
    assert all(f.topic == "meetings" for f in result.shown)
