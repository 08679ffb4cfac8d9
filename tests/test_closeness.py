"""Closeness gives the very scores rapidfuzz's token_sort_ratio gives, each pair computed once."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process

from bot.search.closeness import Closeness, sorted_forms, words_sorted

WORDS = ("会", "开会", "检查", "表格", "工作群", "减负", "qun", "a", "Ω", "迎检", "😀", "")


def _extract_one(question: str, examples: list[str]) -> float:
    found = process.extractOne(question, examples, scorer=fuzz.token_sort_ratio)
    return found[1] if found else 0.0


def _text(rng: random.Random, spaces: str = " ") -> str:
    return rng.choice(spaces).join(rng.choice(WORDS) for _ in range(rng.randint(0, 5)))


def test_words_sorted_sorts_by_word_and_drops_extra_spaces() -> None:
    assert words_sorted("检查 会  开会 ") == "会 开会 检查"
    assert words_sorted("") == ""


def test_same_score_as_extract_one_on_random_texts() -> None:
    """Sorted or not, with runs of spaces and tabs, empty or not: the score is extractOne's."""
    rng = random.Random(15)
    forms: dict[str, str | None] = {}
    for _ in range(3000):
        question = _text(rng, " \t")
        examples = [_text(rng, " \t") for _ in range(rng.randint(0, 6))]
        assert Closeness(question, forms).best(examples) == _extract_one(question, examples)


@pytest.mark.parametrize("mark", ["\xa0", "\x85"])
def test_marks_rapidfuzz_does_not_split_at_are_left_to_token_sort_ratio(mark: str) -> None:
    """Python splits at a no-break space and U+0085, rapidfuzz does not: those texts are
    compared by token_sort_ratio itself, in the question or in an example."""
    forms: dict[str, str | None] = {}
    question, examples = f"会议{mark}检查 表格", ["检查 会议 表格", f"表格{mark}会议 检查"]
    assert Closeness(question, forms).best(examples) == _extract_one(question, examples)
    plain = "会议 检查 表格"
    assert Closeness(plain, forms).best(examples) == _extract_one(plain, examples)
    assert forms[f"表格{mark}会议 检查"] is None


def test_shared_forms_never_carry_one_question_s_scores_to_another() -> None:
    """The sorted examples are shared across questions; the scores belong to one question."""
    forms: dict[str, str | None] = {}
    examples = ["会议 太多", "检查 太多", "表格 太多"]
    first = Closeness("会议 太多", forms)
    assert first.best(examples) == 100.0
    second = Closeness("表格 填报", forms)
    assert second.best(examples) == _extract_one("表格 填报", examples) < 100.0
    assert first.best(examples[1:]) == _extract_one("会议 太多", examples[1:])
    assert forms == {e: words_sorted(e) for e in examples}


def test_no_examples_scores_zero() -> None:
    assert Closeness("会议 太多", {}).best(()) == 0.0


def test_scores_kept_for_a_question_give_the_same_best_on_every_later_list() -> None:
    """Once a question's examples are scored, any list of them (again, in part, repeated,
    empty) gets the best extractOne gives, looked up with no example scored twice."""
    rng = random.Random(16)
    forms: dict[str, str | None] = {}
    for _ in range(300):
        question = _text(rng)
        pool = [_text(rng) for _ in range(8)]
        closeness = Closeness(question, forms)
        assert closeness.best(pool) == _extract_one(question, pool)
        scored = dict(closeness._scores)
        for _ in range(5):
            examples = [rng.choice(pool) for _ in range(rng.randint(0, 6))]
            assert closeness.best(examples) == _extract_one(question, examples)
        assert closeness._scores == scored
    assert Closeness("会议", forms).best([]) == 0.0


def test_examples_scored_all_at_once_give_what_each_alone_gives() -> None:
    """Matcher.rank scores the examples of every fact it ranks in one call (cdist over the
    sorted forms, token_sort_ratio for texts holding a mark rapidfuzz does not split at):
    each score is fuzz.token_sort_ratio's, to the bit, and later lists score nothing again."""
    rng = random.Random(17)
    forms: dict[str, str | None] = {}
    for _ in range(300):
        question = _text(rng, " \t")
        pool = [_text(rng, " \t\xa0") for _ in range(rng.randint(0, 12))]
        closeness = Closeness(question, forms)
        closeness.score_all(pool + pool[:3])
        assert closeness._scores == {e: fuzz.token_sort_ratio(question, e) for e in pool}
        for _ in range(3):
            examples = [rng.choice(pool) for _ in range(rng.randint(0, 6))] if pool else []
            assert closeness.best(examples) == _extract_one(question, examples)
        assert len(closeness._scores) == len(set(pool))


def test_best_of_each_group_is_best_of_that_group_to_the_bit() -> None:
    """score_recalled asks the best of each fact's examples in one call, over the forms the
    index sorted once: the same numbers as best() asked group by group, with tabs, empty
    texts, repeats and the marks rapidfuzz does not split at (a group holding one is scored
    example by example)."""
    rng = random.Random(18)
    for _ in range(300):
        question = _text(rng, " \t\xa0" if rng.random() < 0.1 else " \t")
        pool = [_text(rng, " \t\xa0" if rng.random() < 0.1 else " \t") for _ in range(6)]
        groups = [
            tuple(rng.choice(pool) for _ in range(rng.randint(0, 4)))
            for _ in range(rng.randint(0, 5))
        ]
        forms = [sorted_forms(group) for group in groups]
        together = Closeness(question, {}).best_of_each(groups, forms)
        assert together == [_extract_one(question, list(group)) for group in groups]
        assert together == [Closeness(question, {}).best(group) for group in groups]


def test_sorted_forms_are_the_examples_themselves_when_sorted_already() -> None:
    """The index's examples are sorted already: their forms are the very same tuple (kept once
    in memory); others are sorted, and a group holding a no-break space has none."""
    plain, unsorted, marked = ("会议 太多", "太多 检查"), ("太多 会议", "表格"), ("会议\xa0太多",)
    assert sorted_forms(plain) is plain
    assert sorted_forms(unsorted) == ("会议 太多", "表格")
    assert sorted_forms(marked) is None
    assert sorted_forms(()) == ()
    found = Closeness("表格 填报", {}).best_of_each(
        [plain, unsorted, marked, ()], [sorted_forms(g) for g in (plain, unsorted, marked, ())]
    )
    assert found == [
        *(_extract_one("表格 填报", list(group)) for group in (plain, unsorted, marked)),
        0.0,
    ]
