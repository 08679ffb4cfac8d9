"""A domain character jieba joined to an everyday word (表现在 → 表现/在) is given back."""

from __future__ import annotations

from bot.search.boundaries import Boundaries
from bot.search.matcher import Matcher
from bot.search.normalize import normalize

FREQUENCY = {"表现": 5000, "现在": 90000, "表明": 6000, "明天": 20000, "现好": 0}
BOUNDARIES = Boundaries(
    lambda word: FREQUENCY.get(word, 0),
    lambda word: word in {"群众", "表格"},
    lambda ch: ch in "表群会",
)


def test_a_swallowed_domain_character_is_given_back() -> None:
    assert BOUNDARIES.recut(["一张", "表现", "在", "要", "签字"]) == [
        "一张", "表", "现在", "要", "签字",
    ]  # fmt: skip
    assert BOUNDARIES.recut(["填", "表明", "天", "交"]) == ["填", "表", "明天", "交"]


def test_a_word_read_as_written_stays() -> None:
    # 表现好: 现好 is no word; 群众 is a word the facts use; 他表现 has no domain character first
    assert BOUNDARIES.recut(["表现", "好"]) == ["表现", "好"]
    assert BOUNDARIES.recut(["群众", "多"]) == ["群众", "多"]
    assert BOUNDARIES.recut(["发现", "在"]) == ["发现", "在"]
    assert BOUNDARIES.recut(["表现"]) == ["表现"]


def test_the_form_asked_about_is_read(matcher: Matcher) -> None:
    analysis = matcher.analyzer.analyze(normalize("以前一张表现在还要找好多人签字吗"))
    assert "表现" not in analysis.unknown
    assert "表格" in {t.term for t in analysis.terms}
    result = matcher.match("以前一张表现在还要找好多人签字吗")
    assert result.matches[0].fact.id == "forms-fewer-signatures-photos"
