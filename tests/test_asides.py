"""Framing around the ask (who asks, a sigh, dictated filler, a newcomer's excuse) is left out."""

from __future__ import annotations

import pytest

from bot.search import asides
from bot.search.asides import without_asides
from bot.search.matcher import Matcher


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("那个嗯就是说会太多怎么办", "会太多怎么办"),
        ("呃那个扶贫检查现在还看台账吗", "扶贫检查现在还看台账吗"),
        ("就是那个僵尸群要不要解散", "僵尸群要不要解散"),
        ("表格老改，就是说白干好几回", "表格老改，白干好几回"),  # filler after a comma
        ("嗯嗯然后就是群太多", "群太多"),
        ("那个会推到下周了", "那个会推到下周了"),  # a lone 那个 points at one meeting
        ("就是开会太多", "就是开会太多"),  # a lone 就是 stays
        ("真的要崩溃了，每月最多开几次会", "每月最多开几次会"),
        ("唉，群太多了", "群太多了"),
        ("群太多了 头都大了", "群太多了 "),
        ("数据平台崩溃了怎么办", "数据平台崩溃了怎么办"),  # a system that crashed
        ("我刚调过来没多久，会太多", "会太多"),
        ("刚来不久啥也不懂。会太多", "会太多"),
        # where the newcomer came to, and not knowing the ropes said alone, tell who asks
        ("刚毕业来街道，啥都不懂，会太多", "会太多"),
        ("刚到乡里工作，群太多", "群太多"),
        ("这个表看不懂，群太多", "这个表看不懂，群太多"),  # what is not understood is asked
        ("本人白沙乡党政办的，表格天天报", "表格天天报"),
        ("本人南岭村村支书！检查太多", "检查太多"),
        ("我在安宁县当办事员，群太多", "群太多"),
        ("打扰大家休息了，群太多", "群太多"),
        ("周一综合症犯了，群太多", "群太多"),  # a Monday mood, no Monday meeting
        ("开会时间有没有压缩 语音输入的不好意思", "开会时间有没有压缩 "),  # how it was typed
        # dictated with no stop, the introduction runs on into the ask: it stays
        (
            "会多得很，我是村里的文书啊就是一周填几张表啊有没有规定",
            "会多得很，我是村里的文书啊就是一周填几张表啊有没有规定",
        ),
        ("我是青石镇的网格员，gongzuoqun tai duo", "gongzuoqun tai duo"),  # a pinyin ask
        ("本人觉得会太多", "本人觉得会太多"),  # an opinion, not an introduction
        ("烦死了", "烦死了"),  # nothing else is said
        ("哈喽。街道的周例会能不能缩到半小时", "街道的周例会能不能缩到半小时"),
        ("大家好，在吗？群太多了", "群太多了"),
        ("你好", "你好"),
        ("我就是想问一下那个开会做笔记的事", "我就是想问一下开会做笔记的事"),
        ("请问那个人是谁", "请问那个人是谁"),  # a person pointed at
        ("我们镇人少事多，会太多", "会太多"),  # the setting of the ask
        ("年底了事情特别多，表太多", "表太多"),
        ("人少事多，怎么办", "人少事多，怎么办"),  # the workload is what is asked about
        ("我们这边活多，头都大了，怎么办", "我们这边活多，怎么办"),
        # 工作群 is what the document is about, no place of work
        ("我在整理工作群精简的材料，有例子吗", "我在整理工作群精简的材料，有例子吗"),
        ("我们村书记让我问问，检查组现在还翻台账吗", "检查组现在还翻台账吗"),  # relayed
        ("首先感谢这个平台，表太多有办法吗，最后祝工作顺利", "表太多有办法吗，"),
        # wishes beside no question stay: the message asks nothing
        ("新的一周开始了，祝大家工作顺利", "新的一周开始了，祝大家工作顺利"),
        # how the body or the mood took it: the burden stays, the complaint about it goes
        ("群太多了，翻消息翻得眼睛都花了", "群太多了，翻消息翻"),
        ("表作废了，心态崩了", "表作废了，"),
        ("手机一直响，吃饭睡觉都不安生", "手机一直响，"),
        ("系统崩了怎么办", "系统崩了怎么办"),  # a system that crashed
        ("眼睛花了", "眼睛花了"),  # nothing else is said
        # the asker's presence in the group they write to: no work group asked about
        ("兄弟姐妹们好 好久没在群里冒泡了 会太多了", "会太多了"),
        ("各位群友好，潜水很久了，检查太多怎么办", "检查太多怎么办"),
        ("第一次在群里发言，表太多有办法吗", "表太多有办法吗"),
        ("出来冒个泡，表太多", "表太多"),
        ("群里发言太多了", "群里发言太多了"),  # the group's chatter is the burden
        ("潜水很久了", "潜水很久了"),  # nothing else is said
    ],
)
def test_framing_is_left_out(typed: str, expected: str) -> None:
    assert without_asides(typed) == expected


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("那个嗯就是说每月最多开几次会", "meetings-twice-a-month"),
        ("真的要崩溃了，每月最多开几次会", "meetings-twice-a-month"),
        ("本人小河村党政办的，一个数据要填好几张表", "forms-one-figure-one-form"),
        ("加班弄完的表说作废就作废，心态崩了", "forms-stable-templates"),
    ],
)
def test_a_framed_question_is_answered_as_the_bare_one(
    matcher: Matcher, question: str, fact: str
) -> None:
    result = matcher.match(question)
    assert result.decision == "answer" and result.best and result.best.fact.id == fact


@pytest.mark.parametrize(
    "question",
    ["各位群友好，潜水很久了，问个事，检查太多怎么办", "好久没在群里冒泡了，会太多了怎么办"],
)
def test_the_group_the_asker_writes_in_is_no_work_group_asked_about(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.answered and result.shown
    assert all(f.topic != "chat-groups" for f in result.shown)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("感谢群主拉我进群！我们镇会太多", "我们镇会太多"),
        ("谢谢王书记邀请我进来，表太多了", "表太多了"),
        ("新人进群报到，检查太多了", "检查太多了"),
        ("天天被拉进群，烦死了", "天天被拉进群，"),  # a burden: being added to groups all day
        ("谢谢大家，群太多了", "谢谢大家，群太多了"),  # thanks alone is no joining
    ],
)
def test_thanks_for_being_added_to_the_group_is_an_aside(typed: str, expected: str) -> None:
    assert without_asides(typed) == expected


def test_thanks_for_joining_opens_no_work_group_topic(matcher: Matcher) -> None:
    result = matcher.match(
        "感谢群主拉我进群！我们镇最大的问题是会多，一个月十几个会，大家有没有压减的经验"
    )
    assert result.answered
    assert {f.topic for f in result.shown} == {"meetings"}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("最近真是崩溃，模板换了全部重填", "模板换了全部重填"),
        ("这两天烦死了，群太多", "群太多"),
        ("最近系统崩溃了怎么办", "最近系统崩溃了怎么办"),  # a system that crashed
    ],
)
def test_a_feeling_said_of_the_days_it_lasts_is_an_aside(typed: str, expected: str) -> None:
    assert without_asides(typed) == expected


def test_here_still_is_no_choice_between_two_things(matcher: Matcher) -> None:
    """我们这儿还是天天填: 还是 after the asker's place says "still"; read as 这儿 or 天天填,
    a choice asked between things no fact knows, it was an off-topic cue."""
    p = matcher.prepare("我们这儿还是天天填表")
    assert not p.analysis.cues
    assert matcher.match("我们这儿还是天天填表").matches[0].fact.id == "forms-weekly-cap"


def test_the_kinds_of_aside_as_one_alternation_find_what_each_finds() -> None:
    """One search over all kinds finds a clause an aside exactly when one kind matches it."""
    clauses = ["我是村里的扶贫专干", "尊敬的领导您好", "HELLO", "Emm", "唉", "我刚调过来没多久",
               "领导让我问一下", "好久没在群里冒泡了", "感谢群主拉我进群", "会太多怎么办", "那个",
               "群太多", "", "我在准备关于工作群的材料", "作为一名驻村干部"]  # fmt: skip
    for clause in clauses:
        expected = any(kind.match(clause) for kind in asides._ASIDES)
        assert asides._is_aside(clause) == expected, clause
    assert asides._is_aside("我是村里的扶贫专干") and not asides._is_aside("会太多怎么办")


def test_filler_after_an_ask_and_wishes_are_still_taken_out() -> None:
    """Searched only where 那个, 祝 or 谢 is, they are still found there."""
    assert asides._without_opening_filler("想问一下那个开会做笔记的事") == "想问一下开会做笔记的事"
    assert without_asides("最后祝工作顺利，会太多怎么办") == "会太多怎么办"


@pytest.mark.parametrize("apology", ["不好意思又来问了", "不好意思", "又来打扰了"])
def test_an_apology_for_asking_again_is_an_aside(apology: str) -> None:
    """又 in 又来问了 is the asker coming back, no burden of the facts (重复确认)."""
    assert without_asides(f"{apology}，年底检查扎堆怎么办") == "年底检查扎堆怎么办"


def test_an_apology_opens_no_topic_of_its_own(matcher: Matcher) -> None:
    result = matcher.match("您好，不好意思又来问了，年底各级检查扎堆能不能减少？")
    assert (result.decision, result.shape) == ("answer", "fact")
    assert result.matches[0].fact.id == "inspections-fewer-rounds"


def test_a_party_committee_meeting_is_a_meeting(matcher: Matcher) -> None:
    """党委会 is one of a township's meetings (党委会、专题会一个接一个), no unknown word."""
    analysis = matcher.prepare("党委会太多了").analysis
    assert "会议" in {t.term for t in analysis.terms} and "党委会" not in analysis.unknown
