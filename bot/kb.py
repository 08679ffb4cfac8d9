"""Load and validate the curated knowledge base in responses/ and its sources in seeds/.

Loading is all-or-nothing: every problem in every file is collected, and if there is any,
a KBError lists them all and no KnowledgeBase object is produced.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import KBError
from bot.texts import check_texts


@dataclass(frozen=True)
class Seed:
    """One source article, kept verbatim, with its metadata."""

    file: str
    text: str
    title: str
    publication: str
    series: str = ""
    subtitle: str = ""  # the line above or below the headline (引题 or 副题)

    @property
    def citation(self) -> str:
        """How replies name the source: 人民日报《标题》（栏目）."""
        series = f"（{self.series}）" if self.series else ""
        return f"{self.publication}《{self.title}》{series}"


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    emoji: str
    summary: str


@dataclass(frozen=True)
class Fact:
    """One curated measure with its example and the verbatim quote that proves it."""

    id: str
    topic: str
    title: str
    measure: str
    example: str
    quote: str
    seed: str
    keywords: tuple[str, ...]
    questions: tuple[str, ...]
    who: str = ""
    where: str = ""
    source_file: str = ""


@dataclass(frozen=True)
class KnowledgeBase:
    root: Path
    facts: tuple[Fact, ...]
    topics: Mapping[str, Topic]
    seeds: Mapping[str, Seed]
    texts: Mapping[str, Any]
    synonyms: Mapping[str, str]  # variant -> canonical term
    stopwords: frozenset[str]
    offtopic_cues: frozenset[str]  # words that mark a question the KB cannot answer
    userdict_path: Path
    by_id: Mapping[str, Fact] = field(default_factory=dict)

    def facts_in_topic(self, topic_id: str) -> list[Fact]:
        return [f for f in self.facts if f.topic == topic_id]

    def seed_of(self, fact: Fact) -> Seed:
        return self.seeds[fact.seed]


def default_root() -> Path:
    """The folder holding responses/ and seeds/: $JIANFU_KB_ROOT, else the project checkout."""
    env = os.environ.get("JIANFU_KB_ROOT")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent


def load_kb(root: Path | None = None) -> KnowledgeBase:
    """Load and validate everything; raise KBError listing every problem, or return the KB."""
    from bot import kb_files as files  # the loaders build this module's data classes

    root = (root or default_root()).resolve()
    col = files.Collector(root)
    seeds = files.load_seeds(col)
    if not seeds:
        col.add(root / "seeds", "no seed articles (*.txt with a .yaml metadata file beside it)")
    topics = files.load_topics(col)
    facts = files.load_facts(col, topics, seeds)
    synonyms = files.load_synonyms(col)
    stopwords = files.load_word_list(col, root / "responses" / "stopwords.txt")
    cues = files.load_word_list(col, root / "responses" / "offtopic_cues.txt")
    for word in sorted(cues & stopwords):
        col.add(root / "responses" / "offtopic_cues.txt", f"'{word}' is also a stopword")
    userdict = root / "responses" / "userdict.txt"
    files.check_userdict(col, userdict)
    texts = files.load_texts(col)
    for problem in check_texts(texts):
        col.add(root / "responses" / "texts.yaml", problem)
    for topic_id in topics:
        if not any(f.topic == topic_id for f in facts) and not col.problems:
            col.add(root / "responses" / "topics.yaml", f"topic '{topic_id}' has no facts")
    if col.problems:
        raise KBError(col.problems)
    return KnowledgeBase(
        root=root,
        facts=tuple(facts),
        topics=topics,
        seeds=seeds,
        texts=texts,
        synonyms=synonyms,
        stopwords=stopwords,
        offtopic_cues=cues,
        userdict_path=userdict,
        by_id={f.id: f for f in facts},
    )
