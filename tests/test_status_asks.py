"""The state of one thing, a document's number, a person's character, work done for the asker:
asked in the facts' words, none of them asks for a measure (responses/intent_cues.txt)."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher


@pytest.mark.parametrize(
    "question",
    [
        "督查通报出来没，有没有点我们村的名",
        "今天下午的例会是不是改时间了",
        "一个月只能开两次会是哪个文件规定的",
        "帮我把群里的打卡统计一下",
        "填表填错了还能改吗",
        "今天还开会吗",
    ],
)
def test_a_near_miss_in_the_facts_words_is_declined(matcher: Matcher, question: str) -> None:
    assert not matcher.match(question).shown


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("工作群太多手机都卡死了", "chat-groups-too-many-pinned"),
        ("会议记录还要交吗", "meetings-light-records"),
        ("一个月最多开两次会是真的吗", "meetings-twice-a-month"),
    ],
)
def test_a_look_alike_that_asks_for_a_measure_is_answered(
    matcher: Matcher, question: str, fact: str
) -> None:
    assert [f.id for f in matcher.match(question).shown][:1] == [fact]
