"""Closeness gives the very scores rapidfuzz's token_sort_ratio gives, all a question's facts
compared in one call (best_of_each, which score_recalled calls)."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process

from bot.search.closeness import Closeness, sorted_forms, words_sorted

WORDS = ("会", "开会", "检查", "表格", "工作群", "减负", "qun", "a", "Ω", "迎检", "😀", "")


def _extract_one(question: str, examples: tuple[str, ...] | list[str]) -> float:
    found = process.extractOne(question, examples, scorer=fuzz.token_sort_ratio)
    return found[1] if found else 0.0


def _text(rng: random.Random, spaces: str = " ") -> str:
    return rng.choice(spaces).join(rng.choice(WORDS) for _ in range(rng.randint(0, 5)))


def _best_of_each(question: str, groups: list[tuple[str, ...]]) -> list[float]:
    """As score_recalled asks it: each group's forms sorted once (as the index does)."""
    return Closeness(question).best_of_each(groups, [sorted_forms(g) for g in groups])


def test_words_sorted_sorts_by_word_and_drops_extra_spaces() -> None:
    assert words_sorted("检查 会  开会 ") == "会 开会 检查"
    assert words_sorted("") == ""


def test_same_score_as_extract_one_on_random_texts() -> None:
    """Sorted or not, with runs of spaces and tabs, empty or not: the score is extractOne's."""
    rng = random.Random(15)
    for _ in range(3000):
        question = _text(rng, " \t")
        examples = tuple(_text(rng, " \t") for _ in range(rng.randint(0, 6)))
        assert _best_of_each(question, [examples]) == [_extract_one(question, examples)]


@pytest.mark.parametrize("mark", ["\xa0", "\x85"])
def test_marks_rapidfuzz_does_not_split_at_are_left_to_token_sort_ratio(mark: str) -> None:
    """Python splits at a no-break space and U+0085, rapidfuzz does not: those texts are
    compared by token_sort_ratio itself, in the question or in an example."""
    marked = ("检查 会议 表格", f"表格{mark}会议 检查")
    plain = ("检查 会议 表格", "会议 表格")
    assert sorted_forms(marked) is None
    for question in (f"会议{mark}检查 表格", "会议 检查 表格", f"表格{mark}会议 检查"):
        found = _best_of_each(question, [marked, plain])
        assert found == [_extract_one(question, marked), _extract_one(question, plain)]


def test_no_examples_scores_zero() -> None:
    assert _best_of_each("会议 太多", [(), ("会议 太多",)]) == [0.0, 100.0]
    assert _best_of_each("会议\xa0太多", [()]) == [0.0]
    assert _best_of_each("会议 太多", []) == []


def test_each_question_scores_the_same_groups_its_own_way() -> None:
    """Nothing of one question's scores carries to another's over the same examples."""
    groups = [("会议 太多", "检查 太多"), ("表格 太多",)]
    assert _best_of_each("会议 太多", groups) == [100.0, _extract_one("会议 太多", groups[1])]
    second = _best_of_each("表格 填报", groups)
    assert second == [_extract_one("表格 填报", g) for g in groups]
    assert second[0] < 100.0


def test_best_of_each_group_is_extract_one_of_that_group_to_the_bit() -> None:
    """score_recalled asks the best of each fact's examples in one call, over the forms the
    index sorted once: the same numbers as extractOne asked group by group, with tabs, empty
    texts, repeats within and across groups and the marks rapidfuzz does not split at (a
    group holding one is scored example by example)."""
    rng = random.Random(18)
    for _ in range(600):
        question = _text(rng, " \t\xa0" if rng.random() < 0.1 else " \t")
        pool = [_text(rng, " \t\xa0" if rng.random() < 0.1 else " \t") for _ in range(6)]
        groups = [
            tuple(rng.choice(pool) for _ in range(rng.randint(0, 4)))
            for _ in range(rng.randint(0, 5))
        ]
        together = _best_of_each(question, groups)
        assert together == [_extract_one(question, group) for group in groups]
        assert together == [
            max((fuzz.token_sort_ratio(question, e) for e in group), default=0.0)
            for group in groups
        ]


def test_sorted_forms_are_the_examples_themselves_when_sorted_already() -> None:
    """The index's examples are sorted already: their forms are the very same tuple (kept once
    in memory); others are sorted, and a group holding a no-break space has none."""
    plain, unsorted, marked = ("会议 太多", "太多 检查"), ("太多 会议", "表格"), ("会议\xa0太多",)
    assert sorted_forms(plain) is plain
    assert sorted_forms(unsorted) == ("会议 太多", "表格")
    assert sorted_forms(marked) is None
    assert sorted_forms(()) == ()
    found = _best_of_each("表格 填报", [plain, unsorted, marked, ()])
    assert found == [*(_extract_one("表格 填报", g) for g in (plain, unsorted, marked)), 0.0]
