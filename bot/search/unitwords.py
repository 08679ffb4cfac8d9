"""Everyday unit words read as the article's unit where they stand after a count: 一回 is 一次,
每个礼拜 is 每周, 半个钟头 is 半个小时, 3min is 3分钟; a half said as a share (50%, 百分之五十,
五成) is 一半, the word the article and everyday speech use for it.

The article counts in 次, 周, 小时 and 分钟, and those are the words the facts' figures are
found by; officials as often say 回, 礼拜, 钟头. Read as plain synonyms everywhere these words
made 回来, 回复 and 礼拜天 counts too, so a word is read as the unit only right after a number or
a count word (一二三…, 几, 每, 多少; 这, 上, 下 before a week, not before 回: 晚上回群消息), and
never where the characters after it make another word (一回事, 回来, 星期三, 礼拜天).
"""

from __future__ import annotations

import re

_COUNT = "0-9一二两三四五六七八九十百几每"
# 回 then these is a word of its own: 回来, 回去, 回家, 回复, 回头, 回事, 回应, 回访 …, or a
# slip for 会 (两回议 is 两会议)
_NOT_AFTER_HUI = (
    "来去家复头事应答归顾报收忆味放访避转升暖合过乡村县城到信执条音声馈拨扣笼炉锅国京老议海"
)
_HUI = re.compile(rf"(?:(?<=[{_COUNT}])|(?<=多少))回(?![{_NOT_AFTER_HUI}])")
# 星期一 … 星期天, 礼拜天, 星期几 name a day; 周末 is a weekend.
_WEEK = re.compile(rf"(?<=[{_COUNT}这那上下本])个?(?:星期|礼拜)(?![一二三四五六日天0-9几末])")
_HOUR = re.compile(r"(?<=[0-9一二两三四五六七八九十几半把])(个?)钟头")
_MINUTE = re.compile(r"(?<=[0-9])\s?(?:mins?|分钟)(?![a-z])")
# 百分之 50 (normalize wrote 50% and 百分之五十 so), 五成 / 5 成: not 五成群, 成本, 成绩 …
_HALF = re.compile(
    r"百分之\s?50(?![0-9.])|(?<![0-9.一二两三四五六七八九十百几])(?:五|5)\s?成(?![为绩本立功员效果熟品就长都型套群])"
)
_MARKS = frozenset("回星礼钟m成之")


def units_as_written(text: str) -> str:
    """`text` (lowercase, numerals as digits or 一 … 九) with everyday units as the article's."""
    if not _MARKS.intersection(text):
        return text
    text = _HUI.sub("次", text)
    text = _WEEK.sub("周", text)
    text = _HOUR.sub(r"\1小时", text)
    text = _HALF.sub("一半", text)
    return _MINUTE.sub("分钟", text)
