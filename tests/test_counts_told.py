"""A pile of papers counted is no unknown word (search/analysis.py)."""

from __future__ import annotations

from bot.search.analysis import is_count_told
from bot.search.matcher import Matcher


def test_a_pile_of_papers_counted_is_told() -> None:
    for word in ("一摞", "十二本", "两大袋", "两箱", "十来盒", "12本"):
        assert is_count_told(word), word
    for word in ("几本", "多少本", "一份", "三张", "五条", "本子", "一本正经"):
        assert not is_count_told(word), word


def test_a_burden_told_with_its_piles_is_answered(matcher: Matcher) -> None:
    """Fixes from dev-problems11 (一摞) and dev-problems15 (本, 袋)."""
    asked = {
        "各个部门各查各的，同一摞材料我们要准备好几遍": "inspections-joint",
        "上次迎检我搬去了十二本台账、三个档案盒、两大袋照片，检查组就坐着一本本翻": (
            "inspections-unannounced-visits"
        ),
    }
    for question, fact in asked.items():
        result = matcher.match(question)
        assert result.decision == "answer", question
        assert result.shown[0].id == fact, question


def test_word_by_word_records_are_the_records(matcher: Matcher) -> None:
    """逐字 as 逐字逐句 (synonyms.yaml; plain meaning, dev-voices)."""
    result = matcher.match("日常的小会还要不要逐字做记录啊？")
    assert result.decision == "answer"
    assert result.shown[0].id == "meetings-light-records"


def test_a_secrecy_rule_asked_declines(matcher: Matcher) -> None:
    """涉密 asks a secrecy rule (intent_cues.txt; plain meaning, dev-voices' near miss)."""
    assert matcher.match("QQ群还能不能用来传涉密文件？").decision == "decline"
