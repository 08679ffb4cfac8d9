"""A district or town the question opens with, named by a rare word of its own (历下区, 白沙镇),
or after a request or a pronoun (请教一下，周庄镇…), is a place the facts do not name."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("历下区清理工作群有什么标准", "历下区"),
        ("鼓楼区哪年开始用微信群办公", "鼓楼区"),
        ("白沙镇开会一个月几次", "白沙镇"),
        ("请教一下，周庄镇那个副书记的开会经验能分享下不", "周庄镇"),
    ],
)
def test_a_rare_place_word_is_a_stranger(matcher: Matcher, question: str, place: str) -> None:
    assert place in matcher.entities.strangers(matcher.analyzer.spelled(question))
    assert matcher.match(question).decision == "decline"


@pytest.mark.parametrize("question", ["保税区开会多", "行政村填表太多", "洋湖乡开会一个月几次"])
def test_kinds_of_place_and_known_places_are_no_strangers(matcher: Matcher, question: str) -> None:
    assert not matcher.entities.strangers(matcher.analyzer.spelled(question))
