"""One ask shared by a list of burdens reads as 怎么办; other asks stay as typed."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.sharedask import plain_shared_ask


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("会多、表多，这几样怎么一起减？", "会多、表多，怎么办？"),
        ("会多、表多、群多，怎么一起减", "会多、表多、群多，怎么办"),
        ("会太多，表太多，以上这些有啥好办法", "会太多，表太多，怎么办"),
        ("开会多 填表多 这几个能不能一起减减", "开会多 填表多 怎么办"),
        ("会多、群多，能不能都减一减", "会多、群多，怎么办"),
        ("表多、检查多，这些问题怎么解决", "表多、检查多，怎么办"),
    ],
)
def test_an_ask_pointing_back_at_the_list_reads_as_how(text: str, plain: str) -> None:
    assert plain_shared_ask(text) == plain


@pytest.mark.parametrize(
    "text",
    [
        "检查能不能一起搞",  # asks for a joint inspection
        "各部门检查，能不能一起来",  # the same, no reduction asked
        "会太多，怎么减",  # a plain ask already
        "会太多怎么一起减",  # not a clause of its own
        "表多，有什么好办法",  # points back at nothing: left to story.py
    ],
)
def test_other_asks_stay_as_typed(text: str) -> None:
    assert plain_shared_ask(text) == text


def test_a_shared_ask_does_not_hide_a_burden_it_follows(matcher: Matcher) -> None:
    """The ask's 几 and 一起 are no words of the facts: the list still answers both items."""
    for ask in ("这几样怎么一起减？", "以上这些有啥办法", "这几个能不能一起减减"):
        result = matcher.match(f"又是一个开半天的例会、为了一张补助表跑了五个地方盖章签字，{ask}")
        assert (result.decision, result.shape) == ("answer", "several"), ask
        assert {m.fact.topic for m in result.several} == {"meetings", "forms"}
