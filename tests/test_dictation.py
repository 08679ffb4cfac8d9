"""Pauses a speech engine writes inside a dictated question are read as pauses."""

from __future__ import annotations

import pytest

from bot.search.dictation import without_dictation_fillers
from bot.search.matcher import Matcher


@pytest.mark.parametrize(
    ("dictated", "read"),
    [
        ("开会然后那个填表群都烦", "开会，填表群都烦"),
        ("会多嗯嗯就是说表多", "会多，表多"),
        ("检查台账然后就是会议记录", "检查台账，会议记录"),
        ("哪些工作群可以那个撤掉", "哪些工作群可以撤掉"),  # 那个 before a verb
        ("表格一天一报那个谁受得了", "表格一天一报谁受得了"),  # before an ask
        ("精简那个以后群少了多少", "精简以后群少了多少"),
        ("那个会推到下周了", "那个会推到下周了"),  # 那个 pointing at one meeting stays
        ("上周那个会开了多久", "上周那个会开了多久"),
        ("镇上那个年轻的专干说了啥", "镇上那个年轻的专干说了啥"),  # at a person
        ("讲话的那个是谁", "讲话的那个是谁"),  # the one who spoke
        ("也就是说会太多", "也就是说会太多"),  # a phrase, not a filler
        ("会太多怎么办", "会太多怎么办"),
    ],
)
def test_pauses_are_read_as_pauses(dictated: str, read: str) -> None:
    assert without_dictation_fillers(dictated) == read


@pytest.mark.parametrize(
    ("dictated", "plain"),
    [
        ("哪些工作群可以那个撤掉", "哪些工作群可以撤掉"),
        ("表格一天一报那个谁受得了", "表格一天一报谁受得了"),
    ],
)
def test_a_dictated_question_gets_the_plain_answer(
    matcher: Matcher, dictated: str, plain: str
) -> None:
    expected = matcher.match(plain)
    got = matcher.match(dictated)
    assert expected.decision == got.decision == "answer"
    assert got.matches[0].fact.id == expected.matches[0].fact.id
