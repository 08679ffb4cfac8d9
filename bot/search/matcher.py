"""From a question to a decision: answer with a fact, offer "did you mean", decline, or help.

The question is read here (cleaned, normalised, its people, places, counts and clauses found);
the facts the index recalls for it are scored in scoring.py, and shapes.py decides.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from bot.decision import Decision
from bot.kb import KnowledgeBase
from bot.kb.texts import Texts
from bot.search import cache
from bot.search.analyzer import READINGS_KEPT, Analyzer
from bot.search.asked import AskFinder, with_long_ask
from bot.search.built import built_index
from bot.search.calibrated import Calibration, concluded
from bot.search.channel import Channels
from bot.search.classifiers import Classifiers
from bot.search.cleaning import Cleaner
from bot.search.covered import CoveredParts, covered_parts
from bot.search.crossing import Crossings
from bot.search.entities import Entity, EntityTable
from bot.search.entitydocs import NONE_INCLUDED, EntityDocs, Included
from bot.search.focus import SaidTerms, entity_focus, heard_name
from bot.search.heardin import HeardIn
from bot.search.hearsay import Hearsay
from bot.search.heldnumbers import HeldNumbers
from bot.search.items import conclude
from bot.search.normalize import normalize
from bot.search.parts import ListReadings, ReadAlone, list_readings
from bot.search.pointing import without_card_asks
from bot.search.pointing_back import asks_of_story
from bot.search.purpose import Purposes
from bot.search.query import QueryAnalysis
from bot.search.questionforms import QuestionForms
from bot.search.ranked import Weights, fact_order
from bot.search.regional import Regional, pair_test
from bot.search.sceneitems import with_items
from bot.search.scoring import score_recalled, term_weights
from bot.search.setaside import SetAside
from bot.search.setting import SettingWords
from bot.search.shapes import (
    Card,
    EntityFocus,
    Match,
    Prepared,
    Result,
    Shape,
    Thresholds,
    decide,
    offered,
)
from bot.search.siblingmarks import SiblingMarks
from bot.search.story import Complaints
from bot.search.stutter import Stutter
from bot.search.thanks import thanks_only
from bot.search.together import Together, apart
from bot.search.tones import read_with_tones
from bot.search.topicasks import TopicAsks
from bot.search.topicwords import TopicWords
from bot.search.unheldasks import UnheldAsks
from bot.search.workplace import Workplaces

__all__ = [
    "Card", "Decision", "Match", "Matcher", "Prepared", "Result", "Shape", "Thresholds",
    "Weights", "conclude", "decide", "offered",
]  # fmt: skip


# A question asked again is read once: the same FAQ in many groups, an inline query Telegram
# sends again as the asker pauses typing, an update delivered twice. Under 1 KB a question
# beyond what the reading caches keep (tracemalloc over 1,024 development questions).
QUESTIONS_KEPT = 1024


class Matcher:
    """Everything needed to answer questions from one knowledge base; immutable once built."""

    def __init__(
        self,
        kb: KnowledgeBase,
        thresholds: Thresholds | None = None,
        weights: Weights | None = None,
        cache_dir: Path | None = None,
        calibration: Calibration | None = None,
        score_parts: bool = False,
    ) -> None:
        """Build everything matching needs (slow: segmenter, index); `cache_dir` keeps the
        built index on disk between processes, None builds afresh."""
        self.kb = kb
        self.texts = Texts(kb.texts)
        self.thresholds = thresholds or Thresholds()
        self.weights = weights or Weights()
        self.calibration = calibration or Calibration()  # when a doubt is answered (calibrated.py)
        self.score_parts = score_parts or bool(self.calibration.weights)  # ranked.ScoreParts
        domain_words = [k for f in kb.facts for k in f.keywords]
        # Request words (请教, 经验, 案例) wrap a question without changing what it asks.
        neutral = kb.stopwords | kb.request_words
        cues = kb.offtopic_cues | kb.intent_cues
        self.analyzer = Analyzer(
            kb.userdict_path, kb.synonyms, neutral, domain_words, cues,
            dictionary=cache.jieba_dictionary(cache_dir), cache_dir=cache_dir,
            measure_asks=kb.measure_asks, shorthand=kb.initials,
            complaints=Complaints(kb.complaint_words),
        )  # fmt: skip
        self.entities = EntityTable(
            kb.facts, self.analyzer.general_frequency, self.analyzer.tokens,
            kb.place_names, kb.place_words,
        )  # fmt: skip
        self.analyzer.add_domain_words(sorted(self.entities.words()))
        topic_names = {t.id: t.name for t in kb.topics.values()}
        self.index, self.quantities = built_index(
            kb, self.analyzer, topic_names, neutral, cues, cache_dir
        )
        # 盖个章 is 盖章: 个 goes where verb and object make a word the index or synonyms know
        self.classifiers = Classifiers([*self.analyzer.vocabulary, *kb.synonyms])
        self._kb_order = fact_order(doc.fact for doc in self.index.docs)  # each one's document
        self._docs_of = EntityDocs(self._kb_order).of  # a person's facts: entitydocs.py
        self._said = SaidTerms(kb.by_id, self.analyzer.document_terms)
        self.sibling_marks = SiblingMarks(kb.sibling_marks, kb.facts)  # 开了六个会: how many
        # a greeting, 明天的会开不开 (one occasion), 小王说群太多 (told): questionforms.py
        self.forms = QuestionForms(kb, self.texts.greetings, self.analyzer, self.quantities,
                                   self.sibling_marks)  # fmt: skip
        # 写材料要用, 给新来的大学生讲讲: what the answer is for; 上周刚开完会: the news of the day
        # 说个别的：…, 我想问…: the story before is no ask
        self.set_aside = SetAside(kb.setaside_marks, lambda text: self._topic(text) is not None)
        self.cleaned = Cleaner(Purposes(kb.purpose_words), self._topic, self.set_aside, self.rank)
        self.hearsay = Hearsay(kb.hearsay_asks)  # 听说又要检查了是真的吗: a rumour, no measure
        self.unheld = UnheldAsks(kb.unheld_asks)  # 央金卓嘎的办公室在哪里: no fact holds it
        # 海港区现在还剩多少个工作群: a number of a shape the best fact does not hold
        self.held_numbers = HeldNumbers(kb.quantities, self.quantities, kb.by_id)
        self.heard_in = HeardIn(kb.heard_in_marks)  # 在群里看到通知: where news came, no part
        # 群组 is 群, 范本 模板, 使唔使 要不要; not where a synonym is cut (啰嗦)
        words = pair_test(self.analyzer.general_frequency, kb.synonyms.__contains__)
        self.regional = Regional(kb.regional_words, words)
        self.stutter = Stutter(self.analyzer.general_frequency, words)  # 严严格 is 严格
        self.topic_words = TopicWords(self.analyzer, self.index.docs, self.index.postings,
                                      kb.facts, topic_names, kb.setting_words)  # fmt: skip
        self.topic_asks = TopicAsks(kb, self.index.docs, self.analyzer.tokens,
                                    self.topic_words.names_topic)  # fmt: skip
        self._leads = self.topic_asks.leads
        # 小会 heard as 秒回: a reading that trades a topic's own character for another topic
        self.crossings = Crossings(
            self.topic_words.name_words, self.analyzer.canonical,
            self.topic_words.names_topic, "".join(topic_names.values()),
            self.analyzer.sure_initials,
        )  # fmt: skip
        # 入户走访要拍照发群里: the visits are the scene, the photos in the group the burden
        self.setting_words = SettingWords(
            kb.setting_words, self.analyzer.canonical,
            self.topic_words.names_topic, self.topic_words.holding,
        )  # fmt: skip
        self.channels = Channels(self.topic_words.names_topic, self.topic_words.holding)
        self.workplaces = Workplaces(self.entities.entities, self.analyzer.analyze,
                                     self.topic_words.broad, self._said)  # fmt: skip
        # Normal form in the facts' mainland wording, step by step, named for wordcheck.py.
        self.reading_steps: tuple[tuple[str, Callable[[str], str]], ...] = (
            ("the slip reading (stutter.py)", self.stutter),
            ("the regional wording (regional.py)", self.regional.mainland),
            ("the measure-word reading (classifiers.py)", self.classifiers.joined),
        )
        self._normal = functools.lru_cache(maxsize=READINGS_KEPT)(self._read)
        self.asks = AskFinder.reading(self._normal, self.analyzer.analyze, self.topic_words)
        self.together = Together(
            self.rank, self.topic_words, self._said, kb.by_id, self._kb_order, self._docs_of,
            self.quantities.without_asks,
        )  # fmt: skip
        # Reading is a function of the text alone (the matcher is immutable once built); a hot
        # reload builds a new matcher, and so forgets every reading.
        self._prepared = functools.lru_cache(maxsize=QUESTIONS_KEPT)(self._prepare)
        self.analyzer.warm_up()  # what a first question would read on first need, read now

    def _read(self, text: str) -> str:
        """The text in normal form, then through each reading step (`reading_steps`)."""
        read = normalize(text)
        for _, step in self.reading_steps:
            read = step(read)
        return read

    def rank(
        self,
        normalized: str,
        include: Included = (),
        strangers: tuple[str, ...] = (),
        forms: tuple[str, ...] = (),
        words_only: bool = False,
    ) -> tuple[QueryAnalysis, list[Match]]:
        """Candidates for a normalised question, best first, with 0-100 scores.

        `include`: documents to score whatever their recall (a person's or place's facts);
        `strangers`: people or places the facts do not name (刘书记), counted as cues;
        `forms`: question forms found outside the analyzer (明天的会), cues of form;
        `words_only`: the question's words alone, no fact ranked (symptoms.py)."""
        analysis = self.crossings.kept(self.analyzer.analyze(normalized))
        analysis = self.setting_words.kept(analysis)
        analysis = self.channels.kept(analysis, normalized)
        analysis = self.quantities.without_count_cues(analysis, normalized)
        if strangers or forms:
            analysis = replace(
                analysis,
                cues=(*analysis.cues, *strangers, *forms),
                forms=(*analysis.forms, *forms),
            )
        weights = {} if words_only else term_weights(analysis, self.analyzer.specificity)
        if not weights:  # nothing to rank by, or the words alone asked for
            return analysis, []
        ranked = score_recalled(
            self.index, analysis, weights, self.weights, include, self.score_parts
        )
        told = analysis.told and not analysis.cues  # a burden told of nothing but our topics
        return analysis, self.sibling_marks.reordered(normalized, ranked, told)

    def match(self, question: str) -> Result:
        return concluded(self.prepare(question), self.thresholds, self.calibration)

    def prepare(self, question: str) -> Prepared:
        """Rank a question every way the decision may need, and each item of a message asking
        several things (items.py) alone; no threshold is applied yet."""
        return self._prepared(question)

    @read_with_tones  # yi2ge4: its tones kept aside (tones.py), no count 2
    def _prepare(self, question: str) -> Prepared:
        # A text is read once however many readings of the message ask for it: an item is
        # often a clause of the whole (会太多。表也多，怎么办), and its own clauses are the whole's.
        one = functools.partial(self._prepare_one, reads=ReadAlone(self.rank))
        if asks_of_story(question):  # 周五刚交了表。周一又换模板。这种事有人管吗: one story,
            return one(question, parts=False)  # its clauses read as no list
        whole = one(question)

        def alone(text: str, p: Prepared | None = None) -> Prepared:  # a long one's ask: asked.py
            p = p or one(text)  # an item is read as if sent alone
            return with_long_ask(p, text, self.asks, self.cleaned, one)

        # 今天检查组刚走。说个别的：群太多了: the story set aside is no item of its own
        items_of = self.set_aside.after(question)
        return alone(question, with_items(whole, items_of, alone, self.topic_words))

    def _prepare_one(
        self, question: str, parts: bool = True, reads: ReadAlone | None = None
    ) -> Prepared:
        """`parts`: read the clauses too, as a list and as the parts the facts cover; `reads`:
        the texts the message's other readings read (each a function of its text alone)."""
        read_alone = reads or ReadAlone(self.rank)
        cleaned = self.cleaned(question)  # what asks nothing is taken out (cleaning.py)
        normalized = self._normal(cleaned)
        if self.forms.is_greeting(question, normalized):
            return Prepared(question, normalized, QueryAnalysis((), ()), greeting=True)
        # Pinyin written as the words heard, so number asks and names typed in it count.
        text = self.analyzer.spelled(normalized)
        strangers = self.entities.strangers(text)
        text = self.entities.without_own_places(text)  # 我们保定这边会多: the asker's own
        found = self.entities.find_all(text, strangers)
        # 洋湖乡和海港区, 敖再生和段琼: each; 扶贫专干说了啥: everyone holding the role.
        holders = [] if found else self.entities.holders(text, strangers)
        several = apart(found, text) if found else holders
        for named, keys in found:  # 小李 → 李志颖, 洋湖 → 洋湖乡: the words the facts use
            for key in sorted(keys, key=len, reverse=True):
                if key != normalize(named.name):
                    text = text.replace(key, normalize(named.name))
        role = holders[0][1][0] if holders else ""
        joined, alone, text = self.together.read(text, several, strangers, role)
        found = alone or found  # 齐琳和央金卓嘎谁讲的检查: only one of them spoke of it
        entity = found[0][0] if found else None
        whole = text  # 后来怎么样了 still tells which side of the change is asked (timeline.py)
        # 央金卓嘎的办公室在哪里: asked before 在哪里 goes as where they work (pointing.py)
        unheld: tuple[str, ...] = ()
        if entity is not None:
            unheld = self.unheld.asked(text, functools.partial(self._their_facts_text, entity))
        if entity is not None:  # 叫啥, 在哪上班, 后来呢: what their card shows
            text = without_card_asks(text, entity.kind, normalize(entity.name))
            entity = self.workplaces(entity, text)  # 水林社区的会议记录: its secretary's fact
        include = self._docs_of(entity.fact_ids) if entity else NONE_INCLUDED
        asked = self.quantities.without_asks(text)
        occasion = (self.forms.occasion(text) if entity is None else ()) + self.hearsay.asked(text)
        occasion += thanks_only(text) + unheld  # 谢谢，那个例子我已经用上了: nothing asked
        cues = strangers + self.forms.cues_asked(text, asked)
        if len(include) or cues or occasion:
            analysis, ranked = self.rank(asked, include, cues, occasion)
        else:  # read as a clause of the message is: 会太多。表也多，怎么办
            analysis, ranked = read_alone(asked)
        heard = None if entity else heard_name(self.entities, analysis)
        if heard is not None:  # 敖再升 sounds like 敖再生: read as the name, and ask again
            entity, typed = heard
            found = [(entity, (normalize(entity.name),))]
            text = text.replace(typed, normalize(entity.name))
            include = self._docs_of(entity.fact_ids)
            asked = self.quantities.without_asks(text)
            analysis, ranked = self.rank(
                asked, include, strangers + self.forms.cues_asked(text, asked)
            )
        if not analysis.cues:  # 加班费多少钱 asks for a number no measure gives
            # 春节放几天假 neither: a word we do not know is what it counts
            ranked = self.quantities.rerank(text, ranked, ask=analysis.clean)
        person = entity is not None and entity.kind == "person"
        unheld_number = () if occasion else self.held_numbers.unheld(text, ranked, person)
        if unheld_number:  # asked as a form no measure answers: the strong bar (heldnumbers.py)
            occasion += unheld_number
            analysis, ranked = self.rank(asked, include, cues, occasion)
        focus = EntityFocus()
        if entity is not None:
            focus = entity_focus(
                self.rank, entity, found, text, include, ranked, self.topic_words,
                self._kb_order, self._said, whole,
            )  # fmt: skip
        topic = self.topic_words.topic_asked(analysis)
        # 工作群清理了多少个 asks for a number: one fact's, however broad its other words.
        counts = self.quantities.asked(text) or self.quantities.said(text)
        # Broad asks matter to a topic ask, or to an overview (no person or place, no cue)
        plain = entity is None and analysis.clean
        broadly = (
            not counts and (topic is not None or plain) and self.topic_asks.asks_broadly(normalized)
        )
        topics_named = self.topic_words.named(analysis)  # in order asked; 年底 names none
        # A list the whole reading is unsure of may still be covered part by part (covered.py).
        covered = (
            covered_parts(
                cleaned, read_alone, self.topic_words, self._leads, self._normal,
                read_alone.words, bool(analysis.cues),
            )
            if parts and topics_named and entity is None
            else CoveredParts()
        )  # fmt: skip
        # The lists are read only where shapes.conclude looks at them: no cue, or every cue an
        # aside (会议室怎么预约，检查组怎么接待 asks how twice, and is no list to answer).
        lists = (
            list_readings(
                cleaned, ranked, topics_named, read_alone, self.topic_words, self._leads,
                self._normal, read_alone.words, self.heard_in,
            )
            if parts and (not analysis.cues or covered.cues_aside)
            else ListReadings()
        )  # fmt: skip
        return Prepared(
            question, normalized, analysis, tuple(ranked), entity=entity,
            entity_ranked=focus.ranked, entity_focus=focus, clause_bests=lists.clause_bests,
            run_bests=lists.run_bests, topic_bests=lists.topic_bests,
            topic_ask=topic,
            topic_facts=self.topic_asks.facts(
                topic, ranked, broadly, analysis, lambda fid: self.sibling_marks.says(fid, text)
            ) if topic else (),
            asks_broadly=broadly, topics_named=tuple(topics_named),
            best_covers_topics=self.topic_asks.best_covers_topics(analysis, ranked),
            topic_lead=self._topic_lead(topic, analysis, ranked, text) if not broadly else None,
            counts_only=self.quantities.counts_only(analysis, asked), joined=joined,
            covered=covered.bests, cues_aside=covered.cues_aside, strangers=strangers,
            burden_named=self.forms.burden_named(text, analysis, ranked, topics_named, entity),
        )  # fmt: skip

    def _topic_lead(
        self, topic: str | None, analysis: QueryAnalysis, ranked: Sequence[Match], text: str
    ) -> Match | None:
        """The topic's lead for a near tie, unless the number said or asked is the best's alone
        (a number of the article brings the fact it comes from: issue 8, item 2)."""
        lead = self.topic_asks.near_lead(topic, analysis, ranked) if topic else None
        if lead is not None and self.quantities.tells_apart(text, ranked[0].fact.id, lead.fact.id):
            return None
        return lead

    def _their_facts_text(self, entity: Entity) -> str:
        """What a person's or place's facts say, where a count asked of them is looked for."""
        facts = (self.kb.by_id[fid] for fid in entity.fact_ids)
        return " ".join(normalize(f.measure + f.example + f.quote) for f in facts)

    def _topic(self, text: str) -> str | None:
        analysis = self.analyzer.analyze(self.analyzer.spelled(self._normal(text)))
        return self.topic_words.first_named(analysis)

    def inline_choices(self, result: Result) -> list[Match]:
        """Facts worth offering in inline mode: every match at or above the suggestion bar."""
        return [m for m in result.matches if m.score >= self.thresholds.suggest]

    def suggestions(self, result: Result) -> list[Match]:
        """The "did you mean" choices for a result of this matcher."""
        return offered(result.matches, self.thresholds)
