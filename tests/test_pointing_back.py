"""A story told sentence by sentence, then one ask pointing back at it, is one question."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.pointing_back import asks_of_story


@pytest.mark.parametrize(
    "text",
    [
        "早上入户拍照发群。中午开会截图发群。上面说过不能这样吗",
        "教育口来要人数，医疗口又来要。同一个数啊！！别处也这样吗",
    ],
)
def test_a_story_then_an_ask_pointing_back(text: str) -> None:
    assert asks_of_story(text)


@pytest.mark.parametrize(
    "text",
    [
        "会太多怎么办？群也多，这种情况咋整",  # the first sentence asks on its own
        "早上入户拍照发群。中午开会截图发群",  # nothing asked
        "会太多。群太多。怎么减",  # the ask points at nothing told
        "这种群能退吗",  # one sentence
        "群太多了，天天刷不完\n这种有办法吗",  # one line told: read item by item as before
        "会太多\n表太多\n群太多\n这几样怎么一起减",  # a list's shared ask (sharedask.py)
        "开会多。填表多。以上这些有啥好办法",  # the same, told sentence by sentence
    ],
)
def test_other_messages_are_no_one_story(text: str) -> None:
    assert not asks_of_story(text)


def test_the_story_is_answered_whole_not_sentence_by_sentence(matcher: Matcher) -> None:
    """Read as three asks, each sentence pulled its own topic's fact in front of the one the
    story is about (photos sent to the group as proof of work)."""
    question = "早上入户拍照发群。中午开会截图发群。晚上走访录视频发群。上面说过不能这样吗"
    shown = [f.id for f in matcher.match(question).shown]
    assert shown[:1] == ["chat-groups-no-screenshot-evaluation"]
    assert "meetings-twice-a-month" not in shown
