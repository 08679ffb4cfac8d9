"""Pinyin with one letter slipped: two letters swapped (gognzuoqun), one doubled or stray
(huiyyi), one left out (gongzuoqn), one hit on the key beside it (jiabcha, qiamzi). Such a
run splits into no syllables and was lost whole.

It is read as the pinyin meant only when the slip is mended in one way: the mended letters
must split into syllables that spell known words through and through, one of them a curated
word of two syllables or more, and every mending that does so must read as the same words.
Anything else (an English word, a name, two readings) stays unknown: a lost word costs a
not-found at worst, a wrong reading a wrong answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from bot.search.pinyin import is_stop_syllable, split_pinyin
from bot.search.sound import EVERYDAY_READING, Heard, SoundTables, Unit, best_reading

MIN_LETTERS = 5  # shorter runs (tia, jinn) mend into too many syllables to tell which
MAX_LETTERS = 24  # a sentence typed without spaces is not one word slipped
VOWELS = frozenset("aeiouv")  # a run of initials (gzq) has none and is not pinyin slipped
# Letters a pinyin syllable most often loses: a vowel, the g of -ng, the h of zh/ch/sh.
DROPPED = "aeiouvgnh"
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# The keys either side of each key on a phone's keyboard, where a thumb slips to.
BESIDE = {
    key: row[max(i - 1, 0) : i] + row[i + 1 : i + 2]
    for row in _KEY_ROWS
    for i, key in enumerate(row)
}


def slips_mended(letters: str) -> Iterator[str]:
    """Every text one slip away: two neighbours swapped, one letter taken out, one put in,
    one for the key beside it."""
    for i in range(len(letters) - 1):
        if letters[i] != letters[i + 1]:
            yield letters[:i] + letters[i + 1] + letters[i] + letters[i + 2 :]
    for i in range(len(letters)):
        yield letters[:i] + letters[i + 1 :]
    for i in range(len(letters) + 1):
        for letter in DROPPED:
            yield letters[:i] + letter + letters[i:]
    for i, typed in enumerate(letters):
        for key in BESIDE.get(typed, ""):
            yield letters[:i] + key + letters[i + 1 :]


def mend_letters(
    letters: str,
    tables: SoundTables,
    accept: Callable[[str, Heard], bool],
    stopwords: frozenset[str],
) -> tuple[str, ...] | None:
    """The syllables a run of letters that is no pinyin was meant to be, or None.
    `accept` may turn down a word heard, as in reading by sound; a syllable left alone must
    be a particle (le, ma) of `stopwords`."""
    if not MIN_LETTERS <= len(letters) <= MAX_LETTERS or not VOWELS & set(letters):
        return None
    # words spelled -> (particles left alone, the syllables); fewer particles is the reading
    # meant: gongzuoqn is 工作群, not 工作 + qin
    readings: dict[tuple[str, ...], tuple[int, tuple[str, ...]]] = {}
    for mended in dict.fromkeys(slips_mended(letters)):
        syllables = split_pinyin(mended)
        if syllables is None:
            continue
        words = _spelled_words(syllables, tables, accept, stopwords)
        if words is not None:
            particles = sum(1 for word in words if word.isascii())
            readings.setdefault(words, (particles, syllables))
    if not readings:
        return None
    fewest = min(particles for particles, _ in readings.values())
    best = [syllables for particles, syllables in readings.values() if particles == fewest]
    return best[0] if len(best) == 1 else None


def _spelled_words(
    syllables: tuple[str, ...],
    tables: SoundTables,
    accept: Callable[[str, Heard], bool],
    stopwords: frozenset[str],
) -> tuple[str, ...] | None:
    """The words the syllables spell, when known words (or particles) explain every one of
    them by their plain reading and a curated word of two syllables or more is among them."""
    units = [Unit(s, True, False) for s in syllables]
    words: list[str] = []
    long_term = False
    for start, end, found in best_reading(tables, units, accept):
        if found is None and is_stop_syllable(syllables[start], stopwords):
            words.append(syllables[start])
            continue
        if found is None or found[1] < EVERYDAY_READING:
            return None
        heard = found[0]
        long_term = long_term or (heard.role == "term" and end - start > 1)
        words.append(heard.word)
    return tuple(words) if long_term else None
