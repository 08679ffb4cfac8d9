"""The "lists" variants: burdens listed in one message keep true labels."""

from __future__ import annotations

import random

from bot.devtools.evaluate import Labelled
from bot.devtools.variants import GENERATORS, lists
from bot.devtools.variants.runner import generate
from bot.kb import load_kb

KB = load_kb()

MEETINGS = Labelled("会太多怎么办", frozenset({"meetings-twice-a-month"}), "paraphrase")
FORMS = Labelled("表太多怎么办", frozenset({"forms-weekly-cap"}), "paraphrase")
CHECKS = Labelled(
    "迎检太频繁了", frozenset({"inspections-fewer-rounds", "inspections-joint"}), "problem"
)
PHOTOS = Labelled("拍照太多咋办", frozenset({"forms-fewer-signatures-photos"}), "problem")
SEVERAL = Labelled(
    "会多、表多、群多，怎么一起减",
    frozenset({"meetings-twice-a-month", "forms-weekly-cap", "chat-groups-six-kinds"}),
    "several",
    frozenset({"meetings", "forms", "chat-groups"}),
)
POOL = [MEETINGS, FORMS, CHECKS, PHOTOS, SEVERAL]


def test_lists_keep_the_union_of_labels_and_at_most_three_topics() -> None:
    made = generate("lists", POOL * 6, KB)
    assert made and GENERATORS["lists"] is lists.variants
    for variant in made:
        assert variant.kind.startswith("several/")
        assert variant.topics == {KB.by_id[fid].topic for fid in variant.expect}
        assert 2 <= len(variant.topics) <= 3
    assert {v.kind.split("/")[1] for v in made} >= {"reordered", "relisted"}


def test_a_several_source_is_reordered_with_its_labels() -> None:
    for seed in range(20):
        made = lists.variants(SEVERAL, POOL, random.Random(seed), KB)
        reordered = [v for v in made if v.kind == "several/reordered"]
        assert reordered
        for variant in made:
            assert (variant.expect, variant.topics) == (SEVERAL.expect, SEVERAL.topics)
            assert all(word in variant.question for word in ("会多", "表多", "群多"))
        assert reordered[0].question != SEVERAL.question


def test_single_topic_sources_are_listed_by_their_burdens() -> None:
    seen: set[str] = set()
    for seed in range(60):
        for variant in lists.variants(MEETINGS, POOL, random.Random(seed), KB):
            seen.add(variant.kind)
            assert "会太多" in variant.question or variant.kind == "several/keywords"
            assert "怎么办怎么办" not in variant.question
            assert variant.expect >= MEETINGS.expect
    assert len(seen) >= 5


def test_bare_words_only_where_the_word_names_the_right_facts() -> None:
    rng = random.Random(3)
    assert lists._word(MEETINGS, "meetings", rng, KB) in lists.TOPIC_WORDS["meetings"]
    assert lists._word(PHOTOS, "forms", rng, KB) in lists.FACT_WORDS[next(iter(PHOTOS.expect))]
    specific = Labelled("讲话太长怎么办", frozenset({"meetings-weekly-half-hour"}), "paraphrase")
    assert lists._word(specific, "meetings", rng, KB) is None


def test_items_are_told_apart_only_when_each_topic_has_one() -> None:
    assert lists._items(SEVERAL) == (["会多", "表多", "群多"], "怎么一起减")
    repeated = Labelled("又要开会又要填表", SEVERAL.expect, "several", frozenset({"a", "b"}))
    assert lists._items(repeated) == (["要开会", "要填表"], "")
    shared = Labelled("会和表都多", SEVERAL.expect, "several", frozenset({"a", "b"}))
    assert lists._items(shared) is None


def test_off_topic_pinyin_and_person_sources_are_not_listed() -> None:
    rng = random.Random(1)
    assert lists.variants(Labelled("今天天气怎么样", frozenset(), "offtopic"), POOL, rng, KB) == []
    pinyin = Labelled("huitaiduo zenmeban", MEETINGS.expect, "pinyin")
    assert lists.variants(pinyin, POOL, rng, KB) == []
    person = Labelled("段琼是谁", MEETINGS.expect, "person")
    assert lists.variants(person, POOL, rng, KB) == []
