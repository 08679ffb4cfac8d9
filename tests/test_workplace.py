"""A place lends a fact of someone working there only when the question asks what that fact alone
tells: 水林社区的会议记录 is the secretary's records fact; 水林社区是怎么减负的 stays the
community's own fact."""

from __future__ import annotations

from bot.search.entities import Entity
from bot.search.matcher import Matcher
from bot.search.workplace import with_workplace_facts

PLACE = Entity("place", "水林社区", "新疆昌吉市水林社区", ("weekly",))
SECRETARY = Entity(
    "person", "段琼", "段琼（水林社区书记）", ("weekly", "records"), frozenset({"水林社区"})
)
ELSEWHERE = Entity("person", "齐琳", "齐琳（港城大街）", ("groups",), frozenset({"港城大街"}))
SAID = {
    "weekly": frozenset({"会议", "例会", "半小时"}),
    "records": frozenset({"会议", "会议记录", "留痕"}),
    "groups": frozenset({"工作群", "会议记录"}),
}


def test_a_word_only_a_workplace_fact_holds_lends_it() -> None:
    found = with_workplace_facts(PLACE, [SECRETARY, ELSEWHERE], ["会议记录"], SAID.__getitem__)
    assert found.fact_ids == ("weekly", "records")


def test_a_word_the_place_holds_or_a_broad_ask_lends_nothing() -> None:
    for asked in (["例会"], []):
        assert with_workplace_facts(PLACE, [SECRETARY], asked, SAID.__getitem__) == PLACE


def test_the_matcher_answers_the_records_of_the_community(matcher: Matcher) -> None:
    result = matcher.match("水林社区的会议记录")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "meetings-light-records"
    broad = matcher.match("水林社区是怎么减负的")
    assert broad.matches[0].fact.id == "meetings-weekly-half-hour"
