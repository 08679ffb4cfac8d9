"""jieba's cut for the variant generators, free of what a matcher taught jieba.

jieba keeps the words no tokenizer may join (a count of 0, as `responses/userdict.txt` gives
会开 0) in one set shared by every tokenizer of the process, `jieba.finalseg.Force_Split_Words`.
A generator cutting after a matcher was built would cut as the matcher's word lists say: two
codes compared on the same sources (`--sources`) would make other variants whenever their
`userdict.txt` differ in a word of count 0.
"""

from __future__ import annotations

import jieba
from jieba import finalseg


def cut_alone(tokenizer: jieba.Tokenizer, text: str) -> list[str]:
    """The tokenizer's cut of `text` (with jieba's HMM for unknown runs), as a process that
    built no matcher cuts it."""
    shared = finalseg.Force_Split_Words
    finalseg.Force_Split_Words = set()
    try:
        return list(tokenizer.lcut(text))
    finally:
        finalseg.Force_Split_Words = shared
