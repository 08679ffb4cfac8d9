"""Words typed by their initials, as pinyin keyboards allow: hy for 会议, gzq for 工作群.

Two or three letters fit many words, so a run of initials is read only as a curated word
far commoner in everyday Chinese than any other curated word with those initials (hy is
会议, not 画押); when none stands out, the letters stay unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Set

from bot.search.sound import Heard, SoundTables

MIN_LETTERS = 2
MAX_LETTERS = 4
VOWELS = frozenset("aeiouv")  # a syllable has one; a run of initials has none
DOMINANCE = 5  # the word read must be this many times commoner than the next one


class Initials:
    """Curated words by the first letters of their syllables."""

    def __init__(
        self, tables: SoundTables, curated: Set[str], frequency: Callable[[str], int]
    ) -> None:
        # initials -> term -> (how common its commonest spelling is, that spelling's row)
        found: dict[str, dict[str, tuple[int, Heard]]] = {}
        for key, row in tables[0].items():
            heard = Heard(*row)
            term = heard.term
            syllables = key.split()
            if (
                heard.role != "term"
                or not heard.usual
                or term is None
                or term not in curated
                or not MIN_LETTERS <= len(syllables) <= MAX_LETTERS
            ):
                continue
            per_term = found.setdefault("".join(s[0] for s in syllables), {})
            count = frequency(heard.word)
            if term not in per_term or count > per_term[term][0]:
                per_term[term] = (count, heard)
        self._words: dict[str, Heard] = {}
        for letters, per_term in found.items():
            ranked = sorted(per_term.values(), key=lambda entry: -entry[0])
            if len(ranked) == 1 or ranked[0][0] >= DOMINANCE * max(ranked[1][0], 1):
                self._words[letters] = ranked[0][1]

    def __call__(self, typed: str) -> Heard | None:
        """The word a run of initials stands for, or None."""
        if not MIN_LETTERS <= len(typed) <= MAX_LETTERS or VOWELS & set(typed):
            return None
        return self._words.get(typed)
