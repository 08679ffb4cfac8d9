"""The vocab variants: the article's words said the way cadres say them, labels and part kept."""

from __future__ import annotations

import random

from bot.devtools.evaluate import Labelled
from bot.devtools.variants import GENERATORS
from bot.devtools.variants.runner import generate
from bot.devtools.variants.vocab import FAMILIES, families_in, respell, respell_all
from bot.kb import load_kb

KB = load_kb()


def test_every_family_holds_several_everyday_words() -> None:
    assert "vocab" in GENERATORS
    for family, entries in FAMILIES.items():
        assert sum(1 for _, spoken in entries if spoken) >= 4, family


def test_a_written_word_becomes_a_spoken_word_for_the_same_thing() -> None:
    made = {respell("台账太多怎么办", "forms", random.Random(seed)) for seed in range(30)}
    assert made <= {"账本太多怎么办", "本子太多怎么办", "登记本太多怎么办"}
    assert len(made) > 1
    said = {respell("工作群太多", "groups", random.Random(seed)) for seed in range(30)}
    assert "微信群太多" in said and "工作群太多" not in said


def test_a_word_said_twice_is_said_the_same_way_twice() -> None:
    for seed in range(20):
        made = respell("会议多，会议长", "meetings", random.Random(seed))
        first, second = made.split("，")
        assert first[:-1] == second[:-1]


def test_words_inside_a_longer_word_of_another_meaning_stay() -> None:
    for seed in range(20):
        rng = random.Random(seed)
        assert respell("会议室太小", "meetings", rng) == "会议室太小"
        assert "数据平台" in respell("统一数据平台", "forms", rng)
        assert respell("县领导讲话", "people", rng) == "县领导讲话"
        assert respell("一次性填完", "numbers", rng) == "一次性填完"


def test_no_word_narrows_to_a_siblings_thing() -> None:
    # 会议 never becomes 例会 (the weekly meeting), 留痕 never 拍照 (photos), 督查 never 暗访
    for seed in range(40):
        rng = random.Random(seed)
        assert "例会" not in respell("会议太多", "meetings", rng)
        assert "拍" not in respell("处处要留痕", "proof", rng)
        assert "暗访" not in respell("督查太多", "inspections", rng)


def test_numbers_are_said_the_everyday_way_only_after_a_numeral() -> None:
    rng = random.Random(3)
    assert respell("一周最多一张表", "numbers", rng).startswith(("一个礼拜", "一星期", "一个星期"))
    assert respell("开了两次会", "numbers", rng) == "开了两回会"
    assert respell("次数太多", "numbers", rng) == "次数太多"
    assert respell("解散190余个群", "numbers", rng) in {"解散190多个群", "解散190来个群"}


def test_families_and_mixed_variants() -> None:
    text = "基层干部填表太频繁怎么办"
    assert set(families_in(text)) >= {"people", "forms", "reports", "asks"}
    mixed = respell_all(text, random.Random(1))
    assert "基层" not in mixed and "填表" not in mixed and "怎么办" not in mixed


def test_variants_keep_labels_and_part_and_name_the_family() -> None:
    sources = [
        Labelled("工作群太多，截图打卡怎么办", frozenset({"x"}), "paraphrase"),
        Labelled("会议太多怎么办", frozenset({"y"}), "problem"),
        Labelled("今天天气怎么样", frozenset(), "offtopic"),
        Labelled("会议太多怎么办啊", frozenset({"y"}), "typo"),
    ]
    made = generate("vocab", sources, KB)
    assert made
    by_text = {s.question: s for s in sources}
    for variant in made:
        kind, family = variant.kind.split("/")
        assert family in FAMILIES or family == "mixed"
        assert kind != "typo"  # only kinds asked in the article's words are varied
        source = next(s for s in sources if s.kind == kind and s.expect == variant.expect)
        assert variant.split == source.split and variant.question not in by_text
