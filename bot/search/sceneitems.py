"""An item of a long message that names a topic only by a name heard in everyday characters
opens no topic of a several-at-once answer.

A cadre tells the week before the ask: 这几天一直在处理一起邻里纠纷。群太多了怎么办？ Read
alone, the scene's line still finds a fact: 一起邻里 sounds like 齐琳, a person of the work
groups' facts, and as an item of its own it would add her fact to the answer. Such a line names
no topic itself (no word holds a character of a topic's name: 会, 表, 检查, 群) and no word it
typed names one (签字 in 还有签字的事 does): its item stays an item, but answers nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.search.background import eases_only, lists_further, wraps_only
from bot.search.items import items
from bot.search.shapes import Prepared
from bot.search.story import asks_something
from bot.search.topicwords import TopicWords


def opens_topic(prepared: Prepared, words: TopicWords) -> bool:
    """Unless the only words naming a topic are names heard in everyday characters
    (一起邻里纠纷 heard as 齐琳): a word that names a topic itself, or one typed (还有签字的事),
    or none at all (用文件来落实文件怎么解决 is asked in the facts' words alone)."""
    if words.scene_only(prepared.analysis):  # 年底了事情一件接一件: the asker's own scene
        return False
    if words.subject_named(prepared.analysis):
        return True
    # A name put in place of what was typed shares a character with it when typed short
    # (海港 → 海港区, 小李 → 李志颖), none when heard by its sound alone (起邻 → 齐琳).
    return not words.heard_only(prepared.analysis, prepared.normalized)


def with_items(
    whole: Prepared,
    question: str,
    prepare: Callable[[str], Prepared],
    words: TopicWords,
) -> Prepared:
    """`whole` with the message's items each prepared alone (two or more, none when it greets),
    each marked whether it may open a topic."""
    if whole.greeting:
        return whole
    asked = [item for item in items(question) if not wraps_only(item)]
    if len(asked) < 2:  # 上周刚开完会。群全都置顶了: the news of the day is no item of its own
        return whole
    prepared = [prepare(item) for item in asked]
    # 我们乡的会已经合并着开了。不过表格还是天天填，一周最多几张？: a load told as already
    # eased, before an item asking on another topic, is good news known, no item of its own.
    # A message listing further items (还有, 另外) asks each: no item is set aside.
    eased = [False] * len(asked) if lists_further(question) else [eases_only(i) for i in asked]
    if any(eased):
        topics = {
            words.first_named(p.analysis)
            for p, item, told in zip(prepared, asked, eased, strict=True)
            if not told and asks_something(p.normalized)
        } - {None}
        prepared = [
            p
            for p, told in zip(prepared, eased, strict=True)
            if not (told and topics and words.first_named(p.analysis) not in topics | {None})
        ]
    if len(prepared) < 2:
        return whole
    return replace(whole, items=tuple(replace(p, opens=opens_topic(p, words)) for p in prepared))
