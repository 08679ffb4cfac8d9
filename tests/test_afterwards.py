"""A change told as done, then the ask: the ask's own fact answers, not the change's."""

from __future__ import annotations

from bot.search.afterwards import ask_after_change
from bot.search.matcher import Matcher


def _ask(matcher: Matcher, text: str) -> str | None:
    return ask_after_change(text, matcher.asks.normal, matcher.asks.subject_or_named)


def test_the_ask_after_以后_or_之后_is_found_with_or_without_a_comma(matcher: Matcher) -> None:
    assert _ask(matcher, "检查合并成联合检查以后由谁牵头") == "由谁牵头"
    assert _ask(matcher, "群解散了一大批以后，手机上的群到底少了多少？") == "手机上的群到底少了多少"
    assert _ask(matcher, "数据平台用起来之后，还要重复确认吗") == "还要重复确认吗"


def test_after_了_the_ask_must_name_a_topic_itself(matcher: Matcher) -> None:
    assert _ask(matcher, "会议记录不严查了，街道的会开多长") == "街道的会开多长"
    assert _ask(matcher, "任务都结束了群还留着，要不要散") is None  # 要不要散 names nothing


def test_no_ask_when_the_change_asks_or_nothing_is_asked_after_it(matcher: Matcher) -> None:
    assert _ask(matcher, "检查合并了吗，谁牵头") is None  # the first part asks already
    assert _ask(matcher, "群精简以后手机变轻了") is None  # nothing asked
    assert _ask(matcher, "会太多怎么办") is None  # no change told
    assert _ask(matcher, "开完会以后，群里又发通知，记录还要交吗") is None  # three parts


def test_the_ask_after_the_change_gets_its_own_fact(matcher: Matcher) -> None:
    asked = {
        "检查合并成联合检查以后由谁牵头": "inspections-discipline-lead",
        "群解散了一大批以后，手机上的群到底少了多少？": "chat-groups-phone-lighter",
        "会议记录不严查了，街道的会开多长": "meetings-weekly-half-hour",
    }
    for question, fact in asked.items():
        result = matcher.match(question)
        assert result.answered and result.matches[0].fact.id == fact, question
        assert result.query == question


def test_a_fact_telling_only_the_trouble_before_answers_no_ask_after(matcher: Matcher) -> None:
    # alone, 手机里的群还剩多少 gets the thirty pinned groups of before; 精简以后 asks the after
    result = matcher.match("精简以后手机里的群还剩多少")
    assert result.matches[0].fact.id == "chat-groups-phone-lighter"
    # asked for the before itself (那之前), the fact telling the before answers
    result = matcher.match("190多个群解散了，那之前一个干部手机里有多少个工作群？")
    assert result.answered and result.matches[0].fact.id == "chat-groups-too-many-pinned"


def test_the_ask_after_那_must_name_a_topic_itself(matcher: Matcher) -> None:
    assert _ask(matcher, "段琼说例会半小时开完，那她们会议记录现在怎么弄") == "会议记录现在怎么弄"
    assert _ask(matcher, "群少了一半多，那表格呢") == "表格呢"
    assert _ask(matcher, "例会半小时开完，那是怎么做到的") is None  # names nothing
    assert _ask(matcher, "例会半小时开完吗，那会议记录呢") is None  # the first part asks


def test_the_ask_after_那_gets_its_own_fact_of_the_same_person(matcher: Matcher) -> None:
    """Read whole, 例会半小时 pulled the routine meeting's fact of the same secretary."""
    result = matcher.match("段琼说例会半小时开完，那她们会议记录现在怎么弄")
    assert result.answered
    assert [f.id for f in result.shown] == ["meetings-light-records"]


def test_an_ask_alone_unsure_of_its_fact_offers_both_facts(matcher: Matcher) -> None:
    """Read whole, the change's words (分头检查, 联合检查) answered the joint inspections; the
    ask alone (现在是哪个部门牵头负责) puts who leads first, on too low a score to answer."""
    result = matcher.match("各部门分头检查改成联合检查之后，现在是哪个部门牵头负责？")
    assert result.decision == "suggest"
    assert [m.fact.id for m in matcher.suggestions(result)][:2] == [
        "inspections-discipline-lead",
        "inspections-joint",
    ]
    # the ask alone sure of its fact still answers it alone
    sure = matcher.match("检查合并成联合检查以后由谁牵头")
    assert sure.decision == "answer" and sure.matches[0].fact.id == "inspections-discipline-lead"
