"""A long story one fact answers read whole is no list of its clauses (several.told_as_one)."""

from __future__ import annotations

from bot.search.matcher import Matcher, Result


def _shown(result: Result) -> list[str]:
    return [f.id for f in result.shown]


def test_a_long_story_answered_whole_is_no_list_of_its_clauses(matcher: Matcher) -> None:
    """Clause by clause, 天天报 named forms and 看不出干得好不好 inspections; read whole, the
    message is about photos sent to the group standing in for the work done."""
    question = (
        "群里天天让报位置、报工作照，说是考核要用，但是照片能说明啥呢，我们天天在村里跑，"
        "照片拍多拍少根本看不出干得好不好"
    )
    result = matcher.match(question)
    assert result.shape != "several"
    assert _shown(result)[0] == "chat-groups-no-screenshot-evaluation"


def test_a_short_list_keeps_its_several_answer(matcher: Matcher) -> None:
    result = matcher.match("会太多，表也太多")
    assert result.shape == "several"
    assert {f.topic for f in result.shown} == {"meetings", "forms"}
