"""jieba's cut of a block (a run of characters between punctuation), each tokenizer with the
words it may never join kept to itself.

jieba keeps the words no tokenizer may join (a count of 0: `会开 0` in responses/userdict.txt) in
one set shared by every tokenizer of the process (`jieba.finalseg.Force_Split_Words`), and never
takes a word out of it. A hot reload whose new userdict.txt drops such a line would go on
splitting the word until the process restarts, and two matchers in one process (tests, bench)
would split each other's words. `BlockCutter` adds words as `Tokenizer.add_word` does, but keeps
those of count 0 in its own set, and cuts a block as `Tokenizer.cut(block, HMM=True)` does with
that set in place of the shared one.

The cut is jieba's, step by step: the words of its dictionary each character starts (the DAG),
the likeliest path through them, and jieba's HMM for each run of single characters the
dictionary does not know as a word (检茶组). Written out here it also runs faster than jieba's
(lists for its dictionaries, each fragment's weight looked up once and kept, the HMM's cut of a
run kept), with the same numbers compared in the same order, so every cut comes out as jieba's.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence

import jieba
from jieba import finalseg

# jieba's HMM for a run of Chinese characters alone, before its split words are applied
# (finalseg's module-level __cut, which finalseg.cut wraps).
_HMM_CUT = getattr(finalseg, "__cut")
_HMM_HAN = finalseg.re_han  # the runs the HMM reads (Chinese characters)
_HMM_SKIP = finalseg.re_skip  # and what it keeps whole between them (letters and digits)
WEIGHTS_KEPT = 50_000  # fragments weighed (a few per character: ~5 MB at most)
# A fragment's weight when only longer words start with it, and when no word does: a count's
# logarithm is never negative, nor infinite.
_PREFIX = -math.inf
_NO_WORD = math.inf
# How jieba.cut splits a text into blocks it cuts one by one (its re_han_default, a group
# around the block: split gives the text between blocks and the blocks in turn).
_JIEBA_BLOCK = jieba.re_han_default
# What jieba.cut keeps whole between blocks (its re_skip_default, likewise grouped: blanks,
# line breaks); every other character there stands alone.
_JIEBA_SKIP = jieba.re_skip_default
RUNS_KEPT = 8192  # the HMM's cuts of runs (的会, 有啥: half the runs of a day's questions recur)


class BlockCutter:
    """Cuts blocks as `tokenizer.cut(block, HMM=True)` does, with its own words never joined."""

    def __init__(self, tokenizer: jieba.Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.split_words: set[str] = set()  # count 0: never joined by the HMM either
        # Dicts, not functools.lru_cache: read in the cut's inner loop, a get is no call (a
        # hit 0.24 µs against lru_cache's 0.27, paired timeit), and a full one is cleared.
        self._weights: dict[str, float] = {}  # log of a fragment's count, by fragment
        self._runs: dict[str, tuple[str, ...]] = {}  # the HMM's cut of a run, by run

    def add_word(self, word: str, freq: int) -> None:
        """As `tokenizer.add_word(word, freq)`, a word of count 0 kept in `split_words`."""
        if freq:
            self.tokenizer.add_word(word, freq)
        else:  # what add_word does, without jieba's shared set (finalseg.add_force_split)
            self.tokenizer.check_initialized()
            self.tokenizer.FREQ[word] = 0
            for end in range(1, len(word)):
                self.tokenizer.FREQ.setdefault(word[:end], 0)
            self.split_words.add(word)
        self._weights.clear()
        self._runs.clear()

    def cut(self, block: str) -> list[str]:
        """The words of a block (text jieba.re_han_default matches whole), as jieba cuts it."""
        self.tokenizer.check_initialized()  # jieba loads its dictionary on first need
        weights = self._weights
        if len(weights) > WEIGHTS_KEPT:
            weights.clear()
        size = len(block)
        log_total = math.log(self.tokenizer.total)
        # The likeliest path, from the end (jieba's calc over its get_DAG): at each character,
        # the best of the words starting there (log of its count, less the total's, plus the
        # best path after it), a tie going to the longer word as max() over (score, end) does.
        scores = [0.0] * (size + 1)
        ends = [0] * (size + 1)
        for start in range(size - 1, -1, -1):
            best, best_end = 0.0, -1
            end, frag = start, block[start]
            while end < size:
                weight = weights.get(frag)
                if weight is None:
                    weight = weights[frag] = self._weight(frag)
                if weight == _NO_WORD:  # no word of the dictionary starts so
                    break
                if weight != _PREFIX:
                    score = weight - log_total + scores[end + 1]
                    if best_end < 0 or score >= best:
                        best, best_end = score, end
                end += 1
                frag = block[start : end + 1]
            if best_end < 0:  # no word starts here: the character alone, as of count 1
                best, best_end = 0.0 - log_total + scores[start + 1], start
            scores[start], ends[start] = best, best_end
        # jieba's __cut_DAG along the route: single characters gathered into runs, and a run
        # the dictionary does not know as a word read by the HMM.
        words: list[str] = []
        at, run = 0, ""
        while at < size:
            end = ends[at] + 1
            if end - at == 1:
                run += block[at]
            else:
                if run:
                    words += self._run(run)
                    run = ""
                words.append(block[at:end])
            at = end
        if run:
            words += self._run(run)
        return words

    def _weight(self, frag: str) -> float:
        """log of the dictionary's count of a word; _PREFIX for the start of a longer word
        alone (count 0), _NO_WORD for what starts none."""
        count = self.tokenizer.FREQ.get(frag)
        if count is None:
            return _NO_WORD
        return math.log(count) if count else _PREFIX

    def _run(self, run: str) -> Sequence[str]:
        """A run of single characters: read by the HMM when the dictionary lacks it whole."""
        if len(run) == 1:
            return (run,)
        if self.tokenizer.FREQ.get(run):
            return tuple(run)
        cut = self._runs.get(run)
        if cut is None:
            if len(self._runs) >= RUNS_KEPT:
                self._runs.clear()
            cut = self._runs[run] = tuple(self._hmm(run))
        return cut

    def _hmm(self, run: str) -> Iterator[str]:
        """finalseg.cut, with this tokenizer's split words."""
        for piece in _HMM_HAN.split(run):
            if _HMM_HAN.match(piece):
                for word in _HMM_CUT(piece):
                    if word in self.split_words:
                        yield from word
                    else:
                        yield word
            else:
                yield from (x for x in _HMM_SKIP.split(piece) if x)

    def cut_for_search(self, words: list[str]) -> Iterator[str]:
        """`tokenizer.cut_for_search`, from the text's cut (`words`): each long word's
        two- and three-character words the dictionary knows, then the word."""
        freq = self.tokenizer.FREQ
        for word in words:
            if len(word) > 2:
                for at in range(len(word) - 1):
                    if freq.get(word[at : at + 2]):
                        yield word[at : at + 2]
            if len(word) > 3:
                for at in range(len(word) - 2):
                    if freq.get(word[at : at + 3]):
                        yield word[at : at + 3]
            yield word


def cut_by_blocks(normalized: str, cut_block: Callable[[str], Sequence[str]]) -> list[str]:
    """As jieba.cut(normalized, HMM=True), each block cut by `cut_block`: jieba splits the text
    at _JIEBA_BLOCK and cuts each block alone. Its split, by a group, gives the blocks at the odd
    places and the text between them at the even ones, which _JIEBA_BLOCK never matches (a
    character it could match would have joined a block): where jieba matches each part again to
    tell which it is, the place tells it here, without a search (likewise for _JIEBA_SKIP)."""
    words: list[str] = []
    for at, block in enumerate(_JIEBA_BLOCK.split(normalized)):
        if at % 2:
            words += cut_block(block)
        elif block:  # punctuation and blanks, split without the dictionary as jieba.cut does
            for place, part in enumerate(_JIEBA_SKIP.split(block)):
                if place % 2:
                    words.append(part)
                else:
                    words += part  # each character alone
    return words
