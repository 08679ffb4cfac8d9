"""Hearsay: whether something heard is true (听说又要检查了是真的吗, 例会要取消，真的假的).

Such a question names the facts' words (检查, 例会, 工作群) but asks whether a rumour of what is
coming to the asker's own meetings or inspections holds, which no measure tells. The same words
ask for a measure when they check what the article reports (一个月最多开两次会是真的吗: no
coming event), or when the rumour is of a practice elsewhere and the asker wants to know how it
was done (听说有地方把例会取消了，真的假的，怎么做的). So a hearsay phrase (curated in
`responses/hearsay_asks.txt`) is a form of the ask only when the question says something is
coming and neither asks how nor points elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# How it was done, or a practice elsewhere: then the rumour is a case of a measure.
_HOW_OR_ELSEWHERE = re.compile(
    r"怎|咋|如何|做法|办法|经验|例子|案例|具体|搞的|弄的|做到|做的|哪里|哪儿|哪个地方|什么地方"
    r"|啥地方|有地方|有的|有些|别的|别处|别人|人家|外地|其他|其它|兄弟单位|有个[乡县市区镇村街社]"
)


# Something coming: 又要, 要来, 下个月, 明天, 年底 (not 只要, 需要, 要求).
_COMING = re.compile(
    r"又要|还要|要[来开查搞交填报组合解取]|将要|快要|就要|马上|即将|下周|下个?月|下礼拜|明天|后天"
    r"|年底|月底"
)


@dataclass(frozen=True)
class Hearsay:
    phrases: frozenset[str] = frozenset()  # 是真的吗, 真的假的, 有这回事吗

    def asked(self, normalized: str) -> tuple[str, ...]:
        """The hearsay phrase when the question only asks whether a rumour of something
        coming holds, else ()."""
        found = sorted(p for p in self.phrases if p in normalized)
        if not found or not _COMING.search(normalized) or _HOW_OR_ELSEWHERE.search(normalized):
            return ()
        return (found[0],)
