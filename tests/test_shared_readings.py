"""A message's texts read once, and readings nobody looks at skipped (matcher.py): the answers
are those of reading everything afresh."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.search.calibrated import concluded
from bot.search.closeness import sorted_forms
from bot.search.covered import CoveredParts, covered_parts
from bot.search.matcher import Match, Matcher, Prepared
from bot.search.parts import ReadAlone, list_readings
from bot.search.pointing_back import asks_of_story
from bot.search.query import QueryAnalysis


def _read_in_full(matcher: Matcher, question: str) -> Prepared:
    """The message as it was read before any reading was skipped: its lists and the parts the
    facts cover read whatever its cues, a story's included, each text with a memo of its own."""
    p = matcher.prepare(question)
    cleaned, reads = matcher.cleaned(question), ReadAlone(matcher.rank)
    covered = (
        covered_parts(
            cleaned, reads, matcher.topic_words, matcher._leads, matcher._normal, reads.words
        )
        if p.topics_named and p.entity is None
        else CoveredParts()
    )
    lists = list_readings(
        cleaned, list(p.ranked), p.topics_named, reads, matcher.topic_words,
        matcher._leads, matcher._normal, reads.words, matcher.heard_in,
    )  # fmt: skip
    if not asks_of_story(question):  # a story's were read, then dropped
        p = replace(p, clause_bests=lists.clause_bests, run_bests=lists.run_bests)
        p = replace(p, topic_bests=lists.topic_bests, covered=covered.bests)
    return replace(p, cues_aside=covered.cues_aside)


@pytest.mark.parametrize(
    ("question", "skipped"),
    [
        # a cue in a clause naming a topic: no aside, so the two clauses are no list to answer
        ("开会怎么请假，表太多", "lists"),
        ("会太多了，群怎么退出", "lists"),
        # two sentences that tell, then an ask pointing back at them: one story
        ("周五刚交了表。周一群里通知模板更新，要重新报送。这种事有人管吗", "story"),
        # unmarked, no cue: whether a cue is aside is never asked
        ("表太多，检查太多", "none"),
        ("会多，表多，工资啥时候涨", "none"),
        ("会议室怎么预约，表格太多，检查也多", "none"),
    ],
)
def test_a_reading_skipped_changes_no_answer(matcher: Matcher, question: str, skipped: str) -> None:
    """What a reading skips is what shapes.conclude never looks at: the answer is the one the
    message read in full gets, to every match and score."""
    p = matcher.prepare(question)
    full = _read_in_full(matcher, question)
    if skipped == "lists":
        assert full.clause_bests and not p.clause_bests
    if skipped == "story":
        assert not p.clause_bests and not p.covered
    assert concluded(full, matcher.thresholds, matcher.calibration) == matcher.match(question)


def test_an_unmarked_list_without_a_cue_is_not_read_for_its_covered_parts(
    matcher: Matcher,
) -> None:
    """No 还有 or 另外 and no cue: covered.py would give no part and an aside nobody asks
    about, so no clause is read for it; with a cue the same list is read."""
    read: list[str] = []

    def words(text: str) -> tuple[QueryAnalysis, list[Match]]:
        read.append(text)
        return matcher.rank(text, words_only=True)

    leads, topic_words = matcher._leads, matcher.topic_words
    question = "表太多，检查太多"
    skipped = covered_parts(question, matcher.rank, topic_words, leads, read=words, cued=False)
    assert skipped == CoveredParts() and read == []
    every = covered_parts(question, matcher.rank, topic_words, leads, read=words)
    assert every.bests == () and read  # unmarked: never a part to answer, read or not


def test_an_item_read_with_the_whole_message_is_the_item_read_alone(matcher: Matcher) -> None:
    """The items share the whole message's memo of texts read (an item is a clause of the
    whole): each is what preparing it afresh, with a memo of its own, gives."""
    question = "会太多。表也多。群也多，怎么办"
    p = matcher.prepare(question)
    assert len(p.items) == 3
    for item in p.items:
        fresh = matcher._prepare_one(item.query)
        assert replace(item, opens=True) == fresh
        assert item.clause_bests == fresh.clause_bests and item.ranked == fresh.ranked


def test_a_memo_lasts_one_message(matcher: Matcher, _session_cache: Path) -> None:
    """Each message gets a memo of its own: one message read after another, or the same
    clause in two messages, reads as it does in a new matcher."""
    first, second = "会太多，表也多", "表也多，会太多"
    matcher.prepare(first)
    fresh = Matcher(matcher.kb, cache_dir=_session_cache)
    assert matcher.prepare(second) == fresh.prepare(second)


def test_a_reloaded_fact_s_examples_are_sorted_afresh(
    matcher: Matcher, _session_cache: Path
) -> None:
    """The examples' sorted forms are made with the index (closeness.py): a knowledge base
    whose fact changed its example questions gets its own index, its forms the new ones."""
    fact = matcher.kb.facts[0]
    edited = replace(fact, questions=("会议 太多 怎么 办 精简", *fact.questions[1:]))
    kb = replace(
        matcher.kb,
        facts=(edited, *matcher.kb.facts[1:]),
        by_id={**matcher.kb.by_id, fact.id: edited},
    )
    reloaded = Matcher(kb, cache_dir=_session_cache)
    old, new = matcher.index.docs[0], reloaded.index.docs[0]
    assert new.questions != old.questions
    assert new.forms == sorted_forms(new.questions) and new.forms is not None
    assert old.forms == sorted_forms(old.questions)
