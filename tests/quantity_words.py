"""Quantity words and a blank fact, from which the quantity tests build small knowledge bases."""

from __future__ import annotations

from bot.kb import Fact, QuantityWords
from bot.search.quantities import FREQUENCY

WORDS = QuantityWords(
    units={"duration": ("分钟", "小时"), "times": ("次",), "items": ("个",), "kinds": ("类",)},
    phrases={"duration": ("半天",)},
    asks={"duration": ("多久", "多长时间"), FREQUENCY: ("多久…一次",)},
    periods=("一个月", "一周"),
    vague=("好几",),
    once=("只", "最多"),
    drops=("少了", "减少", "解散", "整合"),
)
BLANK = Fact(
    id="", topic="t", title="做法", measure="做法", example="", quote="", seed="seed.txt",
    keywords=(), questions=(),
)  # fmt: skip
