"""个 between a verb and its object (盖个章) is dropped where the two make a known word."""

from __future__ import annotations

from bot.search.classifiers import Classifiers
from bot.search.matcher import Matcher

WORDS = Classifiers(["盖章", "开会", "拍照", "建群", "开短会", "一会", "这表"])


def test_a_measure_word_between_verb_and_object_goes() -> None:
    assert WORDS.joined("挨个盖个章签字") == "挨个盖章签字"
    assert WORDS.joined("每次都要开个会拍个照") == "每次都要开会拍照"
    assert WORDS.joined("开个短会就行") == "开短会就行"


def test_a_measure_word_after_a_number_or_pointer_stays() -> None:
    # 一个会 is one meeting (一会 would be a moment); 这个表 points at one form
    assert WORDS.joined("就一个会") == "就一个会"
    assert WORDS.joined("这个表") == "这个表"
    assert WORDS.joined("三个群") == "三个群"


def test_an_unknown_pair_keeps_its_measure_word() -> None:
    assert WORDS.joined("找个人签字") == "找个人签字"
    assert WORDS.joined("个个都忙") == "个个都忙"


def test_a_form_stamped_in_spoken_words_is_answered(matcher: Matcher) -> None:
    result = matcher.match("一张申请单要村里、驻村队、乡里挨个盖个章签字")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "forms-fewer-signatures-photos"
