"""The slips generator: keyboard and sound slips that keep a question's labels and part."""

from __future__ import annotations

import random

import jieba
from jieba import finalseg
from pypinyin import lazy_pinyin

from bot.devtools.evaluate import Labelled
from bot.devtools.variants import slips
from bot.devtools.variants import typing as typing_variants
from bot.devtools.variants.runner import generate
from bot.kb import load_kb
from bot.search.matcher import Matcher

KB = load_kb()
ASK = "村里的会议太多了，怎么减负？"


def _sources() -> list[Labelled]:
    asks = [f"{ASK}{'？' * n}" for n in range(8)]
    labelled = [Labelled(q, frozenset({"meetings-x"}), "typo") for q in asks]
    return [*labelled, Labelled("今天天气怎么样", frozenset(), "offtopic")]


def test_variants_keep_labels_and_part() -> None:
    sources = _sources()
    made = generate("slips", sources, KB)
    assert len(sources) <= len(made) <= 2 * len(sources)
    by_text = {s.question: s for s in sources}
    for variant in made:
        kind, _, sub = variant.kind.partition("/")
        assert sub in slips.SUBKINDS
        source = next(s for s in sources if s.kind == kind and s.expect == variant.expect)
        assert variant.question not in by_text
        assert variant.split in {s.split for s in sources if s.kind == kind}
        assert variant.topics == source.topics
    assert {v.split for v in made} == {s.split for s in sources}


def test_a_variant_keeps_its_own_source_part() -> None:
    for source in _sources():
        for variant in generate("slips", [source], KB):
            assert (variant.split, variant.expect) == (source.split, source.expect)


def _toneless(text: str) -> list[str]:
    return lazy_pinyin(text)


def test_a_wrong_candidate_keeps_the_syllables() -> None:
    for seed in range(20):
        text = slips.slip_words(ASK, ["ime"], random.Random(seed))
        assert text is not None and text != ASK and len(text) == len(ASK)
        assert _toneless(text) == _toneless(ASK)
        assert "怎么" in text  # function words never slip


def test_a_near_sound_changes_one_syllable_to_a_merged_one() -> None:
    for seed in range(20):
        text = slips.slip_words("会议材料太多了怎么办", ["near"], random.Random(seed))
        assert text is not None
        before, after = _toneless("会议材料太多了怎么办"), _toneless(text)
        changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
        assert len(changed) == 1
        assert changed[0][1] in slips._near_syllables(changed[0][0])


def test_near_syllables_merge_the_southern_pairs() -> None:
    assert "zi" in slips._near_syllables("zhi")
    assert "nan" in slips._near_syllables("lan")
    assert {"jian"} <= set(slips._near_syllables("jiang"))
    assert "hui" in slips._near_syllables("fei")
    assert {"ceng", "chen"} == set(slips._near_syllables("cen"))


def test_one_word_in_pinyin_or_initials() -> None:
    trade = slips.trade_words_of(KB)
    text = slips.slip_words("会议太多", ["pyword"], random.Random(3))
    assert text is not None and text.replace(" ", "") in {"huiyi太多", "会议taiduo"}
    text = slips.slip_words("会议太多", ["initials"], random.Random(3), trade)
    assert text is not None and text.replace(" ", "") in {"hy太多", "会议td"}
    assert slips.slip_words("组建了几十个群", ["initials"], random.Random(3), trade) is None


def test_the_whole_question_in_pinyin() -> None:
    for seed in range(10):
        text = slips.whole_in_pinyin("会议太多怎么办？", random.Random(seed))
        assert text.replace(" ", "") == "huiyitaiduozenmeban?"


def test_a_dropped_or_doubled_character() -> None:
    dropped = slips.slip_words("开会太多", ["drop"], random.Random(1))
    assert dropped is not None and len(dropped) == 3
    doubled = slips.slip_words("开会太多", ["double"], random.Random(1))
    assert doubled is not None and len(doubled) == 5


def test_two_slips_touch_two_words() -> None:
    text = slips.slip_words("会议材料太多", ["drop", "double"], random.Random(5))
    assert text is not None and len(text) == 6
    assert text != "会议材料太多"
    assert slips.slip_words("会议", ["drop", "double"], random.Random(5)) is None


def test_negations_and_numbers_never_slip() -> None:
    for seed in range(30):
        for kind in ("ime", "near", "drop", "double", "pyword"):
            text = slips.slip_words("不用开三十分钟的会议", [kind], random.Random(seed))
            assert text is not None and text.startswith("不用开三十分钟")


def test_the_cut_does_not_depend_on_a_matcher_built_first(matcher: Matcher) -> None:
    """jieba keeps words of count 0 (会开 0) in one set shared by every tokenizer; a matcher
    keeps its own (blockcut.py) and leaves that set empty, so the generators cut after a
    matcher was built as a process that built none does, and two codes with other word lists
    vary the same sources alike (`--sources`)."""
    assert matcher.kb.facts and not finalseg.Force_Split_Words
    text = "信访会开了一上午，别一个事开好几遍会"
    words = jieba.Tokenizer().lcut(text)  # a tokenizer of jieba's own, nothing added
    assert "会开" in words  # jieba alone joins it
    assert typing_variants._pieces(text) == [w for w in words if w.strip()]
    spans = [word for _, word in slips._content_spans(text)]
    assert spans and set(spans) <= set(words)
