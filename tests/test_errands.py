"""An errand's address or way asked (responses/intent_cues.txt): where a paper goes (要交到档案室吗)
and the same act offered two ways (签村书记还是签经办人) ask no measure; a signing burden told
with the same words is still answered."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher


@pytest.mark.parametrize(
    "question",
    [
        "每天都要填表，要交到档案室吗",
        "签村书记还是签经办人",
        "天天开会，签到表签村书记还是签经办人",
        "材料交纸质的还是交电子的",
    ],
)
def test_an_errand_asked_is_declined(matcher: Matcher, question: str) -> None:
    assert not matcher.match(question).shown


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("签字太多了，能不能少签几个", "forms-fewer-signatures-photos"),
        ("找人签字跑断腿，有什么办法", "forms-fewer-signatures-photos"),
        ("一周填一张表还是填两张", "forms-weekly-cap"),
    ],
)
def test_a_signing_or_forms_burden_is_still_answered(
    matcher: Matcher, question: str, fact: str
) -> None:
    assert [f.id for f in matcher.match(question).shown][:1] == [fact]
