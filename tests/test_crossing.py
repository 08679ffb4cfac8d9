"""Readings by sound that trade a topic's own character for another topic's word."""

from __future__ import annotations

from bot.search.matcher import Matcher
from bot.search.query import QueryTerm


def test_the_characters_naming_a_topic_come_from_the_topics_names(matcher: Matcher) -> None:
    topic_of = matcher.crossings.topic_of
    assert topic_of["会"] == "meetings"
    assert topic_of["群"] == "chat-groups"
    assert topic_of["查"] == "inspections"
    assert "的" not in topic_of


def test_a_reading_that_drops_a_topic_character_for_another_topic_is_crossed(
    matcher: Matcher,
) -> None:
    """小会 heard as 秒回 (随时在线) trades meetings' 会 for a work-group word."""
    crossings = matcher.crossings
    assert crossings.crossed(QueryTerm("随时在线", 0.6, "小会"))
    # a slip that keeps its topic's character, a word as typed, a reading naming no topic
    assert not crossings.crossed(QueryTerm("工作群", 0.6, "工作裙"))
    assert not crossings.crossed(QueryTerm("随时在线", 1.0, "小会"))
    assert not crossings.crossed(QueryTerm("纪委", 0.6, "记委"))


def test_a_small_meeting_is_not_read_as_a_work_group_word(matcher: Matcher) -> None:
    """每个小会都要做记录留痕: 小会 stays a word we do not know, so no work-group fact leads."""
    analysis, _ = matcher.rank("每个小会都要做记录留痕")
    assert "随时在线" not in {qt.term for qt in analysis.terms}
    assert "小会" in analysis.unknown
    result = matcher.match("每个小会都要做记录留痕，不然检查过不了")
    assert result.decision == "answer"
    assert result.shown[0].id == "meetings-light-records"


def test_a_name_heard_by_sound_keeps_its_character(matcher: Matcher) -> None:
    """阿旺群忠 is 阿旺群宗: the reading keeps 群, so nothing is crossed."""
    result = matcher.match("阿旺群忠讲的签字变少")
    assert result.decision == "answer"
    assert result.shown[0].topic == "forms"


def test_a_guess_from_initials_stands_only_where_the_question_bears_it_out(
    matcher: Matcher,
) -> None:
    """gz fits 工作 far more often than 盖章: beside 群 it names nothing, and the forms stay out."""
    analysis, _ = matcher.rank("gz群太多刷不完")
    assert "签字" not in {qt.term for qt in analysis.terms}
    assert "gz" in analysis.unknown
    result = matcher.match("请教一下， gz 群太多刷不完，有什么可借鉴的做法")
    assert all(fact.topic == "chat-groups" for fact in result.shown)


def test_sure_initials_read_alone(matcher: Matcher) -> None:
    """hy is 会议 before any other word the knowledge base knows with those initials."""
    assert matcher.analyzer.sure_initials("hy")
    analysis, _ = matcher.rank("hy太多怎么办")
    assert "会议" in {qt.term for qt in analysis.terms}
