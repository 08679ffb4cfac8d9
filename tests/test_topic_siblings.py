"""Near a tie, a topic's lead answers unless the best sibling holds a word that tells them apart."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.normalize import normalize


@pytest.mark.parametrize(
    "question", ["礼拜一到礼拜五，天天都有会", "从礼拜一到礼拜五天天开会，受不了"]
)
def test_a_lone_character_does_not_take_a_near_tie_from_the_lead(
    matcher: Matcher, question: str
) -> None:
    """一, left over from 礼拜一, is held by the weekly meeting's text (一开一整天) and not by
    the lead's: it tells nothing, and the lead answers how often meetings come."""
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.shown[0].id == "meetings-twice-a-month"


def test_a_word_one_sibling_holds_still_tells_it_apart(matcher: Matcher) -> None:
    """主题 is meetings-one-topic-once's and not the lead's: the sibling keeps its answer."""
    analysis, ranked = matcher.rank(normalize("一个主题的会要开好几次"))
    best = ranked[0]
    lead = next(m for m in ranked if m.fact.id == "meetings-twice-a-month")
    assert best.fact.id == "meetings-one-topic-once"
    assert matcher.topic_asks.tells_apart(best, lead, analysis)
    assert not matcher.topic_asks.tells_apart(lead, lead, analysis)


def test_a_lone_character_alone_tells_nothing_apart(matcher: Matcher) -> None:
    """Of 礼拜一到礼拜五天天都有会 the weekly meeting holds 一 and the lead does not: no tell."""
    analysis, ranked = matcher.rank(normalize("礼拜一到礼拜五天天都有会"))
    weekly = next(m for m in ranked if m.fact.id == "meetings-weekly-half-hour")
    lead = next(m for m in ranked if m.fact.id == "meetings-twice-a-month")
    assert "一" in {qt.term for qt in analysis.terms}
    assert not matcher.topic_asks.tells_apart(weekly, lead, analysis)


@pytest.mark.parametrize("question", ["帮我看看别的地方怎么给工作群瘦身", "工作群瘦身都有哪些做法"])
def test_a_broad_ask_gets_a_practice_before_what_to_avoid(matcher: Matcher, question: str) -> None:
    """What is done about the work groups: 要避免的做法 (工作群越建越多…) tells the trouble, so
    a practice of the topic about as close comes first; the avoided one is still listed."""
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.shape == "topic"
    assert result.shown[0].id != "chat-groups-too-many-pinned"
    assert not result.shown[0].measure.startswith(tuple(matcher.kb.avoid_marks))
    assert "chat-groups-too-many-pinned" in {f.id for f in result.related}


def test_a_word_of_the_avoided_practice_keeps_it_first(matcher: Matcher) -> None:
    """换模板 is forms-stable-templates' own word: asked what is done about it, it answers."""
    result = matcher.match("换模板的问题别的地方怎么解决的")
    assert result.decision == "answer"
    assert result.shown[0].id == "forms-stable-templates"


def test_the_avoidance_marks_are_read_from_the_curated_list(matcher: Matcher) -> None:
    """responses/avoid_marks.txt: the two facts whose measure opens 要避免的做法 are marked."""
    marks = tuple(matcher.kb.avoid_marks)
    assert "要避免的做法" in marks
    marked = {f.id for f in matcher.kb.facts if f.measure.startswith(marks)}
    assert marked == {"chat-groups-too-many-pinned", "forms-stable-templates"}


def test_a_broad_ask_keeps_first_the_best_sibling_whose_burden_is_said(matcher: Matcher) -> None:
    """有没有好的办法 asks broadly about meetings, and the lead is near; but 一个主题的会要开
    好几次 says the same subject met again (sibling_marks.yaml) and nothing of how often: the
    topic answer shows that fact first."""
    text = "我们乡开会太多了一个主题的会要开好几次你们有没有好的办法"
    _, ranked = matcher.rank(normalize(text))
    meetings = [m for m in ranked if m.fact.topic == "meetings"]
    said = [m.fact.id for m in meetings if matcher.sibling_marks.says(m.fact.id, normalize(text))]
    assert ranked[0].fact.id == "meetings-one-topic-once" and said == ["meetings-one-topic-once"]
    facts = matcher.topic_asks.facts("meetings", ranked, True, matcher.analyzer.analyze(text))
    assert facts[0].id == "meetings-twice-a-month"  # no burden said: the lead first
    says = lambda fid: matcher.sibling_marks.says(fid, normalize(text))  # noqa: E731
    facts = matcher.topic_asks.facts("meetings", ranked, True, matcher.analyzer.analyze(text), says)
    assert facts[0].id == "meetings-one-topic-once"
