"""Two or three people or places in one question, a role several people hold, and places the
facts do not name: one card each in one reply, or a decline, never somebody else's card."""

from __future__ import annotations

import pytest

from bot.answer.render import SAFE_LIMIT, Renderer
from bot.search.matcher import Matcher
from bot.search.normalize import normalize
from bot.search.together import apart


def _cards(matcher: Matcher, question: str) -> list[str]:
    result = matcher.match(question)
    assert result.decision == "answer" and result.shape == "card" and result.card is not None
    return [card.name for card in (result.card, *result.joined)]


def test_a_place_holding_a_person_named_is_the_same_mention(matcher: Matcher) -> None:
    text = normalize("洋湖乡的李志颖和海港区港城大街的齐琳")
    found = matcher.entities.find_all(text)
    assert [e.name for e, _ in apart(found, text)] == ["李志颖", "齐琳"]


def test_two_places_get_a_card_each_in_the_order_asked(matcher: Matcher) -> None:
    assert _cards(matcher, "洋湖乡和海港区都是怎么做的") == ["洋湖乡", "海港区"]
    result = matcher.match("洋湖乡和海港区都是怎么做的")
    places = {f.where for f in result.shown}
    assert any("洋湖乡" in w for w in places) and any("海港区" in w for w in places)
    assert result.matches[0].fact == result.shown[0]  # matches[0] is the fact shown first


def test_two_people_on_different_topics_each_bring_theirs(matcher: Matcher) -> None:
    assert _cards(matcher, "段琼和齐琳的变化") == ["段琼", "齐琳"]
    topics = {f.topic for f in matcher.match("段琼和齐琳的变化").shown}
    assert {"meetings", "chat-groups"} <= topics


def test_a_role_two_people_hold_offers_both(matcher: Matcher) -> None:
    assert _cards(matcher, "扶贫专干说了啥") == ["阿旺群宗", "李志颖"]
    assert _cards(matcher, "两个扶贫专干说的有啥区别") == ["阿旺群宗", "李志颖"]


@pytest.mark.parametrize(
    "question",
    [
        "我这个扶贫专干成了填表专干",  # the asker holds the role
        "书记说要每天报表",  # anyone's boss
        "扶贫专干填表的事",  # a role in general
    ],
)
def test_a_role_not_pointed_at_names_nobody_in_the_article(matcher: Matcher, question: str) -> None:
    assert matcher.entities.holders(normalize(question)) == []


def test_a_place_placed_by_a_role_narrows_it_to_one(matcher: Matcher) -> None:
    result = matcher.match("洋湖乡的扶贫专干说了啥")
    assert not result.joined
    assert all(f.who.startswith("李志颖") for f in result.shown)


def test_what_only_one_of_them_did_is_theirs_alone(matcher: Matcher) -> None:
    result = matcher.match("李志颖和阿旺群宗签字拍照的事谁说的")
    assert result.shown[0].id == "forms-fewer-signatures-photos" and not result.joined
    inspections = matcher.match("齐琳和央金卓嘎谁讲的检查")
    assert inspections.shown and all(f.who.startswith("央金卓嘎") for f in inspections.shown)


def test_asking_them_what_no_fact_holds_declines(matcher: Matcher) -> None:
    assert matcher.match("齐琳和阿旺群宗哪个年纪大").decision == "decline"
    assert matcher.match("敖再生和段琼谁的电话").decision == "decline"


def test_joined_cards_render_as_one_message_in_the_order_shown(matcher: Matcher) -> None:
    result = matcher.match("洋湖乡和海港区都是怎么做的")
    reply = Renderer(matcher.kb).result(result, matcher)
    assert reply.facts == result.shown
    assert reply.text.index("洋湖乡") < reply.text.index("海港区")
    assert len(reply.html) <= SAFE_LIMIT
    buttons = [b.arg for row in reply.buttons for b in row if b.action == "fact"]
    assert buttons == [f.id for f in result.shown]


@pytest.mark.parametrize(
    ("question", "stranger"),
    [
        ("林芝市的做法", "林芝市"),  # a city alone, under no place the facts name
        ("武侯区开会咋减的", "武侯区"),  # a district jieba does not tag as a place
        ("喀什地区开会", "喀什地区"),
        ("网格员讲过工作群吗", "网格员"),  # a role nobody holds, asked what they said
        ("县委书记有没有讲话", "县委书记"),
        ("赵乡长对检查咋看", "赵乡长"),
    ],
)
def test_strangers_are_declined(matcher: Matcher, question: str, stranger: str) -> None:
    assert stranger in matcher.entities.strangers(matcher.analyzer.spelled(normalize(question)))
    assert matcher.match(question).decision == "decline"


@pytest.mark.parametrize(
    "question",
    [
        "宜春市的扶贫检查现在还多吗",  # the facts tell of 宜春市
        "大城市开会是不是少一些",  # 城市 is a kind of town
        "检查组下乡太频繁",  # no place at all
        "村支书说开会太多",  # a complaint passed on
        "海港区整群，水林社区开会",  # two known places, not one unknown
    ],
)
def test_no_stranger_where_none_is_named(matcher: Matcher, question: str) -> None:
    assert matcher.entities.strangers(matcher.analyzer.spelled(normalize(question))) == ()


def test_several_topics_of_one_person_are_theirs(matcher: Matcher) -> None:
    """央金卓嘎说的数据和检查: each topic's fact is hers where she has one on it."""
    result = matcher.match("央金卓嘎说的数据和检查")
    assert result.shape == "several"
    assert {f.topic for f in result.shown} == {"forms", "inspections"}
    assert all(f.who.startswith("央金卓嘎") for f in result.shown)
    assert result.matches[0].fact == result.shown[0]


@pytest.mark.parametrize(
    "question",
    [
        "水林社区开会，港城大街建群，都有啥变化",  # 建群 is weaker than 开会, read whole
        "港城大街建群，水林社区开会，都有啥变化",
    ],
)
def test_each_place_is_asked_what_follows_its_name(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.card is not None and len(result.joined) == 1
    topics = {card.name: {f.topic for f in card.facts} for card in (result.card, *result.joined)}
    assert topics == {"水林社区": {"meetings"}, "港城大街": {"chat-groups"}}
