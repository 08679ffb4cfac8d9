"""normalize: the shortcuts that spare work keep every text's normal form."""

from __future__ import annotations

import random
import re

from bot.search import normalize as normal
from bot.search.normalize import normalize


def test_numerals_are_found_as_the_pattern_without_its_lookahead_finds_them() -> None:
    """The lookahead only keeps the numeral pattern from starting where no numeral can, and the
    unit test only skips texts holding no 十, 百 or 千: both give what the plain pattern gives,
    for the numbers people type and for any run of numeral characters."""
    digit = "[一二两三四五六七八九]"
    plain = re.compile(rf"(?:{digit}千)?(?:零?{digit}百)?(?:零?{digit}?十)?(?:零?{digit})?")
    typed = ["一百九十个群", "两千五", "一百零九", "十分", "十分钟", "十几场会", "几十个群",
             "零十", "二一十", "开了三十次会", "周二三十点", "没有数", ""]  # fmt: skip
    rng = random.Random(20)
    runs = ["".join(rng.choice("零一二两三四五六七八九十百千几分钟个 a1") for _ in range(n))
            for n in rng.choices(range(12), k=20_000)]  # fmt: skip
    for text in typed + runs:
        expected = plain.sub(normal._numeral_value, text)
        found = (
            normal._NUMERAL.sub(normal._numeral_value, text)
            if not normal._UNITS.isdisjoint(text)
            else text
        )
        assert found == expected, text


def test_numbers_with_units_still_read_as_digits() -> None:
    assert normalize("解散了一百九十个群") == "解散了 190 个 群"
    assert normalize("开了两千五百次会") == "开了 2500 次 会"
    assert normalize("十分麻烦") == "十分麻烦"
    assert normalize("十几场会") == "十几场会"
