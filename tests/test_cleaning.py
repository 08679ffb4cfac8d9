"""The cleaner keeps the last questions it cleaned: kept or not, a question cleans the same."""

from __future__ import annotations

from bot.search.cleaning import Cleaner
from bot.search.matcher import Matcher
from bot.search.tones import tones_typed, typed_tones


def test_a_question_cleaned_again_is_cleaned_as_the_first_time(matcher: Matcher) -> None:
    """What the cache gives back is what cleaning afresh gives, for every kind of step."""
    cleaner: Cleaner = matcher.cleaned
    questions = [
        "我是南岭村的文书，唉，会太多怎么办",
        "同事让我帮他问一下，表太多怎么减",
        "写材料要用，有没有精简会议的例子",
        "会太多怎么办 5",
        "上周刚开完会，群太多咋办",
    ]
    for question in questions:
        first = cleaner(question)
        assert cleaner(question) == first == cleaner._clean(question, ())


def test_the_tones_typed_are_part_of_what_is_kept(matcher: Matcher) -> None:
    """The same text typed with and without tones is cleaned under each its own tones: a
    result kept for one is not given for the other."""
    cleaner: Cleaner = matcher.cleaned
    text = "tongzhi太多了怎么办"
    tones = typed_tones("tong1zhi1太多了怎么办")
    with tones_typed(tones):
        toned = cleaner(text)
        assert toned == cleaner._clean(text, tones)
    assert cleaner(text) == cleaner._clean(text, ())
    assert cleaner._cleaned.cache_info().currsize >= 2


def test_the_fact_a_text_gets_alone_is_read_with_the_ranking(matcher: Matcher) -> None:
    """For an eased load told before the ask (background.without_relief): without a ranking
    no fact is read."""
    cleaner: Cleaner = matcher.cleaned
    assert cleaner.fact_named("一张表格五六个签字") == "forms-fewer-signatures-photos"
    assert cleaner.topic_named("一张表格五六个签字") == "forms"
    assert Cleaner(cleaner.purposes, cleaner.topic_named).fact_named("一张表格五六个签字") is None
