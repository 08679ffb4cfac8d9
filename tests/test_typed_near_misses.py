"""Near misses written as people type them (responses/intent_cues.txt, round 26): a burden or a
scene told, then an ask no measure holds (who stamps, a group's owner, shrinking a photo, a
phone's location gone wrong, a layout, hosting a visit, documents counted, a room's air
conditioning, hands too few, where a paper goes, the same act offered two ways). The same words
asking for a measure are still answered."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher


@pytest.mark.parametrize(
    "question",
    [
        "联合检查的通知由哪个部门盖章？",
        "联合检查的通知单上要盖哪个公章",
        "齐琳手机里那30多个群的群主都是谁",
        "要求拍照上传，照片怎么压缩才传得上去？",
        "群里打卡的那个定位老是不准怎么办",
        "发表格给群众填的时候要注意啥格式",
        "检查组怎么接待",
        "减负年以来文件减少了多少份",
        "发文数量压减了百分之几",
        "会议室空调太冷了，坐一上午冻得够呛",
        "乡里就五个人，干着五十个人的活",
        "每天都要填表，要交到档案室吗",
        "签村书记还是签经办人",
        "天天开会，签到表签村书记还是签经办人",
        "材料交纸质的还是交电子的",
    ],
)
def test_an_ask_no_measure_answers_is_declined(matcher: Matcher, question: str) -> None:
    assert not matcher.match(question).shown


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # 盖章 is read as 签字: too many seals told is the forms' burden, no seal asked for
        ("一张表要盖好几个章签好几个字，能不能少点", "forms-fewer-signatures-photos"),
        # 压缩 of a meeting's length is the measure, not a file made smaller
        ("会议时间怎么压缩", "meetings-short-speeches"),
        # 群主 told as who keeps the groups, not asked who they are
        ("群主天天拉人建群，群越建越多", "chat-groups-six-kinds"),
        # 模板 changed is the templates' burden; no layout is asked
        ("表格模板老是换，填好的全作废了", "forms-stable-templates"),
        # 签 told as a burden, and a choice between two counts of the article's own measure
        ("签字太多了，能不能少签几个", "forms-fewer-signatures-photos"),
        ("找人签字跑断腿，有什么办法", "forms-fewer-signatures-photos"),
        ("一周填一张表还是填两张", "forms-weekly-cap"),
    ],
)
def test_the_same_words_asking_a_measure_are_answered(
    matcher: Matcher, question: str, fact: str
) -> None:
    assert [f.id for f in matcher.match(question).shown][:1] == [fact]
