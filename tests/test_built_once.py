"""What a matcher tests questions against is read as it is built, never by the first question
to need it (counted.py, strangers.py, placenames.py); a reload's new matcher reads its own."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from bot.kb import Fact, KnowledgeBase
from bot.search import pinyin, placenames
from bot.search.counted import CountedWords
from bot.search.matcher import Matcher

# The words counted.py read on first need before: NFKC of each fact's example and quote, whole.
_COUNTED = re.compile(r"(?:\d+|[两三四五六七八九十百千]+)[余多来]?个([\u4e00-\u9fff]{2})")


_BUILT = ("_bare", "_place_sounds", "_names_near")


def _read_whole(facts: Sequence[Fact]) -> frozenset[str]:
    found: set[str] = set()
    for fact in facts:
        text = unicodedata.normalize("NFKC", "\n".join((fact.example, fact.quote)))
        found.update(_COUNTED.findall(text))
    return frozenset(found)


def _edited(kb: KnowledgeBase, fact: Fact) -> KnowledgeBase:
    facts = tuple(fact if f.id == fact.id else f for f in kb.facts)
    return replace(kb, facts=facts, by_id={f.id: f for f in facts})


def test_counted_words_are_those_of_each_fact_read_whole(matcher: Matcher) -> None:
    """Each text holding 个 read once gives what every fact's texts read whole gave: full-width
    digits (５个签字), counts in a shared quote, none across the example and the quote."""
    base = matcher.kb.facts[0]
    made = [
        replace(base, id="a", example="要５个签字", quote="五六个盖章"),
        replace(base, id="b", example="三十来个群", quote="五六个盖章"),
        replace(base, id="c", example="一共三个", quote="表格多"),  # 三个\n表格: no count
        replace(base, id="d", example="没有数", quote="１９０余个群聊"),
    ]
    for facts in (list(matcher.kb.facts), made, [*matcher.kb.facts, *made]):
        assert CountedWords(facts).words == _read_whole(facts)
    assert CountedWords(made).words == {"签字", "盖章", "群聊"}
    assert matcher.quantities._counted.words == _read_whole(matcher.kb.facts)
    assert matcher.quantities._counted.words


def test_a_reloaded_matcher_reads_its_own_facts_before_any_question(
    matcher: Matcher, _session_cache: Path
) -> None:
    """A reload builds a new matcher: its counted words and its places by sound are its own
    facts', read before it answers anything, and the old matcher's stay as they were."""
    before_words = matcher.quantities._counted.words
    fact = next(f for f in matcher.kb.facts if f.where.endswith("洋湖乡"))
    edited = replace(fact, example=fact.example + "要八个验收。", where="江西省樟树市杨柳乡")
    reloaded = Matcher(_edited(matcher.kb, edited), cache_dir=_session_cache)
    # read already, before any question: attributes, not built on first use
    assert vars(reloaded.quantities._counted)["words"]
    assert all(vars(reloaded.entities._strangers)[k] is not None for k in _BUILT)
    assert "验收" in reloaded.quantities._counted.words
    assert "验收" not in matcher.quantities._counted.words
    assert matcher.quantities._counted.words == before_words
    new, old = reloaded.entities._strangers, matcher.entities._strangers
    assert new._sounds_like_known("洋柳乡") and not old._sounds_like_known("洋柳乡")
    assert old._sounds_like_known("杨湖乡")
    # jieba's place names and pinyin's syllables are general Chinese, not the facts': read
    # once a process, already
    assert placenames._place_names.cache_info().currsize == 1
    assert pinyin._all_syllables.cache_info().currsize == 1
    # the speller, the initials and the lone syllables read from the new vocabulary (WARM_UP)
    tables = reloaded.analyzer.tables_read()
    assert len(tables) == 3 and all(table is not None for table in tables)
    for new_table, old_table in zip(tables, matcher.analyzer.tables_read(), strict=True):
        assert new_table is not old_table


def test_the_last_text_s_hits_are_given_again_as_a_fresh_list(matcher: Matcher) -> None:
    """EntityTable.hits keeps the last text's hits: the same hits as read afresh, for any
    text after any other, and a caller changing the list it got changes nothing kept."""
    table = matcher.entities
    texts = ["李志颖讲了什么", "洋湖乡和水林社区", "", "李志颖讲了什么", "会太多", "会太多"]
    for text in texts:
        got = table.hits(text)
        assert got == table._hits(text)
        got.clear()
        assert table.hits(text) == table._hits(text)
    assert table.hits("李志颖讲了什么")
