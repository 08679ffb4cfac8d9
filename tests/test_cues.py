"""Cue patterns: question forms that ask how to operate, where, when, or for an entitlement."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import KBError, KBProblem
from bot.kb import load_kb
from bot.search.cues import compile_pattern, found_patterns, split_cues
from bot.search.matcher import Matcher
from bot.search.normalize import normalize


def test_pattern_finds_its_words_in_order_within_a_clause() -> None:
    """怎么…撤回 needs both parts, in that order, with no punctuation between them."""
    pattern = compile_pattern("怎么|咋…撤回|设置")
    assert found_patterns([pattern], "群里发错消息了怎么撤回") == ("怎么撤回",)
    assert found_patterns([pattern], "工作群咋一键设置") == ("咋一键设置",)
    assert found_patterns([pattern], "撤回了怎么办") == ()
    assert found_patterns([pattern], "怎么办 撤回了吗") == ()


def test_phrase_pattern_ignores_how_words_are_cut() -> None:
    """~在哪个 is found inside any run of characters."""
    (pattern,) = split_cues(["~在哪个", "补贴"])[1]
    assert found_patterns([pattern], "医疗报销在哪个窗口办") == ("在哪个",)


def test_split_keeps_words_apart_from_patterns() -> None:
    words, patterns = split_cues(["补贴", "怎么…设置", "~几号"])
    assert words == frozenset({"补贴"})
    assert [p.text for p in patterns] == ["~几号", "怎么…设置"]


def test_empty_pattern_part_is_refused(kb_copy: Path) -> None:
    """A pattern with nothing on one side of … would match everything; kb check names it."""
    with (kb_copy / "responses" / "intent_cues.txt").open("a", encoding="utf-8") as f:
        f.write("怎么…|\n")
    with pytest.raises(KBError) as err:
        load_kb(kb_copy)
    assert err.value.problems == [
        KBProblem("responses/intent_cues.txt", "pattern '怎么…|' has an empty part")
    ]


@pytest.mark.parametrize(
    "question",
    [
        "工作群怎么设置免打扰",
        "农牧区医疗报销在哪个窗口办",
        "填表到半夜，加班费怎么算",
        "會議室在哪個樓",
        "表格模板哪里可以下",
        "截图打卡用哪个APP",
        "求个会议记录模版，谢谢🙏",
        "辛苦了，督查组这周几来",
    ],
)
def test_operation_place_and_entitlement_questions_decline(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision == "decline"


@pytest.mark.parametrize("question", ["会太多怎么办", "能不能少开会", "群能不能撤", "群怎么精简"])
def test_questions_about_measures_stay_clean(matcher: Matcher, question: str) -> None:
    """怎么 and 能不能 alone ask about the measures: no pattern fires, the fact is answered."""
    analysis = matcher.analyzer.analyze(normalize(question))
    assert analysis.cues == ()
    assert matcher.match(question).decision == "answer"
