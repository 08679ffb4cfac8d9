"""Near misses in round 27's voices (a newcomer, our own county, loan words, a second question
after a first): a post's duties, equipment handed out, an errand's steps, a clock-in made up,
who fills a form in or holds a post besides their own are declined; the same voices asking a
measure are answered (responses/intent_cues.txt)."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher


@pytest.mark.parametrize(
    "question",
    [
        # what a post is or does
        "乡党委副书记管哪些事",
        "新来的，不懂就问：第一书记和村支书是一个人吗？",
        "我们县也是政法和信访一起开会，政法委书记一般由谁兼任？",
        # a tool's working, an errand's steps, a clock-in made up, who fills a form in
        "我们乡让每天在APP上打卡签到，漏打了能补卡吗？",
        "OA发文要走哪几个环节？",
        "企业微信怎么建群发公告？",
        "我们县也有数据平台，平台上的数据多久同步一次？",
        "KPI考核表谁来填？",
        "我们县纪委也牵头督查，督查通报会发到哪些群？",
        "我们县也实行一周一表，那周末填的表算哪一周的？",
        # a load told as eased, then an ask no measure holds
        "工作群精简完了，手机清爽多了。工作手机能不能由单位配？",
        "微信怎么清理缓存？",
    ],
)
def test_a_near_miss_in_a_new_voice_is_declined(matcher: Matcher, question: str) -> None:
    assert not matcher.match(question).shown


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("敖再生分管什么工作", "meetings-one-topic-once"),  # a person named: their card tells
        ("会议时间确实短了。另外想问，领导讲话现在限时吗？", "meetings-short-speeches"),
        (
            "签字少了很多，挺好。另外请问现在拍照还要每个环节都拍吗？",
            "forms-fewer-signatures-photos",
        ),
        ("表格少多了。另外问下，上级换模板的事情有人管吗？", "forms-stable-templates"),
        ("我们县也是各部门分头来查，有没有地方改成一起查的？", "inspections-joint"),
    ],
)
def test_the_same_voice_asking_a_measure_is_answered(
    matcher: Matcher, question: str, fact: str
) -> None:
    assert [f.id for f in matcher.match(question).shown][:1] == [fact]
