"""The knowledge base's data model: seeds, topics, facts, and the whole loaded base."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import KBProblem


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
    lead: str = ""  # the fact answering a question that names the topic and nothing narrower


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
    problems: tuple[str, ...] = ()  # the problem as officials complain of it, in their words


# The span a period word counts in, by the words naming one (plain meaning: 日 and 晚 are days,
# 星期 and 礼拜 weeks, 季度 a quarter), shortest first. A word naming several counts in the
# longest it names: 每周一 (every Monday) comes once a week, 每月1日 once a month.
PERIOD_SPANS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("天", ("天", "日", "晚")),
    ("周", ("周", "星期", "礼拜")),
    ("月", ("月",)),
    ("季", ("季",)),
    ("年", ("年",)),
)


def span_of(period: str) -> str:
    """天, 周, 月, 季 or 年: the span a period word counts in (一个礼拜 is a week, 每日 a day);
    "" when it names none (responses/quantities.yaml's check refuses such a period)."""
    named = [span for span, words in PERIOD_SPANS if any(w in period for w in words)]
    return named[-1] if named else ""


@dataclass(frozen=True)
class QuantityWords:
    """How questions ask for a number and how facts state one (responses/quantities.yaml)."""

    units: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # group -> 个, 分钟 …
    phrases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # group -> 半天 …
    asks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # group -> 多久 …
    periods: tuple[str, ...] = ()  # 一周, 一个月: a number after one says how often
    vague: tuple[str, ...] = ()  # 好几, 隔几: 几 saying "a few", asking nothing
    once: tuple[str, ...] = ()  # 只, 最多: 一次 after one of these is a count, else "a"
    drops: tuple[str, ...] = ()  # 减少, 解散: a number right after one is what was cut
    near: tuple[str, ...] = ()  # 将近, 快, 左右: the number beside one is a rough one
    # A unit's size in its group's smallest (小时: 60 minutes, 成: 10 per cent), and the value
    # of a phrase that is a number (一半: 50 per cent), so 半个钟头 meets 30分钟 and 五成 一半.
    scales: Mapping[str, float] = field(default_factory=dict)
    values: Mapping[str, float] = field(default_factory=dict)


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
    request_words: frozenset[str] = frozenset()  # 请教, 经验, 案例: chat around a question
    intent_cues: frozenset[str] = frozenset()  # 操作, 在哪, 几点: asks how, where, when, not what
    measure_asks: frozenset[str] = frozenset()  # 治, 一起: after 怎么 still asks for a measure
    occasion_words: frozenset[str] = frozenset()  # 明天, 这次: one particular meeting or visit
    occasion_marks: frozenset[str] = frozenset()  # 又, 太, 办法: an occasion complained of
    hearsay_asks: frozenset[str] = frozenset()  # 是真的吗, 真的假的: whether a rumour holds
    avoid_marks: frozenset[str] = frozenset()  # 要避免的做法: a measure telling what to avoid
    setaside_marks: frozenset[str] = frozenset()  # 先不说…了, 说个别的: the story put aside
    heard_in_marks: frozenset[str] = frozenset()  # 群里看到, 会上说: where the news was heard
    unheld_asks: frozenset[str] = frozenset()  # 办公室在哪, 天气: of a person or place, unheld
    setting_words: frozenset[str] = frozenset()  # 入户, 走过场: the scene, not the burden
    place_names: frozenset[str] = frozenset()  # 保定, 义乌: places in China, said bare
    place_words: frozenset[str] = frozenset()  # 红旗, 和平: words naming a 红旗乡, a 和平村
    regional_words: Mapping[str, str] = field(default_factory=dict)  # 群組 -> 群, 範本 -> 模板
    # documents, document_kinds, material, audiences -> words (写材料要用, 给大学生讲讲)
    purpose_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # burden named -> everyday words that tell it (lost_time: 撂下; again: 翻来覆去): a burden told
    complaint_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # letters -> the word they are typed for, then any rival the curator knows (yj -> 迎检;
    # jc -> 检查, 基层): words typed by their initials, as officials shorten them
    initials: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # fact id -> patterns saying which of a topic's burdens a question means (开了六个会: how many)
    sibling_marks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # topic id -> everyday words naming its load in a burden told (材料: inspections)
    load_objects: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    quantities: QuantityWords = field(default_factory=QuantityWords)
    by_id: Mapping[str, Fact] = field(default_factory=dict)
    warnings: tuple[KBProblem, ...] = ()  # worth a curator's look; nothing was left out

    def facts_in_topic(self, topic_id: str) -> list[Fact]:
        return [f for f in self.facts if f.topic == topic_id]

    def seed_of(self, fact: Fact) -> Seed:
        return self.seeds[fact.seed]
