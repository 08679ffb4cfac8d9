"""Characters typed twice by a slip of the thumb (stutter.py)."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.stutter import Stutter

WORDS = frozenset(
    {"严格", "检查", "工作", "工作群", "群主", "书记", "建国", "国书", "起来", "讲起"}
)


def _stutter() -> Stutter:
    return Stutter(lambda word: 100 if word in {"天天", "看看"} else 0, WORDS.__contains__)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("要不要严严格检查", "要不要严格检查"),  # 严 belongs to 严格 only
        ("精简工工作群", "精简工作群"),
        ("副书记记是谁", "副书记是谁"),
    ],
)
def test_a_character_typed_twice_beside_its_word_is_typed_once(typed: str, meant: str) -> None:
    assert _stutter()(typed) == meant


@pytest.mark.parametrize(
    "typed",
    [
        "天天填表",  # the pair is a word
        "看看",
        "工作群群主怎么换",  # 工作群 and 群主 each take one copy
        "张建国国书记",  # 建国 and 国书: either reading, so nothing is guessed
        "太太太多",  # three in a row
        "表表",  # beside no word at all
    ],
)
def test_a_pair_that_is_meant_stays(typed: str) -> None:
    assert _stutter()(typed) == typed


def test_a_doubled_character_no_longer_turns_into_an_ask(matcher: Matcher) -> None:
    typed = matcher.match("会议记录还要不要严严格检查")
    assert typed.decision == "answer"
    assert typed.matches[0].fact.id == "meetings-light-records"
