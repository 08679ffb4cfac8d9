"""Asks of a person or place in the article that no fact holds (央金卓嘎的办公室在哪里).

A person's or place's card answers what they did, said or changed, who they are and where they
work; the phrases curated in `responses/unheld_asks.txt` ask for their office or home, how to
reach them, their age, the place's weather, sights or a route there: nothing the article tells.
So does a count in a unit none of their facts gives a number in (敖再生的信访工作今年处理了多少件:
his facts count meetings, no cases), while one they give (段琼参加了多少次会: 不下200次) is theirs.
Asked of someone it names, such an ask is a form of the question no measure answers, so the
card (and every fact of theirs) needs the strong bar a question form needs: near misses decline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# 多少件, 几户: a count in a unit of things or people. 个, 次 and 天 count almost anything the
# facts tell (一个月, 两次会), so they name no unit the facts could lack. 好几件, 那几户: a few, no
# ask. 多少年, 几年: how long someone has served, which their facts tell only by a year they name
# (段琼: 2017年12月); plain meaning, a tenure is no measure (tune fix: dev-numbers2 央金卓嘎当副
# 主任当了多少年了). 这几年, 近几年, 十几年: a span told, no ask.
_COUNT_IN = re.compile(r"(?<![好那这近前头十])(?:多少|几)([件户人名村岁年])")
_NUMBER = r"[0-9一两二三四五六七八九十百千万几多余]"


@dataclass(frozen=True)
class UnheldAsks:
    phrases: frozenset[str] = frozenset()  # 办公室在哪, 几岁, 天气, 怎么去

    def asked(self, normalized: str, told: Callable[[], str] = str) -> tuple[str, ...]:
        """The unheld asks of a question about a person or place, in order; () if none.
        `told()`: what their facts say, where a count asked for must find its unit; called
        only when a count is asked (at 10,000 facts one place may hold two thousand)."""
        found = [(normalized.find(p), p) for p in self.phrases if p in normalized]
        counts = list(_COUNT_IN.finditer(normalized))
        said = told() if counts else ""
        found += [
            (m.start(), m.group(0))
            for m in counts
            if not re.search(rf"{_NUMBER} ?{m.group(1)}", said)  # 200 次: normalized
        ]
        return tuple(p for _, p in sorted(found))
