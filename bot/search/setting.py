"""Words that set the scene of a burden without naming what it is.

入户 and 走访 are the inspectors' field visits in one fact, yet an official who writes 每次入户
都得截图发群 tells of their own visits: the burden is the pictures in the group. 走过场 is said of
every burden, yet only the work groups' facts use it: 督查太走过场 asks about inspections. Such
a word (responses/setting_words.txt) stays when nothing else in the question names a topic, or
when a fact of a topic named holds it (会多得没空下村 is a meetings fact's own story); beside
words naming only topics whose facts never use it, it is the setting and drops out of the
question (it is no unknown word either: the facts know it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from bot.search.query import QueryAnalysis, QueryTerm

Names = Callable[[str, str], str | None]  # the topic a term names, given how it was typed
Holders = Callable[[str], frozenset[str]]  # the topics whose facts hold a term


def setting_test(
    words: Iterable[str], canonical: Callable[[str], str]
) -> Callable[[QueryTerm], bool]:
    """Whether a query term is a setting word: a word listed that heads its synonyms (年底,
    实地调查) as the analyzer reads it, all its synonyms with it (年终, 走访); a word listed that
    is another's synonym (一整天 of 时间长, 村支书 of 村委会) only as typed, so 会开得太长 and
    村委会签字 keep their topic."""
    listed = frozenset(words)
    heads = frozenset(w for w in listed if canonical(w) == w)
    typed = listed - heads
    return lambda qt: qt.term in heads or qt.source in typed


class SettingWords:
    """The setting words, read as the analyzer reads them (走访 is 实地调查)."""

    def __init__(
        self, words: Iterable[str], canonical: Callable[[str], str], names: Names, holders: Holders
    ) -> None:
        self._is_setting = setting_test(words, canonical)
        self._names = names
        self._holders = holders

    def kept(self, analysis: QueryAnalysis) -> QueryAnalysis:
        """The analysis without the setting words that no fact of the topics the other words
        name holds, when the other words name some topic."""
        settings = [qt for qt in analysis.terms if self._is_setting(qt)]
        if not settings:
            return analysis
        others = {
            self._names(qt.term, qt.source) for qt in analysis.terms if not self._is_setting(qt)
        }
        others.discard(None)
        if not others:
            return analysis
        dropped = [qt for qt in settings if not self._holders(qt.term) & others]
        if not dropped:
            return analysis
        return replace(analysis, terms=tuple(qt for qt in analysis.terms if qt not in dropped))
