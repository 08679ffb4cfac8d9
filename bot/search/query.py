"""What the analyzer makes of a question: its terms, the words it did not know, its cues."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QueryTerm:
    term: str
    weight: float  # 1.0 for a word as typed, less for a homophone or pinyin reading
    source: str  # what the official typed


@dataclass(frozen=True)
class QueryAnalysis:
    terms: tuple[QueryTerm, ...]
    unknown: tuple[str, ...]  # content words that match nothing in the knowledge base
    cues: tuple[str, ...] = ()  # off-topic cues: words asking for what no measure answers
    # The cues that are question forms (怎么设置, 在哪个, 怎么拟): the shape of the ask itself.
    forms: tuple[str, ...] = ()
    # The question tells a burden and asks nothing (三天两头被叫去开会): one story (story.py).
    told: bool = False

    @property
    def clean(self) -> bool:
        """No off-topic cue and no unknown word of two characters or more (a lone unknown
        character, often a typo's leftover, says nothing against a match)."""
        return not self.cues and not any(len(u) > 1 for u in self.unknown)
