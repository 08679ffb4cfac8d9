"""What the facts count (五六个签字: 签字), so 要几个人签字 asks for their count.

几个人 and 多少人 are cues: 检查组来几个人 asks how many people turn up, which no measure says.
Followed by a thing a fact counts (要几个人签字), they ask for that fact's number instead. 哪几个人
签字 still asks who.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from bot.kb import Fact

# A number, 个 and the two characters after it: 五六个签字, 190余个群.
_COUNTED = re.compile(r"(?:\d+|[两三四五六七八九十百千]+)[余多来]?个([\u4e00-\u9fff]{2})")
_ASKS = ("几", "多少")
AFTER = 2  # characters between the cue and the thing counted (几个人来签字)


class CountedWords:
    """The two-character words the facts count with 个, read with the index (a question never
    pays for them: at 10,000 facts they took 0.3 s of the first count asked)."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        found: set[str] = set()
        seen: set[str] = set()
        for fact in facts:
            # Each text read once (many facts share a quote). NFKC maps no other character to
            # 个, so a text without it counts nothing; nor does a count span two texts.
            for text in (fact.example, fact.quote):
                if "个" in text and text not in seen:
                    seen.add(text)
                    found.update(_COUNTED.findall(unicodedata.normalize("NFKC", text)))
        self.words = frozenset(found)

    def asks_a_count(self, cue: str, normalized: str, read: Sequence[tuple[str, str]]) -> bool:
        """The cue asks how many (几个人) of a thing a fact counts, wherever it stands; `read`
        is the question's words as typed and as the analyzer reads them (签名 is 签字)."""
        if not any(ask in cue for ask in _ASKS):
            return False
        text = normalized.replace(" ", "")
        places = [m.end() for m in re.finditer(re.escape(cue), text)]
        if not places or any(text[at - len(cue) - 1 : at - len(cue)] == "哪" for at in places):
            return False  # 哪几个人签字 asks who
        counted = {typed for typed, term in read if term in self.words or typed in self.words}
        return bool(counted) and all(
            any(
                text[at + gap : at + gap + len(w)] == w for gap in range(AFTER + 1) for w in counted
            )
            for at in places
        )
