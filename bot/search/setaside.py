"""What the asker sets aside before the ask: 先不说会的事了, 说个别的, 言归正传.

A cadre tells the day first and then turns to the ask with a clause that puts the story aside:
今天检查组刚走，累瘫了。说个别的：工作群太多了怎么办. The story names facts' words (检查组)
that pull their own facts, and as an item of its own it opens a topic no one asks about. What
comes before the last such clause is dropped when something is still asked after it. The marks
are curated words (responses/setaside_marks.txt); each is a whole clause, … a few characters.

A mark ending in … opens the clause that asks (我想问…, 话说…): 领导说要开会研究精简，我想问开这种
会能不能少开几次. What comes before it is set aside only when it asks nothing, marks no further item
(另外, 还有: two asks joined are both asked) and sits on the same line, and when the rest names a
topic of its own (我想问这种情况怎么办 points back at the story, which stays).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bot.search.clauseends import (
    ASKS,
    BLANKS,
    BRACKETS,
    COLONS,
    DOT,
    ELLIPSIS,
    PAUSES,
    ClauseSplitter,
)
from bot.search.covered import FURTHER_ITEM
from bot.search.normalize import normalize
from bot.search.story import asks_something
from bot.search.wordalternation import longest_first

# Clauses as typed: commas, stops, colons, brackets, spaces. 说个别的：… sets aside before a colon;
# （会上说的是防汛） is a clause of its own.
_CLAUSE_END = ClauseSplitter(PAUSES, DOT, ASKS, COLONS, BRACKETS, ELLIPSIS, BLANKS).ends
_PARTICLES = "(?:了|吧|啊|哈|呀|哦|嘛)*"
_GAP = "[\u4e00-\u9fff]{1,8}?"  # what … stands for: 会的事 in 先不说会的事了
SHORTEST_ASK = 4  # Han characters the rest keeps to be asked on its own (表格模板老换)
# A clause opening with a turn (可, 但是, 不过) after a story that asks nothing turns from it to
# what is asked: 我们这边暗访多了，不盯台账了。可开会还是一个接一个，相关的会能不能合并开 asks of
# meetings, the checks are told as settled; 这个月开了十几场会。不过我真正想问的是，检查还翻台账吗
# asks of checks. Not 可以, 可能, 可不可以, 可否, 可靠 (a clause asking itself: 会太多，可以合并吗),
# nor 但凡, 但愿.
_TURN = re.compile(r"可是|但是|不过|但(?![凡愿])|可(?![以能不否靠])")
_HAN = re.compile(r"[\u4e00-\u9fff]")


class SetAside:
    """`marks`: the curated set-aside clauses (先不说…了, 说个别的) and ask openings (我想问…);
    `names_topic`: whether a text names a topic of the facts (no ask opening counts without)."""

    def __init__(
        self, marks: Iterable[str], names_topic: Callable[[str], bool] | None = None
    ) -> None:
        kept = {m.strip() for m in marks if m.strip()}
        shapes = sorted((m for m in kept if not m.endswith("…")), key=len, reverse=True)
        body = "|".join(_GAP.join(re.escape(p) for p in m.split("…")) for m in shapes)
        self._mark = re.compile(f"^(?:{body}){_PARTICLES}$") if body else None
        openings = longest_first(m[:-1] for m in kept if m.endswith("…"))
        self._opening = re.compile(openings) if openings and names_topic else None
        self._names_topic = names_topic

    def after(self, text: str) -> str:
        """`text` from the clause after the last set-aside clause, when that rest still says
        something (4 Han characters or more); else `text` as typed, or from an ask opening."""
        return self._from_opening(self._after_clause(text))

    def _from_opening(self, text: str) -> str:
        """`text` from the first ask opening (我想问…) or turn (可, 不过) that starts a clause
        after a story that asks nothing, on one line, with no further item marked (另外, 还有);
        else as typed. 会多，还有我想问表格的事 asks both; so do the two on two lines."""
        if self._names_topic is None:
            return text
        opening = self._opening
        for start in (end.end() for end in _CLAUSE_END.finditer(text)):
            if start >= len(text) or not (
                (opening is not None and opening.match(text, start)) or _TURN.match(text, start)
            ):
                continue
            told, rest = text[:start], text[start:]
            if (
                "\n" in told
                or FURTHER_ITEM.search(told) is not None
                or asks_something(normalize(told))
                or len(_HAN.findall(rest)) < SHORTEST_ASK
                or not self._names_topic(normalize(rest))
            ):
                return text  # the first opening decides: a later one is part of the ask
            return rest
        return text

    def _after_clause(self, text: str) -> str:
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
