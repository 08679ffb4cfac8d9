"""A list item naming its burden only by its symptom still counts (symptoms.py)."""

from __future__ import annotations

from ranking_spy import RankingSpy

from bot.search.clauses import clauses
from bot.search.matcher import Matcher
from bot.search.normalize import normalize
from bot.search.symptoms import symptom_best, symptom_topics


def test_an_item_named_by_its_symptom_gets_its_fact(matcher: Matcher) -> None:
    """同一个数填了好几遍 names no topic by a word of its own, yet alone it is plainly the
    burden of one figure filled into many forms: beside a meetings item, both are answered."""
    result = matcher.match("同一个数填了好几遍，领导讲话一讲一上午")
    assert (result.decision, result.shape) == ("answer", "several")
    assert {m.fact.id for m in result.several} == {
        "meetings-short-speeches",
        "forms-one-figure-one-form",
    }


def test_a_symptom_beside_a_named_topic_of_its_own_is_one_answer(matcher: Matcher) -> None:
    """A clause of the same topic as the one named adds no second topic: one fact answers."""
    assert matcher.match("填表太多，同一个数填了好几遍").shape != "several"


def test_a_scene_clause_is_no_symptom(matcher: Matcher) -> None:
    """A line telling who asks is sure of no fact, so opens no topic beside the one asked."""
    assert matcher.match("我在村里当文书三年了，表格天天要填").shape != "several"


def test_a_word_set_beside_itself_is_no_list() -> None:
    """表跟表重复 compares one form with another; 会议和检查 lists two things."""
    assert len(clauses("表跟表重复的内容太多了")) == 1
    assert len(clauses("群和群之间消息重复")) == 1
    assert len(clauses("会议和检查太多")) == 2


def test_parts_that_cannot_tell_a_symptom_are_never_ranked(matcher: Matcher) -> None:
    """Read first for their words alone, parts naming a topic (领导讲话一讲一上午) or too
    short or unclear to be sure of a fact (怎么办) are never ranked; the topics found are the
    same as ranking every part."""
    spy = RankingSpy(matcher)
    rank, read, ranked = spy.rank, spy.read, spy.ranked

    for question in (
        "同一个数填了好几遍，领导讲话一讲一上午",
        "填表太多，同一个数填了好几遍，怎么办",
        "我在村里当文书三年了，表格天天要填",
        "会太多，群太多，检查太多",
    ):
        parts = clauses(question, normalize)
        ranked.clear()
        every = symptom_topics(parts, matcher.rank, matcher.topic_words)
        assert symptom_topics(parts, rank, matcher.topic_words, read) == every, question
        for part in set(parts) - set(ranked):
            analysis, _ = read(part)
            named = matcher.topic_words.first_named(analysis)
            assert named is not None or symptom_best(*matcher.rank(part)) is None, part
    assert symptom_topics(["同一个数填了好几遍"], rank, matcher.topic_words, read) == ["forms"]
    assert ranked == ["同一个数填了好几遍"]
    ranked.clear()
    assert symptom_topics(["怎么办", "领导讲话一讲一上午"], rank, matcher.topic_words, read) == []
    assert ranked == []
