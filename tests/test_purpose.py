"""What the answer is for (写材料要用, 给新来的干部讲讲) and the weighing of measures (哪种办法最
管用) are framing: taken out before ranking, unless the document is what is asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.kb import load_kb
from bot.search.matcher import Matcher
from bot.search.purpose import Purposes

without_purpose = Purposes(load_kb().purpose_words).without


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("简报里要用，求一个少开会的例子", "，求一个少开会的例子"),
        ("写个调研报告，想要一个检查合并的案例", "，想要一个检查合并的案例"),
        ("给刚来的年轻干部讲讲工作群为啥要精简", "工作群为啥要精简"),
        ("开会这块哪种做法最管用", "开会这块 做法"),
        ("填表减负几个办法里哪个更靠谱", "填表减负 办法里哪个"),
        ("督查检查减负的几种辙，哪个最管用", "督查检查减负的 辙，哪个"),  # 辙: a way, said plainly
        ("开会这块哪种法子最管用", "开会这块 法子"),
        ("想跟县里反映一下迎检太多，有合并检查的例子吗", "想 迎检太多，有合并检查的例子吗"),
        ("请发我几个少签字的案例", "少签字的案例"),
        ("会开短了，有没有数据支撑？", "会开短了，多少 ？"),  # data asked: a figure
        ("手机变轻了，有数支撑吗", "手机变轻了，多少 吗"),  # 数 said for 数据
        ("联合检查究竟有没有用", "联合检查"),
        ("想要一个群少了多少的数字", "想要一个群少了多少"),
        # the data of an effect asked for is a figure asked, not the forms topic's 数据
        ("检查减负的数据", "检查减负多少"),
        ("工作群精简方面的具体数字", "工作群精简方面多少"),
        ("做宣传展板，需要一个会议变短的数据", "，需要一个会议变短多少"),
        # a document about the subject asked: the subject stays
        ("我在准备一份关于整治工作群的调研材料，有做法吗", "我在 整治工作群 ，有做法吗"),
        ("写个会议减负的汇报，有没有例子", "会议减负 ，有没有例子"),
        ("麻烦整理一份开会减负的经验给我", "麻烦 开会减负的经验给我"),  # material gathered
        # compiling the cases asked in the same clause: the asker's work
        ("开会这方面的好经验汇总一下", "开会这方面的好经验"),
        ("请帮我整理一下减少开会次数的做法", "请 减少开会次数的做法"),
        ("帮我整理一下工作群瘦身的效果", "工作群瘦身的效果"),
        # a gathering still to come, or the material's use there
        ("下周要开减负推进会，有没有填表减负的好例子", "，有没有填表减负的好例子"),
        ("经验交流会上想讲讲联合检查，有案例吗", "上想讲讲联合检查，有案例吗"),
        # a meeting where the asker will speak
        ("周一例会上要讲讲工作群瘦身，求几个例子", "周一 要讲讲工作群瘦身，求几个例子"),
        ("我要在会上发言讲怎么少填表，帮我找点例子", "讲怎么少填表，帮我找点例子"),
        ("给大家开个小会讲讲迎检减负，有案例吗", "给大家 讲讲迎检减负，有案例吗"),
    ],
)
def test_framing_is_taken_out(text: str, kept: str) -> None:
    assert " ".join(without_purpose(text).split()) == kept


@pytest.mark.parametrize(
    "text",
    [
        "帮我写个讲话稿",  # work done for the asker: no case asked for
        "检查组只看材料不看实际",  # 材料 the inspection reads
        "迎检材料要用什么盒子装",  # what to use, not what it is for
        "每人发言用时不超过三分钟",  # 发言 is the subject, 用时 its length
        "作秀群形式大过实用",  # 实用 said of the groups, no weighing
        "把会议记录模板发我一份",  # a file sent, no case asked for
        "有没有数据共享的平台",  # 数据 of the platform, not proof asked
        "县里各部门都来要的数据",  # the figure reported again and again
        "帮我写一份会议减负的汇报",  # a document written for the asker, no case asked for
        "有没有好的做法，比如开会的经验",  # 做法 keeps its 做: no count after it
        "开了推进会又开部署会，有没有合并开的例子",  # meetings held, the burden told
        "交流会太多了，有没有少开会的例子",
        "会上都要讲一个小时，有没有限时的例子",  # the talk too long is the burden
        "帮我把各村的做法汇总一下",  # the asker's own things handed over: a task
        "帮我把表汇总一下",  # no case asked for
        # the case is asked in another clause than the compiling
        "让我整理一下别的地方是怎么精简会议的，大家有经验的可以分享一下吗",
    ],
)
def test_the_same_words_elsewhere_stay(text: str) -> None:
    assert without_purpose(text) == text


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("检查减负的数据", "inspections-fewer-rounds"),  # not the data platform
        ("开会减负的数据", "meetings-twice-a-month"),
        ("工作群精简有具体数据吗", "chat-groups-phone-lighter"),  # the number cut
    ],
)
def test_data_asked_of_an_effect_gets_that_topics_figure(
    matcher: Matcher, question: str, fact: str
) -> None:
    assert [f.id for f in matcher.match(question).shown][:1] == [fact]


def test_a_case_for_a_report_gets_the_fact_asked_about(matcher: Matcher) -> None:
    shown = matcher.match("年终汇报材料里要用，有没有同一主题只开一次会的例子").shown
    assert [f.id for f in shown][:1] == ["meetings-one-topic-once"]


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("开会这方面的好经验汇总一下", "meetings-twice-a-month"),  # the topic's lead
        ("帮我整理一下工作群瘦身的效果，手机是不是轻了", "chat-groups-phone-lighter"),
    ],
)
def test_compiling_the_cases_asked_gets_them(matcher: Matcher, question: str, fact: str) -> None:
    assert [f.id for f in matcher.match(question).shown][:1] == [fact]


def test_writing_for_the_asker_is_still_declined(matcher: Matcher) -> None:
    assert not matcher.match("帮我写一份关于迎检的总结，三千字").shown


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("联合检查是怎样推行的", "inspections-joint"),
        ("群少一半这个成效是如何实现的", "chat-groups-phone-lighter"),
    ],
)
def test_how_a_measure_was_carried_out_asks_for_it(
    matcher: Matcher, question: str, fact: str
) -> None:
    """落地, 实现, 推行 after 怎么/如何 ask how the measure was done, not how to operate."""
    assert [f.id for f in matcher.match(question).shown][:1] == [fact]


PURPOSE_FILE = "responses/purpose_words.yaml"


def test_without_the_file_nothing_is_framing(kb_copy: Path) -> None:
    (kb_copy / PURPOSE_FILE).unlink()
    purposes = Purposes(load_kb(kb_copy).purpose_words)
    assert purposes.without("写材料要用，求一个少开会的例子") == "写材料要用，求一个少开会的例子"


def test_a_curator_adds_a_document(kb_copy: Path) -> None:
    """A document the shipped list lacks (台词本) becomes framing once listed."""
    question = "台词本里要用，求一个少开会的例子"
    assert Purposes(load_kb(kb_copy).purpose_words).without(question) == question
    table = (kb_copy / PURPOSE_FILE).read_text(encoding="utf-8")
    text = table.replace("党课, 发言]", "党课, 发言, 台词本]")
    (kb_copy / PURPOSE_FILE).write_text(text, encoding="utf-8")
    kept = Purposes(load_kb(kb_copy).purpose_words).without(question)
    assert " ".join(kept.split()) == "，求一个少开会的例子"


def test_a_gathering_to_come_is_no_meeting_asked_about(matcher: Matcher) -> None:
    """座谈会 there is the occasion the cases are for: the meetings topic is not asked."""
    shown = matcher.match("我们要开个座谈会，求几个工作群精简的例子").shown
    assert shown and shown[0].topic == "chat-groups"
    assert all(f.topic != "meetings" for f in shown)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("想要几个少开会的例子", "meetings"),  # 想要 was an unknown word
        ("恳请各位告诉我怎么少填表", "forms"),  # 告诉 alone is the guidance of a fact
        ("急需几个联合检查的例子", "inspections"),
        ("有没有开会方面的经验材料", "meetings"),  # 经验材料 is no 台账
        ("开会少一点，有没有能照搬的做法", "meetings"),
    ],
)
def test_ask_words_weigh_nothing(matcher: Matcher, question: str, topic: str) -> None:
    """想要, 希望, 急需, 恳请, 告诉我, 找几个 (request_words.txt) ask; they name nothing."""
    shown = matcher.match(question).shown
    assert shown and shown[0].topic == topic


def _without_every_search(purposes: Purposes, text: str) -> str:
    """Purposes.without with every expression run, whatever the text holds."""
    from bot.search import purpose

    asks_material = purposes._material.search(text) is not None
    text = purposes._audience.sub(" ", text)
    text = purpose._WHICH_WAY.sub(" ", text)
    text = purposes._effect_data.sub(purpose._as_figure_asked, text)
    text = purpose._FIGURE_OF.sub(
        r"\1多少 ", purpose._PROOF.sub("多少 ", purpose._VERDICT.sub(" ", text))
    )
    text = purposes._used.sub(" ", text)
    if asks_material:
        text = purposes._gathered.sub(" ", purposes._about.sub(r" \1 ", text))
        text = purposes._meeting_held.sub(" ", purposes._gathering.sub(" ", text))
        text = purpose._SEND_ME.sub(" ", purposes._made.sub(" ", text))
    return text


def test_searches_spared_where_their_words_are_missing_change_nothing() -> None:
    """Proof and figures asked are searched only where 数 or 证 is, a document's use only where
    a document word is: every fact's question, and questions framed each way, come out as
    when every expression runs."""
    kb = load_kb()
    purposes = Purposes(kb.purpose_words)
    texts = [q for f in kb.facts for q in f.questions] + [
        "写材料要用，有没有精简会议的例子", "有具体数据吗", "有数支撑吗", "有证据吗",
        "需要一个会议变短的数据", "汇报材料里想举个例子", "述职报告里能用的做法",
        "给新来的大学生村官讲讲", "哪种办法最管用", "检查减负的数据", "会太多怎么办",
    ]  # fmt: skip
    changed = 0
    for text in texts:
        expected = _without_every_search(purposes, text)
        assert purposes.without(text) == expected, text
        changed += expected != text
    assert changed >= 8
