"""A clause that only says where the news was seen or heard opens no topic.

A cadre tells where the news came from before the ask: 刚才在群里看到通知，下周又要开个部署会…
有没有规定同一主题只开一次的？ or 领导在群里说'表格格式有调整，之前的作废'…怎么办. Read alone,
the first clause names the work groups (群, 通知 of 同一通知在多个群重复转发) and, as a part of a
message asking several things, would open the groups' topic ahead of the one asked. It says
only the way the news arrived: who or when (领导, 刚才), 在, a curated mark
(responses/heard_in_marks.txt: 群里看到, 群里说, 会上讲) and at most a notice or 了. A burden
of the group itself (群里消息太多, 群里天天发通知) says more, and stays a part. What was said,
quoted after the mark (领导在群里说'表格格式有调整': a quote or colon leaves a space in the
normalised clause), is the part.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.search.wordalternation import longest_first

# Who or when before the mark: 领导, 同事, 刚才, 昨天晚上 (four characters at most), none naming
# a topic by its one-character word (开会时在群里说 is about a meeting).
_WHO_OR_WHEN = r"[^会表检群\s]{0,4}?"
_AFTER = r"(?:又|也|刚|刚刚|都)?"
# What may follow the mark: 了, 说, 道, 一条/个 通知 or 消息 (群里看到通知, 群里说了).
_TAIL = r"(?:了|说|道)?(?:一?[条个])?(?:通知|消息)?(?:了|说|道)?"


class HeardIn:
    """`marks`: the curated marks of where the news was seen or heard (群里看到, 会上说)."""

    def __init__(self, marks: Iterable[str]) -> None:
        body = longest_first(m.strip() for m in marks)
        self._lead = re.compile(f"^{_WHO_OR_WHEN}在?{_AFTER}(?:{body}){_TAIL}") if body else None

    def told(self, clause: str) -> str:
        """The clause (normalised) without where the news was seen or heard: nothing when
        that is all it says, what was said when quoted after it, else the clause as it is."""
        if self._lead is None:
            return clause
        text = clause.strip()
        found = self._lead.match(text)
        if found is None:
            return clause
        rest = text[found.end() :]
        if not rest.strip():
            return ""
        # 领导在群里说 表格格式有调整: the quote; 群里通知太多 is the groups' own burden.
        return rest.strip() if rest[0].isspace() else clause
