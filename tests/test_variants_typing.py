"""The typing generator: pinyin typed with the Chinese keyboard off or half on, labels kept."""

from __future__ import annotations

import random

from pypinyin import lazy_pinyin

from bot.devtools.evaluate import Labelled
from bot.devtools.variants import typing as typing_variants
from bot.devtools.variants.runner import generate
from bot.kb import load_kb

KB = load_kb()
ASK = "个人方案太多，怎么减负？"


def _sources() -> list[Labelled]:
    return [Labelled(f"{ASK}{'？' * n}", frozenset({"meetings-x"}), "typo") for n in range(8)]


def test_variants_keep_labels_and_part() -> None:
    sources = _sources()
    made = generate("typing", sources, KB)
    assert len(sources) <= len(made) <= 2 * len(sources)
    splits = {s.question: s.split for s in sources}
    for variant in made:
        kind, _, sub = variant.kind.partition("/")
        assert (kind, variant.expect) == ("typo", frozenset({"meetings-x"}))
        assert sub in typing_variants.SUBKINDS
        assert variant.question not in splits
    assert {v.split for v in made} == set(splits.values())


def test_each_form_spells_the_question_reading() -> None:
    rng = random.Random(3)
    assert typing_variants.typed(ASK, "caps", rng) == "Geren fangan tai duo, zenme jianfu?"
    assert (
        typing_variants.typed(ASK, "tones", rng) == "ge4ren2 fang1an4 tai4 duo1, zen3me jian3fu4?"
    )
    assert typing_variants.typed(ASK, "apostrophe", rng) == "geren fang'an tai duo, zenme jianfu?"
    assert typing_variants.typed("会议太多怎么办", "apostrophe", rng) is None


def test_a_switched_keyboard_keeps_every_syllable_in_order() -> None:
    for seed in range(10):
        for sub in ("tail", "head"):
            text = typing_variants.typed(ASK, sub, random.Random(seed))
            assert text is not None
            chars = "".join(c for c in text if "\u4e00" <= c <= "\u9fff")
            assert chars and chars in ASK.replace("，", "")  # one run in characters
            letters = "".join(c for c in text if c.isascii() and c.isalpha())
            assert letters and letters in "".join(lazy_pinyin(ASK.replace("，", "")))
