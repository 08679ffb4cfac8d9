"""Questions about numbers: the kind asked for, the number said, the facts holding them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from quantity_words import BLANK, WORDS

from bot.search.amounts import Amount
from bot.search.matcher import Matcher
from bot.search.normalize import normalize
from bot.search.quantities import (
    BONUS,
    DROP,
    FLOOR,
    FREQUENCY,
    KEPT_TEXTS,
    Quantities,
)
from bot.search.shapes import Match

COUNT = replace(BLANK, id="count", example="全区累计解散微信群190余个。")
KINDS = replace(BLANK, id="kinds", measure="重点精简六类工作群。")
MONTHLY = replace(BLANK, id="monthly", quote="现在一个月最多也就两次会。")
SHORT = replace(BLANK, id="short", example="只开了30分钟，以前要开半天。")
FACTS = (COUNT, KINDS, MONTHLY, SHORT)


@pytest.fixture(scope="module")
def quantities() -> Quantities:
    return Quantities(WORDS, FACTS)


def test_numbers_are_read_from_the_facts_text(quantities: Quantities) -> None:
    """190余个 counts items (解散 before it: a cut), 六类 kinds, 30分钟 and 半天 durations; a
    number after a period (一个月最多两次) says how often; 一个 (a month) is no count."""
    assert quantities.held(COUNT) == {Amount("items", "190"), Amount(DROP, "")}
    assert quantities.held(KINDS) == {Amount("kinds", "6")}
    assert quantities.held(MONTHLY) == {Amount("times", "2"), Amount(FREQUENCY, "")}
    assert quantities.held(SHORT) == {Amount("duration", "30"), Amount("duration", "")}


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("清理了多少个群", {"items"}),
        ("会开了多长时间", {"duration"}),
        ("几个小时能开完", {"duration"}),
        ("一个月开几次会", {"times", FREQUENCY}),
        ("填表多久一次", {FREQUENCY}),  # not a length of time
        ("检查组多久来一次", {FREQUENCY}),
        ("好几个部门来查", set()),  # 好几 says "a few"
        ("会太多怎么办", set()),
    ],
)
def test_the_kind_of_number_asked_for(
    quantities: Quantities, question: str, asked: set[str]
) -> None:
    assert quantities.asked(normalize(question)) == asked


def test_a_cut_is_a_number_right_after_a_word_of_one(quantities: Quantities) -> None:
    """解散群190余个 says what was cut; 精简（解散或整合）六类 names kinds to cut; a question
    asks for a cut when such a word comes shortly before 多少 or 几."""
    halved = replace(BLANK, id="halved", title="工作群少了一半")
    dissolved = replace(BLANK, id="dissolved", title="解散群190余个")
    kinds = replace(BLANK, id="kinds", measure="重点精简（解散或整合）六类工作群。")
    assert quantities.held(dissolved) == {Amount("items", "190"), Amount(DROP, "")}
    assert DROP not in {a.group for a in quantities.held(kinds)}
    assert quantities.held(halved) == frozenset()  # 一半 is no phrase in these words
    assert quantities.asked(normalize("手机上的群减少了多少")) == {DROP}
    assert quantities.asked(normalize("解散了几个群")) == {DROP, "items"}
    assert quantities.asked(normalize("减少了好几个群")) == frozenset()
    assert quantities.asked(normalize("群有多少")) == frozenset()


def test_one_is_a_count_only_when_limited(quantities: Quantities) -> None:
    """只开一次 counts once; 不久前的一次会 and 一个月 are "a"."""
    once = replace(BLANK, id="once", measure="同一主题的会只开一次。")
    an_occasion = replace(BLANK, id="occasion", example="不久前的一次信访工作会。")
    assert quantities.held(once) == {Amount("times", "1")}
    assert quantities.held(an_occasion) == frozenset()


def test_how_often_keeps_what_is_asked_about(quantities: Quantities) -> None:
    """多久填一次表: 多久 and 一次 ask how often; 填 and 表 stay to say what."""
    assert quantities.without_asks("多久填一次表").split() == ["填", "表"]


def test_a_number_meets_the_same_amount_in_another_unit() -> None:
    """半个钟头 is 30分钟 and a quarter hour 15; 五成, 百分之五十 and 50% are 一半."""
    words = replace(
        WORDS,
        units={**WORDS.units, "duration": ("分钟", "小时", "钟头"), "share": ("成",)},
        phrases={"duration": ("半天", "一刻钟"), "share": ("一半",)},
        scales={"小时": 60, "钟头": 60, "成": 10},
        values={"一半": 50, "一刻钟": 15},
    )
    halved = replace(BLANK, id="halved", title="工作群少了一半多")
    scaled = Quantities(words, (*FACTS, halved))
    assert scaled.held(halved) == {Amount("share", "50"), Amount(DROP, "")}
    for said in ("半个钟头", "半小时", "30分钟"):
        assert {a.value for a in scaled.said(normalize(said))} == {"30"}, said
    assert scaled.said(normalize("一刻钟")) == {Amount("duration", "15")}
    assert scaled.said(normalize("两个小时")) == {Amount("duration", "120")}
    for said in ("群少了五成", "群少了百分之五十", "群少了50%"):
        assert scaled.said(normalize(said)) == {Amount("share", "50")}, said
    ranked = [Match(KINDS, 60.0), Match(halved, 55.0)]
    assert scaled.rerank(normalize("群砍了五成"), ranked)[0] == Match(halved, 55.0 + BONUS)
    moved = scaled.rerank(normalize("半个钟头开完"), [Match(MONTHLY, 60.0), Match(SHORT, 55.0)])
    assert moved[0] == Match(SHORT, 55.0 + BONUS)


def test_a_rough_number_fits_one_near_it() -> None:
    """近两百个, 快200个 and 200个左右 fit 190; 200个 said exactly does not."""
    quantities = Quantities(replace(WORDS, near=("近", "快", "左右")), FACTS)
    held = Amount("items", "190")
    for said in ("近两百个群", "快200个群", "200个左右"):
        (rough,) = quantities.said(normalize(said))
        assert rough.near and rough.fits(held), said
    (exact,) = quantities.said(normalize("200个群"))
    assert not exact.fits(held)
    messages = Quantities(replace(WORDS, units={**WORDS.units, "messages": ("条",)}), FACTS)
    (hundreds,) = messages.amounts("就有上百条信息")
    assert hundreds == Amount("messages", "100") and hundreds.about
    (hundred_odd,) = messages.said(normalize("一百多条消息"))
    assert hundred_odd.fits(hundreds)
    ranked = [Match(KINDS, 70.0), Match(COUNT, 65.0)]
    assert quantities.rerank(normalize("解散了近两百个群"), ranked)[0] == Match(COUNT, 65.0 + BONUS)


def test_bad_scales_and_values_are_refused(kb_copy: Path) -> None:
    from bot.errors import KBError
    from bot.kb import load_kb

    path = kb_copy / "responses" / "quantities.yaml"
    text = path.read_text(encoding="utf-8").replace("小时: 60", "小时: -60")
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(KBError) as caught:
        load_kb(kb_copy)
    assert [p.message for p in caught.value.problems] == [
        "'scales' entry '小时' must be a word and a number > 0"
    ]


@pytest.mark.parametrize(
    ("question", "cue_kept"),
    [
        ("一张表要几个人签字", False),  # the fact counts 五六个签字
        ("一张表格要几个人签名", False),  # 签名 read as 签字
        ("拨款要哪几个人签字", True),  # asks who
        ("检查组一共来了几个人", True),  # people no fact counts
    ],
)
def test_how_many_people_of_a_thing_a_fact_counts_is_its_count(
    matcher: Matcher, question: str, cue_kept: bool
) -> None:
    normalized = normalize(question)
    analysis = matcher.quantities.without_count_cues(
        matcher.analyzer.analyze(normalized), normalized
    )
    assert ("几个人" in analysis.cues) is cue_kept


def test_asking_for_a_share_is_no_word_of_the_question() -> None:
    """几成 and 多大比例 ask for a share; they are not words a fact should hold."""
    words = replace(WORDS, asks={**WORDS.asks, "share": ("几成", "多大比例")})
    shares = Quantities(words, FACTS)
    assert shares.without_asks("群少了几成").split() == ["群少了"]
    assert shares.asked("群砍了多大比例") == {"share"}


def test_about_a_number_fits_the_number_it_spans(quantities: Quantities) -> None:
    """一百多个 spans 100-199, so it fits 190余个; 一百九十多 spans 190-199; 三十来个 is
    not 190, and 一百个 said exactly is not either."""
    held = Amount("items", "190")
    (hundred_odd,) = quantities.said(normalize("一百多个群"))
    assert hundred_odd.about and hundred_odd.fits(held)
    (nineteen_tens,) = quantities.said(normalize("一百九十多个群"))
    assert nineteen_tens.fits(held) and not nineteen_tens.fits(Amount("items", "200"))
    (thirty_odd,) = quantities.said(normalize("三十来个群"))
    assert not thirty_odd.fits(held)
    (hundred,) = quantities.said(normalize("一百个群"))
    assert not hundred.fits(held)
    assert not hundred_odd.fits(Amount("times", "190"))
    ranked = [Match(KINDS, 80.0), Match(COUNT, 75.0)]
    moved = quantities.rerank(normalize("清理了一百多个群"), ranked)
    assert moved[0] == Match(COUNT, 75.0 + BONUS)


def test_about_a_number_with_lai_fits_either_side(quantities: Quantities) -> None:
    """两百来个 is about 200: 190 fits as well as 230; 三十来个 fits 30, not 190 or 40."""
    (two_hundred_odd,) = quantities.said(normalize("两百来个群"))
    assert two_hundred_odd.fits(Amount("items", "190"))
    assert two_hundred_odd.fits(Amount("items", "230"))
    assert not two_hundred_odd.fits(Amount("items", "160"))
    (thirty_odd,) = quantities.said(normalize("三十来个群"))
    assert thirty_odd.fits(Amount("items", "30"))
    assert not thirty_odd.fits(Amount("items", "40"))


def test_a_number_tells_apart_the_fact_holding_it(quantities: Quantities) -> None:
    """两百来个群 is the 190's, not the six kinds'; a question saying no number tells none."""
    assert quantities.tells_apart(normalize("两百来个群撤了"), "count", "kinds")
    assert not quantities.tells_apart(normalize("两百来个群撤了"), "kinds", "count")
    assert not quantities.tells_apart(normalize("群撤了"), "count", "kinds")


def test_a_number_said_in_any_writing(quantities: Quantities) -> None:
    """三十来个 and 一百九十多个 are 30 and 190 items; 一 says too little to count."""
    assert quantities.said(normalize("手机里三十来个群")) == {Amount("items", "30")}
    assert quantities.said(normalize("一百九十多个群")) == {Amount("items", "190")}
    assert quantities.said(normalize("一次会")) == frozenset()


def test_rerank_lifts_the_fact_holding_the_number_asked(quantities: Quantities) -> None:
    """The six kinds lead on words, but 多少个 asks for a count: 190余个 moves up. A fact
    sharing too little with the question is never lifted."""
    ranked = [Match(KINDS, 80.0), Match(COUNT, 75.0), Match(SHORT, FLOOR - 1)]
    moved = quantities.rerank(normalize("清理了多少个群"), ranked)
    assert [m.fact.id for m in moved] == ["count", "kinds", "short"]
    assert moved[0].score == 75.0 + BONUS
    assert quantities.rerank(normalize("会多怎么办"), ranked) == ranked


def test_a_question_with_unknown_words_moves_only_on_a_telling_number(
    quantities: Quantities,
) -> None:
    """With `ask` off, 多久 lifts nothing and a small number said (两次) neither; 190 does."""
    ranked = [Match(KINDS, 80.0), Match(SHORT, 75.0), Match(MONTHLY, 70.0), Match(COUNT, 60.0)]
    assert quantities.rerank(normalize("坐车要多久，两次"), ranked, ask=False) == ranked
    moved = quantities.rerank(normalize("190个群"), ranked, ask=False)
    assert next(m.score for m in moved if m.fact.id == "count") == 60.0 + BONUS


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("全区一共撤掉多少个群", "chat-groups-190-dissolved"),
        ("填报表隔多长时间一次", "forms-weekly-cap"),
        ("要清理的群分成几类", "chat-groups-six-kinds"),
        ("工作群清理掉了多少", "chat-groups-190-dissolved"),  # a cut, not the kinds to cut
        # 星期几 and 周几 ask which day, unless their 几 counts something (几张, 几天).
        ("一个星期几张报表", "forms-weekly-cap"),
        ("要清理一百来个群吗", "chat-groups-190-dissolved"),
        # 两百来个 is about 200 either side, 190 among them; 近两百 said of the groups cut is
        # the 190's alone, so the topic's lead (the six kinds) does not take the near tie.
        ("两百来个微信群QQ群清理掉了，讲讲经过", "chat-groups-190-dissolved"),
        ("近两百个工作群一下子撤了，怎么做到的", "chat-groups-190-dissolved"),
        ("精简的工作群占了几成", "chat-groups-phone-lighter"),
        # Typed in pinyin, the ask is read as the words heard (duoshao ge → 多少ge).
        ("gongzuoqun qingli le duoshao ge", "chat-groups-190-dissolved"),
    ],
)
def test_number_questions_reach_the_fact_holding_the_number(
    matcher: Matcher, question: str, fact: str
) -> None:
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.shown[0].id == fact


def test_shipped_quantity_words_load(matcher: Matcher) -> None:
    assert matcher.kb.quantities.units and matcher.kb.quantities.periods


def test_unit_in_two_groups_is_refused(kb_copy: Path) -> None:
    from bot.errors import KBError, KBProblem
    from bot.kb import load_kb

    path = kb_copy / "responses" / "quantities.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  days: [天]", "  days: [天, 次]"),
        encoding="utf-8",
    )
    with pytest.raises(KBError) as caught:
        load_kb(kb_copy)
    assert caught.value.problems == [
        KBProblem("responses/quantities.yaml", "unit '次' is in both times and days", None, "units")
    ]


def test_unknown_section_and_empty_pattern_part_are_refused(kb_copy: Path) -> None:
    from bot.errors import KBError
    from bot.kb import load_kb

    path = kb_copy / "responses" / "quantities.yaml"
    text = path.read_text(encoding="utf-8").replace("多少天…一次", "多少天…")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KBError) as caught:
        load_kb(kb_copy)
    assert [p.message for p in caught.value.problems] == ["pattern '多少天…' has an empty part"]
    path.write_text(text + "extra: [x]\n", encoding="utf-8")
    with pytest.raises(KBError) as caught:
        load_kb(kb_copy)
    assert "must map" in caught.value.problems[0].message


def test_which_day_stays_a_question_no_measure_answers(matcher: Matcher) -> None:
    """礼拜几 with nothing counted after it asks which day: still a near miss."""
    assert matcher.match("督查组礼拜几来").decision == "decline"


@pytest.mark.parametrize(
    ("question", "decision"),
    [
        ("一周有几天", "decline"),  # periods, units and asks only: a count of nothing we know
        ("一个月多少个小时", "decline"),
        ("每周几张表", "answer"),  # 表 after 几张 is what is counted
        ("一周最多一表", "answer"),
        ("190个", "answer"),  # a number said looks up its fact
    ],
)
def test_a_count_of_nothing_the_facts_are_about_declines(
    matcher: Matcher, question: str, decision: str
) -> None:
    assert matcher.match(question).decision == decision


def test_a_number_of_ways_asked_for_is_no_figure_nor_the_six_kinds(matcher: Matcher) -> None:
    """几种法子 asks which ways there are: not how many kinds, so not the six kinds of groups."""
    result = matcher.match("督查检查减负的几种法子，哪个最管用")
    assert result.shown and result.shown[0].topic == "inspections"
    assert "chat-groups-six-kinds" not in [f.id for f in result.shown]
    assert matcher.quantities.asked("开会减负有几种做法") == frozenset()
    assert "kinds" in matcher.quantities.asked("精简了几种群")  # 精简 a cut too: drop beside it


def test_asks_and_numbers_are_kept_by_text_and_by_word_lists(quantities: Quantities) -> None:
    """A text asked again gives what it gave the first time, each text its own; Quantities built
    from other word lists (a reload builds new ones) never sees the first one's texts."""
    texts = [normalize(t) for t in ("开会要多久", "多久开一次会", "解散了190个群", "会太多")]
    fresh = Quantities(WORDS, FACTS)
    for text in texts * 2:
        assert quantities.asked(text) == fresh._asked(text)
        assert quantities.said(text) == fresh._said(text)
    assert quantities.asked(texts[0]) == {"duration"}
    assert quantities.asked(texts[1]) == {FREQUENCY}
    reloaded = Quantities(replace(WORDS, asks={"duration": ("多长时间",)}), FACTS)
    assert fresh.asked(texts[0]) == {"duration"}
    assert reloaded.asked(texts[0]) == frozenset()


def test_kept_texts_are_bounded() -> None:
    """However many questions come, only the last few texts' asks are kept."""
    quantities = Quantities(WORDS, FACTS)
    for n in range(KEPT_TEXTS * 3):
        text = f"第{n}个会开多久"
        assert quantities.asked(text) == {"duration"}
        assert quantities.said(text) == quantities._said(text)
        assert len(quantities._asked_kept) <= KEPT_TEXTS
        assert len(quantities._said_kept) <= KEPT_TEXTS


def test_every_facts_numbers_are_read_when_built(quantities: Quantities) -> None:
    """Each fact's numbers are read with the index, as held() reads them on its own; numbers
    given back (the matcher's cache) are kept when they are this fact set's, read again when
    they are another's (a fact added or gone)."""
    assert quantities.held_by_fact == {fact.id: quantities.held(fact) for fact in FACTS}
    marked = {**quantities.held_by_fact, "kinds": frozenset({Amount("kinds", "7")})}
    assert Quantities(WORDS, FACTS, marked).held_by_fact == marked
    stale = {k: v for k, v in marked.items() if k != "short"}
    assert Quantities(WORDS, FACTS, stale).held_by_fact == quantities.held_by_fact
    extra = {**marked, "gone": frozenset()}
    assert Quantities(WORDS, FACTS, extra).held_by_fact == quantities.held_by_fact


def test_a_period_naming_no_span_is_refused(kb_copy: Path) -> None:
    """A period word must name its span (天/日, 周/星期/礼拜, 月, 季, 年), so a rate asked in
    it is read in that span (heldnumbers.span_of)."""
    from bot.errors import KBError
    from bot.kb import load_kb

    path = kb_copy / "responses" / "quantities.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "periods: [一天,", "periods: [每学期, 每日, 一天,"
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KBError) as caught:
        load_kb(kb_copy)
    assert [p.message for p in caught.value.problems] == [
        "period '每学期' names no span (天, 日, 晚, 周, 星期, 礼拜, 月, 季, 年)"
    ]


@pytest.mark.parametrize(
    ("question", "kind"),
    [("一共多少张表", "sheets"), ("一共多少次", "times"), ("总共多少分钟", "duration")],
)
def test_a_unit_after_a_total_asked_still_counts(
    matcher: Matcher, question: str, kind: str
) -> None:
    """一共多少 asks a total; the unit right after it (张表, 次, 分钟) says of what."""
    asked = matcher.quantities.asked(normalize(question))
    assert {kind, "items"} <= asked
    assert matcher.quantities.asked(normalize("一共多少个群")) == {"items"}
