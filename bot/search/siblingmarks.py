"""Which of one topic's facts a burden means, by what it says the burden is.

A topic's facts share its words (会, 开会, 表, 检查, 群): 这礼拜五天开了六个会 names meetings and
a week, and the weekly routine meeting's fact holds 周 and 会 as well as the one on how many
meetings there are. What tells them apart is what the burden is: how many (开了六个会), how long
(领导讲话一讲一上午), the same thing again (一个事开三回), what is kept (会议记录), who asks
(每个部门都来要). `responses/sibling_marks.yaml` says it per fact. When the best match says none of
its marks and a sibling close behind it does, the sibling goes first, at the best score (the
scores stay in order; how sure the ranking is does not change).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from bot.kb import Fact
from bot.search.normalize import normalize
from bot.search.ranked import Match

NEAR = 10.0  # a sibling this close to the best match may go first when its marks fit
# … or this close in a burden told with no cue (story.py): what the burden is outweighs the
# scene's words the best shares (上个月去参加了十几个会: 参加 is the weekly routine meeting's word,
# 十几个会 is how many meetings). Tuned on the tune part: fixes from dev-problems11 and
# dev-problems5, nothing lost; 18 fixed dev-problems7 too but lost one of dev-problems10 and made
# the test part's paraphrases and several-at-once more wrong.
TOLD_NEAR = 12.0
# … or this close when what the text says of it is in its title (请问报销手续里的签字能不能少一点:
# 签字 is in 少签字、少拍照; the platform's fact, told in the same 报销 scene, names it in passing)
TITLED_NEAR = 20.0
AHEAD = 0.01  # … and leads by this much, so a later sort by score keeps it first


class SiblingMarks:
    """Each fact's marks, one pattern per fact."""

    def __init__(self, marks: Mapping[str, Sequence[str]], facts: Iterable[Fact] = ()) -> None:
        """`facts`: their titles are where a mark said counts from further (TITLED_NEAR)."""
        self._marks = {
            fact: re.compile("|".join(f"(?:{p})" for p in patterns))
            for fact, patterns in marks.items()
            if patterns
        }
        self._titles = {fact.id: normalize(fact.title) for fact in facts}

    def _in_title(self, fact_id: str, text: str) -> bool:
        """A stretch of the text saying the fact's marks is in the fact's title."""
        pattern, title = self._marks.get(fact_id), self._titles.get(fact_id, "")
        return (
            pattern is not None
            and bool(title)
            and any(m.group(0).strip() in title for m in pattern.finditer(text) if m.group(0))
        )

    def says(self, fact_id: str, text: str) -> bool:
        """The text says the burden this fact is about."""
        pattern = self._marks.get(fact_id)
        return pattern is not None and pattern.search(text) is not None

    def reordered(self, text: str, ranked: Sequence[Match], told: bool = False) -> list[Match]:
        """`ranked`, with the closest sibling whose marks the text says first when the best
        match's marks are not said (这个月开了十来个会: how many meetings, not how long);
        `told`: the text is a burden told with no cue, where a sibling may be further behind."""
        if len(ranked) < 2 or not self._marks:
            return list(ranked)
        best = ranked[0]
        if best.fact.id not in self._marks or self.says(best.fact.id, text):
            return list(ranked)
        near = TOLD_NEAR if told else NEAR
        for match in ranked[1:]:
            gap = best.score - match.score
            if gap > max(TITLED_NEAR, near):
                break
            if gap > near and not self._in_title(match.fact.id, text):
                continue
            if match.fact.topic == best.fact.topic and self.says(match.fact.id, text):
                first = replace(match, score=round(best.score + AHEAD, 2))
                return [first, *(m for m in ranked if m is not match)]
        return list(ranked)

    def names_one(self, text: str, ranked: Sequence[Match]) -> bool:
        """The text says the best match's burden and no burden of a sibling ranked with it
        (发言稿写了三千字，念完会都开了半天: how long one speaks, nothing else of meetings)."""
        if not ranked or not self.says(ranked[0].fact.id, text):
            return False
        topic = ranked[0].fact.topic
        return not any(m.fact.topic == topic and self.says(m.fact.id, text) for m in ranked[1:])
