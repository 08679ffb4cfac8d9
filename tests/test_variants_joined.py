"""The "joined" variants: questions on different topics typed as one message keep true labels."""

from __future__ import annotations

import random

import pytest

from bot.devtools.evaluate import Labelled
from bot.devtools.variants import GENERATORS, joined
from bot.devtools.variants.runner import generate
from bot.kb import load_kb

KB = load_kb()

MEETINGS = Labelled("请问会太多怎么办？", frozenset({"meetings-twice-a-month"}), "paraphrase")
FORMS = Labelled("表格太多怎么办，谢谢", frozenset({"forms-weekly-cap"}), "paraphrase")
CHECKS = Labelled(
    "迎检太频繁了", frozenset({"inspections-fewer-rounds", "inspections-joint"}), "problem"
)
GROUPS = Labelled("工作群有啥精简的经验", frozenset({"chat-groups-six-kinds"}), "request")
POOL = [MEETINGS, FORMS, CHECKS, GROUPS]


def _rng() -> random.Random:
    return random.Random(7)


def test_joined_variants_keep_the_union_of_labels_and_the_source_part() -> None:
    made = generate("joined", POOL * 5, KB)
    assert made and GENERATORS["joined"] is joined.variants
    for variant in made:
        assert variant.kind.startswith("several/")
        assert variant.topics == {KB.by_id[fid].topic for fid in variant.expect}
        assert 2 <= len(variant.topics) <= 3
    assert {v.split for v in made} <= {"tune", "test"}


def test_a_variant_keeps_its_source_part() -> None:
    source = Labelled("会太多怎么办", MEETINGS.expect, "paraphrase", part="test")
    pool = [source, Labelled("表太多怎么办", FORMS.expect, "paraphrase", part="test")]
    for seed in range(10):
        for variant in joined.variants(source, pool, random.Random(seed), KB):
            assert variant.split == "test"
            assert variant.expect == MEETINGS.expect | FORMS.expect
            assert variant.topics == {"meetings", "forms"}


@pytest.mark.parametrize(
    ("subkind", "marks"),
    [
        ("comma", ("，还有", "，另外")),
        ("semicolon", ("；另外", "；还有", ";另外")),
        ("sentence", ("再问一下", "还有个问题", "还想问下", "顺便问一句")),
        ("yiji", ("以及",)),
        ("newline", ("\n",)),
    ],
)
def test_each_separator_joins_the_parts_in_order(subkind: str, marks: tuple[str, ...]) -> None:
    text = joined.JOINERS[subkind]([MEETINGS, FORMS], _rng())
    assert text is not None
    first, _, second = text.partition("怎么办")
    assert first == "请问会太多"  # the first part keeps its opener
    assert any(mark in second.split("表格")[0] for mark in marks)
    assert text.endswith("表格太多怎么办，谢谢")  # the last part keeps its thanks


def test_a_later_part_loses_its_opener_and_an_earlier_one_its_thanks() -> None:
    text = joined.JOINERS["newline"]([FORMS, MEETINGS], _rng())
    assert text == "表格太多怎么办\n会太多怎么办？"


def test_numbered_lines_number_every_part() -> None:
    text = joined.JOINERS["numbered"]([MEETINGS, FORMS, CHECKS], _rng())
    assert text is not None
    assert text.index("1") < text.index("会太多") < text.index("2") < text.index("表格太多")
    assert text.index("3") < text.index("迎检太频繁了")
    assert "请问" not in text


def test_a_shared_ask_names_each_burden_once() -> None:
    text = joined.JOINERS["shared"]([MEETINGS, CHECKS], _rng())
    assert text is not None
    assert "会太多" in text and "迎检太频繁了" in text
    assert "怎么办" not in text.replace("，怎么办", "", 1)  # the parts' own asks are gone
    assert text.endswith(joined.SHARED_ASKS)


def test_a_part_asking_more_than_how_to_fix_shares_no_ask() -> None:
    assert joined.JOINERS["shared"]([GROUPS, MEETINGS], _rng()) is None
    assert joined._core(Labelled("暗访为主不盯台账", CHECKS.expect, "keywords")) is None
    assert joined._core(CHECKS) == "迎检太频繁了"  # a complaint names its burden whole


def test_an_off_topic_source_expects_the_on_topic_part_first() -> None:
    off = Labelled("今天食堂吃什么", frozenset(), "offtopic")
    made = joined.variants(off, POOL, _rng(), KB)
    assert len(made) == 1
    variant = made[0]
    assert variant.kind.startswith("offtopic/joined-") and not variant.topics
    assert "今天食堂吃什么" in variant.question
    partner = next(s for s in POOL if s.expect == variant.expect)
    assert joined._clean(partner.question, False, False) in variant.question


@pytest.mark.parametrize(
    "source",
    [
        Labelled("会多表多怎么办", MEETINGS.expect | FORMS.expect, "several"),
        Labelled("松盘乡怎么减负的", MEETINGS.expect, "place"),
        Labelled("会议室怎么预约", frozenset(), "near-miss"),
        Labelled("会多表多", MEETINGS.expect | FORMS.expect, "paraphrase"),  # two topics
        Labelled("会" * 60, MEETINGS.expect, "paraphrase"),  # too long to join
    ],
)
def test_sources_whose_labels_would_not_stay_true_are_not_joined(source: Labelled) -> None:
    assert joined.variants(source, POOL, _rng(), KB) == []


def test_pinyin_parts_join_pinyin_parts_by_lines() -> None:
    a = Labelled("huiyi tai duo", MEETINGS.expect, "pinyin")
    b = Labelled("biaoge tai duo", FORMS.expect, "pinyin")
    for seed in range(10):
        for variant in joined.variants(a, [a, b, *POOL], random.Random(seed), KB):
            assert "biaoge tai duo" in variant.question
            assert "\n" in variant.question or variant.question[0] in "1("
            assert variant.topics == {"meetings", "forms"}
