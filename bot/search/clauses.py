"""Where a question about several things splits into its parts: 会多、表多、群多 / 会议和检查."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.search.normalize import normalize

# A blank between two Latin words is a gap between pinyin syllables (huiyi jilu), not a clause.
# 第二, 其二, 二是 begin the next point of a list even unpunctuated (第一会多第二表多), unless
# they count something (第二天, 第三方评估, 第二次).
_CLAUSE_SPLIT = re.compile(
    r"[、，,;；。.?？!！/+＋&＆]+|和|与|以及|及|还有|跟|或者|再加上|加上|外加|另外|而且|并且"
    r"|(?<![A-Za-z])\s+(?=\D)|\s+(?=[^\sA-Za-z\d])"
    r"|(?<=[^\s第])(?=(?:第|其)[二三四五](?![天方次个年批轮届名期把位条点])|(?<!第)[二三四五]是)"
)


def clauses(question: str, normal: Callable[[str], str] = normalize) -> list[str]:
    """The question's clauses, normalised (by `normal`), empty ones dropped."""
    parts = [normal(p) for p in _CLAUSE_SPLIT.split(question)]
    return [p for p in parts if p]
