"""The rewording variants: same meaning in other everyday words, labels and part kept."""

from __future__ import annotations

import random

from bot.devtools.evaluate import Labelled
from bot.devtools.variants import GENERATORS
from bot.devtools.variants.everyday import ASKS, WORDS, pairs
from bot.devtools.variants.rewording import ask, complaint, plea, swap_words, words
from bot.devtools.variants.runner import generate
from bot.kb import load_kb

KB = load_kb()


def _rng() -> random.Random:
    return random.Random(7)


def test_the_tables_hold_enough_everyday_substitutions() -> None:
    assert pairs(WORDS) >= 150
    assert pairs(ASKS) >= 30


def test_words_swap_an_everyday_word_for_one_meaning_the_same() -> None:
    for seed in range(20):
        made = words("工作群太多了，每天刷屏", random.Random(seed))
        assert made != "工作群太多了，每天刷屏"
        assert made.endswith("刷屏")


def test_a_word_inside_a_longer_one_is_left_alone() -> None:
    # 会太多 sits inside 开会太多: swapping it alone would give 开会议太多
    for seed in range(30):
        made = swap_words("开会太多", WORDS, random.Random(seed), 1)
        assert "开会议" not in made


def test_a_guarded_word_is_not_swapped() -> None:
    # 领导干部 is not 领导们干部; 今天天气 holds no 天天; 驻村干部 is not a 村干部
    for seed in range(10):
        assert "领导们" not in swap_words("领导干部", WORDS, random.Random(seed), 1)
        assert swap_words("今天天气怎么样", WORDS, random.Random(seed), 1) == "今天天气怎么样"
        assert "驻村干部" in swap_words("驻村干部来了", WORDS, random.Random(seed), 1)


def test_ask_changes_only_the_way_of_asking() -> None:
    made = {ask("会议太多怎么办", random.Random(seed)) for seed in range(30)}
    assert "会议太多咋整" in made or "会议太多怎么破" in made
    assert all(m.startswith("会议太多") for m in made)
    # 怎么办 in mid-sentence is not a closing ask form
    assert ask("台账装订用什么封皮", _rng()) == "台账装订用啥封皮"


def test_complaint_tells_the_question_as_a_complaint() -> None:
    made = {complaint("表格太多怎么办", random.Random(seed)) for seed in range(40)}
    assert any(m.startswith("表格太多，") for m in made)
    assert any("表格" in m and "少" in m for m in made)
    assert complaint("怎么减少会议", _rng()) in {
        "有没有办法让会议少点",
        "会议能不能少一点",
        "想让会议少点，有招吗",
    }
    # a question that asks something else is not turned into a complaint
    assert complaint("台账要不要每天都更新", _rng()) == "台账要不要每天都更新"
    assert complaint("怎么缩短会议时间", _rng()) == "怎么缩短会议时间"


def test_plea_asks_about_a_problem_told_as_a_statement() -> None:
    made = plea("一张单子要跑四五个地方找人签名。", _rng())
    assert made.startswith("一张单子要跑四五个地方找人签名，")
    assert plea("会太多怎么办", _rng()) == "会太多怎么办"


def test_variants_keep_labels_part_and_name_their_sub_kind() -> None:
    sources = [
        Labelled(q, frozenset({"meetings-short-speeches"}), kind)
        for q, kind in (
            ("领导讲话太长怎么办", "paraphrase"),
            ("会上念稿子一念半天", "problem"),
            ("请教一下各位，讲话太长有啥好办法", "request"),
            ("会议方面有哪些好做法", "topic"),
        )
    ]
    made = generate("rewording", sources, KB)
    assert made
    by_text = {s.question: s for s in sources}
    for variant in made:
        assert variant.question not in by_text
        kind, sub = variant.kind.split("/")
        assert sub in {"words", "ask", "complaint", "plea"}
        assert variant.expect == frozenset({"meetings-short-speeches"})
        assert kind in {"paraphrase", "problem", "request", "topic"}
    assert {v.split for v in made} <= {s.split for s in sources}
    for source in sources:
        for variant in generate("rewording", [source], KB):
            assert variant.split == source.split and variant.kind.startswith(source.kind)


def test_off_topic_sources_are_only_reworded_in_words_and_ask_forms() -> None:
    sources = [
        Labelled("台账装订用什么封皮", frozenset(), "near-miss"),
        Labelled("今天天气怎么样", frozenset(), "offtopic"),
    ]
    made = generate("rewording", sources, KB)
    assert len(made) == 2
    for variant in made:
        assert not variant.expect
        assert variant.kind.split("/")[1] in {"words", "ask"}


def test_other_kinds_are_left_to_other_generators() -> None:
    person = Labelled("松盘乡是怎么减负的", frozenset({"meetings-short-speeches"}), "place")
    assert generate("rewording", [person], KB) == []
    assert "rewording" in GENERATORS
