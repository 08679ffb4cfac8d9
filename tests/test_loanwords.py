"""Loan words and abbreviations read for what they name (responses/regional_words.yaml,
stopwords.txt, intent_cues.txt): a PPT told is material whose topic the words beside it name, a
KPI a target naming no topic (both stopwords), 钉钉 the messenger a burden arrives by (微信),
腾讯会议 a meeting; a PPT asked about as a file, a meeting's number or which messenger to use
stay questions no measure answers."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # a PPT told beside the inspectors' reading of material
        ("PPT做得再好看也没用，检查组现在还看材料吗", "inspections-unannounced-visits"),
        # a KPI names no topic: the forms asked about, not an inspection
        ("KPI表一天一报，频次太高了", "forms-weekly-cap"),
    ],
)
def test_a_loan_word_told_is_read_for_what_it_names(
    matcher: Matcher, question: str, fact: str
) -> None:
    assert [f.id for f in matcher.match(question).shown][:1] == [fact]


@pytest.mark.parametrize(
    "question",
    [
        # the slides asked about as a file
        "PPT模板去哪里下载",
        "有没有开会用的PPT模板",
        "求一份年底迎检的汇报PPT",
        "你会弄PPT动画吗",
        # a KPI's form asked who fills or where it is
        "KPI考核表谁来填？",
        "KPI考核表在哪里下载",
        # an online meeting's number, which messenger to use
        "腾讯会议号是多少",
        "用企业微信还是钉钉建工作群比较好？",
        "钉钉打卡忘打了怎么补卡",
    ],
)
def test_a_loan_word_asked_about_as_a_tool_is_declined(matcher: Matcher, question: str) -> None:
    assert not matcher.match(question).shown


def test_kpi_names_no_inspection(matcher: Matcher) -> None:
    assert "检查" not in {t.term for t in matcher.prepare("KPI表每天报一次").analysis.terms}


@pytest.mark.parametrize(
    ("question", "word"),
    [("钉钉消息太多了", "微信"), ("腾讯会议太多了", "会议"), ("钉钉会议太多了", "会议")],
)
def test_an_app_is_read_as_what_it_carries(matcher: Matcher, question: str, word: str) -> None:
    analysis = matcher.prepare(question).analysis
    assert word in {t.term for t in analysis.terms}
    assert not analysis.unknown and not analysis.cues
