"""How a question is framed in a chat, read as the plain question it frames."""

from __future__ import annotations

import pytest

from bot.search.frames import bursts_joined, plain_frame
from bot.search.matcher import Matcher


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("政法工作这块，怎么抓", "政法工作怎么抓"),
        ("群聊的事，怎么改成只有群主能发言", "群聊怎么改成只有群主能发言"),
        ("手机太卡了这个事，咋办", "手机太卡了咋办"),
        ("怎么办？手机老是卡", "手机老是卡怎么办"),
        ("咋弄呢 手机长截图", "手机长截图咋弄"),
        # after a story of several clauses, the ask is a clause of its own
        ("咋整啊，每天要上传工作照片，不传要扣分", "每天要上传工作照片，不传要扣分，咋整"),
        ("难道同一主题的会就不能合并成一次吗？", "同一主题的会能不能合并成一次？"),
        ("手机里的工作群比好友还多，难道就没人管管吗？", "手机里的工作群比好友还多"),
        ("政务APP\n怎么更新到最新版本", "政务APP怎么更新到最新版本"),
        # who said something in the article is asked as 是谁 is
        ("说不用再让群众重复确认的是哪位？", "说不用再让群众重复确认的是谁？"),
        ("讲会议只开半小时的是哪个人呀", "讲会议只开半小时的是谁呀"),
    ],
)
def test_a_frame_reads_as_the_plain_question(typed: str, plain: str) -> None:
    assert plain_frame(typed) == plain


@pytest.mark.parametrize(
    "typed",
    [
        "督查检查方面有哪些好做法",  # a topic asked as a whole keeps its 方面
        "会议这块，有哪些好做法",
        "会能不能少开点",  # 能不能 is no rhetorical 不能…吗
        "材料一样不能少，累死",  # 不能 told, not asked
        "好多群早就没人说话了",  # 没人 is what the groups lack here
        "怎么办，会太多了吗",  # what follows the bare ask asks again
        "没人管吗",  # nothing else is asked
        "会太多怎么办？\n表格呢",  # the first line asks already
        "会太多。\n怎么办",  # the first line ends a sentence
        "管台账的是哪位",  # who holds a post, not who said something
        "说这话的是哪位领导",  # which official: the cues read it
    ],
)
def test_what_is_no_frame_stays_as_typed(typed: str) -> None:
    assert plain_frame(typed) == typed


def test_only_a_line_opening_with_an_ask_joins_the_one_before() -> None:
    assert bursts_joined("群太多\n手机都要炸了") == "群太多\n手机都要炸了"
    assert bursts_joined("工作群\n能不能少建几个") == "工作群能不能少建几个"


def test_a_framed_near_miss_is_declined_as_its_plain_form(matcher: Matcher) -> None:
    for typed in ("政法工作这块，怎么抓", "咋弄呢 手机长截图", "政务APP\n怎么更新到最新版本"):
        assert matcher.match(typed).decision == matcher.match(plain_frame(typed)).decision
        assert not matcher.match(typed).answered


def test_a_framed_burden_keeps_its_answer(matcher: Matcher) -> None:
    plain = matcher.match("手机里的工作群比好友还多")
    framed = matcher.match("手机里的工作群比好友还多，难道就没人管管吗？")
    assert framed.answered and framed.matches[0].fact.id == plain.matches[0].fact.id


def test_who_said_a_measure_is_answered_as_who_said_it(matcher: Matcher) -> None:
    asked = matcher.match("说不用再让群众重复确认的是哪位")
    assert asked.answered and asked.matches[0].fact.id == "forms-data-platform"
    assert not matcher.match("管台账的是哪位").answered  # a post's holder: no measure
