"""A count said in words (三次, 两张, 十几个, 五天, 第二个) says how many, not what of.

jieba cuts a small count and its measure word as one word (开了三次会: 开/了/三次/会), and a
word the facts do not know counts against a match as an unknown subject would: 防汛这一件事，
这周开了三回会 was no longer clean, and scored below the bar, for its 三次. The count is no
subject; what it counts is read where it matters (the burden marks and sibling marks read the
text, story.py and siblingmarks.py). Digits stay as they are (a figure no fact holds, 2000,
is still unknown), and so does a count the facts hold (一次, 两次, 五六个: their own words).
"""

from __future__ import annotations

import re

# A numeral in words (三, 十几, 好几, 二三十, 第二), an optional 来/多/余, then one measure word.
_COUNT_SAID = re.compile(
    r"(?:第|好)?[一二两三四五六七八九十百千几]+[来多余]?"
    r"[个次回遍张份天周趟场拨轮条项件户本页家位名篇]"
)


def is_count_said(token: str) -> bool:
    """The token is a count said in words and nothing else (三次, 十几个; not 三天两头)."""
    return len(token) > 1 and _COUNT_SAID.fullmatch(token) is not None
