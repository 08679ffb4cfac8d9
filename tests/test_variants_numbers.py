"""The numbers generator: figures written another way, with labels, part and amount kept."""

from __future__ import annotations

import random

import pytest

from bot.devtools.evaluate import Labelled
from bot.devtools.variants import GENERATORS
from bot.devtools.variants.numbers import approx, asked, fullwidth, percent, script, units
from bot.devtools.variants.numerals import from_chinese, to_chinese
from bot.devtools.variants.runner import generate
from bot.kb import load_kb

KB = load_kb()


def _all(vary: object, text: str, seeds: int = 40) -> set[str]:
    assert callable(vary)
    return {vary(text, random.Random(seed)) for seed in range(seeds)}


@pytest.mark.parametrize(
    ("value", "written"),
    [(2, "两"), (3, "三"), (10, "十"), (12, "十二"), (30, "三十"), (105, "一百零五"),
     (110, "一百一十"), (190, "一百九十"), (200, "两百")],
)  # fmt: skip
def test_numerals_both_ways(value: int, written: str) -> None:
    assert to_chinese(value, counted=True) == written
    assert from_chinese(written) == value


def test_what_is_no_single_number_is_not_read_as_one() -> None:
    for text in ("五六", "一九零", "十两", "两十", "一百九", "十几", "百", ""):
        assert from_chinese(text) is None
    assert to_chinese(2, counted=False) == "二"


def test_script_turns_every_count_one_way() -> None:
    assert _all(script, "每人发言3分钟，领导讲话不超10分钟") >= {
        "每人发言三分钟，领导讲话不超十分钟"
    }
    assert "一个月最多2次会" not in _all(script, "一个月最多两次会")
    assert "1个月最多2次会" in _all(script, "一个月最多两次会")
    assert "解散190余个群" in _all(script, "解散一百九十余个群")


def test_script_leaves_set_phrases_ordinals_and_list_markers() -> None:
    texts = (
        "表格三天两头改", "第一书记", "数据一遍遍报", "通知一份接一份", "(1)会议", "没一天消停",
        "去年10月一周三天迎检", "haigangqu jiesan 190 ge qun", "五六个签字",
    )  # fmt: skip
    for text in texts:
        for made in _all(script, text):
            assert made in {text, "去年十月一周三天迎检", "去年10月一周3天迎检"}


def test_fullwidth_and_units_keep_the_amount() -> None:
    assert fullwidth("群少了50%", random.Random(0)) == "群少了５０％"
    assert _all(units, "会只开了30分钟") >= {"会只开了半小时", "会只开了min"} - {"会只开了min"}
    assert all("3分钟" not in m or m == "发言3分钟" for m in _all(units, "发言3分钟"))
    assert "一个礼拜最多一表" in _all(units, "一周最多一表")
    assert _all(units, "周末加班") == {"周末加班"}


def test_approx_keeps_the_figure_true() -> None:
    made = _all(approx, "解散190余个群", 80)
    assert {"解散190多个群", "解散一百九十来个群", "解散近两百个群"} <= made
    assert all(("190" in m or "一百九十" in m or "两百" in m or "200" in m) for m in made)
    # 30多 is not near any round hundred
    assert not any("近" in m for m in _all(approx, "三十多个群都置顶"))
    assert approx("五个群", random.Random(0)) == "五个群"


def test_asked_asks_about_the_one_figure_of_a_statement() -> None:
    assert asked("解散190余个群", random.Random(0)).startswith("解散多少个群")
    assert asked("每人发言3分钟", random.Random(0)).startswith("每人发言几分钟")
    assert asked("190个群是怎么回事", random.Random(0)) == "190个群是怎么回事"
    assert asked("一周七天有三天迎检", random.Random(0)) == "一周七天有三天迎检"
    assert asked("30多个群", random.Random(0)) == "30多个群"  # nothing left to point with


def test_percent_says_a_share_another_way() -> None:
    assert _all(percent, "群少了一半") == {"群少了50%", "群少了百分之五十", "群少了五成"}
    assert "群少了三成" in _all(percent, "群少了30%")
    assert _all(percent, "一成不变") == {"一成不变"}


def test_variants_keep_labels_part_and_name_their_sub_kind() -> None:
    sources = [
        Labelled("解散190余个群", frozenset({"chat-groups-190-dissolved"}), "number"),
        Labelled("每人发言3分钟是哪里的做法", frozenset({"meetings-short-speeches"}), "numbers"),
        Labelled("村里停水三天了", frozenset(), "offtopic"),
        Labelled("会议太多怎么办", frozenset({"meetings-x"}), "paraphrase"),
    ]
    made = generate("numbers", sources, KB)
    assert "numbers" in GENERATORS
    by_text = {s.question: s for s in sources}
    assert len(made) >= 3
    for variant in made:
        kind, _, sub = variant.kind.partition("/")
        assert sub in {"script", "fullwidth", "units", "approx", "asked", "percent"}
        source = next(s for s in sources if s.kind == kind)
        assert variant.expect == source.expect and variant.split == source.split
        assert variant.question not in by_text
    assert not any(v.kind.startswith("paraphrase") for v in made)


def test_figures_in_other_kinds_are_never_asked_about() -> None:
    source = Labelled("三个部门先后来检查", frozenset({"inspections-joint"}), "problem")
    for seed in range(10):
        rng = random.Random(seed)
        for variant in GENERATORS["numbers"](source, [source], rng, KB):
            assert not variant.kind.endswith("/asked")
