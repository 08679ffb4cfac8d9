"""A matcher's ranking that records which parts it ranked, for the steps that read a part for its
words first and rank it only when it could matter (covered.py, symptoms.py)."""

from __future__ import annotations

from bot.search.matcher import Match, Matcher
from bot.search.query import QueryAnalysis


class RankingSpy:
    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self.ranked: list[str] = []  # the parts ranked, in order

    def rank(self, part: str) -> tuple[QueryAnalysis, list[Match]]:
        self.ranked.append(part)
        return self.matcher.rank(part)

    def read(self, part: str) -> tuple[QueryAnalysis, list[Match]]:
        """The part's words alone, no fact ranked (not recorded)."""
        return self.matcher.rank(part, words_only=True)
