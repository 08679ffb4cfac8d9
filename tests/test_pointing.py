"""A question pointing at someone in the article by what they did or how they look, and the
asks about a person that their card answers."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.pointing import points_at_person, without_card_asks


@pytest.mark.parametrize(
    "text",
    [
        "说群太多的那个女干部",
        "那个年轻的专干",
        "扶贫办那位讲的",
        "讲暗访的那个",
        "讲暗访的那个是谁",
    ],
)
def test_a_person_pointed_at(text: str) -> None:
    assert points_at_person(text)


@pytest.mark.parametrize("text", ["那个会推到下周了", "那个表什么时候交", "那个检查组几号来"])
def test_one_meeting_or_form_is_no_person(text: str) -> None:
    assert not points_at_person(text)


def test_card_asks_leave_what_is_asked_of_their_facts() -> None:
    assert without_card_asks("段琼她们那儿后来开会咋样", "person", "段琼").split() == [
        "段琼",
        "开会咋样",
    ]
    # the person's name asked for is on the card; someone else's name is not
    assert "叫" not in without_card_asks("水林社区的段琼叫啥", "person", "段琼")
    assert "叫什么" in without_card_asks("李志颖帮的贫困户叫什么", "person", "李志颖")
    # where a place is lies outside its card
    assert "在哪" in without_card_asks("洋湖乡在哪", "place", "洋湖乡")


def test_a_deed_pointing_at_someone_is_no_occasion(matcher: Matcher) -> None:
    """那个 beside a person is not one meeting (那个会推到下周了): the fact they stand for."""
    result = matcher.match("讲群多到要置顶的那个女干部")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "chat-groups-too-many-pinned"
    assert matcher.match("那个会推到下周了吗").decision == "decline"


def test_a_description_of_the_person_is_no_word_we_lack(matcher: Matcher) -> None:
    result = matcher.match("林周县那个年轻的副主任")
    assert (result.decision, result.shape) == ("answer", "card")
    assert result.card is not None and result.card.name == "央金卓嘎"


def test_a_follow_up_on_someone_gets_their_card(matcher: Matcher) -> None:
    result = matcher.match("段书记她们那后来咋样了")
    assert (result.decision, result.shape) == ("answer", "card")
    assert result.card is not None and result.card.name == "段琼"


def test_a_role_asked_for_a_name_gets_the_card(matcher: Matcher) -> None:
    result = matcher.match("扶贫办副主任叫啥名字")
    assert result.card is not None and result.card.name == "央金卓嘎"


def test_a_role_before_the_passage_asked_for_points_at_the_person(matcher: Matcher) -> None:
    result = matcher.match("社区书记那段讲的会议记录")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "meetings-light-records"


def test_a_name_in_pinyin_is_that_person(matcher: Matcher) -> None:
    result = matcher.match("duan qiong")
    assert (result.decision, result.shape) == ("answer", "card")
    assert result.card is not None and result.card.name == "段琼"


def test_a_surname_said_outright_or_with_anyones_title_names_them(matcher: Matcher) -> None:
    def names(question: str) -> list[str]:
        return [entity.name for entity, _ in matcher.entities.find(question)]

    assert names("有个姓敖的副书记") == ["敖再生"]
    assert names("齐同志讲的群")[:1] == ["齐琳"]
    assert names("姓王的书记说的") == []


@pytest.mark.parametrize("question", ["齐琳讲没讲检查", "段琼说过填表吗"])
def test_a_topic_someone_never_spoke_of_is_not_answered_with_others_words(
    matcher: Matcher, question: str
) -> None:
    """Another person's fact on that topic would put words in their mouth."""
    assert matcher.match(question).decision == "decline"


def test_words_misattributed_still_get_the_fact_that_says_them(matcher: Matcher) -> None:
    result = matcher.match("李志颖说的签字少了")
    assert result.matches[0].fact.id == "forms-fewer-signatures-photos"


def test_a_person_described_by_their_people_is_still_that_person(matcher: Matcher) -> None:
    result = matcher.match("松盘乡那个藏族专干后来咋样")
    assert result.card is not None and result.card.name == "阿旺群宗"
    # an autonomous prefecture's name keeps its people
    assert "回族自治州" in without_card_asks("昌吉回族自治州会开得短吗", "place", "")
    assert matcher.match("阿旺群宗是哪个民族").decision == "decline"
