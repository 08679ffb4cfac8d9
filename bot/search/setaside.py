"""What the asker sets aside before the ask: 先不说会的事了, 说个别的, 言归正传.

A cadre tells the day first and then turns to the ask with a clause that puts the story aside:
今天检查组刚走，累瘫了。说个别的：工作群太多了怎么办. The story names facts' words (检查组)
that pull their own facts, and as an item of its own it opens a topic no one asks about. What
comes before the last such clause is dropped when something is still asked after it. The marks
are curated words (responses/setaside_marks.txt); each is a whole clause, … a few characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Clauses as typed: commas, stops, colons, brackets, spaces. 说个别的：… sets aside before a colon;
# （会上说的是防汛） is a clause of its own.
_CLAUSE_END = re.compile(r"[，,。.！!？?；;：:（）()【】\[\]~～…\s]+")
_PARTICLES = "(?:了|吧|啊|哈|呀|哦|嘛)*"
_GAP = "[\u4e00-\u9fff]{1,8}?"  # what … stands for: 会的事 in 先不说会的事了
SHORTEST_ASK = 4  # Han characters the rest keeps to be asked on its own (表格模板老换)
_HAN = re.compile(r"[\u4e00-\u9fff]")


class SetAside:
    """`marks`: the curated set-aside clauses (先不说…了, 说个别的)."""

    def __init__(self, marks: Iterable[str]) -> None:
        shapes = sorted({m.strip() for m in marks if m.strip()}, key=len, reverse=True)
        body = "|".join(_GAP.join(re.escape(p) for p in m.split("…")) for m in shapes)
        self._mark = re.compile(f"^(?:{body}){_PARTICLES}$") if body else None

    def after(self, text: str) -> str:
        """`text` from the clause after the last set-aside clause, when that rest still says
        something (4 Han characters or more); else `text` as typed."""
        if self._mark is None:
            return text
        start, cut = 0, None
        for end in _CLAUSE_END.finditer(text + "。"):
            clause = text[start : end.start()]
            if clause and self._mark.match(clause):
                cut = min(end.end(), len(text))
            start = end.end()
        if cut is None:
            return text
        rest = text[cut:]
        return rest if len(_HAN.findall(rest)) >= SHORTEST_ASK else text
