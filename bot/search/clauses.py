"""Where a question about several things splits into its parts: 会多、表多、群多 / 会议和检查."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.search.normalize import normalize, rejoined

# A new line or a circled number (①, ⑴, ❶) always ends a clause; a blank between two Latin
# words is a gap between pinyin syllables (huiyi jilu), not a clause.
# 第二, 其二, 二是 begin the next point of a list even unpunctuated (第一会多第二表多), unless
# they count something (第二天, 第三方评估, 第二次).
_CLAUSE_SPLIT = re.compile(
    r"[\n、，,;；。.?？!！/+＋&＆➕｜|•●◆▪\u2460-\u2487\u2776-\u277f]+"
    r"|和|与|以及|及|还有|跟|或者|再加上|加上|外加|另外|而且|并且"
    r"|(?<![A-Za-z])\s+(?=\D)|\s+(?=[^\sA-Za-z\d])"
    r"|(?<=[^\s第])(?=(?:第|其)[二三四五](?![天方次个年批轮届名期把位条点])|(?<!第)[二三四五]是)"
)
# The number of an item in a list (1 开会, 3) 填表, ③ reads 3), before a clause or left at the end
# of the one before (1.会多\n2.群多): not a count of anything, unless a unit follows (3 分钟).
_ITEM_NUMBER = re.compile(
    r"^[1-9]\s*[)）:：]?(?!\s*[\d分秒天个次张人小周月年遍回条页份号点岁%])\s*|\s[1-9]\s*$"
)


# 表跟表重复, 群和群之间: a word set beside itself compares one with another, no list.
_SELF_COMPARED = re.compile(r"(\w)(和|跟|与)(?=\1)")
_KEPT = {"和": "\ue000", "跟": "\ue001", "与": "\ue002"}
_RESTORED = str.maketrans({v: k for k, v in _KEPT.items()})


def clauses(question: str, normal: Callable[[str], str] = normalize) -> list[str]:
    """The question's clauses, normalised (by `normal`), list numbers dropped, empty ones
    dropped."""
    # Characters spaced out one by one (会 议 合 并 和 检 查) are one text, not clauses.
    kept = _SELF_COMPARED.sub(lambda m: m[1] + _KEPT[m[2]], rejoined(question))
    split = [p.translate(_RESTORED) for p in _CLAUSE_SPLIT.split(kept)]
    parts = [_ITEM_NUMBER.sub("", normal(p)).strip() for p in split]
    return [p for p in parts if p]
