"""One particular occasion: a question about a given meeting, inspection or form, not a practice.

明天的会开不开, 下周的检查是哪个部门来, 这次会议的主题定了吗: every content word is the facts'
own, yet the question asks about one occasion's schedule or state, which no measure speaks of.
An official complaining of the practice names occasions too (这周第三次迎检了，太频繁了;
今天又填了三张表), but then says what weighs (又, 太, 天天), asks for a way out (能不能, 办法,
减), or counts the load (三张表). Both word lists are curated in `responses/`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from bot.search.wordalternation import longest_first

# 还 says "still": a complaint (今天还得开三个会), or, in a yes-or-no question, whether one
# occasion still stands (今天还开会吗, 督查组明天还来吗, 那张表还要不要交了).
_STILL = frozenset({"还"})
_YES_NO = re.compile(r"(?:吗|么|嘛|没|没有|不)[^\w]*$|(.)不\1")
# 那个会, 那次会, 那张表 point back at a thing, not at a time: asked for a figure (那个信访会开了
# 几分钟, 那个区撤了多少个群) they name the article's meeting or form, whose number a fact holds.
_POINTING_BACK = frozenset({"那个", "那次", "那张", "那份", "那条"})
# 那个 opening a message before a pause (嗯嗯，那个……检查是不是合并了) points at nothing: a
# spoken filler. Plain meaning: a pause follows no thing pointed at; fix from dev-wrong7.
_OPENING_FILLER = re.compile(r"^(?:[嗯呃啊哦额]+\s*)?那个\s+")  # normal form: pauses are blanks
# An occasion word heading the asker's own ask (这次就想知道…, 这回想问…, 今天主要想请教…) points at
# the message, not at a meeting or form. Plain meaning; fix from dev-wrong8.
_HEADS_THE_ASK = re.compile(r"(?:就|只|主要|是)?(?:想|要)?(?:问|知道|请教|了解|打听)")
# 又 heading a word jieba cut (又来登记) still says again. Plain meaning; fix from dev-problems2.
_AGAIN = "又"


@dataclass(frozen=True)
class Occasions:
    words: frozenset[str] = frozenset()  # 明天, 下周, 这次: one particular occasion
    marks: frozenset[str] = frozenset()  # 又, 太, 能不能, 办法: the practice, complained of
    # Stopwords that begin with an occasion word hide it: 那个我想问一下 is a spoken filler.
    fillers: frozenset[str] = frozenset()

    def mentioned(self, normalized: str) -> bool:
        """Whether an occasion word occurs at all: a cheap test before cutting the text."""
        return self._any_word is not None and self._any_word.search(normalized) is not None

    @cached_property
    def _any_word(self) -> re.Pattern[str] | None:
        """The occasion words as one search (None: there are none), made on first use."""
        return re.compile(longest_first(self.words)) if self.words else None

    def asked(
        self, tokens: Sequence[str], counted: bool = False, figure_asked: bool = False
    ) -> str | None:
        """The occasion word when the question asks about that occasion itself, else None.

        `tokens`: the question as jieba cuts it, blanks left out (a mark counts as a whole
        word: 多少 holds no 少); `counted`: it states a number of things (三张表, 十几场会);
        `figure_asked`: it asks for a number (几分钟, 多少个)."""
        starts = itertools.accumulate((len(t) for t in tokens), initial=0)
        at_start = dict(zip(starts, tokens, strict=False))  # the end is no token's start
        text = "".join(tokens)
        found = {
            text[at : at + len(word)]
            for word in self.words
            for at in _occurrences(text, word)
            if at in at_start
            and not self._hidden(word, at_start[at])
            and not _HEADS_THE_ASK.match(text, at + len(word))
        }
        if not found or counted or _in_turn(found):
            return None
        still = any(token.startswith(word) for token in tokens for word in _STILL)
        if figure_asked and found <= _POINTING_BACK and not still:
            return None  # 那个会还要开几次 still asks what is left of one occasion
        marks = {token for token in tokens if token in self.marks}
        if _AGAIN in self.marks and any(t.startswith(_AGAIN) for t in tokens):
            marks.add(_AGAIN)
        if marks and not (marks <= _STILL and _YES_NO.search(text)):
            return None
        return min(found)

    def _hidden(self, word: str, token: str) -> bool:
        """The word starts a longer filler (那个我想问一下): it points at nothing. A word must
        start where jieba cut (马上回复 holds no 上回), which callers check."""
        return len(token) > len(word) and token in self.fillers


def without_opening_filler(normalized: str) -> str:
    """The message without a 那个 said as a pause at its start (嗯嗯 那个 检查是不是合并了)."""
    return _OPENING_FILLER.sub("", normalized, count=1)


def _in_turn(found: set[str]) -> bool:
    """今天报这个科室明天报那个科室, 这张表填完那张表: the same kind of occasion twice (the
    words share a character: 天, 张) is the practice; 那个会推到下周 is still one occasion."""
    return any(set(a) & set(b) for a, b in itertools.combinations(sorted(found), 2))


def _occurrences(text: str, word: str) -> list[int]:
    return [at for at in range(len(text)) if text.startswith(word, at)]
