"""The "order" generator: the same question in another order or shape keeps labels and part."""

from __future__ import annotations

import random

from bot.devtools.evaluate import Labelled
from bot.devtools.variants import GENERATORS
from bot.devtools.variants import order as o
from bot.devtools.variants.runner import generate
from bot.kb import load_kb

KB = load_kb()
MEETINGS = frozenset({"meetings-one-topic-once"})
TOO_MANY = Labelled("会太多怎么办", MEETINGS, "chatty")
CUT = Labelled("怎么减少会议", MEETINGS, "paraphrase")
CAN = Labelled("同一主题的会能不能合并成一次", MEETINGS, "request")
TOLD = Labelled("表格样式三天两头改，白干好几回", frozenset({"forms-stable-templates"}), "problem")
OFFTOPIC = Labelled("孩子作业不会写怎么办", frozenset(), "offtopic")


def _made(item: Labelled, sub: str, seeds: int = 30) -> set[str]:
    made: set[str] = set()
    for seed in range(seeds):
        shape = o.shape_of(item.question)
        assert shape is not None
        text = o.RESHAPES[sub](shape, random.Random(seed), item.kind == "problem")
        if text:
            made.add(text)
    return made


def test_variants_keep_labels_kind_and_part() -> None:
    sources = [TOO_MANY, CUT, CAN, TOLD, OFFTOPIC]
    made = generate("order", sources, KB)
    assert "order" in GENERATORS and made
    for variant in made:
        kind, sub = variant.kind.split("/")
        source = next(s for s in sources if s.kind == kind)
        assert variant.expect == source.expect and variant.topics == source.topics
        assert variant.split == source.split and sub in o.ON_TOPIC_SUBS
        assert variant.question != source.question
    assert generate("order", sources, KB) == made  # repeatable


def test_one_or_two_variants_per_source() -> None:
    counts = {len(o.variants(TOLD, [TOLD], random.Random(seed), KB)) for seed in range(30)}
    assert counts == {1, 2}


def test_other_kinds_are_not_varied() -> None:
    person = Labelled("敖再生是谁怎么办", MEETINGS, "person")
    assert o.variants(person, [person], random.Random(1), KB) == []


def test_off_topic_sources_only_change_order_and_never_get_an_ask() -> None:
    for seed in range(40):
        for variant in o.variants(OFFTOPIC, [OFFTOPIC], random.Random(seed), KB):
            assert variant.kind.split("/")[1] in o.OFF_TOPIC_SUBS
            assert "孩子作业不会写" in variant.question and "难道" not in variant.question
    told = Labelled("领导脾气太差，动不动就骂人", frozenset(), "offtopic")
    assert set(o.reshaped(told, random.Random(1))) <= set(o.OFF_TOPIC_SUBS)


def test_the_ask_goes_first() -> None:
    assert _made(TOO_MANY, "askfirst") >= {"怎么办啊，会太多", "怎么办，会太多"}
    assert "能不能合并成一次啊，同一主题的会" in _made(CAN, "askfirst")
    assert any(t.endswith("，" + TOLD.question) for t in _made(TOLD, "askfirst"))


def test_the_topic_is_fronted() -> None:
    assert _made(CUT, "fronted") <= {f"会议{m}，怎么减少" for m in o.FRONT_MARKS}
    assert _made(TOO_MANY, "fronted") <= {"会太多这个事，怎么办", "会太多这个问题，怎么办"}
    have = Labelled("有没有清理僵尸群的经验可以参考", MEETINGS, "request")
    assert "清理僵尸群这块，有没有经验可以参考" in _made(have, "fronted")
    # a topic ending in a verb or modal is no topic: 暗访的检查是 …
    assert _made(Labelled("暗访的检查是怎么搞的", MEETINGS, "paraphrase"), "fronted") == set()


def test_a_statement_then_a_short_ask() -> None:
    made = _made(TOO_MANY, "statement")
    assert made and all(t.startswith("会太多了") for t in made)
    assert any(t.endswith("有办法没") for t in made)
    # a measure told (no complaint) is no plea
    assert _made(Labelled("检查从各查各的变成一起查", MEETINGS, "paraphrase"), "statement") == set()


def test_the_ask_is_dropped_only_from_a_complaint() -> None:
    assert _made(TOO_MANY, "dropped") <= {"会太多" + e for e in o.DROPPED_ENDS}
    assert _made(Labelled("周例会流程怎么办", MEETINGS, "paraphrase"), "dropped") == set()


def test_two_lines_as_two_bursts() -> None:
    assert _made(TOO_MANY, "twolines") == {"会太多\n怎么办"}
    assert _made(TOLD, "twolines") == {"表格样式三天两头改\n白干好几回"}
    assert _made(CAN, "twolines") == {"同一主题的会\n能不能合并成一次"}
    # pinyin's spaces part syllables, not clauses
    assert o.shape_of("qun li fa hongbao") == o.Shape("", "qun li fa hongbao", "", "")


def test_rhetorical_and_negated_frames() -> None:
    assert "难道会太多就没办法解决吗？" in _made(TOO_MANY, "rhetorical")
    assert _made(CAN, "rhetorical") == {"难道同一主题的会就不能合并成一次吗？"}
    assert _made(TOO_MANY, "negated") == {"会就不能少点吗？"}
    assert _made(CAN, "negated") == {"同一主题的会就不能合并成一次吗？"}
    assert _made(CUT, "negated") == {"会议就不能少点吗？"}
    long = Labelled("讲话太长了，大家都在看手机", MEETINGS, "problem")
    assert _made(long, "negated") == {"讲话就不能短点吗，大家都在看手机"}


def test_two_clauses_swap_unless_one_leans_on_the_other() -> None:
    assert _made(TOLD, "swapped") == {"白干好几回，表格样式三天两头改"}
    leaning = Labelled("群太多了，这个怎么解决", MEETINGS, "chatty")
    assert _made(leaning, "swapped") == set()
    condition = Labelled("如果会太多，能不能合并", MEETINGS, "chatty")
    assert _made(condition, "swapped") == set()


def test_greetings_and_thanks_stay_in_place() -> None:
    framed = Labelled("各位领导好，会太多怎么办，谢谢", MEETINGS, "chatty")
    shape = o.shape_of(framed.question)
    assert shape == o.Shape("各位领导好，", "会太多怎么办", "，", "谢谢")
    for text in _made(framed, "askfirst") | _made(framed, "statement"):
        assert text.startswith("各位领导好，") and text.endswith("，谢谢")
