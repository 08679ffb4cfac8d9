"""The topic a word names is kept by word and word typed (topicwords.py): the same answer as
reading it afresh, for every word the index knows, and no more than a bounded number kept."""

from __future__ import annotations

from bot.search.matcher import Matcher
from bot.search.topicwords import NAMED_KEPT


def test_kept_topics_are_the_topics_read_afresh(matcher: Matcher) -> None:
    words = matcher.topic_words
    terms = sorted(matcher.index.postings)
    typed = ("", "材料", "照片", "群加", "会")
    for _ in range(2):  # the second time from what was kept
        for term in terms:
            for as_typed in typed:
                assert words.names_topic(term, as_typed) == words._names_topic(term, as_typed)
    assert words.names_topic("签字") == "forms"
    assert words.names_topic("群加") == words._coined_topic("群加") is not None


def test_kept_topics_are_bounded(matcher: Matcher) -> None:
    words = matcher.topic_words
    for n in range(NAMED_KEPT + 10):
        words.names_topic(f"未知词{n}")
        assert len(words._topic_named) <= NAMED_KEPT
    assert words.names_topic("签字") == "forms"
