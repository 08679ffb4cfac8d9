"""The "wrappers" generator: framing around a question keeps its labels, part and meaning."""

from __future__ import annotations

import random

import pytest

from bot.devtools.evaluate import Labelled
from bot.devtools.variants import GENERATORS
from bot.devtools.variants import wrappers as w
from bot.devtools.variants.runner import generate
from bot.kb import load_kb

KB = load_kb()
ASK = Labelled("表格样式三天两头改，白干好几回", frozenset({"forms-stable-templates"}), "problem")
PERSON = Labelled("敖再生是谁", frozenset({"meetings-one-topic-once"}), "person")
OFFTOPIC = Labelled("今天天气怎么样", frozenset(), "offtopic")


def _texts(item: Labelled, sub: str) -> list[str]:
    return [w.wrap(item, sub, random.Random(seed)) for seed in range(40)]


def test_variants_keep_labels_and_part() -> None:
    sources = [ASK, PERSON, OFFTOPIC, Labelled("会太多怎么办", frozenset({"x"}), "chatty")]
    made = generate("wrappers", sources, KB)
    assert "wrappers" in GENERATORS and made
    by_text = {s.question: s for s in sources}
    for variant in made:
        plain = variant.question
        for filler in ("然后就是", "就是说", "嗯"):  # a filler dictated inside the question
            plain = plain.replace(filler, "")
        source = next(s for q, s in by_text.items() if q in plain)
        assert variant.expect == source.expect and variant.topics == source.topics
        assert variant.split == source.split
        kind, sub = variant.kind.split("/")
        assert kind == source.kind and sub in w.SUBKINDS
    assert generate("wrappers", sources, KB) == made  # repeatable


def test_one_or_two_variants_per_source() -> None:
    counts = {len(generate("wrappers", [ASK], KB))} | {
        len(w.variants(ASK, [ASK], random.Random(seed), KB)) for seed in range(30)
    }
    assert counts == {1, 2}


def test_invented_places_are_not_the_articles() -> None:
    article = "".join(seed.text for seed in KB.seeds.values())
    named = "".join(f.who + f.where for f in KB.facts)
    for place in w.PLACES:
        assert place not in article and place not in named
        assert place[:2] not in article  # not even a shortened name
        assert not set(place) & set("会群表查")  # no topic's character either


@pytest.mark.parametrize(
    ("sub", "pieces", "before"),
    [
        ("greeting", w.GREETINGS, True),
        ("closing", w.CLOSINGS, False),
        ("background", w.BACKGROUNDS, True),
    ],
)
def test_a_framing_stands_in_its_place(sub: str, pieces: tuple[str, ...], before: bool) -> None:
    for text in _texts(ASK, sub):
        head, _, tail = text.partition(ASK.question)
        assert (head[:-1] if before else tail.removeprefix("，")) in pieces


def test_an_introduction_names_an_invented_place_and_a_role() -> None:
    for text in _texts(ASK, "intro"):
        head = text.partition(ASK.question)[0]
        assert any(p in head for p in w.PLACES) and any(r in head for r in w.ROLES)
    assert "intro" not in w.allowed(Labelled("我是新来的，会太多怎么办", ASK.expect, "chatty"))


def test_a_request_for_a_case_only_frames_a_question_asking_for_a_measure() -> None:
    asked = {t.partition(ASK.question)[2].strip("，") for t in _texts(ASK, "request")}
    assert asked & set(w.MEASURE_ASKS)
    for item in (PERSON, OFFTOPIC):
        for text in _texts(item, "request") + _texts(item, "combo"):
            assert not any(a in text for a in w.MEASURE_ASKS)
            assert item.question in text


def test_fillers_and_sighs() -> None:
    for text in _texts(ASK, "filler"):
        assert any(text.startswith(f) for f in w.FILLERS)
        assert (
            text.replace("然后就是", "")
            .replace("就是说", "")
            .replace("嗯", "")
            .endswith("白干好几回")
        )
    for text in _texts(ASK, "emotion"):
        assert any(e in text for e in w.EMOTIONS) and ASK.question in text


def test_a_combination_holds_several_framings_around_the_whole_question() -> None:
    every = w.GREETINGS + w.CLOSINGS + w.BACKGROUNDS + w.EMOTIONS + w.NEUTRAL_ASKS + w.MEASURE_ASKS
    for text in _texts(ASK, "combo"):
        assert ASK.question in text
        found = sum(piece in text for piece in every) + any(p in text for p in w.PLACES)
        assert found >= 2
