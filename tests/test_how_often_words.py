"""Words saying how often a burden comes (天天, 每次, 每回) name no fact: a fact that happens
to hold one (每次开会都要做会议记录吗) is not what the burden said beside it is about."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.normalize import normalize


@pytest.mark.parametrize("word", ["每次", "每回", "天天"])
def test_a_how_often_word_is_no_term(matcher: Matcher, word: str) -> None:
    analysis = matcher.analyzer.analyze(normalize(f"{word}都要拍照"))
    assert [t.term for t in analysis.terms] == ["拍照"]


def test_photos_every_time_are_the_photos_fact(matcher: Matcher) -> None:
    result = matcher.match("每次都要拍照留痕📷📷，累死了😩")
    assert result.answered and result.matches[0].fact.id == "forms-fewer-signatures-photos"
    # the meeting records' own words still answer it
    result = matcher.match("每次开会都要做会议记录吗")
    assert result.answered and result.matches[0].fact.id == "meetings-light-records"
