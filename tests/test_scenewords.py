"""The asker's own scene in a long message (年底, 一整天, 一半, 走访, their role) names no topic."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.sceneitems import opens_topic


@pytest.mark.parametrize(
    ("line", "opens"),
    [
        ("年底了事情一件接一件", False),  # 年底: the asker's busy season, no year-end inspection
        ("昨天在村里跑了一整天", False),  # 一整天 in the villages, no meeting running long
        ("干基层这几年头发都白了一半", False),  # 一半 of one's hair, not half the groups
        ("我是高庄村的村支书", False),  # the asker's role, no committee signing forms
        ("年底检查扎堆", True),  # 检查 names the topic itself
        ("开会一开就是一整天", True),  # 开会 does
    ],
)
def test_scene_lines_open_no_topic(matcher: Matcher, line: str, opens: bool) -> None:
    assert opens_topic(matcher._prepare_one(line), matcher.topic_words) is opens


@pytest.mark.parametrize(
    ("question", "want"),
    [
        ("年底了事情一件接一件。群太多怎么办", ("chat-groups-too-many-pinned",)),
        (
            "有个事请教一下。我是杨柳镇的文书，年底了事情一件接一件。模板老变怎么办？",
            ("forms-stable-templates",),
        ),
        (
            "干基层这几年头发都白了一半。我同事小刘让我帮他问一下，检查太多怎么办",
            ("inspections-fewer-rounds",),
        ),
    ],
)
def test_the_scene_adds_no_topic_to_the_answer(
    matcher: Matcher, question: str, want: tuple[str, ...]
) -> None:
    result = matcher.match(question)
    assert result.answered
    assert tuple(f.id for f in result.shown) == want


def test_the_scene_words_still_count_beside_their_own_topic(matcher: Matcher) -> None:
    # 年底 stays where the topic named holds it: the year-end inspections are asked about.
    assert matcher.match("年底检查一个接一个，能不能少点").shown[0].id == "inspections-fewer-rounds"


@pytest.mark.parametrize("opener", ["想跟各位打听个事", "请教个事", "有个事儿"])
def test_a_thing_asked_about_is_no_template(matcher: Matcher, opener: str) -> None:
    # 个事 (a measure word and its noun) is not 格式 heard by its sound.
    assert not matcher.match(opener).answered
