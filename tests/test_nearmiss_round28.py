"""Near misses of round 28 (responses/intent_cues.txt, unheldasks.py): a list of materials or a
procedure asked, a phone's storage cleared, a car for the trip, a document's articles counted,
overtime counted in hours, a tenure asked. The same words telling a burden or asking a measure are
still answered."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.normalize import normalize
from bot.search.unheldasks import UnheldAsks


@pytest.mark.parametrize(
    "question",
    [
        "迎检要准备的材料清单有没有，能发一份不",
        "会议室怎么预约啊？我们街道要开会，听说现在要提前在系统里报，流程是啥",
        "扶贫资金报账的流程是啥，要哪些材料",
        "群太多了，手机内存满了怎么清",
        "乡里的公车就一辆，下村只能自己开私家车",
        "中办那个减负通知一共多少条",
        "减负以后干部每月加班少了多少小时",
        "那个央金卓嘎当副主任当了多少年了",
    ],
)
def test_an_ask_no_measure_answers_is_declined(matcher: Matcher, question: str) -> None:
    assert not matcher.match(question).shown


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # 清单 of which groups go asks the six kinds; only a list of materials is a task's content
        ("哪些工作群应该解散啊，有没有个清单", "chat-groups-six-kinds"),
        # a procedure simplified is the measure
        (
            "村委会、第一书记、工作队、乡里都得签一遍，这流程能简化吗",
            "forms-fewer-signatures-photos",
        ),
        # the storage told full is a burden, not a device to clear
        ("干点啥都要拍照留痕，手机内存都满了", "forms-fewer-signatures-photos"),
        # 几条 of no document: the kinds of groups to cut
        ("精简工作群有几条标准", "chat-groups-six-kinds"),
    ],
)
def test_the_same_words_telling_a_burden_or_asking_a_measure_are_answered(
    matcher: Matcher, question: str, fact: str
) -> None:
    assert [f.id for f in matcher.match(question).shown][:1] == [fact]


def test_a_tenure_is_unheld_unless_their_facts_name_a_year() -> None:
    asks = UnheldAsks()
    assert asks.asked(normalize("她当副主任当了多少年了"), lambda: "现在县纪委牵头") == ("多少年",)
    assert (
        asks.asked(normalize("他在社区干了几年了"), lambda: normalize("自2017年12月到社区")) == ()
    )
    assert asks.asked(normalize("这几年会少了吗"), lambda: "") == ()
    assert asks.asked(normalize("近几年检查少了吗"), lambda: "") == ()
