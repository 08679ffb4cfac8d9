"""Loan words and abbreviations read for what they name (responses/regional_words.yaml,
synonyms.yaml, stopwords.txt, intent_cues.txt): a PPT told is material whose topic the words
beside it name, a KPI a target naming no topic (both stopwords); a PPT asked about or asked for
as a file, and a tool's operation, stay questions no measure answers."""

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
        "钉钉打卡忘打了怎么补卡",
    ],
)
def test_a_loan_word_asked_about_as_a_tool_is_declined(matcher: Matcher, question: str) -> None:
    assert not matcher.match(question).shown


def test_kpi_names_no_inspection(matcher: Matcher) -> None:
    assert "检查" not in {t.term for t in matcher.prepare("KPI表每天报一次").analysis.terms}
