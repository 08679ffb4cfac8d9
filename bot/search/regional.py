"""Regional wording read as the mainland words the facts use: 群组 → 群, 范本 → 模板,
点样 → 怎么样 (the curated table is responses/regional_words.yaml).

Applied to normalised text, before any other step, so the synonyms, cue words and ask
patterns of the mainland word serve the regional one too; longer forms are replaced first
(使唔使 before 唔), and an English word only whole (meeting, form). A form is not read where
it cuts through a common word of the text: 完成日期 holds no 成日, 重点解决 no 点解, 办公文件
no 公文.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from bot.search.normalize import normalize
from bot.search.wordalternation import longest_first

# A pair of characters this common in general Chinese (jieba's count: 差点 748, 多点 129) is
# a word a form only seems to start or end inside; rarer pairs (我成, 会点) are no words.
COMMON_PAIR = 100


def pair_test(
    frequency: Callable[[str], int], known: Callable[[str], bool]
) -> Callable[[str], bool]:
    """Whether two characters are a word: common in general Chinese, or one we list (啰嗦)."""
    return lambda pair: frequency(pair) >= COMMON_PAIR or known(pair)


def _pattern_of(form: str) -> str:
    """An English word mixed in (开个meeting) counts whole: form is not in formal."""
    if form.isascii() and form.isalpha():
        return f"(?<![a-z]){re.escape(form)}(?![a-z])"
    return re.escape(form)


class Regional:
    """Rewrites normalised text in mainland wording; immutable once built."""

    def __init__(
        self, mainland_of: Mapping[str, str], is_word: Callable[[str], bool] | None = None
    ) -> None:
        """`is_word`: whether two characters make a word (none: every form is read)."""
        # Both sides in normal form: a form may be written in traditional characters.
        self._to = {normalize(k): normalize(v) for k, v in mainland_of.items() if normalize(k)}
        forms = sorted(self._to, key=lambda f: (-len(f), f))
        self._pattern = re.compile("|".join(map(_pattern_of, forms))) if forms else None
        # Any form at all, as plain text: the pattern's word-edge tests (meeting, not
        # meetings) make re try every form at every character; most questions hold no form,
        # and this finds that in a tenth of the time.
        self._any_form = re.compile(longest_first(forms)) if forms else None
        self._is_word = is_word

    def mainland(self, normalized: str) -> str:
        """`normalized` with each regional form replaced by its mainland word."""
        if self._pattern is None or self._any_form is None:
            return normalized
        if self._any_form.search(normalized) is None:  # no form, so nothing to replace
            return normalized
        return self._pattern.sub(self._replacement, normalized)

    def _replacement(self, found: re.Match[str]) -> str:
        form = found.group(0)
        if self._is_word is not None:
            text, start, end = found.string, found.start(), found.end()
            before = text[start - 1 : start + 1] if start else ""
            after = text[end - 1 : end + 1] if end < len(text) else ""
            if any(len(p) == 2 and self._is_word(p) for p in (before, after)):
                return form
        return self._to[form]
