"""Words that wrap an ask say nothing of what is asked (round 28, chatty messages and requests):
a rule asked for (新规矩), others' practice (别人), not allowed (不让), a report's source (同事说),
a township's offices (站所), politeness (有劳, 问一嘴), a newcomer's excuse (刚毕业来街道)."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("开会这块现在有啥新规矩没", "meetings"),
        ("表格减负这块有没有别人现成的经验，我们也想学学", "forms"),
        ("有劳各位，工作群太多有什么好办法", "chat-groups"),
        ("就想问一嘴，群能不能少点", "chat-groups"),
    ],
)
def test_a_topic_asked_in_wrapping_is_that_topic(
    matcher: Matcher, question: str, topic: str
) -> None:
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.matches[0].fact.topic == topic
    assert not result.analysis.unknown


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("不让基层加班重填表，有没有地方明确过这个", "forms-stable-templates"),
        ("同事说'今年各类督查检查要合并了'，是真的吗？有没有具体的做法", "inspections-joint"),
        (
            "哎 年底了 一天到晚在会上坐着 领导讲完分管的讲 分管的讲完各站所讲 "
            "有没有办法让每个人少讲点",
            "meetings-short-speeches",
        ),
        (
            "刚毕业来街道，啥都不懂，开会时领导一讲就一个钟头，我们在下面记笔记记到手酸，这个正常吗？"
            "有没有地方把领导讲话时间也管起来的",
            "meetings-short-speeches",
        ),
    ],
)
def test_a_wrapped_ask_is_answered(matcher: Matcher, question: str, fact: str) -> None:
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.matches[0].fact.id == fact


@pytest.mark.parametrize(
    "question",
    [
        "乡里管填表的是哪个同事",  # the colleague alone is asked about
        "会议记录本被同事拿错了",
        "不好意思我刚来，大家说的文山会海这个词是啥意思？",  # a word asked about as a word
        "请问“文山会海”这个词最早出自哪里？",
    ],
)
def test_what_the_wrapping_words_leave_asked_is_still_declined(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).decision == "decline"
