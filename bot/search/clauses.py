"""Where a question about several things splits into its parts: 会多、表多、群多 / 会议和检查."""

from __future__ import annotations

import re

from bot.search.normalize import normalize

# A blank between two Latin words is a gap between pinyin syllables (huiyi jilu), not a clause.
_CLAUSE_SPLIT = re.compile(
    r"[、，,;；。.?？!！/+＋&＆]+|和|与|以及|及|还有|跟|或者|再加上|加上|外加|另外|而且|并且"
    r"|(?<![A-Za-z])\s+(?=\D)|\s+(?=[^\sA-Za-z\d])"
)


def clauses(question: str) -> list[str]:
    """The question's clauses, normalised, empty ones dropped."""
    parts = [normalize(p) for p in _CLAUSE_SPLIT.split(question)]
    return [p for p in parts if p]
