"""The load a burden is about, named in everyday words: 材料少一页就扣分 names inspections.

A topic is named by its own words (topicwords.py), and words of every day are left out of them:
材料 is any material, 照片 any photo. Yet a cadre venting names her load by what it is made of
(材料, 照片), and a burden told that says one fact's own mark (siblingmarks.py) and names the
load that fact's topic deals in is that fact's burden, though no topic word is said.
`responses/load_objects.yaml` lists the words per topic.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from bot.search.normalize import normalize
from bot.search.wordalternation import longest_first


class LoadObjects:
    """Each topic's everyday load words, one pattern per topic."""

    def __init__(self, words: Mapping[str, Sequence[str]] | None = None) -> None:
        alternations = {
            topic: longest_first(normalize(w) for w in listed)
            for topic, listed in (words or {}).items()
        }
        self._patterns = {topic: re.compile(a) for topic, a in alternations.items() if a}

    def names(self, topic: str, normalized: str) -> bool:
        """The text names the load `topic` deals in by an everyday word (材料: inspections)."""
        pattern = self._patterns.get(topic)
        return pattern is not None and pattern.search(normalized) is not None

    def topic_named(self, topic: str, named: Collection[str], normalized: str) -> bool:
        """A burden told names `topic`: by the topic's own words (`named`, topicwords.py), or,
        naming no topic at all, by the load the topic deals in (材料少一页就扣分: inspections)."""
        return topic in named or (not named and self.names(topic, normalized))


NO_LOAD_OBJECTS = LoadObjects()
