"""Setting words: 入户 and 走过场 set the scene of a burden another word names."""

from __future__ import annotations

from bot.kb.load import load_kb
from bot.search.matcher import Matcher
from bot.search.query import QueryAnalysis, QueryTerm
from bot.search.setting import SettingWords


def _terms(matcher: Matcher, question: str) -> set[str]:
    analysis, _ = matcher.rank(matcher._normal(question))
    return {qt.term for qt in analysis.terms}


def test_the_setting_words_load_from_the_knowledge_base() -> None:
    assert {"实地调查", "形式主义"} <= load_kb().setting_words


def test_a_visit_beside_another_topics_word_is_the_setting(matcher: Matcher) -> None:
    """The official's own visits, with photos for the group: no inspectors' field visits."""
    terms = _terms(matcher, "每次入户回来都得截图发到群里")
    assert "实地调查" not in terms
    assert {"截图", "工作群"} <= terms
    result = matcher.match("每次入户回来都得截图发到群里")
    assert all(f.topic != "inspections" for f in result.shown)


def test_a_setting_word_stays_alone_or_where_the_named_topic_uses_it(matcher: Matcher) -> None:
    assert "实地调查" in _terms(matcher, "现在都入户调查吗")  # nothing else names a topic
    assert "实地调查" in _terms(matcher, "检查组来了都入户")  # inspections' own word
    # a meetings fact tells of no time left for the villages
    assert "实地调查" in _terms(matcher, "会多得一点空都没有去下村")


def test_hollow_formality_said_of_inspections_leaves_the_work_groups(matcher: Matcher) -> None:
    assert "形式主义" not in _terms(matcher, "督查检查太走过场了咋办")
    assert "形式主义" in _terms(matcher, "工作群里的形式主义怎么治")


def test_settings_drop_only_words_no_named_topic_holds() -> None:
    topics = {"截图": "groups", "检查": "inspections", "实地调查": "inspections"}
    settings = SettingWords(
        ["走访"],
        lambda w: "实地调查" if w == "走访" else w,
        lambda term, typed: topics.get(term),
        lambda term: frozenset({"inspections"}),
    )
    visit = QueryTerm("实地调查", 1.0, "走访")
    shot = QueryTerm("截图", 1.0, "截图")
    kept = settings.kept(QueryAnalysis(terms=(visit, shot), unknown=()))
    assert kept.terms == (shot,) and kept.unknown == ()
    check = QueryTerm("检查", 1.0, "检查")
    both = QueryAnalysis(terms=(visit, check), unknown=())
    assert settings.kept(both) == both
    alone = QueryAnalysis(terms=(visit,), unknown=())
    assert settings.kept(alone) == alone


def test_the_village_secretary_beside_another_topic_signs_no_form(matcher: Matcher) -> None:
    """村书记 is 村支书 said another way: who complains, not the committee's signature."""
    question = "我们村书记天天抱怨检查太多，我自己是抱怨群太多，这俩有政策吗"
    assert {f.topic for f in matcher.match(question).shown} == {"inspections", "chat-groups"}
    assert matcher.match("村书记签字太多了").shown[0].id == "forms-fewer-signatures-photos"
