"""Full names of people the facts never name are strangers; slips of the facts' own names,
a surname with a title and everyday words are not."""

from __future__ import annotations

import random

import pytest
from rapidfuzz.distance import Levenshtein

from bot.search.matcher import Matcher
from bot.search.strangers import NamesNear, sounds_alike


@pytest.mark.parametrize(
    "question",
    [
        "孙红梅专干现在还让群众重复确认吗",
        "周桂兰专干以前一天填几张表",
        "郭德明他们乡现在一个月开几次会",
        "罗小军讲纪委牵头检查",
    ],
)
def test_a_stranger_named_in_full_is_declined(matcher: Matcher, question: str) -> None:
    text = matcher.analyzer.spelled(question)
    assert matcher.entities.strangers(text)
    assert matcher.match(question).decision == "decline"


@pytest.mark.parametrize(
    "question",
    [
        "李志英说的一周一表",  # a slip of 李志颖
        "李专干说的一周一表",  # surname and title: 李志颖
        "段书记他们开会多长时间",
        "齐琳说那边群少了",  # a name the facts give, then a verb
        "林业站他们天天让填表",  # 林业 is a word
        "我们王海涛书记天天让开会",  # the asker's own colleague
    ],
)
def test_no_full_name_stranger(matcher: Matcher, question: str) -> None:
    text = matcher.analyzer.spelled(question).replace(" ", "")
    assert not [s for s in matcher.entities.strangers(text) if len(s) == 3 and s[0] in question]


def test_slips_of_known_names_still_answer(matcher: Matcher) -> None:
    assert matcher.match("李志英说的一周一表").decision == "answer"
    assert matcher.match("齐琳说那边群少了").decision == "answer"


@pytest.mark.parametrize(
    "question",
    [
        "谢文斌现在一周填几张表",
        "张卫东的做法是什么",
        "陈丽萍那个乡开会怎么压缩的",
        "赵晓峰怎么减少开会的",
    ],
)
def test_a_stranger_asked_about_loosely_is_declined(matcher: Matcher, question: str) -> None:
    """Even when the facts hold an answer to the rest: they tell of somebody else."""
    assert matcher.entities.strangers(matcher.analyzer.spelled(question))
    assert matcher.match(question).decision == "decline"


def test_a_word_after_a_rarer_surname_is_no_name(matcher: Matcher) -> None:
    """周例会 is a weekly meeting: 周 starts everyday words, so 怎么 after it names nobody."""
    assert not matcher.entities.strangers("周例会怎么压缩时间")


def test_names_near_are_those_a_walk_over_every_known_name_finds(matcher: Matcher) -> None:
    """A name a character off a known one (李志英) or sounding like one (敖再升) is a slip:
    looked up by what a slip keeps, the same names as testing every known name of three
    characters by Levenshtein distance and sounds_alike."""
    keys = sorted(matcher.entities.keys)
    near = NamesNear(keys)
    names = [k for k in keys if len(k) == 3]
    assert names
    rng = random.Random(18)
    chars = "".join(sorted({ch for name in names for ch in name})) + "王李张刘陈杨赵黄周吴徐孙"
    candidates = ["李志英", "敖再升", "吴志强", "韩雪梅", "孙红梅", "王海涛", "齐琳说"]
    candidates += [name[:at] + ch + name[at + 1 :] for name in names[:40] for at in range(3)
                   for ch in rng.sample(chars, 3)]  # fmt: skip
    candidates += ["".join(rng.sample(chars, 3)) for _ in range(300)]
    for name in candidates:
        walked = any(Levenshtein.distance(name, k) <= 1 or sounds_alike(name, k) for k in names)
        assert near(name) == walked, name
    assert near("李志英") and near("敖再升") and not near("吴志强")
