"""Asks of a person or place in the article that no fact holds (央金卓嘎的办公室在哪里).

A person's or place's card answers what they did, said or changed, who they are and where they
work; the phrases curated in `responses/unheld_asks.txt` ask for their office or home, how to
reach them, their age, the place's weather, sights or a route there: nothing the article tells.
Asked of someone it names, such a phrase is a form of the question no measure answers, so the
card (and every fact of theirs) needs the strong bar a question form needs: near misses decline.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UnheldAsks:
    phrases: frozenset[str] = frozenset()  # 办公室在哪, 几岁, 天气, 怎么去

    def asked(self, normalized: str) -> tuple[str, ...]:
        """The unheld phrases a question about a person or place asks, in order; () if none."""
        return tuple(sorted((p for p in self.phrases if p in normalized), key=normalized.find))
