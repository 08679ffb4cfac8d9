"""The inverted index: which facts hold a term, and how strongly (BM25, weighted by field)."""

from __future__ import annotations

import pickle
from dataclasses import replace
from typing import Any

import numpy as np
import pytest
from small_vocabulary import analyzer_factory

from bot.kb import Fact
from bot.search.analyzer import Analyzer
from bot.search.index import FactIndex

TOPICS = {"forms": "表格报表", "groups": "工作群"}


BLANK = Fact(
    id="", topic="forms", title="做法", measure="做法", example="做法", quote="", seed="seed.txt",
    keywords=(), questions=(),
)  # fmt: skip


def _fact(fid: str, topic: str = "forms", **fields: Any) -> Fact:
    return replace(BLANK, id=fid, topic=topic, **fields)


# 台账 is a keyword of one fact, in the example of another, and nowhere in the third.
FACTS = (
    _fact("ledger-keyword", keywords=("台账",), questions=("检查组还看台账吗",)),
    _fact("ledger-example", example="检查组不再看台帐"),
    _fact("groups", topic="groups", measure="精简工作群", questions=("工作群太多了怎么办",)),
)


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory: pytest.TempPathFactory) -> Analyzer:
    return analyzer_factory(tmp_path_factory.mktemp("index"))()


@pytest.fixture(scope="module")
def index(analyzer: Analyzer) -> FactIndex:
    return FactIndex(FACTS, analyzer, TOPICS)


def _posting(index: FactIndex, term: str) -> dict[str, float]:
    doc_ids, values = index.postings[term]
    return {index.docs[d].fact.id: float(v) for d, v in zip(doc_ids, values, strict=True)}


def test_one_document_per_fact_in_order(index: FactIndex) -> None:
    assert len(index) == len(FACTS)
    assert [d.fact.id for d in index.docs] == [f.id for f in FACTS]


def test_terms_are_canonical_and_include_the_topic_name(index: FactIndex) -> None:
    """台帐 is indexed as 台账; the topic's name is part of every fact of the topic."""
    assert "台账" in index.docs[1].terms and "台帐" not in index.docs[1].terms
    assert "工作群" in index.docs[2].terms
    assert "表格" in index.docs[0].terms  # from the topic name 表格报表
    assert "怎么办" not in index.docs[2].terms  # a stopword


def test_keyword_field_outweighs_the_example(index: FactIndex) -> None:
    """The same word counts more where a curator chose it as a keyword."""
    ledger = _posting(index, "台账")
    assert set(ledger) == {"ledger-keyword", "ledger-example"}
    assert ledger["ledger-keyword"] > ledger["ledger-example"] > 0


def test_rarer_terms_weigh_more(index: FactIndex) -> None:
    """idf: 台账 (two facts) is worth less than 精简 (one); an unknown word is worth the most."""
    assert index.idf["精简"] > index.idf["台账"] > 0
    assert index.unknown_idf >= max(index.idf.values())


def test_postings_are_arrays_with_their_maximum(index: FactIndex) -> None:
    """Recall adds arrays; the maximum per term bounds the score a term can add."""
    for term, (doc_ids, values) in index.postings.items():
        assert doc_ids.dtype == np.int32 and values.dtype == np.float32
        assert len(doc_ids) == len(values) == len(set(doc_ids.tolist()))
        assert index.max_posting[term] == pytest.approx(float(values.max()))


def test_example_questions_are_kept_as_sorted_canonical_terms(index: FactIndex) -> None:
    """Each example question becomes its content terms, sorted and space-joined, for rapidfuzz."""
    (question,) = index.docs[0].questions
    terms = question.split()
    assert terms == sorted(set(terms))
    assert {"检查组", "台账"} <= set(terms)
    assert "吗" not in terms


def test_empty_knowledge_base_builds_an_empty_index(analyzer: Analyzer) -> None:
    empty = FactIndex((), analyzer, TOPICS)
    assert len(empty) == 0
    assert empty.postings == {}
    assert empty.unknown_idf > 0


def test_a_long_example_is_indexed_to_its_end(analyzer: Analyzer) -> None:
    """A question is cut at the cap, but a fact's long example is read sentence by sentence:
    a word in its last sentence is still found."""
    filler = "这个乡镇的做法在当地推开以后干部反映很好。" * 12  # well past the cap
    long_example = _fact("long", example=filler + "检查组不再看台帐。")
    index = FactIndex((long_example, FACTS[2]), analyzer, TOPICS)
    assert "台账" in index.docs[0].terms


def test_recall_by_rows_equals_the_postings_added_alone(analyzer: Analyzer) -> None:
    """Common terms are added as whole rows, rare ones at their postings: the sums are the
    same to the bit as adding every term's postings alone, in the same order."""
    many = tuple(_fact(f"f{n}", example="台账" if n % 3 else "检查组") for n in range(40))
    index = FactIndex((*many, *FACTS), analyzer, TOPICS)
    assert "台账" in index.rows and not set(index.rows) >= set(index.postings)
    weights = {term: 0.37 + n / 7 for n, term in enumerate(sorted(index.postings))}
    alone = np.zeros(len(index), dtype=np.float32)
    for term, w in weights.items():
        doc_ids, values = index.postings[term]
        alone[doc_ids] += w * values
    assert index.recall(weights).tobytes() == alone.tobytes()
    restored = pickle.loads(pickle.dumps(index))
    restored.attach([*many, *FACTS])
    assert restored.recall(weights).tobytes() == alone.tobytes()


def test_facts_sharing_words_share_one_object_of_each(analyzer: Analyzer) -> None:
    """Two facts asked the same questions hold one object of each term and example question,
    also once read back from the cache: facts sharing sentences take memory once."""
    twins = tuple(
        _fact(f"twin{n}", keywords=("台账",), questions=("检查组还看台账吗", "台账怎么减"))
        for n in range(2)
    )
    index = FactIndex((*twins, *FACTS), analyzer, TOPICS)
    restored = pickle.loads(pickle.dumps(index))
    restored.attach([*twins, *FACTS])
    for built in (index, restored):
        first, second = built.docs[0], built.docs[1]
        assert first.questions == second.questions and first.questions is second.questions
        assert first.forms is second.forms
        terms = {term: term for term in first.terms}
        assert "台账" in terms and all(terms[term] is term for term in second.terms)
