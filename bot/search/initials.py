"""Words typed by their initials, as pinyin keyboards allow: hy for 会议, gzq for 工作群.

Two or three letters fit many words, so a run of initials is read only as a curated word
far commoner in everyday Chinese than any other curated word with those initials (hy is
会议, not 画押); when none stands out, the letters stay unknown. A reading is *sure* when the
word is also commoner than every other word the knowledge base knows with those initials,
stopwords and words the facts merely use included (hy: 会议 before 还有); an unsure one (gz: 盖章,
though 工作 is far commoner) is a guess the rest of the question must bear out.

Officials' own shorthand is no everyday Chinese: yj is 迎检 to them, though 意见 and 业绩 are far
commoner. A curator's list (responses/initials.txt) reads such letters first: surely, or as a guess
when it names rivals beside the word (jc: 检查, or 基层).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence, Set

from bot.search.sound import Heard, SoundTables

MIN_LETTERS = 2
MAX_LETTERS = 4
VOWELS = frozenset("aeiouv")  # a syllable has one; a run of initials has none
DOMINANCE = 5  # the word read must be this many times commoner than the next one


class Initials:
    """Curated words by the first letters of their syllables."""

    def __init__(
        self,
        tables: SoundTables,
        curated: Set[str],
        frequency: Callable[[str], int],
        shorthand: Mapping[str, Sequence[str]] | None = None,
        canonical: Callable[[str], str] = lambda word: word,
    ) -> None:
        """`shorthand`: letters -> the word they are typed for, then its rivals (yj: 迎检;
        jc: 检查, 基层); `canonical`: the term a word stands for (迎检 → 检查)."""
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
        rivals = _commonest_rivals(tables, curated, frequency)
        self._words: dict[str, Heard] = {}
        self._sure: set[str] = set()
        self._guesses: set[str] = set()
        for letters, per_term in found.items():
            ranked = sorted(per_term.values(), key=lambda entry: -entry[0])
            if len(ranked) == 1 or ranked[0][0] >= DOMINANCE * max(ranked[1][0], 1):
                self._words[letters] = ranked[0][1]
                if ranked[0][0] > rivals.get(letters, -1):
                    self._sure.add(letters)
        self._curated = frozenset(shorthand or {})
        for letters, (word, *others) in (shorthand or {}).items():
            term = canonical(word)
            if term not in curated:
                continue  # a word the facts do not use answers nothing
            self._words[letters] = Heard(word, term, "term", True)
            if others:  # jc: 检查 or 基层, read only when the question bears it out
                self._sure.discard(letters)
                self._guesses.add(letters)
            else:
                self._sure.add(letters)

    def __call__(self, typed: str) -> Heard | None:
        """The word a run of initials stands for, or None."""
        if not MIN_LETTERS <= len(typed) <= MAX_LETTERS:
            return None
        if VOWELS & set(typed):  # af is 暗访 when the curator says so, never a guess
            return self._words.get(typed) if typed in self._curated else None
        return self._words.get(typed)

    def sure(self, typed: str) -> bool:
        """Whether the letters read as their word whatever else the question says."""
        return typed in self._sure

    def guessed(self, typed: str) -> bool:
        """Whether the curator lists rivals for the letters' word (jc: 检查, or 基层)."""
        return typed in self._guesses


def _commonest_rivals(
    tables: SoundTables, curated: Set[str], frequency: Callable[[str], int]
) -> dict[str, int]:
    """By initials, how common the commonest known word that is no curated term is."""
    rivals: dict[str, int] = {}
    for key, row in tables[0].items():
        heard = Heard(*row)
        syllables = key.split()
        if not heard.usual or not MIN_LETTERS <= len(syllables) <= MAX_LETTERS:
            continue
        if heard.role == "term" and heard.term in curated:
            continue
        letters = "".join(s[0] for s in syllables)
        rivals[letters] = max(rivals.get(letters, 0), frequency(heard.word))
    return rivals
