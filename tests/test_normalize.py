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


def test_each_step_spared_on_texts_without_its_marks_still_runs_where_they_are() -> None:
    """A step runs only on a text holding what it looks for; where it is, it still reads it."""
    assert normalize("囘覆一下") == "回复一下"  # an older variant form
    assert normalize("検査太多") == "检查太多"  # a Japanese form
    assert normalize("衞生检查") == "卫生检查"  # a variant the tables leave
    assert normalize("降一降开会次数") == "降开会次数"  # a verb said twice around 一
    assert normalize("二〇一六年的表") == "2016 年的表"  # digits read out
    assert normalize("完成率50%") == "完成率一半"  # a share in per cent
    assert normalize("七月底") == "7 月底"  # a month
    assert normalize("一两百个群") == "100 到 200 个 群"  # a range
    assert normalize("会太多怎么办") == "会太多怎么办"  # none of them
