"""blockcut.py: jieba's cut, each analyzer with its own words never joined (会开 0), a text split
into blocks as jieba splits it."""

from __future__ import annotations

import functools
import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import jieba
from jieba import finalseg

from bot.devtools.evaluate import load_questions, question_files
from bot.kb import load_kb
from bot.search.blockcut import BlockCutter, cut_by_blocks
from bot.search.matcher import Matcher
from bot.search.normalize import normalize

_BLOCK = jieba.re_han_default


@contextmanager
def _shared_split_words(words: set[str]) -> Iterator[None]:
    """jieba's own cut as it runs with `words` in its shared set of words never joined."""
    shared = finalseg.Force_Split_Words
    finalseg.Force_Split_Words = words
    try:
        yield
    finally:
        finalseg.Force_Split_Words = shared


@functools.cache
def _development_texts() -> tuple[str, ...]:
    kb = load_kb()
    questions = [q.question for path in question_files(None, kb) for q in load_questions(path, kb)]
    facts = [text for f in kb.facts for text in (f.title, f.example, f.quote, *f.questions)]
    return tuple(dict.fromkeys(normalize(t) for t in (*questions, *facts)))


def test_a_word_split_by_one_matchers_userdict_is_whole_for_the_next(kb_copy: Path) -> None:
    """A hot reload whose userdict.txt no longer holds `会开 0` cuts 会开 whole again, as a
    process that never read the line does; the first matcher still splits it."""
    userdict = kb_copy / "responses" / "userdict.txt"
    lines = userdict.read_text(encoding="utf-8").splitlines(keepends=True)
    assert "会开 0\n" in lines
    splitting = Matcher(load_kb(kb_copy))
    userdict.write_text("".join(line for line in lines if line != "会开 0\n"), encoding="utf-8")
    joining = Matcher(load_kb(kb_copy))
    assert joining.analyzer.tokens("会开了一上午")[0] == "会开"
    assert splitting.analyzer.tokens("会开了一上午")[:2] == ["会", "开"]
    assert "会开" not in finalseg.Force_Split_Words  # jieba's shared set is left alone


def test_the_cut_is_jiebas_on_every_development_block(matcher: Matcher) -> None:
    """Every block of the development questions and the facts, and random runs of their
    characters, cut as jieba's own cut does with the analyzer's words never joined."""
    cutter = matcher.analyzer._blocks
    assert "会开" in cutter.split_words
    texts = _development_texts()
    blocks = sorted({b for t in texts for b in _BLOCK.split(t) if b and _BLOCK.match(b)})
    rng = random.Random(8)
    chars = sorted({ch for b in blocks for ch in b})
    blocks += ["".join(rng.choices(chars, k=rng.randint(1, 30))) for _ in range(3000)]
    with _shared_split_words(cutter.split_words):
        jiebas = [list(cutter.tokenizer.cut(b, HMM=True)) for b in blocks]
    assert [cutter.cut(b) for b in blocks] == jiebas
    assert [cutter.cut(b) for b in blocks] == jiebas  # again, from the runs kept


def test_the_facts_are_cut_for_search_as_jieba_does(matcher: Matcher) -> None:
    analyzer = matcher.analyzer
    texts = [t for t in _development_texts() if t][:3000]
    with _shared_split_words(analyzer._blocks.split_words):
        jiebas = [
            [w for w in analyzer._blocks.tokenizer.cut_for_search(t, HMM=True) if w.strip()]
            for t in texts
        ]
    assert [analyzer.tokens(t, for_search=True) for t in texts] == jiebas


def test_a_word_of_count_zero_is_split_by_its_own_cutter_only() -> None:
    """Two cutters over one dictionary: the word of count 0 is the first one's alone."""
    splitting, joining = BlockCutter(jieba.Tokenizer()), BlockCutter(jieba.Tokenizer())
    splitting.add_word("会开", 0)
    assert splitting.cut("会开了一上午")[:2] == ["会", "开"]
    assert joining.cut("会开了一上午")[0] == "会开"
    assert splitting.tokenizer.FREQ["会开"] == 0
    assert "会开" not in finalseg.Force_Split_Words


def test_a_whole_text_is_cut_as_jieba_cuts_it(matcher: Matcher) -> None:
    """Blocks and what lies between them (blanks, line breaks, punctuation, emoji), as typed
    and normalised: the analyzer's cut is jieba's."""
    analyzer = matcher.analyzer
    kb = load_kb()
    typed = [q.question for path in question_files(None, kb) for q in load_questions(path, kb)]
    texts = [*dict.fromkeys(typed), *_development_texts(), "会太多\r\n表也多！！😀 怎么办\t?"]
    with _shared_split_words(analyzer._blocks.split_words):
        jiebas = [tuple(analyzer._blocks.tokenizer.cut(t, HMM=True)) for t in texts]
    assert [analyzer._cut(t) for t in texts] == jiebas


def test_a_text_is_split_into_blocks_as_jieba_splits_it(matcher: Matcher) -> None:
    """cut_by_blocks tells a block from what lies between by its place in the split, where
    jieba matches each part again: random runs of Chinese, letters, digits, jieba's signs
    (+#&._%-), blanks, line breaks, punctuation and emoji are cut as jieba cuts them."""
    cutter = matcher.analyzer._blocks
    rng = random.Random(9)
    chars = "会议表格群太多检查组ab12+#&._%- \t\r\n，。！?😀①"
    texts = ["".join(rng.choices(chars, k=rng.randint(0, 20))) for _ in range(5000)]
    texts += ["", " ", "\r\n", "会", "a", "，", "😀会\r\n\r\n表"]
    with _shared_split_words(cutter.split_words):
        jiebas = [list(cutter.tokenizer.cut(t, HMM=True)) for t in texts]
    assert [cut_by_blocks(t, cutter.cut) for t in texts] == jiebas
