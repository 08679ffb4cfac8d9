"""Everyday unit words after a count read as the article's units; elsewhere they stay words."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.normalize import normalize
from bot.search.unitwords import units_as_written


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("同一主题的会只开一回", "同一主题的会只开一次"),
        ("每个礼拜只去一回", "每周只去一次"),
        ("一个星期有三天迎检", "一周有三天迎检"),
        ("好几回", "好几次"),
        ("多少回", "多少次"),
        ("半个钟头", "半个小时"),
        ("两个钟头", "两个小时"),
        ("一人3min", "一人3分钟"),
        ("群砍了百分之 50 以上", "群砍了一半 以上"),
        ("群砍了五成以上", "群砍了一半以上"),
        ("少了5 成", "少了一半"),
    ],
)
def test_a_unit_after_a_count_is_the_articles(typed: str, read: str) -> None:
    assert units_as_written(typed) == read


@pytest.mark.parametrize(
    "text",
    ["一回事", "一回来就开会", "开完会回村里", "群里上回复", "礼拜天加班", "星期三开会",
     "做礼拜", "钟头", "回头再说", "一个星期三四天", "晚上回群消息", "马上回", "开两回议",
     "成本", "五成群", "十五成", "百分之 150", "五成绩"],
)  # fmt: skip
def test_the_same_characters_counting_nothing_stay(text: str) -> None:
    assert units_as_written(text) == text


def test_normalize_reads_them_so_one_question_meets_the_other() -> None:
    assert normalize("每个礼拜开一回会") == normalize("每周开一次会")
    assert normalize("发言一人3min") == normalize("发言一人3分钟")
    assert normalize("群少了50%") == normalize("群少了百分之五十") == normalize("群少了一半")


def test_a_half_said_as_a_share_finds_the_fact_saying_half(matcher: Matcher) -> None:
    for question in ("群的数量砍了50%以上是真的吗", "群的数量砍了五成以上有吗"):
        result = matcher.match(question)
        assert [f.id for f in result.shown][:1] == ["chat-groups-phone-lighter"], question


def test_the_fact_holding_the_count_is_found(matcher: Matcher) -> None:
    result = matcher.match("同一主题的会只开一回")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "meetings-one-topic-once"
