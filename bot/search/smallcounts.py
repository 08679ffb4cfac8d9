"""One and two typed as digits read as the article writes them: 1周 is 一周, 2次 is 两次.

The article and the facts write a count below ten in Chinese (一周最多一表, 一个月最多两次), so
those are the words the index knows; typed as a digit (1周最多1表) the count split off as a
lone "1" and the word 一周 was lost. Only a digit standing alone before a measure word is read
this way: 10分钟, 2016年, 7月底, 3.5 and codes like qq2 stay digits.
"""

from __future__ import annotations

import re

# Only one and two: the article says 一周, 一表, 一次, 两次 in words and 3天, 3分钟 in digits,
# and the facts' own digits must stay as they are (a fact's 3天 read as 三天 would no longer
# meet a question's 3).
_IN_WORDS = {"1": "一", "2": "两"}
# Periods and times, and the forms counted in them: the article's own phrases (一周最多一表, 一个
# 月最多两次). A count of things (6种, 3个, 5名) stays a digit, said plainly as a number: in words
# it would run into the noun after it (六种群 reads as 种群).
_MEASURE = "次|回|遍|天|周|个月|年|个?星期|个?礼拜|张|份|表"
_SMALL_COUNT = re.compile(rf"(?<![0-9a-z.])([12])(?![0-9.])(?=\s?(?:{_MEASURE}))")


def small_counts_in_words(text: str) -> str:
    """`text` with each lone digit before a measure word as its Chinese numeral."""
    if not any(ch in _IN_WORDS for ch in text):
        return text
    return _SMALL_COUNT.sub(lambda found: _IN_WORDS[found.group(1)], text)
