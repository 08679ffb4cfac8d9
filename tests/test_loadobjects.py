"""An everyday load word (材料, 照片) names its topic in a burden told that names none
(loadobjects.py, responses/load_objects.yaml)."""

from __future__ import annotations

import pytest

from bot.kb import load_kb
from bot.search.loadobjects import NO_LOAD_OBJECTS, LoadObjects
from bot.search.matcher import Matcher
from bot.search.normalize import normalize

OBJECTS = LoadObjects({"inspections": ["材料", "資料"], "forms": ["照片"]})


def test_a_load_word_names_its_own_topic_only() -> None:
    assert OBJECTS.names("inspections", normalize("材料少一页就扣分"))
    assert not OBJECTS.names("forms", normalize("材料少一页就扣分"))
    assert not OBJECTS.names("meetings", normalize("材料少一页就扣分"))  # no words listed


def test_the_words_are_read_as_normalized() -> None:
    """資料 listed in traditional characters is found in the normalized 资料."""
    assert OBJECTS.names("inspections", normalize("資料天天要补"))


def test_a_topic_named_by_its_own_words_needs_no_load_word() -> None:
    assert OBJECTS.topic_named("forms", ("forms",), "天天填表")
    assert OBJECTS.topic_named("inspections", (), "材料少一页就扣分")


def test_a_load_word_does_not_outweigh_another_topic_named() -> None:
    """材料 beside 群 names chat groups: the load word speaks only when no topic is named."""
    assert not OBJECTS.topic_named("inspections", ("chat-groups",), "群里天天催材料")


def test_no_words_name_nothing() -> None:
    assert not NO_LOAD_OBJECTS.topic_named("inspections", (), "材料少一页就扣分")


def test_the_shipped_words_name_topics() -> None:
    kb = load_kb()
    assert kb.load_objects and set(kb.load_objects) <= set(kb.topics)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("材料少一页就扣分", "inspections-unannounced-visits"),
        ("给老百姓发点补助，前前后后拍了四回照片", "forms-fewer-signatures-photos"),
    ],
)
def test_a_burden_told_of_a_load_word_is_answered(
    matcher: Matcher, question: str, fact: str
) -> None:
    result = matcher.match(question)
    assert result.answered
    assert [f.id for f in result.shown][:1] == [fact]


@pytest.mark.parametrize(
    "question",
    [
        "孩子的照片太多了，手机天天提示内存不足",  # a photo, but of nothing the facts deal in
        "家里老人总是一件事问好几遍",  # a burden told, no load named
        "照片太大传不上去，怎么压缩",  # asked, not told
    ],
)
def test_the_same_words_about_something_else_are_declined(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision == "decline"
