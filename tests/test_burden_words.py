"""Everyday words of a burden told, read as the facts' words (round 25: synonyms.yaml,
stopwords.txt and userdict.txt), and an exclamation that asks nothing."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher


def _terms(matcher: Matcher, question: str) -> set[str]:
    return {qt.term for qt in matcher.prepare(question).analysis.terms}


@pytest.mark.parametrize(
    ("question", "term", "fact_id"),
    [
        # nobody speaks up in the group: the zombie group's 没人说话
        ("这些群里早就没人吱声了", "僵尸群", "chat-groups-six-kinds"),
        # the work at hand that meetings keep breaking into
        ("手头的活天天被开会打断", "实际工作", "meetings-twice-a-month"),
    ],
)
def test_an_everyday_word_of_a_burden_reads_as_the_facts_word(
    matcher: Matcher, question: str, term: str, fact_id: str
) -> None:
    assert term in _terms(matcher, question)
    result = matcher.match(question)
    assert (result.decision, result.matches[0].fact.id) == ("answer", fact_id)


def test_what_a_daft_thing_to_do_is_an_exclamation_not_an_ask_about_a_tool(
    matcher: Matcher,
) -> None:
    """是什么操作 exclaims at the burden just told; 怎么操作 still asks how a tool works."""
    told = matcher.prepare("同一个事开两遍会是什么操作")
    assert "操作" not in told.analysis.cues
    result = matcher.match("同一个事开两遍会是什么操作")
    assert (result.decision, result.matches[0].fact.id) == ("answer", "meetings-one-topic-once")
    assert "操作" in matcher.prepare("这个系统怎么操作").analysis.cues
    assert matcher.match("这个系统怎么操作").decision == "decline"
