"""A person's or place's facts as the index numbers them, for ranking their facts whatever
their recall (scoring.score_recalled's `include`).

At 10,000 facts one person may hold two thousand of them: looking each up and handing the list
to numpy cost about a millisecond at every question naming them (刘书记说的会怎么开), so the
numbers of the people and places asked about lately are kept, as an array numpy takes as it is.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

Included = Sequence[int] | npt.NDArray[np.int64]  # documents scored whatever their recall

DocsOf = Callable[[tuple[str, ...]], npt.NDArray[np.int64]]  # an entity's facts: their documents

NONE_INCLUDED: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)
NONE_INCLUDED.flags.writeable = False

# People and places kept: an entity seen again (or its copy with a workplace's facts added,
# workplace.py) is found by its facts; a few KB each even for the largest.
ENTITIES_KEPT = 256


class EntityDocs:
    """The index's numbers of an entity's facts, in the entity's order."""

    def __init__(self, doc_of: Mapping[str, int]) -> None:
        self._doc_of = doc_of
        self.of = functools.lru_cache(maxsize=ENTITIES_KEPT)(self._numbered)

    def _numbered(self, fact_ids: tuple[str, ...]) -> npt.NDArray[np.int64]:
        docs = np.fromiter(map(self._doc_of.__getitem__, fact_ids), np.int64, len(fact_ids))
        docs.flags.writeable = False  # shared by every question asking for them
        return docs
