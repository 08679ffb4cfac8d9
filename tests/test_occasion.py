"""One particular occasion (明天的会, 这次检查) asked about, not a practice complained of."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.occasion import Occasions, without_opening_filler

OCCASIONS = Occasions(
    frozenset({"明天", "今天", "这张", "那张", "上回"}), frozenset({"又", "办法"})
)


def test_an_occasion_asked_about_is_found() -> None:
    assert OCCASIONS.mentioned("明天的会开不开")
    assert not OCCASIONS.mentioned("会太多怎么办")
    assert OCCASIONS.asked(["明天", "的", "会", "开不开"]) == "明天"


def test_a_complaint_or_an_ask_for_a_way_out_is_the_practice() -> None:
    assert OCCASIONS.asked(["明天", "又", "要", "开会"]) is None
    assert OCCASIONS.asked(["今天", "开会", "有", "办法", "吗"]) is None


def test_a_count_of_things_is_the_practice() -> None:
    assert OCCASIONS.asked(["今天", "填", "了", "三张", "表"], counted=True) is None


def test_occasions_in_turn_are_the_practice() -> None:
    """今天报这个明天报那个, 这张表填完那张表: a pattern, not one occasion."""
    assert OCCASIONS.asked(["今天", "报", "这个", "明天", "报", "那个"]) is None
    assert OCCASIONS.asked(["这", "张表", "填完", "那", "张表"]) is None


def test_two_words_of_one_occasion_still_name_it() -> None:
    """那个会推到明天: two kinds of word (no character shared), one occasion."""
    occasions = Occasions(frozenset({"那个", "明天"}))
    assert occasions.asked(["那个", "会", "推到", "明天", "了"]) == "明天"


def test_a_word_counts_only_where_jieba_starts_one() -> None:
    """马上回复 holds no 上回; 这张表 cut as 这 + 张表 still holds 这张."""
    assert OCCASIONS.asked(["马上", "回复"]) is None
    assert OCCASIONS.asked(["这", "张表是", "谁", "要", "的"]) == "这张"


def test_a_spoken_filler_points_at_no_occasion() -> None:
    """那个我想问一下 is voice input's filler; 那个会 and 这 + 张表 still name occasions."""
    occasions = Occasions(frozenset({"那个", "这张"}), fillers=frozenset({"那个我", "这"}))
    assert occasions.asked(["那个我", "想", "问一下", "会", "能", "只开一次", "吗"]) is None
    assert occasions.asked(["那个", "会", "推到", "下周", "了"]) == "那个"
    assert occasions.asked(["这", "张表是", "谁", "要", "的"]) == "这张"


def test_asking_for_a_case_is_the_practice(matcher: Matcher) -> None:
    """帮我找找…的那个例子 points at the article's case, not at one meeting."""
    result = matcher.match("帮我找找一周最多填一张表的那个例子")
    assert [f.id for f in result.shown][:1] == ["forms-weekly-cap"]
    result = matcher.match("那个我想问一下同一个主题的会是不是只开一次就行")
    assert [f.id for f in result.shown][:1] == ["meetings-one-topic-once"]


def test_marks_are_whole_words() -> None:
    """多少 holds no 少, so a mark must be a word of its own."""
    occasions = Occasions(frozenset({"今天"}), frozenset({"少"}))
    assert occasions.asked(["今天", "来", "多少", "人"]) == "今天"
    assert occasions.asked(["今天", "能", "少", "开", "点"]) is None


def test_a_meeting_schedule_in_the_facts_words_is_declined(matcher: Matcher) -> None:
    """Every content word is the facts' own, but one occasion's state is asked."""
    for question in ("这次会议的主题定了吗", "那个表今天必须报吗", "省里的检查组明早到县城"):
        result = matcher.match(question)
        assert result.decision == "decline", question


def test_an_occasion_complained_of_is_still_answered(matcher: Matcher) -> None:
    result = matcher.match("明天又要开会，会能不能开短一点")
    assert result.decision == "answer"
    assert result.best is not None and result.best.fact.topic == "meetings"


def test_still_in_a_yes_or_no_question_asks_whether_the_occasion_stands() -> None:
    """今天还开会吗 asks whether one meeting is on; 今天还要填三张表, 还…办法 are the practice."""
    occasions = Occasions(frozenset({"今天", "那张"}), frozenset({"还", "办法"}))
    assert occasions.asked(["今天", "还", "开会", "吗"]) == "今天"
    assert occasions.asked(["那张", "表", "还", "要不要", "交了"]) == "那张"
    assert occasions.asked(["今天", "还", "开会"]) is None
    assert occasions.asked(["今天", "还", "开会", "有", "办法", "吗"]) is None


def test_a_figure_asked_of_the_thing_pointed_back_at_is_the_articles() -> None:
    """那个会开了几分钟 asks a number a fact holds; 明天的会开多久, 那个会还要开几次 stay one
    occasion's schedule."""
    occasions = Occasions(frozenset({"那个", "明天"}))
    assert occasions.asked(["那个", "会", "开", "了", "几分钟"], figure_asked=True) is None
    assert occasions.asked(["那个", "会", "开", "了", "几分钟"]) == "那个"
    assert occasions.asked(["明天", "的", "会", "开", "多久"], figure_asked=True) == "明天"
    assert occasions.asked(["那个", "会", "还要", "开", "几次"], figure_asked=True) == "那个"


def test_a_number_question_about_the_articles_meeting_is_answered(matcher: Matcher) -> None:
    for question in ("那个信访工作会一共开了多长时间", "信访那个会开了几分钟"):
        result = matcher.match(question)
        assert [f.id for f in result.shown][:1] == ["meetings-short-speeches"], question
    for question in ("明天那个会开多久", "那个会还要开几次"):
        assert matcher.match(question).decision == "decline", question


def test_an_occasion_word_is_looked_for_as_testing_each_word() -> None:
    """One search for all the words finds one exactly where testing each word would; with no
    words, nothing is ever mentioned."""
    texts = ("明天的会开不开", "会太多怎么办", "上回那张表", "这张", "明", "", "今天明天", "那个张")
    for text in texts:
        assert OCCASIONS.mentioned(text) == any(w in text for w in OCCASIONS.words), text
    assert not any(Occasions().mentioned(text) for text in texts)
    special = Occasions(frozenset({"a.b", "(会)"}))
    assert special.mentioned("x(会)y") and special.mentioned("a.b")
    assert not special.mentioned("axb") and not special.mentioned("会")


def test_again_heading_a_word_is_still_again() -> None:
    """又来登记 cut as one word still says 又 (dev-problems2): the practice complained of."""
    assert OCCASIONS.asked(["又来登记", "啊", "上", "回", "不是", "登过了", "吗"]) is None
    assert OCCASIONS.asked(["上", "回", "不是", "登过了", "吗"]) == "上回"


def test_an_opening_filler_is_dropped_before_a_pause_only() -> None:
    assert without_opening_filler("嗯嗯 那个 检查是不是合并成一次了") == "检查是不是合并成一次了"
    assert without_opening_filler("那个 明天的会几点开") == "明天的会几点开"
    assert without_opening_filler("那个会推到下周了吗") == "那个会推到下周了吗"


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("嗯嗯，那个……检查是不是合并成一次了", "inspections-joint"),
        ("群众一看见我们上门就问 又来登记啊 上回不是登过了吗", "forms-data-platform"),
    ],
)
def test_a_story_dated_or_opened_by_a_filler_is_answered(
    matcher: Matcher, question: str, fact: str
) -> None:
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.shown[0].id == fact


@pytest.mark.parametrize("question", ["那个，明天的会几点开", "今天想问一下明天开会几点"])
def test_one_meeting_asked_after_a_filler_or_the_day_still_declines(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).decision == "decline"


def test_an_occasion_word_heading_the_ask_points_at_the_message() -> None:
    """今天就想问 is this message's ask; 今天的会 still one meeting, 明天 later still counted."""
    assert OCCASIONS.asked(["今天", "就", "想", "问", "会", "开不开"]) is None
    assert OCCASIONS.asked(["今天", "想", "问", "明天", "的", "会", "开不开"]) == "明天"
    assert OCCASIONS.asked(["今天", "的", "会", "开不开"]) == "今天"


def test_this_time_asking_is_answered(matcher: Matcher) -> None:
    """这次就想知道 read as one occasion declined the inspections' ask."""
    result = matcher.match("表格的问题下次再说。这次就想知道现在检查组来了还看不看材料台账")
    assert result.answered
    assert result.shown[0].id == "inspections-unannounced-visits"
