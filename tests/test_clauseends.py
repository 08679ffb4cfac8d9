"""The one clause splitter: each module's marks, cut the same way."""

from __future__ import annotations

from bot.search.clauseends import (
    ASKS,
    BLANKS,
    DOT,
    ELLIPSIS,
    EMOJI,
    PAUSES,
    ClauseSplitter,
)


def test_bare_clauses_drop_the_marks_and_empty_clauses() -> None:
    splitter = ClauseSplitter(PAUSES, ASKS, BLANKS)
    assert splitter.bare("，会太多了！！表也多 怎么办？") == ["会太多了", "表也多", "怎么办"]


def test_as_typed_keeps_each_clause_with_its_ending_marks() -> None:
    splitter = ClauseSplitter(PAUSES, DOT, ASKS, BLANKS, EMOJI)
    text = "晚上好呀🌙我在乡里干了三年了。。会多怎么办？"
    assert splitter.as_typed(text) == ["晚上好呀🌙", "我在乡里干了三年了。。", "会多怎么办？"]
    assert "".join(splitter.as_typed(text)) == text


def test_only_the_marks_named_end_a_clause() -> None:
    """Without DOT a decimal stays whole; without ASKS a question mark is part of the clause;
    ELLIPSIS and blanks count only when named."""
    assert ClauseSplitter(PAUSES, ELLIPSIS).bare("表填了1.5天，唉…还要填？") == [
        "表填了1.5天",
        "唉",
        "还要填？",
    ]
    assert ClauseSplitter(PAUSES, DOT).bare("会多 表多…") == ["会多 表多…"]


def test_joining_words_cut_as_marks_do() -> None:
    splitter = ClauseSplitter(PAUSES, joining_words=("以及", "还有"))
    assert splitter.bare("群里刷不完以及会太多，还有表") == ["群里刷不完", "会太多", "表"]
    assert splitter.ends.split("会多还有表") == ["会多", "表"]
