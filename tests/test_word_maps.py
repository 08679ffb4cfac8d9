"""The files mapping words to lists of words (synonyms.yaml; purpose_words.yaml,
complaint_words.yaml and load_objects.yaml, each an optional list by a fixed set of names)
share one reader: each broken entry is named with its file, and the rest still load."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import KBError
from bot.kb import load_kb
from bot.kb.complaints import COMPLAINT_FILE
from bot.kb.loadobjects import LOAD_OBJECTS_FILE

SYNONYMS = "responses/synonyms.yaml"
PURPOSE = "responses/purpose_words.yaml"
COMPLAINTS = f"responses/{COMPLAINT_FILE}"
LOAD_OBJECTS = f"responses/{LOAD_OBJECTS_FILE}"


@pytest.mark.parametrize(
    ("file", "text", "problem"),
    [
        (SYNONYMS, "- 会议\n", "must map each canonical term to a list of variants"),
        (SYNONYMS, "会议: 开会\n", "must be 'term: [variant, ...]'"),
        (SYNONYMS, "会议: ['', 开会]\n", "has an empty variant"),
        (SYNONYMS, "会议: [开会]\n表格: [开会]\n", "listed under both"),
        (PURPOSE, "- 材料\n", "must map each kind of framing"),
        (PURPOSE, "documents: 材料\n", "must be 'kind: [word, ...]'"),
        (PURPOSE, "documents: ['', 材料]\n", "has an empty word"),
        (PURPOSE, "papers: [材料]\n", "'papers' is no kind of framing"),
        (COMPLAINTS, "annoyed: [烦]\n", "'annoyed' is no burden named"),
        (LOAD_OBJECTS, "paperwork: [材料]\n", "'paperwork' is no topic"),
    ],
)
def test_a_broken_word_map_is_named(kb_copy: Path, file: str, text: str, problem: str) -> None:
    (kb_copy / file).write_text(text, encoding="utf-8")
    with pytest.raises(KBError) as caught:
        load_kb(kb_copy)
    assert any(problem in p.message and file in str(p.file) for p in caught.value.problems)


@pytest.mark.parametrize(
    ("file", "field"),
    [(PURPOSE, "purpose_words"), (COMPLAINTS, "complaint_words"), (LOAD_OBJECTS, "load_objects")],
)
def test_a_list_by_names_may_be_left_out(kb_copy: Path, file: str, field: str) -> None:
    (kb_copy / file).unlink()
    assert getattr(load_kb(kb_copy), field) == {}


def test_variants_map_to_their_term_lowercased(kb_copy: Path) -> None:
    (kb_copy / SYNONYMS).write_text("KPI: [考核指标, Kpi]\n", encoding="utf-8")
    synonyms = load_kb(kb_copy).synonyms
    assert synonyms["考核指标"] == synonyms["kpi"] == "kpi"
