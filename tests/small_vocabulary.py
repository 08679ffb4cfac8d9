"""A small vocabulary of its own (not the knowledge base), so each analyzer or index test shows
one rule and does not move when the curated knowledge base grows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bot.search import cache
from bot.search.analyzer import Analyzer

USERDICT = "台账 20000 n\n工作群\n检查组\n表格\n检查\n开会  # a comment\n"
SYNONYMS = {"台帐": "台账", "微信工作群": "工作群"}
STOPWORDS = frozenset({"怎么办", "怎么", "吗", "的", "了", "太多", "还"})
DOMAIN_WORDS = ("精简",)
CUES = frozenset({"申请", "密码"})
VOCABULARY = ("台账", "工作群", "工作", "检查组", "表格", "检查", "开会", "精简")


def analyzer_factory(folder: Path) -> Callable[[], Analyzer]:
    """Makes fresh analyzers on the small vocabulary; they share one jieba cache in `folder`."""
    userdict = folder / "userdict.txt"
    userdict.write_text(USERDICT, encoding="utf-8")
    cache_dir = folder / "cache"
    dictionary = cache.jieba_dictionary(cache_dir)

    def make() -> Analyzer:
        return Analyzer(
            userdict, SYNONYMS, STOPWORDS, DOMAIN_WORDS, CUES,
            dictionary=dictionary, cache_dir=cache_dir,
        )  # fmt: skip

    return make
