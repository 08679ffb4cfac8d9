"""What ranking hands on to the decision: a fact with its score, and what the rest of a question
asks of a person's or place's facts (kept apart from shapes.py, which decides)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from bot.kb import Fact

# A fact's place in the knowledge base: files in name order, then the curator's order within
# each file (as the index numbers its documents).
FactOrder = Mapping[str, int]


@dataclass(frozen=True)
class Weights:
    """How a score weighs its parts (Matcher.rank)."""

    coverage: float = 0.5
    questions: float = 0.3
    bm25: float = 0.2


@dataclass(frozen=True)
class ScoreParts:
    """What a score was made of (Matcher.rank), kept for measuring the decision, not for it."""

    coverage: float = 0.0  # share of the question's weight the fact's words cover
    closeness: float = 0.0  # 0-1, closeness to the fact's nearest example question
    bm25: float = 0.0  # the BM25 share, scaled by the known share
    known_share: float = 0.0  # share of the question's weight on words the facts know


# A match's parts when nobody reads them: Matcher(score_parts=False), as the bot and the bench
# rank (one object less for every fact ranked, every question); eval keeps them.
NO_PARTS = ScoreParts()


@dataclass(frozen=True)
class Match:
    fact: Fact
    score: float
    # Not compared: two matches of one fact at one score are the same match whatever made it.
    parts: ScoreParts = field(default=NO_PARTS, compare=False)


def fact_order(facts: Iterable[Fact]) -> dict[str, int]:
    """Each fact's place among `facts`, given in the knowledge base's order."""
    return {fact.id: n for n, fact in enumerate(facts)}


def best_first(matches: Iterable[Match], order: FactOrder) -> list[Match]:
    """Highest score first; equal scores in the knowledge base's order, the curator's, not by
    id as text (which puts synthetic-10 before synthetic-2)."""
    return sorted(matches, key=lambda m: (-m.score, order[m.fact.id]))


@dataclass(frozen=True)
class EntityFocus:
    """What the rest of a question (without the person or place) asks of their facts."""

    ranked: tuple[Match, ...] = ()  # their facts, closest to the rest first (whole-question scores)
    lead: float = 0.0  # how far the first leads the second on the rest alone
    best: float = 0.0  # the first one's score on the rest alone
    unknown: tuple[str, ...] = ()  # a rest of nothing but words no fact knows (附近, 好吃)
    clean: bool = False  # the rest has no word we do not know and no cue (还有啥减负经验)
    elsewhere: float = 0.0  # the best score of the rest among other facts than theirs
    specific: bool = False  # the rest names something narrower than a topic (信访会, 群)
    other_topic: bool = False  # the rest names a topic none of their facts is on (水林社区填表)
    other_topic_only: bool = False  # … and nothing narrower than it (齐琳讲没讲开会)
