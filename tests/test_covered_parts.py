"""A list the whole reading is unsure of, answered from the parts the facts cover."""

from __future__ import annotations

import pytest
from ranking_spy import RankingSpy

from bot.search.covered import covered_parts
from bot.search.matcher import Matcher
from bot.search.normalize import normalize


@pytest.mark.parametrize(
    "question",
    [
        "会议多，还有就是村里留守老人没人管",
        "会太多，另外食堂的饭也难吃",
        "1. 会多\n2. 村里路灯坏了",
    ],
)
def test_an_item_the_facts_do_not_cover_leaves_the_rest_answered(
    matcher: Matcher, question: str
) -> None:
    """The uncovered item's unknown words weigh the whole question down; the meetings part,
    read alone, names the topic and nothing narrower: the topic's lead answers it."""
    result = matcher.match(question)
    assert result.decision == "answer"
    assert [f.id for f in result.shown] == ["meetings-twice-a-month"]


def test_two_siblings_each_sure_of_its_part(matcher: Matcher) -> None:
    """Records checked and a long weekly meeting are two meetings facts: the first part's
    answers, the second's is offered beside it."""
    result = matcher.match("会议记录要查，还有例会开得老长")
    assert result.decision == "answer"
    assert result.shown[0].id == "meetings-light-records"
    assert [f.id for f in result.related] == ["meetings-weekly-half-hour"]


@pytest.mark.parametrize(
    "question",
    [
        "群太多，今年工资啥时候涨",  # a cue in any part: the question asks about pay
        "开会迟到，填表填错",  # a part naming a topic with a word we do not know
        "会议室怎么预约，谢谢",
    ],
)
def test_a_cue_or_an_unknown_word_in_a_named_part_keeps_the_decline(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).decision != "answer"
    assert matcher.prepare(question).covered == ()


@pytest.mark.parametrize(
    "question", ["Excel老是卡死，填表填一半全没了", "填表填到吐，内容一模一样换个表头而已"]
)
def test_clauses_without_a_further_item_are_one_story(matcher: Matcher, question: str) -> None:
    """No 还有, 另外, 2.: the clauses tell one thing, read whole (the software, a form twice)."""
    assert matcher.prepare(question).covered == ()


def test_one_clause_is_never_read_in_parts(matcher: Matcher) -> None:
    assert matcher.prepare("会议太多了").covered == ()


def test_a_cue_in_a_further_item_leaves_the_list_answered(matcher: Matcher) -> None:
    """When to expect road money is nothing the facts say; the list before it is theirs."""
    question = "会多，群多，另外想问问村里修路的钱啥时候到"
    assert matcher.prepare(question).cues_aside
    result = matcher.match(question)
    assert (result.decision, result.shape) == ("answer", "several")
    assert [m.fact.topic for m in result.several] == ["meetings", "chat-groups"]


def test_a_cue_beside_one_topic_is_judged_per_item(matcher: Matcher) -> None:
    """Read whole, the cue beside one topic declines; each item alone, the groups are the
    facts' and the pay is nothing they say (items.py): the groups' item answers."""
    question = "群太多，还有今年工资啥时候涨"
    assert matcher.prepare(question).covered == ()
    result = matcher.match(question)
    assert result.decision == "answer"
    assert [f.topic for f in result.shown] == ["chat-groups"]


def test_an_unmarked_list_of_two_topics_leaves_a_cue_aside(matcher: Matcher) -> None:
    """No 还有 or 另外, yet two clauses each name a topic of their own: a list, and the
    weather asked after it is another matter."""
    question = "表太多，检查太多，天气预报明天下雨吗"
    assert matcher.prepare(question).cues_aside
    result = matcher.match(question)
    assert (result.decision, result.shape) == ("answer", "several")
    assert [m.fact.topic for m in result.several] == ["forms", "inspections"]


@pytest.mark.parametrize("question", ["群太多，今年工资啥时候涨", "会多，会长，工资啥时候涨"])
def test_an_unmarked_cue_beside_one_topic_is_no_aside(matcher: Matcher, question: str) -> None:
    """One topic's clauses and a cue, unmarked: no list, the pay is what is asked."""
    assert not matcher.prepare(question).cues_aside
    assert matcher.match(question).decision != "answer"


def test_only_clean_parts_naming_a_topic_are_ranked(matcher: Matcher) -> None:
    """Read first for their words alone, parts naming no topic (另外食堂的饭也难吃) or naming
    one among cues are never ranked; what is covered is the same as ranking every part."""
    spy = RankingSpy(matcher)
    rank, read, ranked = spy.rank, spy.read, spy.ranked

    leads, words = matcher.topic_asks.leads, matcher.topic_words
    for question in (
        "会议多，还有就是村里留守老人没人管",
        "会太多，另外食堂的饭也难吃",
        "1. 会多\n2. 村里路灯坏了",
        "1.会议室怎么预约 2.检查组怎么接待",
        "表太多，检查太多，天气预报明天下雨吗",
    ):
        ranked.clear()
        every = covered_parts(question, matcher.rank, words, leads)
        assert covered_parts(question, rank, words, leads, normalize, read) == every, question
        for part in ranked:
            analysis, _ = read(part)
            assert words.first_named(analysis) is not None and analysis.clean, part
    ranked.clear()
    assert covered_parts("会太多，另外食堂的饭也难吃", rank, words, leads, normalize, read).bests
    assert ranked == ["会太多"]
