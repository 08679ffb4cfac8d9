"""Words from text: jieba with the domain dictionary, stopwords, synonyms and a pinyin channel.

The pinyin channel catches what officials actually type: homophone slips (表哥 → 表格,
检茶组 → 检查组) and Latin pinyin (jiancha, gongzuoqun).
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import jieba

from bot.kb.files import read_userdict
from bot.search.analysis import analysis_of_pieces
from bot.search.blockcut import BlockCutter, cut_by_blocks
from bot.search.boundaries import Boundaries
from bot.search.cache import trim_loaded
from bot.search.classifiers import after_count_said_again, more_than_a_number
from bot.search.cues import PatternsByStart, pattern_words, split_cues
from bot.search.hearing import Hearing
from bot.search.initials import Initials
from bot.search.mending import Mender
from bot.search.normalize import LATIN_LETTER, normalize
from bot.search.pieces import Piece, PieceFields, piece_fields, rendered
from bot.search.pinyin import CJK_ONLY, LATIN, is_syllable
from bot.search.query import QueryAnalysis
from bot.search.slipbelief import LeftoverHearing
from bot.search.sound import (
    NearSounds,
    SoundTables,
    build_tables,
    commoner_first,
    everyday_words,
    sound_entries,
)
from bot.search.spelling import Speller
from bot.search.story import NO_COMPLAINTS, Complaints
from bot.search.syllables import LoneSyllables
from bot.search.tones import NO_TONES, ToneMap, current_tones, tones_typed

jieba.setLogLevel(logging.WARNING)

# Stopwords are segmented as whole words so "会太多" splits into 会 / 太多.
_STOPWORD_FREQ = 50_000
_DOMAIN_FREQ = 20_000
# jieba's total as our words had grown it by round 7 (2,365 words), in units of its own
# dictionary's: segmentation stays as tuned then, and no longer moves as the lists grow.
SEGMENTING_TOTAL_FACTOR = 2.732
# A real word this many times commoner than the word it sounds like is meant as typed (市长, 时长)
COMMONER_THAN_HEARD = 20
# General-language rarity (log of inverse jieba frequency) runs from ~5 (不, 人) to ~14 (减负).
COMMON_RARITY = 5.0
RARITY_SPAN = 5.0
SPECIFICITY_FLOOR = 0.15
# Pinyin, initials (hy, jc) and a name by sound (qilin): a text that reads every table a
# question reads on first need (speller, sounds, initials, pinyin's syllables; warm_up).
WARM_UP = "hy de qilin shuo le sha jc"
READINGS_KEPT = 64  # a long message's readings, and a few questions before it
# Readings of texts: a clause (怎么办, 群太多) recurs across questions. 4,096 (was 1,024) and
# 8,192 blocks (was 1,024): a day's questions read 7 % fewer texts and cut 14 % fewer blocks
# afresh (the development questions in turn), for 6 MB more at the most.
ANALYSES_KEPT = 4096
BLOCKS_KEPT = 8192  # jieba's cuts of runs between punctuation, of the last questions
WORDS_KEPT = 4096  # how words as cut read alone, of the last questions


class Analyzer(Hearing):
    """Segments text into canonical terms; one instance per knowledge base."""

    def __init__(
        self,
        userdict: Path,
        synonyms: Mapping[str, str],
        stopwords: frozenset[str],
        domain_words: Iterable[str] = (),
        offtopic_cues: frozenset[str] = frozenset(),
        dictionary: Path | None = None,
        cache_dir: Path | None = None,
        measure_asks: frozenset[str] = frozenset(),
        shorthand: Mapping[str, Sequence[str]] | None = None,
        complaints: Complaints = NO_COMPLAINTS,
    ) -> None:
        self.synonyms = dict(synonyms)
        self.complaints = complaints  # 撂下, 白干: everyday words telling a burden (story.py)
        self.stopwords = stopwords
        # Known terms, filled by set_vocabulary or restore; empty until then.
        self.vocabulary: frozenset[str] = frozenset()
        # pinyin key -> the known word it reads as; exact readings, then folded ones
        self._sounds: SoundTables = ({}, {}, {})
        self._speller: Speller | None = None  # built on first need, from the sound tables
        self._initials: Initials | None = None  # likewise
        self._lone_syllables: LoneSyllables | None = None  # likewise
        self._heard_as = {}  # what each text sounds like (hearing.py), kept until the lists change
        self._mender = Mender(self._by_sound, self._single, lambda key: key in self._sounds[0])
        # 一张表现在: 表 / 现在, not 表现 / 在 (boundaries.py)
        self._boundaries = Boundaries(
            self.general_frequency, lambda w: self.canonical(w) in self.curated,
            lambda ch: self.canonical(ch) != ch and self.canonical(ch) in self.vocabulary,
        )  # fmt: skip
        self._jieba = jieba.Tokenizer(str(dictionary)) if dictionary else jieba.Tokenizer()
        self._dictionary = dictionary
        # One question is read many ways (whole, each clause, its ask, a list's parts), and
        # the same text comes back, as a short clause does in other questions (怎么办); its
        # reading depends on the text alone until the word lists change (then the cache is
        # cleared), and a reading is immutable, so it is kept.
        self._readings = functools.lru_cache(maxsize=ANALYSES_KEPT)(self._read)
        # jieba's cut of a text, kept likewise: a question read whole is cut again to look for
        # its broad asks, occasions and names (tokens); a new word clears it, as it may re-cut.
        self._cuts = functools.lru_cache(maxsize=READINGS_KEPT)(self._cut)
        # jieba cuts each run of characters between punctuation (a block) on its own, so a
        # clause, an item or an ask cut again after its whole question (会太多，表也多: 表也多)
        # takes its blocks' cuts as they were; likewise cleared by a new word.
        self._block_cuts = functools.lru_cache(maxsize=BLOCKS_KEPT)(self._cut_block)
        # How a word as cut reads alone (term, stopword, cue, a slip heard): the same word in
        # the whole question, its clauses and its ask reads the same until the lists change.
        self._classified = functools.lru_cache(maxsize=WORDS_KEPT)(self._classify_fields)
        # A run of characters no word explains, as read by sound (检茶组 → 检查组): kept alike.
        self._runs_heard = functools.lru_cache(maxsize=WORDS_KEPT)(self._run_fields)
        if cache_dir is not None:
            self._jieba.tmp_dir = str(cache_dir)
        self._jieba.initialize()
        if dictionary is None:
            trim_loaded(self._jieba)
        # jieba's cut, with the words of count 0 (会开 0) kept to this analyzer (blockcut.py)
        self._blocks = BlockCutter(self._jieba)
        # The dictionary's size before our words joined it: how rare a word is in general
        # Chinese must not shift whenever a curated list grows.
        self._general_total = float(self._jieba.total)
        # How common each word we re-weight was in general Chinese, before we re-weighted it.
        self._general_freq: dict[str, int] = {}
        self.curated: set[str] = set()
        for word, freq in read_userdict(userdict, _DOMAIN_FREQ):
            self._add_word(word, freq)
            self.curated.add(self.canonical(word))
        for word in stopwords:  # not letters (hi, ps): jieba would cut them out of pinyin
            if len(word) > 1 and not word.isascii():
                self._add_word(word, _STOPWORD_FREQ)
        # Cue words are segmented whole; cue patterns (怎么…撤回) are looked for in the text,
        # ask slots (怎么 + ?) among the words as read; a measure ask (治, 一起) fills none.
        cue_list = split_cues(offtopic_cues)
        self.cues, self.cue_patterns, self.ask_slots = (
            cue_list.words,
            cue_list.patterns,
            cue_list.slots,
        )
        # a gap pattern's parts are matched as the cut's words (周一 is none in 一周一表)
        self._patterns_by_start = PatternsByStart(self.cue_patterns, cut=self._cuts)
        self.measure_asks = measure_asks
        self.shorthand = dict(shorthand or {})  # yj: 迎检 (responses/initials.txt)
        for word in self.cues:
            if len(word) > 1:
                self._add_word(word, _STOPWORD_FREQ)
        for word in (*self.synonyms, *self.synonyms.values(), *domain_words):
            self.curated.add(self.canonical(word))
            if len(word) > 1 and word not in stopwords:
                self._add_word(word, _DOMAIN_FREQ)

    def add_domain_words(self, words: Iterable[str]) -> None:
        """More curated vocabulary after construction (names found in the facts)."""
        self._forget_readings()  # a one-character word joins the curated words alone
        for word in words:
            self.curated.add(self.canonical(word))
            if len(word) > 1 and word not in self.stopwords:
                self._add_word(word, _DOMAIN_FREQ)
        self._patterns_by_start.forget()  # a new word may re-cut a cue pattern's words

    def _add_word(self, word: str, freq: int) -> None:
        self._forget_readings()
        self._cuts.cache_clear()  # a new word may re-cut a text
        self._block_cuts.cache_clear()
        self._general_freq.setdefault(word, self._jieba.FREQ.get(word, 0))
        self._blocks.add_word(word, freq)
        # jieba adds each new word's count to its total, which weighs every cut: one more
        # curated word anywhere re-cut unrelated text (干点活都). A fixed total keeps a text's
        # cut whatever the lists hold.
        self._jieba.total = round(self._general_total * SEGMENTING_TOTAL_FACTOR)

    def specificity(self, term: str) -> float:
        """1 for curated vocabulary; for incidental words, how rare they are in general Chinese.

        A chatty question is full of words the fact texts also happen to use (地方, 结果, 不);
        these say little about what is asked and should not decide it.
        """
        if term in self.curated:
            return 1.0
        freq = self._general_freq.get(term, self._jieba.FREQ.get(term, 0))
        rarity = math.log(self._general_total / (freq + 1))
        return min(1.0, max(SPECIFICITY_FLOOR, (rarity - COMMON_RARITY) / RARITY_SPAN))

    def tokens(self, normalized: str, *, for_search: bool = False) -> list[str]:
        """jieba tokens of normalised text, blanks removed; `for_search`: as jieba's
        cut_for_search (a long word's shorter words too), for the facts' texts."""
        if for_search:  # a fact's text, read once: its blocks' cuts are not kept
            cut = self._blocks.cut_for_search(cut_by_blocks(normalized, self._blocks.cut))
            return [t for t in cut if t.strip()]
        return [t for t in self._cuts(normalized) if t.strip()]

    def _cut(self, normalized: str) -> tuple[str, ...]:
        """As tuple(jieba.cut(normalized, HMM=True)), each block's cut kept (blockcut.py)."""
        return tuple(cut_by_blocks(normalized, self._block_cuts))

    def _cut_block(self, block: str) -> tuple[str, ...]:
        return tuple(self._blocks.cut(block))

    def document_terms(self, normalized: str) -> list[str]:
        """Canonical content terms of knowledge-base text (sub-words included for recall)."""
        return [
            self.canonical(t)
            for t in self.tokens(normalized, for_search=True)
            if not self.is_stop(t)
        ]

    @property
    def state(self) -> tuple[frozenset[str], SoundTables]:
        """What set_vocabulary computed, for the on-disk cache."""
        return self.vocabulary, self._sounds

    def restore(self, state: tuple[frozenset[str], SoundTables]) -> None:
        self.vocabulary, self._sounds = state
        self._speller, self._initials = None, None
        self._forget_readings()

    def _spelling(self) -> Speller:
        if self._speller is None:
            synonyms = [(v, c) for v, c in sorted(self.synonyms.items()) if c in self.vocabulary]
            words = [*((t, t) for t in sorted(self.vocabulary)), *synonyms]
            near = NearSounds(self._sounds)
            real = self._is_real_word
            self._speller = Speller(words, self.curated, self.general_frequency, real, near)
        return self._speller

    def set_vocabulary(self, vocabulary: Iterable[str]) -> None:
        """Index the pinyin of every known term, synonym, stopword and cue for look-ups by sound."""
        self.vocabulary = frozenset(vocabulary)
        words = sound_entries(
            self.stopwords, self.vocabulary, self.synonyms, self.cues,
            pattern_words(self.cue_patterns),
        )  # fmt: skip
        words = commoner_first(words, self.curated, self.general_frequency)
        known = {w for w, _, _ in words} | set(self.synonyms.values())
        self._sounds = build_tables(words, everyday_words(self._dictionary, known))
        self._speller, self._initials = None, None
        self._forget_readings()

    def _forget_readings(self) -> None:
        """Drop every reading kept of a text: the lists or tables they came from changed."""
        self._readings.cache_clear()
        self._classified.cache_clear()
        self._runs_heard.cache_clear()
        self._heard_as.clear()

    def warm_up(self) -> None:
        """Read now what a first question would read on need (WARM_UP; 1.5 s at 10,000 facts)."""
        self.analyze(self.spelled(normalize(WARM_UP)))
        is_syllable(WARM_UP)  # pinyin's syllables, which scoring reads too

    def tables_read(self) -> tuple[object | None, ...]:  # speller, initials, lone syllables
        return self._speller, self._initials, self._lone_syllables  # None: not read yet

    def analyze(self, normalized: str) -> QueryAnalysis:
        """Terms of a question: words as typed, then homophone and pinyin readings of the rest."""
        return self._readings(normalized, current_tones())  # tong1zhi1 is read as typed

    def _read(self, normalized: str, tones: ToneMap = NO_TONES) -> QueryAnalysis:
        with tones_typed(tones):
            return self._read_toned(normalized)

    def _read_toned(self, normalized: str) -> QueryAnalysis:
        return analysis_of_pieces(
            normalized, self._pieces(normalized), self.complaints,
            self._patterns_by_start, self.ask_slots, self.measure_asks,
        )  # fmt: skip

    def spelled(self, normalized: str) -> str:
        """The question with its pinyin written as the words heard (gongzuoqun qingli le duo
        shao ge → 工作群清理了多少个), for what reads characters only: number asks, names.
        What is spelled is normalised again, as if typed so (yi jiu ling ge: 190个)."""
        if LATIN_LETTER.search(normalized) is None:
            return normalized
        spelled = rendered(self._pieces(normalized), across_scripts=True)
        return spelled if spelled == normalized else normalize(spelled)

    def _pieces(self, normalized: str) -> list[Piece]:
        """The question cut into pieces: words as typed, then read by sound, then mended."""
        pieces: list[Piece] = []
        pending: list[str] = []
        # 一张表现在 (boundaries.py), 一个接一个地建 (classifiers.py): a word given back
        tokens, adverbials = after_count_said_again(self._boundaries.recut(self._cuts(normalized)))
        classified = self._classified  # a fresh piece of each: mending changes it in place
        for at, token in enumerate(tokens):
            if at in adverbials:
                pieces.append(Piece(token, "stop"))
                continue
            if not token.strip():
                # Punctuation was here: 长、表 are two words; spaced pinyin (qun tai duo)
                # stays one run.
                if pending and all(LATIN.match(t) for t in pending):
                    continue
                if pending:
                    pieces += self._heard(pending)
                    pending = []
                pieces.append(Piece(" ", "break"))
                continue
            fields = classified(token)
            # 20 多张: a count said, not 多长 heard (classifiers.py); 多份 is a word of ours
            heard = fields[1] == "term" and self.canonical(token) not in self.vocabulary
            if heard and more_than_a_number(tokens, at):
                fields = piece_fields(Piece(token, "stop"))
            if fields[1] == "pending":
                pending.append(token)
                continue
            if pending:
                pieces += self._heard(pending)
                pending = []
            pieces.append(Piece(*fields))
        pieces += self._heard(pending)
        self._mender.mend_neighbours(pieces)
        pieces = self._mender.mend_phrases(self._mender.reread_across(pieces))
        pieces = LeftoverHearing(self._sounds, self.general_frequency, self.is_stop).mend(pieces)
        return self._spelling().respell(pieces)

    def _classify(self, token: str) -> Piece:
        """A fresh piece each time: mending changes pieces in place (an unknown absorbed)."""
        return Piece(*self._classified(token))

    def _classify_fields(self, token: str) -> PieceFields:
        return piece_fields(self._classify_afresh(token))

    def _heard(self, tokens: list[str]) -> list[Piece]:
        """_read_by_sound, in fresh pieces. Pinyin is read with the tones typed (tong1zhi1),
        which the text alone does not give: a run holding pinyin is read afresh."""
        if not tokens:
            return []
        if any(LATIN.match(token) for token in tokens):
            return self._read_by_sound(tokens)
        return [Piece(*fields) for fields in self._runs_heard(tuple(tokens))]

    def _run_fields(self, tokens: tuple[str, ...]) -> tuple[PieceFields, ...]:
        return tuple(map(piece_fields, self._read_by_sound(list(tokens))))

    def _classify_afresh(self, token: str) -> Piece:
        canonical = self.canonical(token)
        if token in self.cues:
            return Piece(token, "cue")
        if self.is_stop(token):
            return Piece(token, "stop")
        if canonical in self.vocabulary and (len(token) > 1 or token.isdigit()):
            return self._candidate_slip(token) or Piece(token, "term", canonical)
        if token.isdigit():
            return Piece(token, "unknown")
        if len(token) > 1 and self._is_real_word(token) and CJK_ONLY.match(token):
            # A real word we do not know (会议室, 体检) is its own subject: read it whole
            # by exact sound (表哥 → 表格), never piecemeal (会议室 is not 会议) nor by a
            # near sound (新建 is not 新疆).
            found = self._by_sound(token, allow_fuzzy=False)
            heard_freq = self.general_frequency(found[0].word) + 1 if found else 0
            if found is None or self.general_frequency(token) > COMMONER_THAN_HEARD * heard_freq:
                return Piece(token, "unknown")
            return self._heard_piece(token, *found, whole=True)
        return Piece(token, "pending")
