"""A district or town the question opens with, named by a rare word of its own (历下区, 白沙镇),
or after a request or a pronoun (请教一下，周庄镇…), is a place the facts do not name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from bot.devtools.bench import synthetic_kb
from bot.kb import Fact
from bot.search.entities import EntityTable
from bot.search.matcher import Matcher
from bot.search.strangers import sounds_alike


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("历下区清理工作群有什么标准", "历下区"),
        ("鼓楼区哪年开始用微信群办公", "鼓楼区"),
        ("白沙镇开会一个月几次", "白沙镇"),
        ("请教一下，周庄镇那个副书记的开会经验能分享下不", "周庄镇"),
    ],
)
def test_a_rare_place_word_is_a_stranger(matcher: Matcher, question: str, place: str) -> None:
    assert place in matcher.entities.strangers(matcher.analyzer.spelled(question))
    assert matcher.match(question).decision == "decline"


@pytest.mark.parametrize("question", ["保税区开会多", "行政村填表太多", "洋湖乡开会一个月几次"])
def test_kinds_of_place_and_known_places_are_no_strangers(matcher: Matcher, question: str) -> None:
    assert not matcher.entities.strangers(matcher.analyzer.spelled(question))


def _places_near_known(known: list[str]) -> list[str]:
    """Known places, slips of them (one character heard alike or not), longer and shorter
    texts holding them, and places nobody knows."""
    swaps = {"洋": "杨", "湖": "胡", "水": "税", "林": "临", "盘": "盆", "乡": "镇", "社": "设"}
    near = [*known, "北戴河区", "武侯区", "林芝市", "和平村", "乡", ""]
    for place in known:
        near += ["整群，" + place, place + "社区", place[1:], place[:-1]]
        near += ["".join(swaps.get(ch, ch) for ch in place)]
        near += [place[:n] + "东" + place[n + 1 :] for n in range(len(place))]
    return near


def test_known_places_are_looked_up_as_walking_every_key(matcher: Matcher) -> None:
    """A known place inside a place said, or one it sounds like, is found by looking up the
    place's own parts and the keys of its length: the same as testing every key in turn."""
    strangers = matcher.entities._strangers
    keys = list(matcher.entities.place_keys)
    assert keys
    for place in _places_near_known(keys):
        assert strangers._holds_known_place(place) == any(k in place for k in keys), place
        alike = any(sounds_alike(place, k) for k in keys)
        assert strangers._sounds_like_known(place) == alike, place
    assert strangers._sounds_like_known("杨湖乡") and not strangers._holds_known_place("杨湖乡")
    assert strangers._holds_known_place("整群，水林社区")


def test_many_known_places_are_looked_up_as_walking_every_key(matcher: Matcher) -> None:
    """The same with hundreds of places of two syllables and a level, most of them alike in
    all but one syllable (洋湖乡, 杨湖乡): what the synthetic knowledge bases of the bench hold."""
    kb = synthetic_kb(matcher.kb, 400)
    table = EntityTable(
        kb.facts, matcher.analyzer.general_frequency, matcher.analyzer.tokens,
        kb.place_names, kb.place_words,
    )  # fmt: skip
    keys = list(table.place_keys)
    assert len(keys) > 100
    strangers = table._strangers
    for place in [*_places_near_known(keys[:60]), "东西乡", "南北镇", "新桥村", "华源社区"]:
        assert strangers._holds_known_place(place) == any(k in place for k in keys), place
        alike = any(sounds_alike(place, k) for k in keys)
        assert strangers._sounds_like_known(place) == alike, place


def test_the_place_a_text_ends_with_is_the_first_key_in_order(matcher: Matcher) -> None:
    """Before a title (樟树市长), the place the text ends with is found by looking up the text's
    endings: the same key as testing every key in the table's order, longer and shorter ones
    and several at once included (江西省樟树市, 樟树市 and 樟树 all end 江西省樟树市)."""
    kb = synthetic_kb(matcher.kb, 400)
    real = matcher.kb.facts[0]
    places = ("新东湖村", "东湖村")
    nested = [replace(real, id=f"nested-{n}", where=w) for n, w in enumerate(places)]

    def table_of(facts: Sequence[Fact]) -> EntityTable:
        return EntityTable(
            facts, matcher.analyzer.general_frequency, matcher.analyzer.tokens,
            kb.place_names, kb.place_words,
        )  # fmt: skip

    # 新东湖村 ends with 东湖村: the first of the two in the table's order, either way round
    tables = [matcher.entities, table_of(kb.facts), table_of(nested), table_of(nested[::-1])]
    assert all("东湖村" in t.place_keys and "新东湖村" in t.place_keys for t in tables[2:])
    for table in tables:
        keys = list(table.place_keys)
        texts = ["", "乡", "请问", *(f"请问{k}" for k in keys[:80]), *_places_near_known(keys[:40])]
        texts += [k[1:] for k in keys[:40]] + [k + "的" for k in keys[:20]]
        texts += ["请问新东湖村", "新东湖村", "东湖村"]
        found = 0
        for text in texts:
            walked = next((k for k in keys if text.endswith(k)), None)
            assert table._strangers._place_ending(text) == walked, text
            found += walked is not None
        assert found > len(keys[:80])
