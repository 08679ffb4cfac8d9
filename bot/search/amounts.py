"""A number as written and what it counts: 190余个, 三十来个, 近两百, 二三十个, 半小时.

How a number in words or digits reads as a value in its group's smallest unit (半 小时 →
30 minutes, 上百 → 100), the lower end of a range said (20到30个), and whether a number a
question says fits a number a fact holds. Which facts hold a number, and what a question asks
of numbers, is quantities.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NEAR_SHARE = 0.15  # 近两百 fits 190; 差不多三十 fits 30 but not 40
_DIGITS = {"一": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5", "六": "6"}
_DIGITS |= {"七": "7", "八": "8", "九": "9", "半": "0.5"}
# A number as the facts and questions write it: digits, a Chinese digit, 上百 (about).
NUMBER = r"(\d+|[一二两三四五六七八九十百千半上]+)"
ABOUT = r"\s?(余|多|来)?\s?"  # 190余个, 三十来个 (about 30, either side), 两百多场
# 百分之五十 (normalize writes 50% so too): a share in per cent, the scale of 成 and 一半.
PERCENT = re.compile(r"百分之\s?(\d+)")
# 20到30个, 二十至三十个: the lower end of a range, before the number read with its unit.
_RANGE_LOW = re.compile(r"(\d+)\s?[到至]\s?$")
ROUGHLY = {"上百": "100", "上千": "1000"}  # 上百条: a hundred or more, as 一百多条 says


@dataclass(frozen=True)
class Amount:
    group: str  # what it counts: duration, items, times …
    value: str  # "190", "6", "0.5"; "" when not exact (上百, 五六)
    # 一百多个, 三十来个: that many or more, up to the next step of its first digit (100-199).
    about: bool = field(default=False, compare=False)
    near: bool = field(default=False, compare=False)  # 近两百个, 两百来个: roughly that many
    low: str = ""  # 20到30个, 一两百个 (normalize: 一百到两百): a range, `value` its top

    def fits(self, held: Amount) -> bool:
        """A number said fits a number held: the same, within what 一百多 spans (190), close
        to a rough one (近两百个), or within a range said, both ends included (一两百个群
        meets 190余个 and 200; 二三十个群 meets 30个)."""
        if self.group != held.group or not held.value:
            return False
        if self.low and is_figure(held.value):
            return float(self.low) <= float(held.value) <= float(self.value)
        return self._fits_one(held)

    def _fits_one(self, held: Amount) -> bool:
        """One number said (no range) against a number held."""
        if self.value == held.value:
            return True
        rough = self.near and is_figure(self.value) and is_figure(held.value)
        if rough and abs(float(held.value) - float(self.value)) <= NEAR_SHARE * float(self.value):
            return True
        if not self.about or not self.value.isdigit() or not is_figure(held.value):
            return False
        low = int(self.value)
        step = 10 ** (len(self.value) - len(self.value.rstrip("0")))  # 一百多 100, 一百九十多 10
        return low >= 10 and low <= float(held.value) < low + step


def is_figure(value: str) -> bool:
    """A value in digits (190, 0.5): one a number said can be compared with; a kind held
    with no figure of its own (a cut, how often) has the value ""."""
    return value.replace(".", "").isdigit()


def value_of(number: str, scale: float = 1.0) -> str:
    """The number as digits, in its group's smallest unit (半 小时 → 30 minutes)."""
    value = str(int(number)) if number.isdigit() else _DIGITS.get(number, ROUGHLY.get(number, ""))
    return plain(float(value) * scale) if value and scale != 1.0 else value


def plain(number: float) -> str:
    number = float(number)
    return str(int(number)) if number.is_integer() else str(number)


def low_end(before: str, top: str, scale: float) -> str:
    """The lower end of a range ending in `top` (20到30个 → 20), else ""."""
    found = _RANGE_LOW.search(before)
    if found is None or not is_figure(top):
        return ""
    low = value_of(found.group(1), scale)
    return low if float(low) < float(top) else ""
