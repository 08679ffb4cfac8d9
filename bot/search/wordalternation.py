"""Any word of a list as one regular expression, for the curated lists read as plain words.

Python's `re` takes the first alternative that matches, not the longest: `会|会议` finds only
会 in 开会议. Each list is therefore joined longest first, so a longer word wins over its prefix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def longest_first(words: Iterable[str]) -> str:
    """The words as one alternation (no group around it), each matched as typed, the longest
    tried first; repeated and empty words are left out, so '' means there are none."""
    listed = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(map(re.escape, listed))
