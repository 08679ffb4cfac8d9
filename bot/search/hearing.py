"""Reading by sound: the half of the analyzer that hears what was typed as known words.

A homophone slip (表哥 → 表格), pinyin (jiancha), a lone syllable or character left over, an
uncurated word that is a keyboard's wrong candidate for a curated one (回忆 → 会议). `Hearing`
holds these steps; `Analyzer` inherits them and owns the tables they read, which it builds
(`set_vocabulary`) or restores from the cache.
"""

from __future__ import annotations

from collections.abc import Sequence

import jieba

from bot.search.initials import Initials
from bot.search.letterslips import mend_letters
from bot.search.pieces import Piece, merge_unknown
from bot.search.pinyin import CJK_ONLY, LATIN, is_stop_syllable, split_pinyin
from bot.search.sound import (
    FOLDED_READING,
    FUZZY_SOUND_WEIGHT,
    HOMOPHONE_WEIGHT,
    USUAL_READING,
    Heard,
    SoundTables,
    Unit,
    best_reading,
    characters,
    hear,
    surface,
)
from bot.search.syllables import LoneSyllables
from bot.search.tones import current_tones, tones_agree, tones_of

REAL_WORD_FREQ = 20  # jieba entries rarer than this are fragments, not words
HEARD_KEPT = 8192  # texts heard by sound (_by_sound), of the last questions
# What _by_sound's memo gives for a text not heard yet (a hearing may be None).
_UNHEARD: tuple[Heard, float] = (Heard("", None, "", False), 0.0)
# A word the facts merely use (回忆, from 小李回忆说) that sounds exactly like a curated word this
# many times commoner (会议) is a keyboard's wrong candidate: huiyi typed, 回忆 picked.
CANDIDATE_SLIP = 5


class Hearing:
    """The sound-reading steps of `Analyzer`, over the state the analyzer keeps."""

    # Set by Analyzer: its synonyms, stopwords, curated and known terms, the sound tables,
    # jieba with its general counts, and the initials reader built on first need.
    synonyms: dict[str, str]
    stopwords: frozenset[str]
    curated: set[str]
    vocabulary: frozenset[str]
    _sounds: SoundTables
    _jieba: jieba.Tokenizer
    _general_freq: dict[str, int]
    _initials: Initials | None
    shorthand: dict[str, Sequence[str]]
    _lone_syllables: LoneSyllables | None
    # What each text was heard as (_by_sound): cleared by Analyzer whenever the word lists or
    # sound tables change, as its other readings are.
    _heard_as: dict[tuple[str, bool], tuple[Heard, float] | None]

    def general_frequency(self, word: str) -> int:
        """How common a word is in general Chinese (jieba's count, before our re-weighting)."""
        return int(self._general_freq.get(word, self._jieba.FREQ.get(word, 0)))

    def canonical(self, token: str) -> str:
        return self.synonyms.get(token, token)

    def is_stop(self, token: str) -> bool:
        return token in self.stopwords or self.canonical(token) in self.stopwords

    def _is_real_word(self, token: str) -> bool:
        """In the dictionary often enough to be a word of its own; jieba's rarest entries
        (开有, 各个部门, 沉得) are fragments better read piece by piece."""
        return bool(self._jieba.FREQ.get(token, 0) >= REAL_WORD_FREQ)

    def _by_sound(self, typed: str, allow_fuzzy: bool = True) -> tuple[Heard, float] | None:
        """The known word that text (characters, or spaced syllables) sounds like, and the
        weight its term deserves. Kept: a question, its clauses and its ask hear the same
        pairs again (工作+裙 mended in each), and the hearing depends on the text alone (no
        tones: its units carry none) until the lists change."""
        # A dict, not functools.lru_cache: one get (None is a hearing, so a marker tells a
        # miss) took 0.29 µs a hit against lru_cache's 0.37 and the former `in` then `[]`'s
        # 0.52 (paired timeit); callers pass allow_fuzzy by place or by name, one key here.
        key = (typed, allow_fuzzy)
        found = self._heard_as.get(key, _UNHEARD)
        if found is _UNHEARD:
            if len(self._heard_as) >= HEARD_KEPT:
                self._heard_as.clear()
            found = self._heard_as[key] = self._by_sound_afresh(typed, allow_fuzzy)
        return found

    def _by_sound_afresh(self, typed: str, allow_fuzzy: bool) -> tuple[Heard, float] | None:
        latin = bool(LATIN.match(typed.replace(" ", "")))
        units = [Unit(u, latin) for u in (typed.split() if latin else typed)]
        found = hear(self._sounds, units, allow_fuzzy)
        if found is None:
            return None
        heard, sureness = found
        if not self._believable(typed, heard):
            return None
        return heard, self._sound_weight(typed, heard, sureness)

    def _believable(self, typed: str, heard: Heard) -> bool:
        """Whether text typed may stand for the word heard: itself, or a slip for it. A rare
        reading is believed of curated words only (mo ban is 模板): hui tai is no 会能 (能 read
        tai), a pair of characters some fact happens to hold."""
        if not heard.usual and heard.term is not None and heard.term not in self.curated:
            return False
        return (
            heard.term is None
            or heard.term == self.canonical(typed)
            or self._slip_to(typed, heard.term)
        )

    def _sound_weight(self, typed: str, heard: Heard, sureness: float) -> float:
        """A word as typed weighs 1, a homophone or pinyin reading less, a folded one least."""
        if sureness <= FOLDED_READING:
            return FUZZY_SOUND_WEIGHT
        if sureness >= USUAL_READING and " " in typed and LATIN.match(typed.replace(" ", "")):
            return 1.0  # jian cha spells 检查 by its usual reading: no slip, just another script
        return 1.0 if heard.term == self.canonical(typed) else HOMOPHONE_WEIGHT

    def _heard_piece(self, text: str, heard: Heard, weight: float, whole: bool) -> Piece:
        """A stretch read by sound: a term, a stopword, a cue, or a real word we lack."""
        written = "" if CJK_ONLY.match(text) else heard.word
        if heard.role == "term" and heard.term:
            return Piece(text, "term", heard.term, weight, whole, written)
        kind = {"stop": "stop", "cue": "cue"}.get(heard.role, "unknown")
        return Piece(text, kind, whole=whole, written=written)

    def _slip_to(self, typed: str, term: str | None) -> bool:
        """Whether Chinese characters typed may be a slip for `term` (表哥 → 表格). Only the
        curated vocabulary is worth a slip: a word the facts merely happen to use (一记, 每个,
        总支) sounds like too much everyday Chinese (一级, 没个, 综治), often through a rare
        reading of one character (能 read tai: 会太 → 会能). Typed pinyin names no
        characters, so it may mean any word."""
        return term is None or term in self.curated or not CJK_ONLY.match(typed)

    def _candidate_slip(self, token: str) -> Piece | None:
        """An uncurated known word read as the much commoner curated word it sounds exactly
        like (回忆 → 会议), or None."""
        if token in self.curated or self.canonical(token) in self.curated:
            return None
        if not CJK_ONLY.match(token):
            return None
        found = hear(self._sounds, [Unit(ch, False) for ch in token], allow_fuzzy=False)
        if found is None or found[1] < USUAL_READING or found[0].role != "term":
            return None
        heard = found[0]
        if heard.term is None or heard.term not in self.curated or heard.word == token:
            return None
        if self.general_frequency(heard.word) < CANDIDATE_SLIP * self.general_frequency(token):
            return None
        return Piece(token, "term", heard.term, HOMOPHONE_WEIGHT)

    def _read_by_sound(self, tokens: list[str]) -> list[Piece]:
        """Read a run of unplaced tokens as the known words that explain most of it by sound."""
        if not tokens:
            return []
        units: list[Unit] = []
        for token in tokens:
            if LATIN.match(token):
                split = split_pinyin(token) if token not in self.vocabulary else None
                split = split or mend_letters(token, self._sounds, self._believable, self.stopwords)
                if split:
                    tones = tones_of(token, split, current_tones())  # tong1zhi1: 1, 1
                    units.extend(
                        Unit(s, True, False, not at, tone)
                        for at, (s, tone) in enumerate(zip(split, tones, strict=True))
                    )
                else:
                    units.append(Unit(token, True))
            else:
                units.extend(characters(token, self.is_stop, self._lone))
        pieces: list[Piece] = []
        for start, end, found in best_reading(self._sounds, units, self._believable):
            window = units[start:end]
            if found is None:
                unit = window[0]
                pieces.append(self._single(unit.text, unit.whole, unit.latin, unit.tone))
                continue
            typed = surface(window)
            weight = self._sound_weight(typed, *found)
            pieces.append(self._heard_piece(typed, found[0], weight, whole=False))
        return merge_unknown(pieces)

    def sure_initials(self, typed: str) -> bool:
        """Whether letters typed read as their word by themselves (hy), not as a guess (gz)."""
        return self._initials is not None and self._initials.sure(typed)

    def _lone_reader(self) -> LoneSyllables:
        if self._lone_syllables is None:
            chars = [w for w in self._jieba.FREQ if len(w) == 1]
            self._lone_syllables = LoneSyllables(chars, self.general_frequency, self.is_stop)
        return self._lone_syllables

    def _likely_alone(self, syllable: str, word: str) -> bool:
        return len(word) != 1 or self._lone_reader().likely(syllable, word)

    def _lone(self, char: str) -> bool:
        """A character that is a word by itself: a stopword or a known one-character word."""
        return self.is_stop(char) or self.canonical(char) in self.vocabulary

    def _single(self, unit: str, whole: bool, latin: bool, tone: int = 0) -> Piece:
        """One character or syllable left over: a whole-token synonym, a stopword, or unknown."""
        if latin:
            if unit in self.vocabulary:
                return Piece(unit, "term", unit)
            if is_stop_syllable(unit, self.stopwords):  # de, ma: written 的, 吗 for cue patterns
                return Piece(unit, "stop", written=self._lone_reader().spelled(unit, stop=True))
            if self._initials is None:
                self._initials = Initials(
                    self._sounds, self.curated, self.general_frequency,
                    self.shorthand, self.canonical,
                )  # fmt: skip
            initials = self._initials(unit)  # hy: 会议, weakly
            if initials is not None and initials.term:
                # A guess among rivals (jc: 检查 or 基层) stays in letters when the question is
                # written out, so that the rest of it must bear the guess out (crossing.py).
                written = "" if self._initials.guessed(unit) else initials.word
                return Piece(unit, "term", initials.term, FUZZY_SOUND_WEIGHT, False, written)
            # A lone syllable may still be a one-character word: biao → 表 → 表格; qi is
            # no 勤, whose reading it is far more rarely than 其's or 起's.
            found = self._by_sound(unit, allow_fuzzy=False)
            if (
                found is not None
                and found[0].role == "term"
                and found[0].term
                and self._likely_alone(unit, found[0].word)
                and tones_agree(found[0].word, (tone,))  # hui2 is no 会 (hui4)
            ):
                return Piece(unit, "term", found[0].term, HOMOPHONE_WEIGHT, False, found[0].word)
            return Piece(unit, "unknown", whole=whole)
        if self.is_stop(unit):
            return Piece(unit, "stop")
        if whole and self.canonical(unit) in self.vocabulary:
            return Piece(unit, "term", self.canonical(unit))
        return Piece(unit, "unknown", whole=whole)
