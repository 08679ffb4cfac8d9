"""How people ask: one story naming topics in passing, 怎么才能, and the wrapping of an ask (the
reason for asking, who is asked, where else) leave the answer to what is asked."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher, Result


def _shown(result: Result) -> list[str]:
    return [f.id for f in result.shown]


def test_one_story_naming_topics_in_passing_is_not_several(matcher: Matcher) -> None:
    """A single clause naming three topics, whose best fact read whole leads the others by
    far, asks one thing: the meeting and the photos are the scene of a screenshot demanded."""
    result = matcher.match("开会时还得拍照发群里证明开过了，这合理吗")
    assert (result.decision, result.shape) == ("answer", "fact")
    assert _shown(result) == ["chat-groups-no-screenshot-evaluation"]


@pytest.mark.parametrize(
    ("question", "topic"),
    [("填表怎么才能少一些", "forms"), ("会议怎样才可以精简", "meetings")],
)
def test_how_one_gets_there_asks_for_a_measure(matcher: Matcher, question: str, topic: str) -> None:
    """才能 and 才可以 ask how to get there: no unknown word weighing against the facts."""
    result = matcher.match(question)
    assert not result.analysis.unknown
    assert result.decision == "answer" and result.shown[0].topic == topic


@pytest.mark.parametrize(
    "wrapper",
    [
        "领导让我调研一下{}",  # 调研 alone is an inspection visit
        "整理汇报材料需要，{}",  # 汇报材料 alone is 台账
        "写材料要用，{}",
        "有无{}的先进经验",
        "{}，哪位大神给讲讲",
        "想问问兄弟县市{}是咋搞的",
        "想取取经，{}",
        "能推荐几个{}的案例吗",  # 推荐 alone asks for a product
    ],
)
def test_what_an_ask_is_wrapped_in_changes_nothing(matcher: Matcher, wrapper: str) -> None:
    """The reason for asking, who is asked and where else: the wrapped ask gets the plain
    ask's answer."""
    for plain in ("检查合并", "会议合并着开"):
        expected = matcher.match(plain)
        wrapped = matcher.match(wrapper.format(plain))
        assert wrapped.decision == expected.decision == "answer"
        assert _shown(wrapped)[0] == _shown(expected)[0]


@pytest.mark.parametrize("question", ["推荐几个会议记录的模板", "推荐个开会用的软件"])
def test_recommending_a_tool_is_no_request_for_cases(matcher: Matcher, question: str) -> None:
    """推荐几个 asks for cases, unless what follows is a thing to use: a near miss."""
    assert matcher.match(question).decision == "decline"


@pytest.mark.parametrize(
    "question",
    [
        "求一份开短会的会议通知模板，谢谢",  # a thanks after it must not make it several asks
        "求一个会记录本的电子模板",
        "谁有会议记录本的模板",
    ],
)
def test_a_template_wanted_with_its_subject_told_first_declines(
    matcher: Matcher, question: str
) -> None:
    """The file is what is asked for, however long its subject (开短会的会议通知)."""
    assert matcher.match(question).decision == "decline"


def test_a_template_that_keeps_changing_is_still_the_burden(matcher: Matcher) -> None:
    assert _shown(matcher.match("有没有统一表格模板的做法"))[:1] == ["forms-stable-templates"]


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("数据平台用上以后签字少了没有，谁能说说亲身经历", "forms-data-platform"),
        ("有没有基层干部讲讲切身体会，填表从一天一张变成一周一张", "forms-weekly-cap"),
    ],
)
def test_asking_for_someones_experience_names_nothing(
    matcher: Matcher, question: str, fact: str
) -> None:
    """亲身经历, 切身体会 (request_words.txt) ask for proof of a change, not about a subject:
    no unknown word and no yes-or-no cue weighs against the fact asked about."""
    result = matcher.match(question)
    assert not result.analysis.unknown and not result.analysis.cues
    assert (result.decision, _shown(result)[:1]) == ("answer", [fact])


def test_whether_it_should_change_asks_for_the_measure(matcher: Matcher) -> None:
    """该不该改 asks whether to change it, a measure named by the burden told before it."""
    result = matcher.match("工作群里天天打卡，这种做法该不该改")
    assert not result.analysis.unknown
    assert result.decision == "answer" and result.shown[0].topic == "chat-groups"


def test_more_than_a_hundred_groups_is_a_count_not_several(matcher: Matcher) -> None:
    """一百多个群 is 100-odd groups (the 190 dissolved), not the 多个群 a notice is forwarded to."""
    result = matcher.match("哪里一口气撤了一百多个群")
    assert "多个" not in {t.term for t in result.analysis.terms}
    assert _shown(result)[:1] == ["chat-groups-190-dissolved"]


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("街道的会三十分钟就开完了是哪儿的做法", "meetings-weekly-half-hour"),
        ("信访会只开了半小时是谁说的", "meetings-short-speeches"),
    ],
)
def test_half_an_hour_in_either_wording_leaves_the_meeting_to_decide(
    matcher: Matcher, question: str, fact: str
) -> None:
    """30分钟 (the petition meeting) and 半小时 (the street meeting) are one span: the meeting
    named decides, not the way the figure is written."""
    result = matcher.match(question)
    assert (result.decision, _shown(result)[:1]) == ("answer", [fact])
