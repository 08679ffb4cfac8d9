"""Words from text: jieba with the domain dictionary, stopwords, synonyms and a pinyin channel.

The pinyin channel catches what officials actually type: homophone slips (表哥 → 表格,
检茶组 → 检查组) and Latin pinyin (jiancha, gongzuoqun).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jieba
from pypinyin import Style, lazy_pinyin

jieba.setLogLevel(logging.WARNING)

_CJK_ONLY = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")
_LATIN = re.compile(r"^[a-z]+$")
# Words the official typed but our vocabulary lacks are strong evidence of another subject.
_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"))
_FUZZY_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))
# Stopwords are segmented as whole words so "会太多" splits into 会 / 太多.
_STOPWORD_FREQ = 50_000
_DOMAIN_FREQ = 20_000
HOMOPHONE_WEIGHT = 0.8
MAX_WINDOW = 5


def fuzzy_syllable(syllable: str) -> str:
    """Fold sounds that southern speakers and pinyin keyboards mix up (zh/z, ang/an, l/n)."""
    for long, short in _FUZZY_INITIALS:
        if syllable.startswith(long):
            syllable = short + syllable[len(long) :]
            break
    if syllable.startswith("l"):
        syllable = "n" + syllable[1:]
    for long, short in _FUZZY_FINALS:
        if syllable.endswith(long):
            syllable = syllable[: -len(long)] + short
            break
    return syllable


@lru_cache(maxsize=65536)
def pinyin_key(text: str) -> str:
    """Toneless, accent-folded pinyin of Chinese text or of already-split pinyin syllables."""
    syllables = text.split() if _LATIN.match(text.replace(" ", "")) else lazy_pinyin(text)
    return " ".join(fuzzy_syllable(s) for s in syllables)


@lru_cache(maxsize=1)
def _all_syllables() -> frozenset[str]:
    from pypinyin.pinyin_dict import pinyin_dict

    found: set[str] = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            plain = unicodedata.normalize("NFD", reading.replace("ü", "v"))
            found.add("".join(c for c in plain if c.isascii()))
    found.discard("")
    return frozenset(s for s in found if s.isalpha() and len(s) <= 6)


@lru_cache(maxsize=4096)
def split_pinyin(letters: str) -> tuple[str, ...] | None:
    """Split "jianchazu" into ("jian", "cha", "zu"); None when it is not pinyin."""
    valid = _all_syllables()
    n = len(letters)
    # best[i] = fewest syllables covering letters[:i]; fewer, longer syllables is the usual reading
    best: list[tuple[int, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (0, ())
    for i in range(n):
        if best[i] is None:
            continue
        count, parts = best[i]  # type: ignore[misc]  # checked for None just above
        for j in range(i + 1, min(n, i + 6) + 1):
            piece = letters[i:j]
            if piece in valid:
                candidate = (count + 1, (*parts, piece))
                current = best[j]
                if current is None or candidate[0] < current[0]:
                    best[j] = candidate
    final = best[n]
    return final[1] if final else None


@dataclass(frozen=True)
class QueryTerm:
    term: str
    weight: float  # 1.0 for a word as typed, less for a homophone or pinyin reading
    source: str  # what the official typed


@dataclass(frozen=True)
class QueryAnalysis:
    terms: tuple[QueryTerm, ...]
    unknown: tuple[str, ...]  # content words that match nothing in the knowledge base

    @property
    def words(self) -> list[str]:
        return [t.term for t in self.terms]


class Analyzer:
    """Segments text into canonical terms; one instance per knowledge base."""

    def __init__(
        self,
        userdict: Path,
        synonyms: Mapping[str, str],
        stopwords: frozenset[str],
        domain_words: Iterable[str] = (),
    ) -> None:
        self.synonyms = dict(synonyms)
        self.stopwords = stopwords
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        self._jieba.load_userdict(str(userdict))
        for word in stopwords:
            if len(word) > 1:
                self._jieba.add_word(word, _STOPWORD_FREQ)
        for word in (*self.synonyms, *self.synonyms.values(), *domain_words):
            if len(word) > 1 and word not in stopwords:
                self._jieba.add_word(word, _DOMAIN_FREQ)
        self.vocabulary: frozenset[str] = frozenset()
        self._by_pinyin: dict[str, str | None] = {}

    def canonical(self, token: str) -> str:
        return self.synonyms.get(token, token)

    def tokens(self, normalized: str, *, for_search: bool = False) -> list[str]:
        """jieba tokens of normalised text, blanks removed."""
        cut = self._jieba.cut_for_search if for_search else self._jieba.cut
        return [t for t in cut(normalized, HMM=True) if t.strip()]

    def document_terms(self, normalized: str) -> list[str]:
        """Canonical content terms of knowledge-base text (sub-words included for recall)."""
        return [
            self.canonical(t)
            for t in self.tokens(normalized, for_search=True)
            if t not in self.stopwords and self.canonical(t) not in self.stopwords
        ]

    def set_vocabulary(self, vocabulary: Iterable[str]) -> None:
        """Index the pinyin of every known term (and stopword) for homophone look-ups."""
        self.vocabulary = frozenset(vocabulary)
        by_pinyin: dict[str, str | None] = {}
        for word in sorted(self.stopwords):
            if len(word) > 1 and _CJK_ONLY.match(word):
                by_pinyin.setdefault(pinyin_key(word), None)
        for term in sorted(self.vocabulary, key=lambda t: (-len(t), t)):
            if len(term) > 1 and _CJK_ONLY.match(term):
                by_pinyin.setdefault(pinyin_key(term), term)
        for variant, canonical in self.synonyms.items():
            if len(variant) > 1 and _CJK_ONLY.match(variant) and canonical in self.vocabulary:
                by_pinyin.setdefault(pinyin_key(variant), canonical)
        self._by_pinyin = by_pinyin

    def analyze(self, normalized: str) -> QueryAnalysis:
        """Terms of a question: words as typed, then homophone and pinyin readings of the rest."""
        terms: list[QueryTerm] = []
        unknown: list[str] = []
        pending: list[str] = []  # a run of tokens we could not place; read it by sound

        def flush() -> None:
            if pending:
                self._read_by_sound(pending, terms, unknown)
                pending.clear()

        for token in self.tokens(normalized):
            canonical = self.canonical(token)
            if token in self.stopwords or canonical in self.stopwords:
                flush()
                continue
            known = canonical in self.vocabulary
            if known and len(token) > 1:
                flush()
                terms.append(QueryTerm(canonical, 1.0, token))
            elif token.isdigit():
                flush()
                if known:
                    terms.append(QueryTerm(canonical, 1.0, token))
                else:
                    unknown.append(token)
            else:
                pending.append(token)
        flush()
        return QueryAnalysis(tuple(terms), tuple(unknown))

    def _read_by_sound(self, tokens: list[str], terms: list[QueryTerm], unknown: list[str]) -> None:
        """Match a run of unplaced tokens against known terms by pinyin, longest first."""
        latin = all(_LATIN.match(t) for t in tokens)
        # (text, was a whole token): single-character synonyms apply to whole tokens only,
        # so 体检 never turns into 检 → 检查.
        units: list[tuple[str, bool]] = []
        for token in tokens:
            if latin:
                split = split_pinyin(token) if token not in self.vocabulary else None
                if split:
                    units.extend((syllable, False) for syllable in split)
                else:
                    units.append((token, True))
            else:
                units.extend((ch, len(token) == 1) for ch in token)
        glue = " " if latin else ""
        i = 0
        leftover: list[tuple[str, bool]] = []
        while i < len(units):
            matched = False
            for size in range(min(MAX_WINDOW, len(units) - i), 1, -1):
                typed = glue.join(u for u, _ in units[i : i + size])
                key = pinyin_key(typed)
                if key in self._by_pinyin:
                    self._flush_leftover(leftover, terms, unknown, glue)
                    term = self._by_pinyin[key]
                    if term is not None:
                        weight = 1.0 if term == self.canonical(typed) else HOMOPHONE_WEIGHT
                        terms.append(QueryTerm(term, weight, typed))
                    i += size
                    matched = True
                    break
            if not matched:
                leftover.append(units[i])
                i += 1
        self._flush_leftover(leftover, terms, unknown, glue)

    def _flush_leftover(
        self,
        leftover: list[tuple[str, bool]],
        terms: list[QueryTerm],
        unknown: list[str],
        glue: str,
    ) -> None:
        """Pieces no sound matched: known whole one-character words count, the rest is unknown."""
        run: list[str] = []
        for unit, whole in leftover:
            canonical = self.canonical(unit) if whole else unit
            if canonical in self.stopwords:
                if run:
                    unknown.append(glue.join(run))
                    run = []
                continue
            if whole and canonical in self.vocabulary:
                if run:
                    unknown.append(glue.join(run))
                    run = []
                terms.append(QueryTerm(canonical, 1.0, unit))
            else:
                run.append(unit)
        if run:
            unknown.append(glue.join(run))
        leftover.clear()
