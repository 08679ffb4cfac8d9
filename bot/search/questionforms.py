"""What the form of a question says beside the facts it ranks.

A greeting (/start, 你好) asks for help; 明天的会开不开 asks about one occasion, not a practice
(occasion.py); 材料少一页就扣分 tells a burden rather than asking (story.py, loadobjects.py);
医疗报销能报几成 carries a cue inside its share ask. The matcher reads these beside ranking a
question (matcher.py); the decision weighs them (shapes.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.kb import KnowledgeBase
from bot.search.analyzer import Analyzer
from bot.search.clauseends import ASKS, BLANKS, COMMAS, DOT, EXCLAIMS, FULL_STOP, SEMICOLONS
from bot.search.entities import Entity
from bot.search.loadobjects import LoadObjects
from bot.search.normalize import normalize
from bot.search.occasion import Occasions, without_opening_filler
from bot.search.pointing import points_at_person
from bot.search.quantities import Quantities
from bot.search.query import QueryAnalysis
from bot.search.ranked import Match
from bot.search.siblingmarks import SiblingMarks
from bot.search.story import names_colleague, tells_burden
from bot.search.wordalternation import longest_first
from bot.search.yielding import yielding_cues

# Whether the burden may be lifted, by a measure word in the same clause (能不能一起来查, 能否合并;
# not 迎检期间能不能休假): what a measure says, asked of the one burden the text names (fixes from
# dev-intent, dev-problems3 and dev-subjects)
_CLAUSE_END = COMMAS + FULL_STOP + DOT + ASKS + EXCLAIMS + SEMICOLONS + BLANKS
_MAY_IT = f"(?:能不能|能否|可不可以|可否)[^{_CLAUSE_END}]{{0,8}}?"


class QuestionForms:
    """The forms of a question one knowledge base's word lists tell; immutable once built."""

    def __init__(
        self,
        kb: KnowledgeBase,
        greetings: Iterable[str],
        analyzer: Analyzer,
        quantities: Quantities,
        sibling_marks: SiblingMarks,
    ) -> None:
        self._analyzer = analyzer
        self._quantities = quantities
        self._sibling_marks = sibling_marks
        self._greetings = frozenset(normalize(g) for g in greetings)
        measures = longest_first(kb.measure_asks)
        self._relief_ask = re.compile(f"{_MAY_IT}(?:{measures})") if measures else None
        self._load_objects = LoadObjects(kb.load_objects)  # 材料少一页就扣分: inspections
        # A measure ask (减, 改, 才能) also makes an occasion a case of the practice.
        self._occasions = Occasions(
            kb.occasion_words, kb.occasion_marks | kb.measure_asks, kb.stopwords
        )

    def burden_named(
        self,
        text: str,
        analysis: QueryAnalysis,
        ranked: Sequence[Match],
        topics_named: Sequence[str],
        entity: Entity | None,
    ) -> bool:
        """A burden told of the best match's topic, saying that fact's burden alone, with no
        cue and no person or place (小王说群太多 tells what someone said)."""
        return (
            bool(ranked) and entity is None and not analysis.cues
            and (self.told(text) or self.asks_relief(text))
            and not names_colleague(analysis.unknown)
            and self._load_objects.topic_named(ranked[0].fact.topic, topics_named, text)
            and self._sibling_marks.names_one(text, ranked)
        )  # fmt: skip

    def asks_relief(self, text: str) -> bool:
        """The text asks whether a burden may be lifted by a measure (能不能几家一起来查)."""
        return self._relief_ask is not None and self._relief_ask.search(text) is not None

    def told(self, text: str) -> bool:
        return tells_burden(text, self._analyzer.complaints)  # 手上的活全撂下了: told, not asked

    def cues_asked(self, text: str, asked: str) -> tuple[str, ...]:
        """Cues the share and how-often asks took with them (医疗报销能报几成: 报几成 asks
        what is refunded); the ask alone (几成, 多大比例) still asks for a share a fact may
        hold. Rare, so the question is read twice only then."""
        if asked == text:
            return ()
        kept = set(self._analyzer.analyze(asked).cues)
        return tuple(
            cue
            for cue in self._analyzer.analyze(text).cues
            if cue not in kept and self._quantities.wraps_an_ask(cue)
        )

    def occasion(self, text: str) -> tuple[str, ...]:
        """明天的会开不开 asks about one occasion, not a practice: a form no measure answers;
        周一的例会拖拖拉拉到中午 tells a burden that comes every week; 那个女干部 is a person."""
        if not self._occasions.mentioned(text) or self.told(text) or points_at_person(text):
            return ()
        counts = (bool(self._quantities.said(text)), bool(self._quantities.asked(text)))
        spoken = without_opening_filler(text)  # 嗯嗯 那个 检查合并了吗: 那个 points at nothing
        found = self._occasions.asked(self._analyzer.tokens(spoken), *counts)
        # 明天检查组要来 他们是不是还只看台账: the occasion is the scene told before a check of
        # the practice (yielding.py), not what is asked; fix from dev-chatty8.
        return (found,) if found and not yielding_cues(text, (found,)) else ()

    def is_greeting(self, question: str, normalized: str) -> bool:
        stripped = question.strip().lower()
        if stripped.startswith("/"):
            return stripped.split()[0].split("@")[0] in {"/help", "/start"}
        return not normalized or normalized in self._greetings
