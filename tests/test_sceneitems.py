"""A scene line naming a topic only by a name heard in everyday characters opens no topic."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.sceneitems import opens_topic


@pytest.mark.parametrize(
    ("line", "opens"),
    [
        ("这几天一直在处理一起邻里纠纷", False),  # 起邻 heard as 齐琳: a scene, no topic
        ("还有签字的事", True),  # 签字 was typed
        ("用文件来落实文件怎么解决", True),  # asked in the facts' words alone
        ("群太多了怎么办", True),  # names a topic itself
        ("qilin说的群", True),  # a name spelled out in pinyin
    ],
)
def test_which_lines_open_a_topic(matcher: Matcher, line: str, opens: bool) -> None:
    prepared = matcher._prepare_one(line)  # one item, read as the message split reads it
    assert opens_topic(prepared, matcher.topic_words) is opens


def test_a_name_heard_in_an_unpunctuated_scene_opens_no_topic(matcher: Matcher) -> None:
    # spaces for stops: the clause 这几天在处理一起邻里纠纷 (起邻 heard as 齐琳) is no list part
    text = "心里堵得慌 我是山里一个村的文书 这几天在处理一起邻里纠纷 表格模板老是换怎么办 有啥招没"
    assert {f.topic for f in matcher.match(text).shown} == {"forms"}


@pytest.mark.parametrize("part", ["这几天在处理一起邻里纠纷", "这几天一直在处理一起邻里纠纷"])
def test_a_name_heard_by_sound_alone_is_heard_only(matcher: Matcher, part: str) -> None:
    """起邻 heard as 齐琳, a person of the groups' facts: a name heard by sound alone."""
    analysis, _ = matcher.rank(matcher._normal(part))
    assert matcher.topic_words.heard_only(analysis, matcher._normal(part))
