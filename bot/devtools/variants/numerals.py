"""Numbers as people write them: Arabic digits and Chinese numerals, both ways.

Only whole numbers below a thousand are turned, which covers the counts of everyday talk (3分钟,
三十个群, 一百九十余个); years (2016年) and runs of digit names (一九零) are left as written.
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
VALUES = {char: value for value, char in enumerate(DIGITS)} | {"两": 2, "〇": 0}
NUMERAL_CHARS = frozenset("零〇一二两三四五六七八九十百")


def to_chinese(value: int, counted: bool) -> str:
    """190 -> 一百九十, 2 -> 两 before a measure word (两次) and 二 otherwise (二月)."""
    if not 0 < value < 1000:
        raise ValueError(value)
    hundreds, tens, ones = value // 100, value // 10 % 10, value % 10
    parts: list[str] = []
    if hundreds:
        parts.append(("两" if hundreds == 2 and counted else DIGITS[hundreds]) + "百")
    if tens:
        # 十二 on its own, 一百一十二 after hundreds
        parts.append(("" if tens == 1 and not hundreds else DIGITS[tens]) + "十")
    elif hundreds and ones:
        parts.append("零")
    if ones:
        parts.append("两" if ones == 2 and counted and value == 2 else DIGITS[ones])
    return "".join(parts)


def from_chinese(text: str) -> int | None:
    """一百九十 -> 190, 三十 -> 30, 两 -> 2; None for what is no single number (五六, 一九零)."""
    if not text or any(char not in NUMERAL_CHARS for char in text):
        return None
    value, rest = 0, text
    if "百" in rest:
        head, rest = rest.split("百", 1)
        if len(head) != 1 or head not in VALUES or VALUES[head] == 0:
            return None
        value += VALUES[head] * 100
        if rest.startswith(("零", "〇")):
            rest = rest[1:]
            return value + VALUES[rest] if len(rest) == 1 and rest in VALUES else None
        if len(rest) == 1 and rest in VALUES:  # 一百九 means 190, a shorthand left alone
            return None
    if "十" in rest:
        head, tail = rest.split("十", 1)
        if head and (len(head) != 1 or head not in VALUES or VALUES[head] < 1):
            return None
        if not head and value:  # 一百十 is not how a hundred and ten is written
            return None
        if head == "两":  # 两十 is not a number
            return None
        value += (VALUES[head] if head else 1) * 10
        rest = tail
    if rest:
        if len(rest) != 1 or rest not in VALUES or VALUES[rest] == 0:
            return None
        if rest == "两" and value:  # 十两 is a weight, not twelve
            return None
        value += VALUES[rest]
    return value or None
