"""Cue patterns at the edges of words: a gap pattern's parts are words of the question's cut,
a count said of few people asks nothing, and a meal that sets the time asks for no meal."""

from __future__ import annotations

from bot.search.cues import PatternsByStart, compile_pattern, found_patterns, split_cues
from bot.search.matcher import Matcher
from bot.search.normalize import normalize

WEEKDAY_OR = "周一|周二|周五…还是"


def test_a_part_inside_a_word_of_the_cut_is_not_that_word(matcher: Matcher) -> None:
    """周一 inside 一周一表 is no Monday; 周五交还是周一交 still asks which day."""
    cut = matcher.analyzer.tokens
    assert "一周一表" in cut("一周一表还是一天一表")  # the word 周一 lies inside
    patterns = PatternsByStart([compile_pattern(WEEKDAY_OR)], cut=matcher.analyzer._cuts)
    assert found_patterns(patterns, "一周一表还是一天一表") == ()
    assert found_patterns(patterns, "报表是周五交还是周一交") == ("周五交还是",)


def test_without_a_cut_a_pattern_is_found_in_the_characters() -> None:
    """A pattern list given no cut (the quantities' asks) reads characters, as before."""
    assert found_patterns([compile_pattern(WEEKDAY_OR)], "一周一表还是一天一表") == ("周一表还是",)


def test_a_later_match_of_whole_words_still_counts(matcher: Matcher) -> None:
    """The first match lies inside 一周一表; the second stands on the cut's words."""
    patterns = PatternsByStart([compile_pattern(WEEKDAY_OR)], cut=matcher.analyzer._cuts)
    assert found_patterns(patterns, "一周一表还是周一交还是周二交") == ("周一交还是",)


def test_a_part_across_two_words_of_the_cut_still_counts(matcher: Matcher) -> None:
    """会扣/多少 holds 扣多少 across the cut's words: the cut errs there, the ask stays."""
    patterns = PatternsByStart(
        [compile_pattern("带|要带…什么材料|啥材料")], cut=matcher.analyzer._cuts
    )
    assert found_patterns(patterns, "报销住院费需要带什么材料") == ("要带什么材料",)


def test_a_phrase_is_found_however_the_question_is_cut(matcher: Matcher) -> None:
    """~住哪 inside 住哪里: a phrase's contract is the characters."""
    patterns = PatternsByStart(split_cues(["~住哪"]).patterns, cut=matcher.analyzer._cuts)
    assert found_patterns(patterns, "联合检查组来了住哪里") == ("住哪",)


def test_only_a_few_people_asks_no_count() -> None:
    """就几个人, 只有几个人 say how few; 要几个人 still asks how many."""
    (pattern,) = split_cues(["~几个人"]).patterns
    assert found_patterns([pattern], "我们乡里就几个人，真扛不住了") == ()
    assert found_patterns([pattern], "村里只有几个人在岗") == ()
    assert found_patterns([pattern], "检查组一共来了几个人") == ("几个人",)


def test_a_meal_that_sets_the_time_asks_for_no_meal() -> None:
    """吃饭的时候也得翻群 tells when; 中午在哪吃饭 asks for a meal."""
    (pattern,) = split_cues(["~吃饭|饭吃"]).patterns
    assert found_patterns([pattern], "吃饭的时候也得一个一个翻") == ()
    assert found_patterns([pattern], "趁吃饭的功夫问一句") == ()
    assert found_patterns([pattern], "迎检那天中午在哪吃饭") == ("吃饭",)


def test_the_weekly_cap_asked_as_a_choice_is_answered(matcher: Matcher) -> None:
    """一周一表还是一天一表 asks about the weekly cap on forms, not which weekday."""
    analysis = matcher.analyzer.analyze(normalize("一周一表还是一天一表"))
    assert not analysis.forms
    assert matcher.match("一周一表还是一天一表").decision != "decline"


def test_a_deadline_a_group_name_or_a_booking_is_asked_of_no_measure(matcher: Matcher) -> None:
    """办结 (when a case must be closed), 群名 and 预约 (a tool's settings) are cues; the
    meetings' own words beside them (信访, 会议室) get no fact."""
    for asked in ("信访件多久要办结？", "群名怎么改", "会议室怎么预约"):
        assert matcher.match(asked).decision == "decline", asked
    assert "办结" in matcher.prepare("信访件多久要办结").analysis.cues
