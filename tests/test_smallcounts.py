"""One and two typed as digits before a period or a form read as the article writes them."""

from __future__ import annotations

from bot.search.normalize import normalize
from bot.search.smallcounts import small_counts_in_words


def test_one_and_two_before_a_period_or_a_form_are_read_in_words() -> None:
    assert small_counts_in_words("1周最多1表") == "一周最多一表"
    assert small_counts_in_words("1个月最多2次会") == "一个月最多两次会"
    assert normalize("1周最多1表") == normalize("一周最多一表")
    assert normalize("１天至少１张") == normalize("一天至少一张")


def test_other_digits_stay_digits() -> None:
    # the facts' own 3天 and 3分钟, counts of things, months, years, decimals and codes
    for text in ("3天迎检", "每人3分钟", "6种群", "2个群", "7月底", "2016年", "10次", "1.5天",
                 "qq2次", "12周"):  # fmt: skip
        assert small_counts_in_words(text) == text
