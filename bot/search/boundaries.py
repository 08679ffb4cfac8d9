"""A domain word swallowed by its neighbour: jieba reads 一张表现在 as 表现 + 在.

The facts' one-character words (表, 群, 会) stand beside everyday words, and jieba joins the
character to the next one when the pair is a common word of its own: 表现在 → 表现/在,
表明天 → 表明/天. The pair is then a word the facts never use (表现, 表明), an unknown word
against every match, and the form asked about is gone. When the second character and the token
after it make a commoner word (现在, 明天), the cut moves back: 表 / 现在. A pair the knowledge
base uses (群众: 不再让群众重复确认) is read as written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

_PAIR = 2  # characters of the swallowing word: a domain character and the one after it
_CJK = ("\u4e00", "\u9fff")


def _cjk(text: str) -> bool:
    return all(_CJK[0] <= ch <= _CJK[1] for ch in text)


class Boundaries:
    """Moves a cut back where a domain character was swallowed by an everyday word."""

    def __init__(
        self,
        frequency: Callable[[str], int],
        known: Callable[[str], bool],
        domain_character: Callable[[str], bool],
    ) -> None:
        """`frequency`: a word's count in general Chinese; `known`: a word the facts use or a
        listed synonym (群众, 群主); `domain_character`: a one-character word the knowledge
        base reads as one of its terms (表, 群, 会)."""
        self._frequency = frequency
        self._known = known
        self._domain_character = domain_character

    def recut(self, tokens: Sequence[str]) -> list[str]:
        """`tokens` with each swallowed domain character given back (表现 + 在 → 表 + 现在)."""
        out: list[str] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            if after and self._swallowed(token, after):
                out += [token[0], token[1] + after]
                i += 2
                continue
            out.append(token)
            i += 1
        return out

    def _swallowed(self, token: str, after: str) -> bool:
        """token's first character is a domain word and its second belongs with `after`:
        表现 + 在, where 现在 is commoner than 表现."""
        # The rarest condition first: most tokens start with no domain character (each test
        # is pure, so their order changes nothing but the time).
        if len(token) != _PAIR or not self._domain_character(token[0]):
            return False
        if not _cjk(token + after) or self._known(token):
            return False
        moved = token[1] + after
        return self._frequency(moved) > self._frequency(token)
