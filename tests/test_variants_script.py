"""The "script" generator: regional script and wording, keyboards and dictation keep a question's
labels, part and meaning."""

from __future__ import annotations

import random

import opencc

from bot.devtools.evaluate import Labelled
from bot.devtools.variants import GENERATORS
from bot.devtools.variants import script as s
from bot.devtools.variants.runner import generate
from bot.kb import load_kb

KB = load_kb()
ASK = Labelled("村里的会议太多了，怎么减负？", frozenset({"meetings-x"}), "chatty")
FORMS = Labelled("填表格填到半夜，有没有什么办法", frozenset({"forms-x"}), "problem")
NUMBER = Labelled("开会控制在30分钟以内是哪里的做法", frozenset({"meetings-y"}), "number")
OFFTOPIC = Labelled("今天天气怎么样", frozenset(), "offtopic")
PINYIN = Labelled("huitaiduo zenmeban", frozenset({"meetings-x"}), "pinyin")
TO_SIMPLIFIED = opencc.OpenCC("t2s").convert


def _texts(item: Labelled, sub: str, n: int = 30) -> list[str]:
    return [s.make(item, sub, random.Random(seed)) for seed in range(n)]


def test_variants_keep_labels_and_part() -> None:
    sources = [ASK, FORMS, NUMBER, OFFTOPIC, PINYIN]
    made = generate("script", sources, KB)
    assert "script" in GENERATORS and made
    for variant in made:
        kind, sub = variant.kind.split("/")
        assert sub in s.SUBKINDS
        source = next(x for x in sources if x.kind == kind)
        assert variant.expect == source.expect and variant.topics == source.topics
        assert variant.split == source.split and variant.question != source.question
    assert generate("script", sources, KB) == made  # repeatable


def test_only_sub_kinds_that_can_change_the_source() -> None:
    assert "english" in s.applicable(FORMS) and "english" not in s.applicable(ASK)
    assert "fullwidth" in s.applicable(NUMBER) and "fullwidth" not in s.applicable(ASK)
    assert set(s.applicable(PINYIN)) == {"fullwidth", "enpunct"}
    counts = {len(s.variants(ASK, [ASK], random.Random(seed), KB)) for seed in range(30)}
    assert counts == {1, 2}


def test_taiwan_and_hong_kong_change_script_and_wording() -> None:
    taiwan = _texts(ASK, "taiwan")
    assert all("會議" in t for t in taiwan)
    assert any("村裡" in t for t in taiwan)
    hongkong = _texts(ASK, "hongkong")
    assert all("會議" in t for t in hongkong)
    assert any("嘅" in t for t in hongkong) and any("點" in t for t in hongkong)
    assert any("群組" in t for t in _texts(Labelled("工作群太多", ASK.expect, "chatty"), "taiwan"))


def test_a_mix_is_half_traditional() -> None:
    for text in _texts(ASK, "mix"):
        assert TO_SIMPLIFIED(text) == ASK.question
        assert text != ASK.question and text != opencc.OpenCC("s2t").convert(ASK.question)


def test_full_width_leaves_no_ascii() -> None:
    for text in _texts(NUMBER, "fullwidth"):
        assert "３０" in text and not any(c.isascii() for c in text)


def test_spaces_only_add_spaces_or_stand_for_punctuation() -> None:
    plain = s.PUNCT.sub("", ASK.question)
    for text in _texts(ASK, "spaces"):
        assert " " in text and s.PUNCT.sub("", text) == plain


def test_voice_has_no_punctuation_and_a_filler_inside() -> None:
    for text in _texts(ASK, "voice"):
        assert not s.PUNCT.search(text)
        assert any(f in text for f in ("就是", "然后", "那个", "嗯"))
        assert text.startswith("村里") and text.endswith("减负")


def test_a_speech_engine_homophone_is_a_commoner_word_and_never_off_topic() -> None:
    assert s._homophone("督查", random.Random(0)) == "督察"
    assert s._homophone("不是", random.Random(0)) is None  # a negation never changes
    checks = Labelled("督查太多了怎么办", frozenset({"inspections-x"}), "chatty")
    assert any("督察" in t for t in _texts(checks, "voice"))
    off = Labelled("督查组的电话是多少", frozenset(), "near-miss")
    assert not any("督察" in t for t in _texts(off, "voice"))


def test_english_punctuation_and_words() -> None:
    for text in _texts(ASK, "enpunct"):
        body = text.rstrip("?!？！")
        assert body in ("村里的会议太多了, 怎么减负", "村里的会议太多了,怎么减负")
        assert text[len(body) :] in (*s.REPEATED_ENDS, "?")
    assert {t.partition("填到")[0] for t in _texts(FORMS, "english")} <= {
        "填Excel表格",
        "填excel表",
        "填Excel",
    }
