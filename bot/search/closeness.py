"""How close a question is to a fact's example questions: rapidfuzz's token_sort_ratio, faster.

token_sort_ratio(a, b) is the plain ratio of a and b with their words sorted. The facts' example
questions are stored with their words sorted already (index.py), and so is the question as
ranked (会议 精简 怎么), so the sorting token_sort_ratio repeats for every pair is done once per
text here, and each fact's examples are sorted once, with the index (sorted_forms).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from rapidfuzz import fuzz, process

# Python's str.split() splits at these two, rapidfuzz's token functions do not: a text holding
# either is compared by token_sort_ratio itself.
_SPLIT_APART = ("\x85", "\xa0")


def words_sorted(text: str) -> str:
    """The text as token_sort_ratio compares it: its words sorted, one space between."""
    return " ".join(sorted(text.split()))


def _sorts_alike(text: str) -> bool:
    return _SPLIT_APART[0] not in text and _SPLIT_APART[1] not in text


class Closeness:
    """The best token_sort_ratio of one question against each fact's example questions."""

    def __init__(self, question: str, forms: dict[str, str | None]) -> None:
        """`forms`: each example question's sorted form (None: compared by token_sort_ratio
        itself), filled as they come, kept by the caller across questions (the examples are
        the knowledge base's, not the asker's)."""
        self._question = question
        self._fast = _sorts_alike(question)
        self._sorted = words_sorted(question)
        self._forms = forms
        self._scores: dict[str, float] = {}  # example question -> its score, computed once

    def best(self, examples: Sequence[str]) -> float:
        """As process.extractOne(question, examples, scorer=fuzz.token_sort_ratio)[1], and 0.0
        when there are no examples."""
        scores = self._scores
        try:  # the common case, every example scored already: one loop in C
            return max(map(scores.__getitem__, examples), default=0.0)
        except KeyError:
            self.score_all(examples)
        # Scores run 0-100, so the highest is also the highest above 0.0.
        return max(map(scores.__getitem__, examples), default=0.0)

    def score_all(self, examples: Iterable[str]) -> None:
        """Score every example not scored yet: those compared in sorted form in one cdist call
        (the same C scorer fuzz.ratio calls, in float64: the very same numbers), the rest
        by token_sort_ratio. Matcher.rank passes the examples of all the facts it ranks."""
        scores, forms = self._scores, self._forms
        missing = [e for e in dict.fromkeys(examples) if e not in scores]
        for example in missing:
            if example not in forms:  # the first question ever to meet it: sorted once
                forms[example] = words_sorted(example) if _sorts_alike(example) else None
        sorted_forms = list(map(forms.__getitem__, missing))
        if self._fast and None not in sorted_forms:  # the common case: one call into C
            if missing:
                found = process.cdist([self._sorted], sorted_forms, scorer=fuzz.ratio,
                                      dtype=np.float64)[0]  # fmt: skip
                scores.update(zip(missing, found.tolist(), strict=True))
            return
        for example in missing:
            scores[example] = self._score(example)

    def best_of_each(
        self, groups: Sequence[tuple[str, ...]], forms: Sequence[tuple[str, ...] | None]
    ) -> list[float]:
        """[self.best(group) for group in groups], each group a fact's example questions and
        `forms` each group's sorted forms (`sorted_forms`, made once with the index), in one
        cdist call over all those forms, with no example looked up one by one. Matcher.rank
        passes the examples of the facts it ranks (over a hundred at 19 facts): scoring them
        takes about a third less time, and the scores are the very same numbers (fuzz.ratio of
        the sorted forms, as score_all). An example two facts share is compared twice: at
        10,000 synthetic facts, which share most examples, this costs what it saves."""
        if not self._fast:  # a question holding \xa0: token_sort_ratio, example by example
            return [self.best(group) for group in groups]
        flat: list[str] = []
        ends: list[int] = []  # where each group's forms end in `flat`; -1: scored alone
        for group_forms in forms:
            if group_forms is None:
                ends.append(-1)
                continue
            flat += group_forms
            ends.append(len(flat))
        found: list[float] = []
        if flat:
            found = process.cdist([self._sorted], flat, scorer=fuzz.ratio,
                                  dtype=np.float64)[0].tolist()  # fmt: skip
        best, start = [], 0
        for group, end in zip(groups, ends, strict=True):
            if end < 0:
                best.append(self.best(group))
                continue
            best.append(max(found[start:end], default=0.0))
            start = end
        return best

    def _score(self, example: str) -> float:
        form = self._forms[example]
        if self._fast and form is not None:
            return fuzz.ratio(self._sorted, form)
        return fuzz.token_sort_ratio(self._question, example)


def sorted_forms(group: tuple[str, ...]) -> tuple[str, ...] | None:
    """A fact's example questions as best_of_each compares them: each one's words sorted, or
    None when one of them holds a mark rapidfuzz does not split at. The index's examples are
    stored sorted already, so this is mostly `group` itself, kept once in memory."""
    if not all(map(_sorts_alike, group)):
        return None
    forms = tuple(map(words_sorted, group))
    return group if forms == group else forms
