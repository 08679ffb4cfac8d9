"""Readings by sound that cross from one topic to another are no slips.

小会 sounds a letter away from 秒回 (随时在线, a work-group word), yet its 会 names meetings on
its own: a slip keeps the character that names its topic (工作裙 is 工作群, 阿旺群忠 is 阿旺群宗),
it does not trade it for another topic's word. Such a reading is dropped and the stretch stays a
word we do not know. The characters are read from the topics' names, so a new topic brings its
own.

Initials are read the same way (gz as 盖章): a run of letters that is no sure reading of its word
(工作 also fits gz, and is far commoner) stays a word we do not know unless another word of the
question names the topic the guess names (bg 每周都要填: 表格 beside 填).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from bot.search.query import QueryAnalysis, QueryTerm

INITIALS = re.compile(r"^[b-df-hj-np-tw-z]{2,4}$")  # consonants only: no syllable among them
Names = Callable[[str, str], str | None]  # the topic a term names, given how it was typed


class Crossings:
    """The characters that name a topic by themselves (会, 群, 表, 查), and the readings that
    drop one of them for another topic's word."""

    def __init__(
        self,
        name_words: Mapping[str, frozenset[str]],
        canonical: Callable[[str], str],
        names_topic: Names,
        characters: str,
        sure_initials: Callable[[str], bool] = lambda typed: True,
    ) -> None:
        """`name_words`: each topic's words from its name (会议, 工作群); `characters`: the
        characters to consider (those of the knowledge base's words); `sure_initials`: whether
        a run of initials reads as its word whatever else the question says."""
        self._names_topic = names_topic
        self._sure_initials = sure_initials
        self.topic_of: dict[str, str] = {}
        for ch in dict.fromkeys(characters):
            term = canonical(ch)
            owners = [topic for topic, words in name_words.items() if term in words]
            if len(owners) == 1:
                self.topic_of[ch] = owners[0]

    def crossed(self, qt: QueryTerm) -> bool:
        """Whether a reading by sound or spelling drops a character that names one topic for
        a word that names another."""
        if qt.weight >= 1.0 or not self.topic_of:
            return False
        dropped = {self.topic_of[ch] for ch in qt.source if ch in self.topic_of}
        dropped -= {self.topic_of[ch] for ch in qt.term if ch in self.topic_of}
        if not dropped:
            return False
        heard = self._names_topic(qt.term, qt.source)
        return heard is not None and heard not in dropped

    def unborne(self, qt: QueryTerm, analysis: QueryAnalysis) -> bool:
        """Whether a term is a guess from initials that no other word of the question bears
        out: none of them names the topic the guess names."""
        if qt.term == qt.source or not INITIALS.match(qt.source) or self._sure_initials(qt.source):
            return False
        topic = self._names_topic(qt.term, qt.source)
        named = {self._names_topic(o.term, o.source) for o in analysis.terms if o is not qt}
        return topic is None or topic not in named

    def kept(self, analysis: QueryAnalysis) -> QueryAnalysis:
        """The analysis without crossed readings or unborne guesses from initials; their
        stretches become unknown words."""
        crossed = [qt for qt in analysis.terms if self.crossed(qt) or self.unborne(qt, analysis)]
        if not crossed:
            return analysis
        terms = tuple(qt for qt in analysis.terms if qt not in crossed)
        unknown = (*analysis.unknown, *(qt.source for qt in crossed))
        return replace(analysis, terms=terms, unknown=unknown)
