"""A measure word said between a verb and its object: 开个会, 填个表, 盖个章, 拍个照, 建个群.

Spoken Chinese puts 个 between a verb and its object without changing what is done; jieba then
cuts the verb off on its own (盖 + 个 + 章), and neither half is a word the facts use. When the
verb and what follows 个 make a word the knowledge base knows (盖章, 开会, 拍照), the 个 goes.
After a number, a demonstrative or a quantifier (一个会, 这个表, 每个群) 个 counts things and stays;
a count said between verb and object (盖四五个章) moves after them (盖章四五个), still counting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_MEASURE = "个"
# Before 个 these count or point (三个, 这个, 每个, 好几个): 个 then belongs to the number.
_COUNTING = frozenset("一二两三四五六七八九十百千万几多好这那每各某哪整半俩仨")
_LONGEST = 3  # the longest joined word looked for: verb + two characters (开短会)
# A count in words between verb and object (盖了四五个章); digits are left to number asks.
_NUMBERS = "".join(sorted(_COUNTING - set("这那每各某哪整")))
_COUNT = re.compile(
    rf"(?<=[^\W\d{''.join(sorted(_COUNTING))}])(了?[{_NUMBERS}]+{_MEASURE})(\w{{1,{_LONGEST - 1}}})"
)
# A period before the count is no verb (一周五个会, 一个月十几个会: five meetings a week): moved,
# 一周会五个 would be cut 一/周会/五个, the weekly routine meeting (周会 is 例会). Plain meaning.
_PERIODS = frozenset("周天月年")
# A count said again, joined or not (会一个接一个, 群一个又一个, 表一个一个地填), is one after
# another, no count between a verb and its object: moved, 会一个接一个 read 会接一个一个.
_AGAIN = "接又连跟挨"


class Classifiers:
    """Drops 个 between a verb and its object where the two make a known word."""

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(w for w in words if 2 <= len(w) <= _LONGEST)
        self._spots = re.compile(rf"(?<=[^\W\d{''.join(sorted(_COUNTING))}]){_MEASURE}(?=\w)")

    def joined(self, normalized: str) -> str:
        """The text with each such 个 removed (盖个章 → 盖章) and each count moved after the
        object (盖四五个章 → 盖章四五个); anything else unchanged."""
        if _MEASURE not in normalized:
            return normalized
        normalized = _COUNT.sub(self._counted_after, normalized)
        out: list[str] = []
        last = 0
        for spot in self._spots.finditer(normalized):
            at = spot.start()
            verb, after = normalized[at - 1], normalized[at + 1 : at + _LONGEST]
            if any(verb + after[:n] in self._words for n in range(1, len(after) + 1)):
                out.append(normalized[last:at])
                last = at + 1
        return "".join(out) + normalized[last:] if out else normalized

    def _counted_after(self, count: re.Match[str]) -> str:
        """盖 + 四五个 + 章: the count moves behind 章 when 盖章 is a word; else nothing moves."""
        verb, said, after = count.string[count.start() - 1], count.group(1), count.group(2)
        if verb in _PERIODS or _said_again(said.removeprefix("了"), count.string[count.end(1) :]):
            return count.group(0)
        for n in range(len(after), 0, -1):
            if verb + after[:n] not in self._words:
                continue
            if n < len(after) and after[: n + 1] in self._words:  # 开好几个会议: 会议 goes on
                break
            return after[:n] + said + after[n:]
        return count.group(0)


def _said_again(said: str, rest: str) -> bool:
    """The count comes again right after itself (一个一个) or after 接, 又 (一个接一个)."""
    return rest.startswith(said) or (rest[:1] in _AGAIN and rest[1:].startswith(said))


# 一个, 一张, 一条: a count of one, said again (一个接一个, 一张一张) before an adverbial 地.
_ONE_COUNT = re.compile(r"[一1]\w")
_ADVERBIAL = "地"


def after_count_said_again(tokens: Sequence[str]) -> tuple[list[str], frozenset[int]]:
    """`tokens` with an adverbial 地 after a count said again cut off the verb jieba joined it
    to, and where each such 地 stands (it says nothing: a stopword there): 群一个接一个地建 is
    cut 一个/接/一个/地建, a word (地建) the facts never use, and 建 was lost; read 地/建 it is
    the 群一个接一个的建 that was answered, where 地建 left only 群 and 接, a doubt."""
    out: list[str] = []
    adverbials: set[int] = set()
    for token in tokens:
        if token.startswith(_ADVERBIAL) and _ends_count_said_again(out):
            adverbials.add(len(out))
            out += [_ADVERBIAL, token[1:]] if len(token) > 1 else [token]
            continue
        out.append(token)
    return out, frozenset(adverbials)


def _ends_count_said_again(tokens: Sequence[str]) -> bool:
    """一个 接 一个, 一个 又 一个, 一张 一张: the tokens end on a count said again."""
    if len(tokens) < 2 or _ONE_COUNT.fullmatch(tokens[-1]) is None:
        return False
    if tokens[-2] == tokens[-1]:
        return True
    return len(tokens) >= 3 and tokens[-2] in _AGAIN and tokens[-3] == tokens[-1]


# 20 多张照片, 10 多场会: 多 and a measure word after a number say "more than" so many (plain
# meaning). Read by sound they were 多长 (how long), which named the meetings' length in a
# burden of photos or forms (一户贫困户拍了二十多张照片).
_MORE_THAN = re.compile(r"多[张场份本条页户趟遍次个项篇件回轮拨天年月周人位名家元块]")


def more_than_a_number(tokens: Sequence[str], at: int) -> bool:
    """tokens[at] is 多 and a measure word right after a number (20 多张): part of a count."""
    if _MORE_THAN.fullmatch(tokens[at]) is None:
        return False
    before = next((t for t in reversed(tokens[:at]) if t.strip()), "")
    return before.isdigit()
