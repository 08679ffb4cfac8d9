"""Counts asked about: a cut asked (后来少了多少) and a range of counts said (二三十个群)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from quantity_words import BLANK, WORDS

from bot.search.amounts import Amount
from bot.search.matcher import Matcher
from bot.search.normalize import normalize
from bot.search.quantities import Quantities
from bot.search.shapes import Match

COUNT = replace(BLANK, id="count", example="全区累计解散微信群190余个。")
SHORT = replace(BLANK, id="short", example="只开了30分钟，以前要开半天。")


@pytest.fixture(scope="module")
def quantities() -> Quantities:
    return Quantities(WORDS, (COUNT, SHORT))


PINNED = replace(BLANK, id="pinned", topic="g", quote="当时她手机里的群一度超过30个。")
LIGHTER = replace(BLANK, id="lighter", topic="g", quote="整改后她手机里的群少了一半多。")
OTHER_TOPIC = replace(BLANK, id="other", topic="m", quote="以前一个会要开半天。")


def test_a_cut_asked_puts_the_trouble_before_it_below_the_cut() -> None:
    """后来少了多少 asks what the cut came to: the fact of the 30 groups before it falls below
    the fact holding the cut, even when the question has words we do not know; a fact of
    another topic, with no cut of its own there, keeps its place."""
    quantities = Quantities(
        replace(WORDS, phrases={"share": ("一半",)}), (PINNED, LIGHTER, OTHER_TOPIC)
    )
    ranked = [Match(PINNED, 71.0), Match(OTHER_TOPIC, 50.0), Match(LIGHTER, 37.5)]
    for ask in (True, False):
        moved = quantities.rerank(normalize("手机里三十多个群，后来少了多少"), ranked, ask=ask)
        order = [m.fact.id for m in moved]
        assert order.index("lighter") < order.index("pinned"), ask
        assert next(m.score for m in moved if m.fact.id == "other") == 50.0
    # no cut asked: the trouble keeps its lead
    kept = quantities.rerank(normalize("手机里的群一度有多少"), ranked)
    assert kept[0].fact.id == "pinned"


def test_the_phone_question_asking_the_cut_is_not_answered_with_the_trouble(
    matcher: Matcher,
) -> None:
    """The question says 三十多个群 and 置顶, words of the trouble; it asks for the cut."""
    result = matcher.match("手机里三十多个群全都置顶，后来少了多少")
    assert result.matches[0].fact.id == "chat-groups-phone-lighter"


def test_a_range_of_counts_keeps_both_ends() -> None:
    # 一两百 is a hundred or two: 一百到两百, not a stray 一 and 200 (两百 meets 不下200次)
    assert normalize("散了一两百个群") == normalize("散了一百到两百个群")
    assert normalize("二三十个会") == normalize("二十到三十个会")
    assert normalize("三五十个群") == normalize("三十到五十个群")
    # a weekday, an ordinal or falling digits are no range
    assert normalize("周二三十点开会") == "周二 30 点开会"
    assert normalize("二一十") != normalize("二十到十")


def test_a_range_said_fits_every_number_between_its_ends(quantities: Quantities) -> None:
    """二三十个群 meets the fact holding 30个 (its top) and 20个 (its foot), 一两百个群 the
    190余个; a number outside the range is no fit."""
    items = [Amount("items", n) for n in ("20", "25", "30", "190", "200", "50", "19")]

    def fitting(question: str) -> list[str]:
        said = quantities.said(normalize(question))
        return [h.value for h in items if any(s.fits(h) for s in said)]

    assert fitting("手机里的群有二三十个") == ["20", "25", "30"]
    assert fitting("散了一两百个群") == ["190", "200"]
    assert fitting("二十到三十个群") == ["20", "25", "30"]
    assert fitting("三十到二十个群") == ["20"]  # falling: no range, 20 as said
    assert fitting("开了三十个群") == ["30"]


def test_a_range_said_meets_the_number_held(matcher: Matcher) -> None:
    result = matcher.match("听说哪个区一口气散了一两百个群")
    assert result.matches[0].fact.id == "chat-groups-190-dissolved"


def test_groups_cleared_asked_of_the_district_is_its_count_dissolved(matcher: Matcher) -> None:
    # 清群 is 删群, 撤群 said with 清 (synonyms.yaml): the district's groups broken up, not the
    # street cadre's phone grown quiet (清静), which the bare 清 sounded like
    result = matcher.match("各位 海港区清群是怎么清的 清了多少")
    assert result.answered and result.shown[0].id == "chat-groups-190-dissolved"
    # the phone grown quiet after the groups were cleared stays the phone's fact
    result = matcher.match("群清了以后手机清净了吗")
    assert result.answered and result.shown[0].id == "chat-groups-phone-lighter"
