"""responses/synonyms.yaml is read as regional_words.yaml is (one reader of word maps): each
broken entry is named with its file, and the rest still load."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import KBError
from bot.kb import load_kb

SYNONYMS = "responses/synonyms.yaml"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("- 会议\n", "must map each canonical term to a list of variants"),
        ("会议: 开会\n", "must be 'term: [variant, ...]'"),
        ("会议: ['', 开会]\n", "has an empty variant"),
        ("会议: [开会]\n表格: [开会]\n", "listed under both"),
    ],
)
def test_a_broken_synonyms_file_is_named(kb_copy: Path, text: str, problem: str) -> None:
    (kb_copy / SYNONYMS).write_text(text, encoding="utf-8")
    with pytest.raises(KBError) as caught:
        load_kb(kb_copy)
    assert any(problem in p.message and SYNONYMS in str(p.file) for p in caught.value.problems)


def test_variants_map_to_their_term_lowercased(kb_copy: Path) -> None:
    (kb_copy / SYNONYMS).write_text("KPI: [考核指标, Kpi]\n", encoding="utf-8")
    synonyms = load_kb(kb_copy).synonyms
    assert synonyms["考核指标"] == synonyms["kpi"] == "kpi"
