"""From ranked candidates to a decision and the shape of the answer.

Ranking (matcher.Matcher.prepare) is done once per question; concluding is cheap and depends on
the thresholds only, so `jianfu eval --tune` can try many thresholds on one ranking.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from bot.decision import Decision
from bot.kb import Fact
from bot.search.bars import BURDEN_BAR, ENTITY_BAR, PART_BAR, TOPIC_BAR
from bot.search.clauseends import ASKS, BLANKS, COMMAS, EXCLAIMS, FULL_STOP, LIST_COMMA, SEMICOLONS
from bot.search.entities import Entity
from bot.search.query import QueryAnalysis

# Re-exported: the search modules take both from here, beside the decision they feed.
from bot.search.ranked import EntityFocus as EntityFocus
from bot.search.ranked import Match as Match
from bot.search.several import dominates, several_asked, several_of, topic_bests
from bot.search.story import asks_something

Shape = Literal["fact", "card", "topic", "several"]

SUGGESTIONS = 3
RELATED = 3  # close siblings offered as 相关做法 under a one-fact answer
CARD_MAX = 8  # lines on a person's or place's card, closest to the question first
# An ask holding one of these marks is more than one clause.
_CLAUSE_MARK = re.compile(f"[{COMMAS}{FULL_STOP}{SEMICOLONS}{EXCLAIMS}{ASKS}{LIST_COMMA}{BLANKS}]")


@dataclass(frozen=True)
class Thresholds:
    """Tuned with `jianfu eval --tune` on the tuning parts of the labelled questions."""

    answer: float = 48.0  # at or above: answer outright (unless a rival on another topic is close)
    suggest: float = 42.0  # between suggest and answer: offer "did you mean"
    margin: float = 5.0  # a rival on another topic within this many points makes the best uncertain
    lead: float = 15.0  # above the suggestion bar, a best this far ahead of every rival is sure
    # A question whose very form asks for what no measure gives (怎么设置, 几号, 工作群被踢了)
    # is answered only by a match this strong: near enough a fact's own question that the form
    # was misread.
    form: float = 70.0


@dataclass(frozen=True)
class Card:
    """A person or place named in the facts' `who`/`where` fields, and every fact naming them."""

    name: str  # as the knowledge base names them: 段琼, 洋湖乡
    description: str  # the full `who` or `where` text: role and place
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Result:
    """What the search stage decided. With decision "answer", `shape` says how:

    - "fact": one fact, `matches[0]`; `related` are close siblings to offer as 相关做法;
    - "card": a person or place (`card`); its facts, in order, are what the reply shows;
    - "topic": a topic-level ask (`topic`): `matches[0]` is the topic's representative fact,
      `related` the topic's other facts;
    - "several": one best fact per topic asked about (`several`, at most 3, in order asked).
    """

    query: str
    normalized: str
    decision: Decision
    matches: tuple[Match, ...]
    analysis: QueryAnalysis
    shape: Shape = "fact"
    related: tuple[Fact, ...] = ()
    card: Card | None = None
    topic: str | None = None
    several: tuple[Match, ...] = ()
    overview: bool = False  # `several` answers a broad ask across topics, not a list of asks
    joined: tuple[Card, ...] = ()  # a card's companions: several people or places asked about

    @property
    def answered(self) -> bool:
        return self.decision == "answer"

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None

    @property
    def shown(self) -> tuple[Fact, ...]:
        """The facts an answer gives, in the order shown (empty unless answered)."""
        if not self.answered:
            return ()
        if self.shape == "card" and self.card is not None:
            if not self.joined:
                return self.card.facts
            cards = (self.card, *self.joined)  # a fact two of them share is shown once
            return tuple(dict.fromkeys(f for card in cards for f in card.facts))
        if self.shape == "several":
            return tuple(m.fact for m in self.several)
        return (self.matches[0].fact,) if self.matches else ()


@dataclass(frozen=True)
class Prepared:
    """Everything ranking found for one question, before any threshold is applied."""

    query: str
    normalized: str
    analysis: QueryAnalysis
    ranked: tuple[Match, ...] = ()
    greeting: bool = False
    entity: Entity | None = None
    entity_ranked: tuple[Match, ...] = ()  # the entity's facts, best first
    entity_focus: EntityFocus = field(default_factory=EntityFocus)
    clause_bests: tuple[Match, ...] = ()  # the best match of each clause, in the order asked
    run_bests: tuple[Match, ...] = ()  # the same, clauses cut where the topic named changes
    topic_bests: tuple[Match, ...] = ()  # with two topics or more named: each one's best match
    topic_ask: str | None = None  # the topic, when the question asks about a topic as a whole
    topic_facts: tuple[Fact, ...] = field(default=())  # that topic's facts, in KB order
    asks_broadly: bool = False  # 哪些, 方面, 经验: asks for what is done, not for one thing
    topics_named: tuple[str, ...] = ()  # every topic a word of the question names, in order
    # The best fact read whole uses every word that names a topic (上级来检查，先翻我们的会议
    # 记录本: meeting records are checked), so those words tell one story, not several asks.
    best_covers_topics: bool = False
    # The topic's lead, when the question names the topic and nothing narrower and the lead
    # is about as close as its best sibling (群太多了能不能砍掉一些: which groups go, not the
    # aftermath): a near tie between siblings is the topic's to answer.
    topic_lead: Match | None = None
    # Nothing but periods, units and asks (一天有多少个小时): a count of nothing we know.
    counts_only: bool = False
    opens: bool = True  # an item naming a topic itself, not only the scene (sceneitems.py)
    # Several people or places asked about at once, each with what the rest asks of them.
    joined: tuple[tuple[Entity, EntityFocus], ...] = ()
    # Each clean clause's best fact, when those naming a topic lie on one topic (covered.py).
    covered: tuple[Match, ...] = ()
    cues_aside: bool = False  # every cue is in a further item naming no topic (covered.py)
    items: tuple[Prepared, ...] = ()  # each item of a message asking several things (items.py)
    strangers: tuple[str, ...] = ()  # people and places named that the facts do not name
    asked: Prepared | None = None  # a long message's ask, read alone (asked.py)
    after: Prepared | None = None  # the ask after a change told, read alone (afterwards.py)
    # A burden told, asking nothing (story.py), naming the best match's topic and saying its
    # burden and no sibling's (siblingmarks.py): 发言稿写了三千字，念完会都开了半天.
    burden_named: bool = False


def offered(ranked: Sequence[Match], t: Thresholds) -> list[Match]:
    """The "did you mean" choices: the top few that clear the suggestion bar."""
    return [m for m in ranked[:SUGGESTIONS] if m.score >= t.suggest]


def decide(ranked: Sequence[Match], t: Thresholds, clean: bool = False) -> Decision:
    """Answer when sure, offer choices when unsure, decline when nothing fits.

    `clean`: the question has no unknown word and no off-topic cue.
    A close rival on the same topic is a sibling (shown as related), not a doubt; only a close
    rival on another topic makes a strong best match uncertain.
    """
    if not ranked or ranked[0].score < t.suggest:
        return "decline"
    best = ranked[0]
    if best.score < t.answer:
        # A lone candidate leads nobody when the question has words we do not know or
        # off-topic cues; when every word is known, only one fact sharing them is telling.
        lone = best.score if clean else 0.0
        lead = best.score - ranked[1].score if len(ranked) > 1 else lone
        return "answer" if lead >= t.lead else "suggest"
    for rival in ranked[1:]:
        if best.score - rival.score >= t.margin:
            break
        if rival.fact.topic != best.fact.topic:
            return "suggest"
    return "answer"


def conclude(p: Prepared, t: Thresholds) -> Result:
    base = Result(p.query, p.normalized, "decline", p.ranked, p.analysis)
    if p.greeting:
        return Result(p.query, p.normalized, "help", (), p.analysis)
    if p.counts_only:
        return _with(base, "decline", p.ranked)
    # A question asking how, where or when of two topics (求个会议记录模板) is still a near miss.
    # 会多，群多，另外修路的钱啥时候到: a cue in a further item of its own leaves the list.
    asks_list = not p.analysis.cues or p.cues_aside
    several, listed = several_asked(p, t) if asks_list else ((), False)
    if several:
        return _several_answer(base, p, several, t, listed)
    if p.entity is not None and p.entity_ranked and not p.analysis.cues:
        if p.entity_focus.unknown and p.entity_focus.best < ENTITY_BAR * t.suggest:
            # 港城大街附近有什么好吃的: what is asked of the place is nothing the facts hold.
            return _with(base, "decline", p.ranked)
        found = _entity_answer(p, base, t)
        if found is not None:
            return found
    clean = p.analysis.clean
    decision = decide(p.ranked, t, clean)
    off_topic = bool(p.ranked) and p.ranked[0].fact.topic != p.topic_ask
    # 迎检压力太大了 names inspections only: a forms fact sure enough to answer, on 迎检 in
    # passing, is not what it asks about; the topic named answers on a lower bar, or nothing.
    stray = off_topic and decision == "answer" and p.ranked[0].fact.topic not in p.topics_named
    if p.topic_ask and p.topic_facts and (p.asks_broadly or decision != "answer" or off_topic):
        # 会议方面有哪些做法 asks for the topic; 会太多怎么办, answered outright, is one fact's;
        # a question naming a topic and nothing narrower is never another topic's.
        found = _topic_answer(p, base)
        own = max((m.score for m in p.ranked if m.fact.topic == p.topic_ask), default=0.0)
        if own >= (PART_BAR if p.asks_broadly or stray else TOPIC_BAR) * t.suggest:
            return found
        if stray:
            decision = "decline"
    weak = bool(p.ranked) and p.ranked[0].score < t.answer
    if decision == "suggest" and weak and clean and p.asks_broadly and p.entity is None:
        # 留痕方面有哪些好做法, 基层减负有啥经验: a broad ask that no fact answers strongly asks
        # for what is done across the topics, not for one fact (two strong matches on two
        # topics stay a real doubt).
        overview = several_of(topic_bests(p.ranked), t)
        if overview:
            return _several_answer(base, p, overview, t, listed=True, overview=True)
    if decision == "answer" and p.ranked[0].score < t.answer and p.analysis.cues:
        # A weak best match that leads only because nothing else fits, for a question that
        # asks how, where, when or for an entitlement (加班费怎么算): not what a measure says.
        decision = "decline"
    if decision == "answer" and p.analysis.forms and p.ranked[0].score < t.form:
        # The question's form asks how to operate, where, when or what happened to the asker
        # (市里检查组几号到, 开会的通知怎么拟): its words set the scene, they are not the ask.
        decision = "decline"
    if decision == "suggest" and not clean:
        # Unsure, and the question names something we do not know (请示, 网站) or asks for
        # what no measure gives: that is a question the facts do not answer.
        decision = "decline"
    if decision != "answer" and p.covered and p.covered[0].score >= t.answer:
        # 会议多，还有就是村里留守老人没人管: the part the facts cover is sure on its own;
        # 会议记录要查，例会还开得老长: two siblings, each sure of its part, the first answers.
        first, *others = p.covered
        rest = tuple(m for m in p.ranked if m.fact != first.fact)
        related = tuple(m.fact for m in others)
        return _with(base, "answer", (first, *rest), related=related)
    if decision != "answer" and p.burden_named and p.ranked[0].score >= BURDEN_BAR * t.suggest:
        # 一听说要来检查，全乡上下都得动员起来: the burden is stated, not asked, and says which
        # of the topic's facts it is; unknown words there tell the story, not another subject.
        decision = "answer"
    if decision != "answer":
        return _with(base, decision, p.ranked)
    ranked = p.ranked
    lead = p.topic_lead  # a match this strong is near one fact's own question: it stands
    if lead is not None and lead.fact.topic == ranked[0].fact.topic and ranked[0].score < t.form:
        # The near tie goes to the lead, which takes the best score: scores stay in order.
        ranked = (Match(lead.fact, ranked[0].score, lead.parts), *(m for m in ranked if m != lead))
    best = ranked[0]
    # Siblings that would clear the answer bar on their own are offered beside it.
    related = tuple(
        m.fact for m in ranked[1:] if m.fact.topic == best.fact.topic and m.score >= t.answer
    )[:RELATED]
    return _with(base, "answer", ranked, related=related)


def _topic_answer(p: Prepared, base: Result) -> Result:
    """The topic's facts, the one closest to the question first (its representative)."""
    order = p.topic_facts  # ranked first, best first, then the rest in KB order
    first = next((m for m in p.ranked if m.fact == order[0]), Match(order[0], 0.0))
    rest = tuple(m for m in p.ranked if m.fact != first.fact)
    topic = p.topic_ask
    return _with(
        base, "answer", (first, *rest), shape="topic", related=tuple(order[1:]), topic=topic
    )


def _with(
    base: Result, decision: Decision, matches: tuple[Match, ...], shape: Shape = "fact",
    related: tuple[Fact, ...] = (), card: Card | None = None, topic: str | None = None,
    several: tuple[Match, ...] = (), overview: bool = False,
) -> Result:  # fmt: skip
    return Result(
        base.query, base.normalized, decision, matches, base.analysis, shape, related, card,
        topic, several, overview,
    )  # fmt: skip


def _several_answer(
    base: Result, p: Prepared, several: tuple[Match, ...], t: Thresholds, listed: bool,
    overview: bool = False,
) -> Result:  # fmt: skip
    whole = p.best_covers_topics or p.analysis.told or dominates(p, several)
    if whole and p.ranked[0].score >= t.answer and not listed:
        # 上级来检查，先翻我们的会议记录本 touches inspections but is about meeting records:
        # the topic the question read whole is about comes first, as it does for a burden told
        # (入户走访完了要录视频传上去). A list (检查多会也多) keeps the order it was asked in.
        topic = p.ranked[0].fact.topic
        several = tuple(sorted(several, key=lambda m: m.fact.topic != topic))
    elif not listed and (asked := _closing_ask_topic(p, t)) is not None:
        # 填表填到半夜，…，会能不能少开: the story names forms first, yet the closing ask read
        # alone (asked.py) is about meetings, so its topic leads. One rule with items.py's told
        # items: what is asked leads (fixes from dev-several6 here, dev-wrong9 there). A list
        # keeps the order it was asked in.
        several = tuple(sorted(several, key=lambda m: m.fact.topic != asked))
    chosen = {m.fact for m in several}
    rest = tuple(m for m in p.ranked if m.fact not in chosen)
    return _with(
        base, "answer", (*several, *rest), shape="several", several=several, overview=overview
    )


def _closing_ask_topic(p: Prepared, t: Thresholds) -> str | None:
    """The topic of a long message's closing ask read alone, when the ask is one clause naming
    it by a word of its own (就不能合成一次吗 names none: its 合成 is no topic; 部门分头检查，这两
    件事有地方改了吗 borrows the clause before it), clears the suggest bar, and closes a story
    that asked nothing before it (群能不能少建几个，会能不能少开几次，表能不能少填几张 is a list
    of asks, kept in the order asked)."""
    ask = p.asked
    if ask is None or not ask.ranked or ask.ranked[0].score < t.suggest:
        return None
    start = p.query.rfind(ask.query)
    if start <= 0 or _CLAUSE_MARK.search(ask.query) or asks_something(p.query[:start]):
        return None
    topic = ask.ranked[0].fact.topic
    return topic if topic in ask.topics_named else None


def _entity_answer(p: Prepared, base: Result, t: Thresholds) -> Result | None:
    """A person or place: their one fact the question is about, else a card of all of them."""
    assert p.entity is not None
    ranked = p.entity_ranked
    focus = p.entity_focus
    # 洋湖乡还有啥减负经验 scores low on every fact, yet asks for nothing but the place's
    # facts; 洋湖乡群太多怎么办 asks for another fact that fits better than any of them.
    lookup = focus.clean and focus.elsewhere < t.suggest
    if max(m.score for m in ranked) < ENTITY_BAR * t.suggest and not lookup:
        return None
    own = {m.fact for m in ranked}
    weak = focus.best < ENTITY_BAR * t.suggest
    top = p.ranked[0]
    if weak and focus.other_topic_only:
        # 李志颖说工作群了吗: nobody's words on groups are hers; 海港区开会怎么减的: nothing
        # done there is about meetings (a place's asker telling a trouble is not this: focus.py).
        return _with(base, "decline", p.ranked)
    if weak and top.fact not in own and top.score >= t.answer:
        # 新疆有没有精简工作群的做法: nothing done there is about it; a fact elsewhere is.
        # 李志颖说的签字少了 mistakes who said it: the fact that says it answers.
        return None
    if weak and focus.other_topic and focus.elsewhere >= t.answer:
        # 水林社区填表有啥变化: what is asked is plainly another fact's, and nothing the
        # article tells of them is about it; their own fact leads only on their name.
        return _with(base, "decline", p.ranked)
    rest = tuple(m for m in p.ranked if m.fact not in own)
    matches = (*ranked, *rest)
    related = tuple(m.fact for m in ranked[1:CARD_MAX])
    # One fact when the rest of the question clearly asks for it; a broad rest (还有啥经验)
    # leads by little on a low score and asks for them all.
    sure = focus.specific and focus.lead >= t.margin and focus.best >= ENTITY_BAR * t.suggest
    if len(ranked) == 1 or sure:
        return _with(base, "answer", matches, related=related)
    card = Card(p.entity.name, p.entity.description, tuple(m.fact for m in ranked[:CARD_MAX]))
    return _with(base, "answer", matches, shape="card", card=card)
