"""Which topic a word names, and where a question lists several topics.

Built from the facts and the topics' names alone, so a new topic brings its own words: a word
of a topic's name (督查检查 → 检查), a curated word found in one topic's facts only (签字), or a
keyword of one topic only (台账).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from bot.kb import Fact
from bot.search.analyzer import Analyzer
from bot.search.index import Document
from bot.search.normalize import normalize
from bot.search.query import QueryAnalysis, QueryTerm
from bot.search.setting import setting_test

COMMON_WORD_FREQ = 2000  # jieba's count: 材料, 照片 are everyday words before they are a topic's
# Words in this share of all facts say nothing narrower than a topic (精简, 基层, 检查) …
TOPIC_BROAD_SHARE = 0.25
# … and in this share, nothing narrower than the whole knowledge base (精简, 工作).
TOPIC_COMMON_SHARE = 0.5
# Where two topics follow each other unpunctuated, only a list shape cuts them apart: 会多表多,
# 又要开会又要填表, 群也多会也多 — not 会议纪要要不要领导签字, which asks one thing of both.
_COORDINATED = re.compile(
    r"(?:(?:多|长|少|短|(?<![视音])频|繁|滥|乱|又要|又|也|还有|还要|以及)"
    r"(?:得很|得要命|得不行|得慌|死了)?(?:了|啊|呀)?|啊|呀|嘛|(?<![参增追添更])加"
    r"|(?<![a-z])(?:duo|chang|pinfan)(?:\s+le)?\s+)$"
)  # 会多了表多了; 会短了群少了; 开会啊填表啊; 会多得很表也多得很; 会海加表海; huiyi duo qun duo
# 又要迎检又要填表还要回群: the next ask's own verb may stand between its marker and topic
# (after the last topic's word: 还要拍照截图 lists nothing).
_ALSO_DO = re.compile(r"(?:又要|还要|还得|又得|也要|也得|既要)[^\s，。、,.]{1,2}$")
# 既…又… / 又…又…: a 又 just before a topic's word, after one 既 or 又 already (既发言太长又一堆群)
_AGAIN = re.compile(r"又[^\s，。、,.又]{0,2}$")
PARALLEL = 1  # 天天开会天天迎检, 少开会少迎检: the same character before each topic
# 白天开会晚上填表, 周一迎检周三开会: each topic after a time of its own lists what fills the day.
_WHEN = re.compile(
    r"(?:早上|上午|中午|下午|晚上|白天|夜里|半夜|今天|明天|后天|(?:周|星期)[一二三四五六日天])"
    r"[^\s，。、,.]{0,2}$"
)
ECHO = 2  # 一边开会一边回群, 工作群刷不完表格填不完: the same two characters with each topic
# Characters too common to make two stretches alike (的, 我们, 这个 are in any sentence).
_PLAIN = frozenset("的了吗呢吧啊呀是我你他她们这那个就在有")
NAMED_KEPT = 4096  # words whose topic is kept (names_topic): a few MB at most
COINED_LENGTH = 2  # a topic's one-character word glued to the next one (群加, 开短)
SHAPE = 3  # 查不完的检查刷不完的群: runs sharing this many characters in a row are a list


class TopicWords:
    """The words that name each topic, read once per knowledge base."""

    def __init__(
        self,
        analyzer: Analyzer,
        docs: Sequence[Document],
        postings: Mapping[str, tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]],
        facts: Sequence[Fact],
        topic_names: Mapping[str, str],
        scene: Iterable[str] = (),
    ) -> None:
        self.analyzer = analyzer
        # 年底, 走访, 一整天, 一半 (responses/setting_words.txt): some facts' words, yet they set
        # the asker's own scene and name no topic, in a message of any length (年底了事情多).
        self.is_scene = setting_test(scene, analyzer.canonical)
        # From the postings: each term's documents are listed once there, read in bulk.
        topic_of = np.asarray([doc.fact.topic for doc in docs])
        df = {term: len(ids) for term, (ids, _) in postings.items()}
        spread = {
            term: frozenset(np.unique(topic_of[ids]).tolist())
            for term, (ids, _) in postings.items()
        }
        self._spread = spread
        self._keyword_topics: dict[str, set[str]] = {}
        for fact in facts:
            for keyword in fact.keywords:
                term = analyzer.canonical(normalize(keyword))
                self._keyword_topics.setdefault(term, set()).add(fact.topic)
        self._keywords = frozenset(analyzer.canonical(k) for f in facts for k in f.keywords)
        wide = 2  # 减负, 频次: words of more than one topic say nothing narrower than a topic
        self.broad = frozenset(
            t for t, c in df.items() if c >= TOPIC_BROAD_SHARE * len(docs) or len(spread[t]) >= wide
        )
        common = {t for t, c in df.items() if c >= TOPIC_COMMON_SHARE * len(docs)}
        names = {
            topic: set(analyzer.document_terms(normalize(name)))
            for topic, name in topic_names.items()
        }
        # A word of a topic's name that no other topic's name shares names the topic itself.
        self.name_words = {
            topic: frozenset(
                words - common - set().union(*(w for t, w in names.items() if t != topic))
            )
            for topic, words in names.items()
        }
        self._all_name_words = {topic: frozenset(words) for topic, words in names.items()}
        # names_topic by word and word typed: a question asks it of each word several times
        # (its topics, its lists, its lead). It reads only what is fixed once the matcher is
        # built (the analyzer gets no words after this); a reload builds new TopicWords.
        self._topic_named: dict[tuple[str, str], str | None] = {}

    def holding(self, term: str) -> frozenset[str]:
        """The topics whose facts hold a term."""
        return self._spread.get(term, frozenset())

    def names_topic(self, term: str, typed: str = "") -> str | None:
        """The topic a curated word belongs to alone (签字 → forms), if it does; `typed`, the
        word as typed, when it may be an everyday word (材料, 照片) read as a curated one."""
        key = (term, typed)
        if key in self._topic_named:
            return self._topic_named[key]
        if len(self._topic_named) >= NAMED_KEPT:
            self._topic_named.clear()
        topic = self._topic_named[key] = self._names_topic(term, typed)
        return topic

    def _names_topic(self, term: str, typed: str) -> str | None:
        for topic, words in self.name_words.items():
            if term in words:  # 检查 is in every topic's facts, yet it names inspections
                return topic
        spread: AbstractSet[str] = self.holding(term)
        if len(spread) > 1 and self.analyzer.general_frequency(typed or term) < COMMON_WORD_FREQ:
            # 台账 and 拍照 turn up in other topics' stories, but only one topic lists them
            # among its keywords: that topic is the one they name (typed as an everyday
            # word, 材料 or 照片, they name nothing in particular).
            spread = self._keyword_topics.get(term, spread)
        if len(spread) == 1 and term in self.analyzer.curated:
            return str(next(iter(spread)))
        return self._coined_topic(term)

    def _coined_topic(self, term: str) -> str | None:
        """The topic a word the segmenter coined names by its first character: 群加的多 is
        cut 群加 / 的 / 多, a word no dictionary holds, whose 群 is the topic's word."""
        if len(term) != COINED_LENGTH or self.analyzer.general_frequency(term) > 0:
            return None
        head = self.analyzer.canonical(term[0])
        return next((topic for topic, words in self.name_words.items() if head in words), None)

    def _naming(self, analysis: QueryAnalysis) -> Iterator[tuple[QueryTerm, str]]:
        """Each word naming a topic, with its topic, in order; the scene's words name none."""
        for qt in analysis.terms:
            topic = None if self.is_scene(qt) else self.names_topic(qt.term, qt.source)
            if topic is not None:
                yield qt, topic

    def subject_named(self, analysis: QueryAnalysis) -> bool:
        """A word names a topic and holds a character of its name (联合检查, 一周一表, 开会),
        not only a setting some of its facts use (暗访 does; 年底, 一整天 do not)."""
        return any(
            set(qt.term + qt.source) & set("".join(self.name_words[topic]))
            for qt, topic in self._naming(analysis)
        )

    def first_named(self, analysis: QueryAnalysis) -> str | None:
        """The first topic a question's words name."""
        return next((topic for _, topic in self._naming(analysis)), None)

    def named(self, analysis: QueryAnalysis) -> list[str]:
        """Every topic the question's words name, in the order asked."""
        return list(dict.fromkeys(topic for _, topic in self._naming(analysis)))

    def heard_only(self, analysis: QueryAnalysis, typed: str) -> bool:
        """Every word naming a topic is a name heard in everyday characters (一起邻里纠纷 heard
        as 齐琳): read by its sound, the facts' name shares no character with the normalised
        text `typed` (a short form does: 海港 → 海港区, 小李 → 李志颖; a synonym is no sound
        reading), and was not spelled out (qilin)."""
        naming = [qt for qt, _ in self._naming(analysis)]
        if not naming or re.search(r"[a-z]", typed):
            return False
        return not any(
            (qt.term != qt.source and qt.weight >= 1.0) or set(qt.term) & set(typed)
            for qt in naming
        )

    def scene_only(self, analysis: QueryAnalysis) -> bool:
        """Some word names a topic, and each such word is the scene's (年底了事情一件接一件)."""
        scene = [qt for qt in analysis.terms if self.is_scene(qt)]
        return (
            bool(scene)
            and self.first_named(analysis) is None
            and any(self.names_topic(qt.term, qt.source) for qt in scene)
        )

    def names_only(self, analysis: QueryAnalysis, topic: str) -> bool:
        """Besides the words of the topic's name, the question has nothing narrower: words
        of several topics, words no fact lists (多, 越来越) — no fact's own keyword."""
        rest = {qt.term for qt in analysis.terms} - self._all_name_words[topic]
        return all(
            (t in self.broad or t not in self.analyzer.curated) and t not in self._keywords
            for t in rest
        )

    def topic_asked(self, analysis: QueryAnalysis) -> str | None:
        """The topic, when a question names one (督查检查方面有哪些好做法) and nothing narrower."""
        if not analysis.clean:
            return None
        terms = {qt.term for qt in analysis.terms}
        named = [t for t, words in self.name_words.items() if terms & words]
        if len(named) != 1:
            return None
        # 台账 is some fact's own keyword: a question naming it asks for that fact.
        return named[0] if self.names_only(analysis, named[0]) else None

    def runs(self, part: str) -> list[str]:
        """A clause cut where the topic it names changes: 会多表多 → 会多 / 表多, and
        又要开会又要填表 → 又要开会又要 / 填表 (no punctuation marks the parts)."""
        cuts: list[int] = []
        last_topic: str | None = None
        last_end = -1  # where the last word of a topic's name ended
        last_start = -1  # where the last topic's first word began
        topic_end = 0
        position = 0
        word_start = 0  # where the last word naming a topic began
        for qt in self.analyzer.analyze(part).terms:
            at, end = _located(part, qt.source, position)
            if at < 0:
                continue
            position = end
            topic = self.names_topic(qt.term, qt.source)
            if topic is None:
                continue
            of_name = qt.term in self.name_words[topic]
            if topic != last_topic:
                # A list: 会多表多 (after 多, 又要, 也 …), topics named side by side by the
                # words of their names (开会填表都烦; 拍照截图 is one thing, not a list), or
                # each after the same words (天天开会天天迎检).
                side_by_side = at == last_end and of_name
                parallel = (
                    last_start >= PARALLEL
                    and part[at - PARALLEL : at] == part[last_start - PARALLEL : last_start]
                )
                # … or runs of one shape: 开不完的会议 / 填不完的表格.
                run = cuts[-1] if cuts else 0
                alike = _shared(part[run:topic_end], part[topic_end:], SHAPE)
                also = _ALSO_DO.search(part[:at])
                also_do = also is not None and also.start() >= topic_end
                again = _AGAIN.search(part[:at])
                also_do = also_do or (
                    again is not None
                    and again.start() >= topic_end
                    and re.search("[既又]", part[run : again.start()]) is not None
                )
                timed = bool(_WHEN.search(part[:at]) and _WHEN.search(part[:last_start]))
                listed = (
                    _COORDINATED.search(part[:at])
                    or side_by_side
                    or parallel
                    or alike
                    or also_do
                    or timed
                )
                echo = _echo(part, run, (word_start, topic_end), (at, position))
                if last_topic is not None and (listed or echo is not None):
                    cuts.append(at if listed or echo is None else echo)
                last_topic = topic
                last_start = at
            last_end = position if of_name else -1
            topic_end = position  # where the last word naming a topic ended
            word_start = at
        bounds = [0, *cuts, len(part)]
        return [part[a:b] for a, b in pairwise(bounds) if part[a:b]]


def _located(part: str, source: str, start: int) -> tuple[int, int]:
    """Where a word's source lies in the part from `start` (-1 when absent), and where it
    ends: pinyin read as syllables (kai hui, tian biao duo) may be typed with or without
    blanks between them (kaihui, tianbiao duo)."""
    at = part.find(source, start)
    if at >= 0 or " " not in source:
        return at, at + len(source)
    spaced = re.compile(r"\s*".join(re.escape(s) for s in source.split()))
    found = spaced.search(part, start)
    return (found.start(), found.end()) if found else (-1, -1)


def _echo(part: str, run: int, first: tuple[int, int], second: tuple[int, int]) -> int | None:
    """Where the second topic's run begins when the same two characters go with each of two
    topic words (一边开会一边回群 → at the second 一边; 工作群刷不完表格填不完 → at 表格),
    else None. The two stretches may not both lie between the two words."""

    def usable(at: int) -> bool:
        stretch = part[at : at + ECHO]
        return len(stretch) == ECHO and all(
            "\u4e00" <= c <= "\u9fff" and c not in _PLAIN for c in stretch
        )

    for i in range(run, second[0] - ECHO + 1):
        if not usable(i):
            continue
        for j in range(max(i + ECHO, first[1]), len(part) - ECHO + 1):
            between = first[1] <= i and j + ECHO <= second[0]
            if part[j : j + ECHO] == part[i : i + ECHO] and usable(j) and not between:
                return j if j < second[0] else second[0]
    return None


def _shared(first: str, second: str, size: int) -> bool:
    """The two texts share a stretch of `size` characters, none of them blank."""
    pieces = {first[i : i + size] for i in range(len(first) - size + 1)}
    return any(
        second[i : i + size] in pieces and not any(c.isspace() for c in second[i : i + size])
        for i in range(len(second) - size + 1)
    )
