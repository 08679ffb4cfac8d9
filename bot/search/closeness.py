"""How close a question is to a fact's example questions: rapidfuzz's token_sort_ratio, faster.

token_sort_ratio(a, b) is the plain ratio of a and b with their words sorted. The facts' example
questions are stored with their words sorted already (index.py), and so is the question as
ranked (会议 精简 怎么), so the sorting token_sort_ratio repeats for every pair is done once per
text here, and each fact's examples are sorted once, with the index (sorted_forms).
"""

from __future__ import annotations

from collections.abc import Sequence

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

    def __init__(self, question: str) -> None:
        self._question = question
        self._fast = _sorts_alike(question)
        self._sorted = words_sorted(question)

    def best_of_each(
        self, groups: Sequence[tuple[str, ...]], forms: Sequence[tuple[str, ...] | None]
    ) -> list[float]:
        """For each group (a fact's example questions) the best token_sort_ratio of the
        question against its examples, 0.0 for none: process.extractOne(question, group,
        scorer=fuzz.token_sort_ratio)[1]. `forms` are each group's sorted forms (`sorted_forms`,
        made once with the index), all compared in one cdist call, with no example looked up
        one by one: the same C scorer fuzz.ratio calls, in float64, so the very same numbers.
        Matcher.rank passes the examples of the facts it ranks (over a hundred at 19 facts).
        An example two facts share is compared twice: at 10,000 synthetic facts, which share
        most examples, this costs what it saves. A question or a group holding a mark
        rapidfuzz does not split at (\xa0) is compared by token_sort_ratio itself."""
        if not self._fast:  # a question holding \xa0: token_sort_ratio, example by example
            return [self._one_by_one(group) for group in groups]
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
                best.append(self._one_by_one(group))
                continue
            best.append(max(found[start:end], default=0.0))
            start = end
        return best

    def _one_by_one(self, group: Sequence[str]) -> float:
        return max((fuzz.token_sort_ratio(self._question, e) for e in group), default=0.0)


def sorted_forms(group: tuple[str, ...]) -> tuple[str, ...] | None:
    """A fact's example questions as best_of_each compares them: each one's words sorted, or
    None when one of them holds a mark rapidfuzz does not split at. The index's examples are
    stored sorted already, so this is mostly `group` itself, kept once in memory."""
    if not all(map(_sorts_alike, group)):
        return None
    forms = tuple(map(words_sorted, group))
    return group if forms == group else forms
