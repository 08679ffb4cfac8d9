"""A message asking several things, item by item: each item keeps the fact it gets alone."""

from __future__ import annotations

import pytest

from bot.search.items import items
from bot.search.matcher import Matcher
from bot.search.together import conclude as conclude_whole


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("会太多怎么办？还有表格太多", ["会太多怎么办", "还有表格太多"]),
        ("1. 会太多\n2. 表太多", ["会太多", "表太多"]),
        ("1、会太多 2、表太多 3、群太多", ["会太多", "表太多", "群太多"]),
        ("(1)能不能去农户家看看；(2)模板别老换", ["能不能去农户家看看", "模板别老换"]),
        ("①会多②表多", ["会多", "表多"]),
        ("一、会多\n二、表多", ["会多", "表多"]),
        ("第一，会多。第二，表多", ["会多", "表多"]),
        (
            "同一件事开好几次会，能不能合并成一次，另外群太多",
            ["同一件事开好几次会，能不能合并成一次", "群太多"],
        ),
        ("讲话怎么控时。再问一下，群清理了多少个", ["讲话怎么控时", "群清理了多少个"]),
        ("会议记录要写多细以及群太多", ["会议记录要写多细", "群太多"]),
        ("签名能少几个吗，还有文件转一遍就完事", ["签名能少几个吗", "还有文件转一遍就完事"]),
        ("一是会太多，二是表太多，怎么办", ["会太多", "表太多，怎么办"]),
        ("檢查一個接一個，還有就是群太多了", ["檢查一個接一個", "群太多了"]),
        ("会太多\n怎么减少填表", ["会太多", "怎么减少填表"]),  # a burden told is an item
        ("会议\n表格\n怎么减", ["会议", "表格", "怎么减"]),  # a list stays a list
        ("群天天打卡，同时我想问下年假怎么休", ["群天天打卡", "我想问下年假怎么休"]),
        ("检查太多，并且食堂太贵", ["检查太多", "食堂太贵"]),
        ("签名签到手软，再一个就是会也多", ["签名签到手软", "会也多"]),
    ],
)
def test_marks_that_end_a_question_or_open_another_split_items(
    message: str, expected: list[str]
) -> None:
    assert items(message) == expected


@pytest.mark.parametrize(
    "message",
    [
        "会多，表多",  # a list of clauses: parts.py reads it
        "会议和检查都太多了",
        "领导讲话不超过3分钟，2个人发言",  # a count, not a list number
        "一周1.5次会议",
        "群太多，还有没有别的办法",  # asks for more of the same
        "第二天开会，第三方评估",  # counts, not points of a list
        "会太多怎么办？",  # one item and an empty one
        "嗯。会太多",  # a piece too short to ask anything
        "政务APP\n怎么更新到最新版本",  # one question sent in two bursts
        "怎么办？手机老是卡",  # a bare ask, then what it asks about
        "会多，表多，能不能同时减一减",  # 同时 asking for both at once opens no item
    ],
)
def test_a_single_question_has_no_items(message: str) -> None:
    assert items(message) == []


def _shown(matcher: Matcher, question: str) -> list[str]:
    return [fact.id for fact in matcher.match(question).shown]


def test_each_item_keeps_the_fact_it_gets_alone(matcher: Matcher) -> None:
    alone = "同一件事开好几次会，能不能合并成一次"
    assert _shown(matcher, alone) == ["meetings-one-topic-once"]
    joined = alone + "？另外工作群太多了"
    shown = _shown(matcher, joined)
    assert shown[0] == "meetings-one-topic-once"
    assert [matcher.kb.by_id[f].topic for f in shown] == ["meetings", "chat-groups"]
    # Read clause by clause, 同一件事开好几次会 names meetings only; 好几次 held on one subject
    # named (同一件事) is the same again, not how many (sibling_marks.yaml).
    whole = conclude_whole(matcher.prepare(joined), matcher.thresholds)
    assert whole.shown[0].topic == "meetings"
    assert whole.shown[0].id != "meetings-twice-a-month"


def test_a_count_asked_in_one_item_keeps_its_fact(matcher: Matcher) -> None:
    assert _shown(matcher, "工作群清理了多少个") == ["chat-groups-190-dissolved"]
    shown = _shown(matcher, "讲话时间怎么控制。还有，工作群清理了多少个")
    assert shown == ["meetings-short-speeches", "chat-groups-190-dissolved"]
    result = matcher.match("讲话时间怎么控制。还有，工作群清理了多少个")
    assert result.decision == "answer" and result.shape == "several"
    assert [m.fact.id for m in result.matches[:2]] == shown


def test_a_message_without_items_is_read_as_before(matcher: Matcher) -> None:
    p = matcher.prepare("会多，表多")
    assert p.items == ()
    assert matcher.match("会多，表多").shown == conclude_whole(p, matcher.thresholds).shown


def test_items_on_one_topic_leave_the_whole_reading(matcher: Matcher) -> None:
    question = "会太多了。领导讲话也太长"
    p = matcher.prepare(question)
    assert len(p.items) == 2
    assert matcher.match(question) == conclude_whole(p, matcher.thresholds)


def test_an_item_own_fact_claims_its_topic_before_another_items_further_facts(
    matcher: Matcher,
) -> None:
    """开会记笔记还要被检查吗 alone answers meetings and checks; the next item asks the checks."""
    first = matcher.match("开会记笔记还要被检查吗")
    assert [f.topic for f in first.shown] == ["meetings", "inspections"]
    assert first.shown[1].id != "inspections-joint"
    shown = _shown(matcher, "开会记笔记还要被检查吗，另外好几个部门分别来检查，能合并吗")
    assert shown == ["meetings-light-records", "inspections-joint"]


def test_past_three_topics_another_items_further_facts_give_way(matcher: Matcher) -> None:
    """Three items, three topics: the first item's passing mention of checks is left out."""
    shown = _shown(
        matcher, "开会记笔记还要被检查吗；另外统一数据平台有啥用；另外一会儿不看群就上百条消息"
    )
    assert [matcher.kb.by_id[f].topic for f in shown] == ["meetings", "forms", "chat-groups"]
    assert shown[:2] == ["meetings-light-records", "forms-data-platform"]


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        ("孩子的学费怎么交？另外群太多了，手机天天响", "chat-groups-too-many-pinned"),
        ("1. 车牌摇号怎么报名\n2. 每月开会最多几次", "meetings-twice-a-month"),
        ("每月开会最多几次；顺便问一句，公积金怎么提取", "meetings-twice-a-month"),
        # A further item, marked so, asks what no measure gives, though a word of it names a
        # topic (会 in 明天会下雨吗, 补贴 beside 标准): it still asks about something else.
        ("明天会下雨吗；还有一会儿不看群就上百条消息怎么办", "chat-groups-too-many-pinned"),
        ("多久填一次表。还有个问题：今年种粮补贴标准是多少", "forms-weekly-cap"),
    ],
)
def test_an_item_about_something_else_leaves_the_others_answer(
    matcher: Matcher, message: str, fact: str
) -> None:
    """Read whole, the other item's words sink the one the facts answer; per item, it keeps
    its fact and nothing is said of the other."""
    assert matcher.match(message).decision == "answer"
    assert _shown(matcher, message)[0] == fact


def test_an_item_naming_a_topic_keeps_the_decline(matcher: Matcher) -> None:
    """会议室怎么预约 names no topic yet shares its words: the whole reading decides."""
    p = matcher.prepare("公积金怎么提取？还有会议室怎么预约")
    assert len(p.items) == 2
    assert matcher.match("公积金怎么提取？还有会议室怎么预约").decision == "decline"
    # Two lines with no mark of a further item are one question sent in two bursts.
    assert matcher.match("例会取消了没\n群里咋没通知").decision == "decline"


def test_a_third_column_is_no_third_item() -> None:
    assert items("这张表怎么填，第三栏看不懂") == []


def test_a_long_item_is_read_with_its_own_ask(matcher: Matcher) -> None:
    """A long item tells its story before it asks (…一年到头都在迎检，哪里真的减少了迎检次数):
    sent alone, its ask read alone answers it (asked.py); as an item it does the same."""
    item = "我们领导一听说要检查就让全乡加班补材料，一年到头都在迎检，哪里真的减少了迎检次数"
    assert matcher.match(item).decision == "answer"
    message = f"表格天天来，真的填不动了，还有就是群太多了，消息根本看不过来，还有{item}"
    result = matcher.match(message)
    assert (result.decision, result.shape) == ("answer", "several")
    assert [m.fact.topic for m in result.several] == ["forms", "chat-groups", "inspections"]


def test_an_item_opened_by_tongshi_keeps_its_answer(matcher: Matcher) -> None:
    """工作群天天打卡截图，同时我想问下…: 同时 opens a further item; the stranger is left out."""
    message = "工作群天天打卡截图，同时我想问下职称评审什么时候开始"
    assert matcher.match(message).decision == "answer"
    assert _shown(matcher, message)[0] == "chat-groups-no-screenshot-evaluation"


def test_sentences_opening_as_further_items_are_a_list_not_a_story(matcher: Matcher) -> None:
    """天天这样 in the last item points at that item's own burden, not back at a story."""
    message = "会太多。还有就是群的事儿。还有就是同一个数字县里各个部门都来要，天天这样，怎么一起减"
    result = matcher.match(message)
    assert (result.decision, result.shape) == ("answer", "several")
    assert [m.fact.topic for m in result.several] == ["meetings", "chat-groups", "forms"]


@pytest.mark.parametrize(
    "message",
    [
        "唉，这周忙死了，开了好几个会。想问问大家，乡镇干部的年休假一般是怎么安排的",
        "我们镇干部就十来个人，事情多得要命。问个事，公务员遴选考试一般考什么内容",
        "开会的时候领导让我负责做会议记录。想问一下会议室的投影仪连不上电脑怎么办",
    ],
)
def test_a_story_then_an_ask_about_something_else_is_declined(
    matcher: Matcher, message: str
) -> None:
    """The story's item alone would answer; the one item that asks asks of something no fact
    knows."""
    p = matcher.prepare(message)
    assert len(p.items) == 2
    assert matcher.match(p.items[0].query).answered
    assert matcher.match(message).decision == "decline"


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        ("表格模板老换。这种情况找谁反映", "forms-stable-templates"),  # a vague ask points back
        ("会议记录要求太严，另外年休假怎么申请", "meetings-light-records"),  # a further item
        ("会又臭又长。再问一下，买裙子哪家好", "meetings-short-speeches"),  # marked as one
        ("手机里三十多个工作群看不过来\n明天会不会下雨呀", "chat-groups-too-many-pinned"),  # a line
        ("开会太多了。怎么办？", "meetings-twice-a-month"),  # the ask is the story's
        # background told after the ask: 前几天, 这几年 count no ask
        (
            "会开得又臭又长！说下背景，我在长林乡当社区主任，干了8年了，前几天刚从县里培训回来",
            "meetings-short-speeches",
        ),
        (
            "年底市里、省里、县里的检查评估扎堆来！说下情况，长林乡，干基层这几年头发都白了一半",
            "inspections-fewer-rounds",
        ),
    ],
)
def test_a_last_ask_pointing_back_or_marked_further_keeps_the_answer(
    matcher: Matcher, message: str, fact: str
) -> None:
    assert matcher.match(message).answered
    assert fact in _shown(matcher, message)


def test_a_broad_ask_naming_nothing_asks_back_and_claims_no_topic(matcher: Matcher) -> None:
    """有没有具体的做法, alone, gets an overview of every topic; after a colleague's words on
    inspections it asks about those, and adds no topic (截图 of the work groups) of its own."""
    asked = "有没有具体的做法"
    alone = matcher.match(asked)
    assert alone.overview and len({m.fact.topic for m in alone.several}) >= 2
    result = matcher.match("同事说'今年各类督查检查要合并了'，是真的吗？" + asked)
    assert {f.topic for f in result.shown} <= {"inspections"}


def test_a_broad_ask_pointing_back_at_one_topic_gets_its_fact(matcher: Matcher) -> None:
    """The items before 有没有好办法 answer one topic (a platform asked for): its fact answers
    alone, without the overview's other topics the broad ask would give on its own."""
    result = matcher.match(
        "村里老人来办事，身份信息确认了又确认。想问：有统一平台的做法吗？人都快熬干了，有没有好办法"
    )
    assert result.decision == "answer"
    assert result.shown[0].id == "forms-data-platform"
    assert {f.topic for f in result.shown} == {"forms"}


def test_the_item_asking_of_another_topic_leads_the_items_that_only_tell(
    matcher: Matcher,
) -> None:
    """The week of inspections is told; the meeting is asked: its fact comes first."""
    shown = _shown(
        matcher, "上周迎检迎了三次，人都麻了。另外想知道同一个主题的会是不是只开一次就行"
    )
    assert shown[0] == "meetings-one-topic-once"
    shown = _shown(matcher, "手机里群太多我都关了提醒。顺便问问，督查检查现在谁来牵头，是不是纪委")
    assert shown[0] == "inspections-discipline-lead"


@pytest.mark.parametrize(
    ("message", "first_topic"),
    [
        # the ask names the topic the story told: the order asked in stays
        (
            "扶贫这块检查太多了，市里查完省里查，省里查完县里交叉查，还有第三方评估，"
            "老百姓都被问烦了，基层的检查到底能不能少点",
            "inspections",
        ),
        # the asks name no topic: they point back at the story
        (
            "我们镇现在考核就看群里发的工作照片和视频，拍得多就是干得好。这样评价工作合理吗？"
            "有没有文件说不能这样",
            "chat-groups",
        ),
    ],
)
def test_an_ask_on_the_story_topic_or_pointing_back_keeps_the_order_asked(
    matcher: Matcher, message: str, first_topic: str
) -> None:
    result = matcher.match(message)
    assert result.answered
    assert result.shown[0].topic == first_topic
