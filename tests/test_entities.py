"""People and places: the ways officials name someone in the article, and asks about them that
no fact answers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.kb import load_kb
from bot.search.entities import EntityTable
from bot.search.matcher import Matcher, Result
from bot.search.naming import person_keys, role_and_places


@pytest.fixture(scope="module")
def table() -> EntityTable:
    return EntityTable(load_kb().facts)


def _names(table: EntityTable, question: str) -> list[str]:
    return [entity.name for entity, _ in table.find(question)]


def _shown(result: Result) -> list[str]:
    return [f.id for f in result.shown]


def test_role_and_places_split_the_who_field() -> None:
    assert role_and_places("敖再生", "敖再生（江西省樟树市洋湖乡党委副书记）") == (
        "党委副书记",
        ["江西省", "樟树市", "洋湖乡"],
    )
    # a bare level word before the role belongs to the role
    role, places = role_and_places("齐琳", "齐琳（河北省秦皇岛市海港区港城大街街道干部）")
    assert (role, places[-1]) == ("街道干部", "港城大街")


def test_person_keys_cover_how_colleagues_name_someone() -> None:
    keys = {
        k: sure
        for k, sure, _ in person_keys("央金卓嘎", "央金卓嘎（西藏拉萨市林周县扶贫办副主任）")
    }
    assert keys["卓嘎"] == keys["卓嘎主任"] == keys["林周县扶贫办副主任"] == "name"
    assert keys["扶贫办副主任"] == keys["副主任"] == "role"  # a role alone is weaker
    han = {k for k, _, _ in person_keys("李志颖", "李志颖（江西省樟树市洋湖乡扶贫专干）")}
    assert {"小李", "老李", "志颖", "洋湖扶贫专干", "乡扶贫专干"} <= han
    # a given name that is a word of its own (再生) names nobody
    common = {k for k, _, _ in person_keys("敖再生", "敖再生（某乡党委副书记）", lambda w: 500)}
    assert "再生" not in common and "敖书记" in common
    branch = {k for k, _, _ in person_keys("段琼", "段琼（某市某街道水林社区党总支书记）")}
    assert {"段书记", "段支书"} <= branch  # a branch secretary is 支书 to colleagues


def test_a_province_alone_is_described_by_where_its_facts_are(table: EntityTable) -> None:
    """江西省 is written alone in no `where`; its card says 江西省樟树市洋湖乡."""
    found = dict((e.name, e) for e, _ in table.find("江西和西藏"))
    assert found["江西省"].description == "江西省樟树市洋湖乡"
    assert found["西藏"].description == "西藏拉萨市林周县"


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("洋湖乡那个副书记说了啥", ["敖再生", "洋湖乡"]),
        ("江西那个乡的扶贫专干讲填表的变化", ["李志颖", "江西省"]),  # 扶贫专干 narrowed by 江西
        ("松盘乡那个扶贫专干说的", ["阿旺群宗", "松盘乡"]),
        ("那个社区书记说的会议留痕", ["段琼"]),  # a role alone, pointed at
        ("卓嘎主任说数据从哪调", ["央金卓嘎"]),
        ("昌吉那边开会", ["昌吉回族自治州"]),  # 昌吉 names the prefecture holding 昌吉市
        ("林周县松盘乡", ["松盘乡", "林周县"]),  # the narrowest place first
    ],
)
def test_find_resolves_roles_and_places(
    table: EntityTable, question: str, names: list[str]
) -> None:
    assert _names(table, question) == names


@pytest.mark.parametrize(
    "question",
    [
        "社区书记是怎么选出来的",  # a role alone, not pointed at: a question about the role
        "扶贫专干的工资多少",  # two people hold it and nothing narrows it
        "街道干部转正要多久",
        "那个主任说要每天报表",  # a bare title, pointed at but at no place: anyone's boss
    ],
)
def test_a_role_in_general_names_nobody(table: EntityTable, question: str) -> None:
    assert not any(entity.kind == "person" for entity, _ in table.find(question))


def test_strangers_are_people_the_facts_do_not_name(table: EntityTable) -> None:
    assert table.strangers("刘书记是怎么压缩会议的") == ("刘书记",)
    assert table.strangers("张建国书记在会议减负上做了什么") == ("张建国书记",)
    assert table.strangers("樟树市长是谁") == ("樟树市长",)
    assert table.strangers("浙江安吉县是怎么减负的") == ("浙江",)
    assert table.strangers("我们刘书记天天开会") == ()  # the asker's own colleague
    assert table.strangers("刘书记天天让我们开会") == ()  # a complaint: nobody looked up
    # 钟 of 分钟 before 我们书记: no pronoun is part of a name
    assert table.strangers("领导讲了十几分钟我们书记说要限时") == ()
    assert table.strangers("钟我书记说要限时") == ()
    assert table.strangers("洋湖乡副书记说的") == ()
    assert table.strangers("海港区长期不用的群") == ()  # 长期, not 区长
    assert table.strangers("李主任说的一周一表") == ()  # 李志颖, a slip of the title
    assert _names(table, "王主任说的表格减负") == []  # 主任 here is 王主任, not 央金卓嘎
    assert table.strangers("杨某某是谁") == ("杨某某",)
    assert table.strangers("李志颖是谁") == ()
    # a count of a place itself is a census, not a measure; 几次迎检 is no count of the place
    assert table.strangers("松盘乡有几个村") == ("松盘乡有多少",)
    assert table.strangers("洋湖乡现在有几次迎检") == ()


def test_a_new_article_brings_roles_and_aliases(matcher: Matcher) -> None:
    fact = matcher.kb.facts[0]
    newcomer = replace(
        fact, id="x-new", who="王小明（某省某市新河镇党委书记）", where="某省某市新河镇"
    )
    table = EntityTable([*matcher.kb.facts, newcomer])
    assert _names(table, "新河镇那个书记说的")[0] == "王小明"
    assert _names(table, "王书记讲的")[0] == "王小明"
    assert table.strangers("王书记讲的") == ()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("洋湖乡那个副书记讲的信访会开了多长时间", "meetings-short-speeches"),
        ("那个社区书记说的会议留痕是怎么改的", "meetings-light-records"),
        ("江西那个乡填表少了吗", "forms-weekly-cap"),
        ("齐琳在哪上班", "chat-groups-too-many-pinned"),  # her card says where
    ],
)
def test_person_and_place_questions_get_the_fact_asked_about(
    matcher: Matcher, question: str, expected: str
) -> None:
    result = matcher.match(question)
    assert result.decision == "answer"
    assert expected in _shown(result)[:2] and result.matches[0].fact.id in _shown(result)


@pytest.mark.parametrize(
    "question",
    [
        "敖再生的电话是多少",
        "洋湖乡怎么走",
        "港城大街附近有什么好吃的",
        "段琼今年多大了",
        "刘书记是怎么压缩会议的",
        "樟树市长是谁",
        "段琼是哪里人",  # where she comes from, not where she works: no card says it
        "齐琳是哪儿的人",
        "洋湖乡现在还有没有贫困户",  # the place's own situation, not a measure
    ],
)
def test_asks_no_fact_answers_are_declined(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision == "decline"


def test_a_count_asked_picks_the_fact_giving_it(matcher: Matcher) -> None:
    """海港区清理了多少个群: of the district's facts, the one with the count (190余个)."""
    result = matcher.match("海港区清理了多少个群")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "chat-groups-190-dissolved"


def test_a_place_asked_about_in_general_gets_its_card(matcher: Matcher) -> None:
    """洋湖乡还有啥减负经验 scores low on every fact but asks for nothing else: the card."""
    result = matcher.match("洋湖乡还有啥减负经验")
    assert (result.decision, result.shape) == ("answer", "card")
    assert result.card is not None and result.card.name == "洋湖乡"


def test_a_name_typed_by_sound_is_still_that_person(matcher: Matcher) -> None:
    """段穷 sounds like 段琼: the analyzer reads it as her name, and the question is about her."""
    result = matcher.match("段穷说的街道例会半小时")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "meetings-weekly-half-hour"
    card = matcher.match("敖再升说开会变少了是怎么做到的")
    assert (card.decision, card.shape) == ("answer", "card")
    assert card.card is not None and card.card.name == "敖再生"


def test_the_rest_in_a_title_picks_that_fact(matcher: Matcher) -> None:
    """樟树市洋湖乡的会是怎么开短的: two of the township's facts speak of short meetings; the
    one titled so (开短会、限时发言) comes first."""
    result = matcher.match("樟树市洋湖乡的会是怎么开短的")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "meetings-short-speeches"


def test_a_place_with_nothing_on_what_is_asked_leaves_it_to_the_fact_that_has_it(
    matcher: Matcher,
) -> None:
    """新疆有没有精简工作群的做法: 新疆's facts are about meetings; the groups fact answers."""
    result = matcher.match("新疆有没有精简工作群的做法")
    assert result.decision == "answer"
    assert result.matches[0].fact.topic == "chat-groups"


def test_a_word_only_one_of_their_facts_says_picks_it(matcher: Matcher) -> None:
    """央金卓嘎讲迎检: 讲 only points at what she said; of her three facts, only the joint
    inspections one has her speaking of 迎检 (一个星期至少有3天时间是迎检)."""
    result = matcher.match("央金卓嘎讲迎检")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "inspections-joint"


def test_an_aspect_none_of_their_facts_holds_goes_to_the_fact_that_does(matcher: Matcher) -> None:
    """李志颖说的签字少了 mistakes who said it: none of 李志颖's facts speaks of signatures,
    阿旺群宗's does; that fact answers rather than 李志颖's card."""
    result = matcher.match("李志颖说的签字少了")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "forms-fewer-signatures-photos"


@pytest.mark.parametrize(
    ("question", "theirs"),
    [("水林社区填表有啥变化", "meetings"), ("港城大街那边开会多吗", "chat-groups")],
)
def test_a_topic_none_of_their_facts_is_on_is_not_answered_with_theirs(
    matcher: Matcher, question: str, theirs: str
) -> None:
    """水林社区's facts are about meetings: asked about its forms, the community's name alone
    must not make one of them the answer."""
    result = matcher.match(question)
    assert all(fact.topic != theirs for fact in result.shown), _shown(result)


@pytest.mark.parametrize(
    "question", ["海港区开会怎么减的", "洋湖乡工作群怎么精简的", "昌吉工作群整治得咋样"]
)
def test_what_a_place_did_about_a_topic_none_of_its_facts_is_on_declines(
    matcher: Matcher, question: str
) -> None:
    """海港区's facts are about work groups: how it cut meetings is nothing the article tells,
    and another place's meeting fact would answer as if it were 海港区's; so is how 昌吉's
    groups fared, however narrow the words (整治)."""
    assert matcher.match(question).decision == "decline"


def test_a_measure_looked_for_in_a_place_still_gets_one(matcher: Matcher) -> None:
    """新疆有没有精简工作群的做法 asks for a measure, wherever it was taken."""
    result = matcher.match("新疆有没有精简工作群的做法")
    assert result.decision == "answer"
    assert result.shown[0].topic == "chat-groups"


def test_a_trouble_told_from_a_place_still_gets_a_measure(matcher: Matcher) -> None:
    """洋湖乡群太多怎么办: an asker there wants a measure for groups, from wherever it comes."""
    result = matcher.match("洋湖乡群太多怎么办")
    assert result.decision == "answer"
    assert result.matches[0].fact.topic == "chat-groups"


def test_a_yes_or_no_how_much_adds_no_word(matcher: Matcher) -> None:
    """洋湖乡检查多不多: 多不多 only asks; the township's inspection facts answer."""
    result = matcher.match("洋湖乡检查多不多")
    assert result.decision == "answer"
    assert result.matches[0].fact.topic == "inspections"


def test_a_place_below_a_known_one_that_the_facts_do_not_name_is_a_stranger(
    matcher: Matcher, table: EntityTable
) -> None:
    """秦皇岛北戴河区 is not 海港区: 秦皇岛's card would tell of a neighbour."""
    assert table.strangers("秦皇岛北戴河区怎么精简群的") == ("北戴河区",)
    assert matcher.match("秦皇岛北戴河区怎么精简群的").decision == "decline"
    # a known place below, a slip of its level or of its name, a kind of place, one the
    # facts tell of in passing, and other places in general are no strangers
    for question in (
        "秦皇岛海港区", "樟树县洋湖乡", "樟树市杨湖乡", "林周县的贫困村", "西藏农牧区报销",
        "樟树市其他乡镇怎么做的",
    ):  # fmt: skip
        assert table.strangers(question) == (), question


def test_a_district_the_question_opens_with_under_no_known_place_is_a_stranger(
    matcher: Matcher, table: EntityTable
) -> None:
    """成都武侯区 is under no place the facts name: 海港区's card would pretend to be about it."""
    assert table.strangers("成都武侯区工作群整治") == ("成都武侯区",)
    assert table.strangers("请问成都市武侯区工作群整治") == ("成都市武侯区",)
    assert matcher.match("成都武侯区工作群整治").decision == "decline"
    # a city alone may hold a place the facts name (宜春市 holds 樟树市); a verb and a level
    # word (下乡, 村里签), a region and the asker's own place are no places
    for question in (
        "宜春市的扶贫检查", "检查组下乡能不能多入户", "一张表要村里签", "俺们乡干部整天开会",
        "少数民族地区填表多", "老城区开会多", "樟树市洋湖乡怎么开会",
    ):  # fmt: skip
        assert table.strangers(question) == (), question


def test_asking_how_they_cut_it_down_puts_what_they_did_before_what_to_avoid(
    matcher: Matcher,
) -> None:
    """河北那边工作群怎么减的 asks what was done: 海港区's dissolved groups, not the list of
    habits to avoid; 港城大街工作群太多 asks about the trouble itself, and keeps it first."""
    for question in ("河北那边工作群怎么减的", "齐琳那边群怎么减的"):
        result = matcher.match(question)
        assert result.decision == "answer", question
        assert _shown(result)[0] != "chat-groups-too-many-pinned", question
    assert _shown(matcher.match("港城大街工作群太多"))[0] == "chat-groups-too-many-pinned"


def test_a_grassroots_role_nobody_in_the_article_holds_is_a_stranger(
    matcher: Matcher, table: EntityTable
) -> None:
    """网格员有没有在文章里讲话的 looks for someone the article does not have: not 讲话 at a
    meeting. A role in a complaint, passed on or the asker's own, stays a question."""
    assert table.strangers("网格员有没有在文章里讲话的") == ("网格员",)
    assert matcher.match("网格员有没有在文章里讲话的").decision == "decline"
    for question in ("村支书说开会太多怎么办", "那个村支书天天让我们开会", "我是网格员，群太多了"):
        assert table.strangers(question) == (), question
        assert matcher.match(question).decision == "answer", question


def test_a_name_whose_rest_is_typed_by_sound_is_the_whole_name(table: EntityTable) -> None:
    """阿旺群总: 阿旺 typed right and 群宗 by sound is 阿旺群宗 mistyped, not 阿旺 and a group."""
    assert table.find_all("阿旺群总")[0][1] == ("阿旺群总",)
    assert table.find_all("阿旺群里说啥")[0][1] == ("阿旺",)
