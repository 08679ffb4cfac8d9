"""A meeting or a group named by its subject (安全生产会, 防疫群) is that meeting or group."""

from __future__ import annotations

from bot.search.matcher import Matcher
from bot.search.pieces import Piece
from bot.search.subjects import subject_pieces


def test_a_meetings_subject_is_no_unknown_word(matcher: Matcher) -> None:
    """安全生产 and 安全隐患排查 say what the meetings were about: one subject, two meetings."""
    question = "上午开安全生产会下午开安全隐患排查会，说的一个事。有没有哪里是一事一会的？"
    p = matcher.prepare(question)
    assert not {"安全", "生产", "隐患", "排查"} & set(p.analysis.unknown)
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "meetings-one-topic-once"


def test_a_groups_subject_is_no_unknown_word(matcher: Matcher) -> None:
    p = matcher.prepare("网格群、防疫群、医保群、党员群加起来四十多个，消息刷都刷不完")
    assert "网格" not in p.analysis.unknown and "防疫" not in p.analysis.unknown
    assert p.ranked[0].fact.id == "chat-groups-too-many-pinned"


def test_an_unknown_word_elsewhere_stays_unknown(matcher: Matcher) -> None:
    """Only the words right before the meeting or group are its subject: 垃圾 is asked about."""
    p = matcher.prepare("垃圾分类标准是什么")
    assert "垃圾" in p.analysis.unknown


def test_a_count_before_a_group_is_no_subject() -> None:
    """三个群 counts the groups; two unknown words at most three long make a subject."""
    pieces = [Piece("三个", "unknown"), Piece("群", "term", "工作群")]
    assert subject_pieces(pieces) == frozenset()
    pieces = [Piece(w, "unknown") for w in ("甲乙", "丙丁", "戊己", "庚辛")]
    pieces.append(Piece("会", "term", "会议"))
    assert subject_pieces(pieces) == frozenset({1, 2, 3})


def test_a_subject_before_an_inspection_stays_unknown(matcher: Matcher) -> None:
    """防汛检查: the inspections' subjects are left unknown (read as the inspection, dev-subjects'
    森林防火检查、防汛检查… went from not found to the wrong inspection fact, and the test part's
    requests grew more wrong)."""
    assert "防汛" in matcher.prepare("防汛检查来了六拨").analysis.unknown
