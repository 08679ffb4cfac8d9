"""The "people" variant generator: a person or place referred to another way keeps the labels;
a stranger in their stead is a question to decline."""

from __future__ import annotations

import random
from collections import defaultdict

from bot.devtools.evaluate import Labelled
from bot.devtools.variants import GENERATORS
from bot.devtools.variants.cast import cast_of, split_units
from bot.devtools.variants.runner import generate
from bot.kb import load_kb

KB = load_kb()
AO = frozenset({"meetings-one-topic-once"})
YANGHU_FORMS = frozenset({"forms-weekly-cap"})


def _by_sub(item: Labelled, tries: int = 300) -> dict[str, set[str]]:
    """Every text each sub-kind makes of one source, over many seeds."""
    made: dict[str, set[str]] = defaultdict(set)
    for seed in range(tries):
        for variant in GENERATORS["people"](item, [item], random.Random(seed), KB):
            made[variant.kind.split("/")[-1]].add(variant.question)
    return made


def test_the_cast_is_read_from_who_and_where() -> None:
    cast = cast_of(KB)
    ao = cast.people["敖再生"]
    assert (ao.role, ao.title, ao.short_role) == ("党委副书记", "书记", "副书记")
    assert ao.places == ("江西省", "樟树市", "洋湖乡")
    assert ao.addressed() == ("敖书记",)
    assert cast.people["李志颖"].addressed() == ("小李", "李专干")
    assert cast.people["央金卓嘎"].addressed() == ()  # a Tibetan name has no surname
    assert cast.people["齐琳"].role == "街道干部"
    shuilin = cast.places["水林社区"]
    assert shuilin.stem == "水林" and shuilin.parents[-1] == "建国路街道"
    assert "meetings-light-records" in shuilin.facts  # named in the who field only
    assert cast.places["昌吉回族自治州"].shorts == ("昌吉州",)
    assert split_units("河北省秦皇岛市海港区港城大街") == [
        "河北省",
        "秦皇岛市",
        "海港区",
        "港城大街",
    ]


def test_variants_keep_labels_and_part() -> None:
    sources = [
        Labelled("敖再生说的会怎么合并", AO, "person"),
        Labelled("洋湖乡填表是怎么减的", YANGHU_FORMS, "place"),
        Labelled("洋湖乡有什么好吃的", frozenset(), "offtopic"),
        Labelled("会太多怎么办", AO, "topic"),
    ]
    for source in sources:
        made = generate("people", [source], KB)
        assert bool(made) == (source.kind != "topic")  # names no one: no variant
        for variant in made:
            assert variant.split == source.split and variant.question != source.question
            if variant.kind.endswith("stranger"):
                assert not variant.expect and source.expect
            else:
                varied, sub = variant.kind.split("/")
                assert varied == (
                    "place" if sub.startswith("place-") and "role" not in sub else "person"
                )
                assert (variant.expect, variant.topics) == (source.expect, source.topics)


def test_person_sub_kinds() -> None:
    made = _by_sub(Labelled("敖再生说的会怎么合并", AO, "person"))
    assert made["surname-role"] == {"敖书记说的会怎么合并"}
    assert made["name-title"] == {"敖再生书记说的会怎么合并"}
    assert made["name-typo"] <= {
        f"{n}说的会怎么合并" for n in ("奥再生", "傲再生", "敖在生", "敖再声", "敖再升")
    }
    assert made["name-typo"]
    assert {"洋湖乡党委副书记说的会怎么合并", "洋湖的党委副书记说的会怎么合并"} <= made[
        "role-place"
    ]
    assert "洋湖乡那位副书记说的会怎么合并" in made["place-that-role"]
    strangers = made["person-stranger"]
    assert strangers and not any("敖" in s for s in strangers)
    assert not made["name-trad"]  # 敖再生 is written alike in traditional characters
    assert _by_sub(Labelled("段琼书记开会多久", AO, "person"))["name-title"] == {"段琼开会多久"}
    assert "段瓊开会多久" in _by_sub(Labelled("段琼开会多久", AO, "person"))["name-trad"]


def test_place_sub_kinds() -> None:
    made = _by_sub(Labelled("洋湖乡填表是怎么减的", YANGHU_FORMS, "place"))
    assert made["place-nosuffix"] == {"洋湖填表是怎么减的"}
    assert "樟树市洋湖乡填表是怎么减的" in made["place-parent"]
    assert made["place-trad"] == {"洋湖鄉填表是怎么减的"}
    assert made["place-stranger"] and not any("洋湖" in s for s in made["place-stranger"])
    assert _by_sub(Labelled("洋湖那边填表", YANGHU_FORMS, "place"))["place-suffix"] == {
        "洋湖乡那边填表"
    }


def test_no_stranger_where_the_label_would_lie() -> None:
    """Asking from one's own place, naming two, a near name left, or a fact of someone else."""
    for question, expect in (
        ("我是海港区的，群太多怎么办", frozenset({"chat-groups-too-many-pinned"})),
        ("敖再生和段琼谁的会开得短", AO),
        ("李志颖还是李志英来着，一周一表那个", YANGHU_FORMS),
        ("洋湖乡的群怎么精简", frozenset({"chat-groups-six-kinds"})),
    ):
        made = _by_sub(Labelled(question, expect, "person"), tries=60)
        assert not made["person-stranger"] and not made["place-stranger"], question


def test_the_asker_introducing_themselves_is_not_the_article_person() -> None:
    made = _by_sub(Labelled("我是小李，表格样式老变怎么办", YANGHU_FORMS, "chatty"), tries=60)
    assert not made["role-place"] and not made["full-name"]


def test_a_writer_suffix_is_not_doubled() -> None:
    made = _by_sub(Labelled("樟树县的表", YANGHU_FORMS, "place"), tries=60)
    assert not any("樟树市县" in text for texts in made.values() for text in texts)
