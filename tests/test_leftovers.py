"""Links, mentions, tags, entities, emoticon codes and invisible characters around a
question change nothing about the answer."""

from __future__ import annotations

import pytest

from bot.search.leftovers import SCANNED_CHARS, without_invisible, without_leftovers
from bot.search.matcher import Matcher
from bot.search.normalize import normalize


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("https://mp.weixin.qq.com/s/AbC123 这篇说的群", "这篇说的群"),
        ("看了 www.baidu.com 搜不到", "看了 搜不到"),
        ("xxx.gov.cn/login?a=1 密码", "密码"),
        ("[一个数据填多份表](https://example.com/a) 怎么解决", "[一个数据填多份表]( 怎么解决"),
        ("@jianfu_bot 开会太多", "开会太多"),
        ("@全体成员 检查组", "检查组"),
        ("@所有人：表格", "：表格"),
        ("&lt;b&gt;截图&lt;/b&gt;", "截图"),
        ("台账&nbsp;不下村", "台账 不下村"),
        ('<span style="color:red">讲话太长</span>', "讲话太长"),
        ("讲话太长[捂脸][OK]", "讲话太长"),
        ("开\u200b会\u200d太\ufeff多\u00ad", "开会太多"),
        ("张三 10:30 表格太多", "张三 表格太多"),
        ("2024-05-06 09:15:02 群太多", "群太多"),
        ("IMG_20240506_1030.jpg 截图代替评价", "截图代替评价"),
    ],
)
def test_leftovers_are_dropped(text: str, left: str) -> None:
    assert " ".join(without_leftovers(text).split()) == left


def test_words_beside_a_mention_or_in_brackets_stay() -> None:
    """A name typed straight on (@张三群太多) is not swallowed whole, nor a long bracket."""
    assert without_leftovers("@张三群太多") == "@张三群太多"
    assert without_leftovers("[会议太多了吧]") == "[会议太多了吧]"
    assert without_leftovers("[这篇](http://x.com)").startswith("[这篇]")


def test_invisible_characters_do_not_split_words() -> None:
    assert without_invisible("开\u200b会") == "开会"
    assert normalize("开\u200b会\u2060太多\u200e") == "开会太多"


def test_counts_stay() -> None:
    """A figure is no time: 30分钟, 开会时长：30分钟 and 2017年12月 keep their numbers."""
    for text in ("会只开30分钟", "开会时长：30分钟", "2017年12月以来"):
        assert without_leftovers(text) == text


def test_a_pasted_chat_line_is_not_counted(matcher: Matcher) -> None:
    """张三 10:30 is when the line was sent, not 10 and 30 minutes (开短会)."""
    plain = matcher.match("表格太多了怎么办")
    stamped = matcher.match("张三 10:30\n表格太多了怎么办")
    assert stamped.matches[0].fact.id == plain.matches[0].fact.id
    assert stamped.matches[0].fact.topic == "forms"


def test_a_long_message_costs_its_start_only() -> None:
    assert len(without_leftovers("a." * 50_000)) <= SCANNED_CHARS


@pytest.mark.parametrize(
    "dressed",
    [
        "@jianfu_bot 会太多怎么办",
        "https://mp.weixin.qq.com/s/AbC123 会太多怎么办",
        "会太多怎么办[捂脸][捂脸]",
        "&lt;b&gt;会太多怎么办&lt;/b&gt;",
        "会\u200b太\u200b多\u200b怎么办",
    ],
)
def test_dressed_question_gets_the_plain_answer(matcher: Matcher, dressed: str) -> None:
    plain = matcher.match("会太多怎么办")
    result = matcher.match(dressed)
    assert result.decision == plain.decision == "answer"
    assert result.matches[0].fact.id == plain.matches[0].fact.id


def test_a_link_alone_is_no_question(matcher: Matcher) -> None:
    assert matcher.match("https://www.example.com/abc").decision != "answer"
