"""个 between a verb and its object (盖个章) is dropped where the two make a known word."""

from __future__ import annotations

from bot.search.classifiers import Classifiers, after_count_said_again, more_than_a_number
from bot.search.matcher import Matcher

WORDS = Classifiers(["盖章", "开会", "拍照", "建群", "开短会", "一会", "这表", "会议"])


def test_a_measure_word_between_verb_and_object_goes() -> None:
    assert WORDS.joined("挨个盖个章签字") == "挨个盖章签字"
    assert WORDS.joined("每次都要开个会拍个照") == "每次都要开会拍照"
    assert WORDS.joined("开个短会就行") == "开短会就行"


def test_a_measure_word_after_a_number_or_pointer_stays() -> None:
    # 一个会 is one meeting (一会 would be a moment); 这个表 points at one form
    assert WORDS.joined("就一个会") == "就一个会"
    assert WORDS.joined("这个表") == "这个表"
    assert WORDS.joined("三个群") == "三个群"


def test_a_count_between_verb_and_object_moves_after_them() -> None:
    assert WORDS.joined("从村里到乡里要盖四五个章") == "从村里到乡里要盖章四五个"
    assert WORDS.joined("一个月建了十几个群") == "一个月建群了十几个"
    # 会 goes on into 会议: 开会 is not what was said
    assert WORDS.joined("开好几个会议") == "开好几个会议"
    # counts in digits are left to number asks (清了190个群)
    assert WORDS.joined("盖190个章") == "盖190个章"


def test_a_count_after_a_period_stays_before_what_it_counts() -> None:
    """一周五个会 is five meetings a week: 周 is no verb, and 周会 (the routine meeting) was never
    said; moved, it read 一周会五个, cut 一/周会/五个."""
    words = Classifiers(["周会", "月会", "开会"])
    assert words.joined("一周五个会") == "一周五个会"
    assert words.joined("一个月三个会") == "一个月三个会"
    assert words.joined("一周开五个会") == "一周开会五个"  # the verb said still takes it


def test_meetings_counted_in_a_week_are_how_many_meetings(matcher: Matcher) -> None:
    assert matcher.prepare("一周五个会").ranked[0].fact.id == "meetings-twice-a-month"


def test_an_unknown_pair_keeps_its_measure_word() -> None:
    assert WORDS.joined("找个人签字") == "找个人签字"
    assert WORDS.joined("个个都忙") == "个个都忙"


def test_a_form_stamped_in_spoken_words_is_answered(matcher: Matcher) -> None:
    for question in ("一张申请单要村里、驻村队、乡里挨个盖个章签字", "村民办一件事要盖四五个章"):
        result = matcher.match(question)
        assert result.decision == "answer"
        assert result.matches[0].fact.id == "forms-fewer-signatures-photos"


def test_a_count_said_again_stays_where_it_is() -> None:
    # 会一个接一个地开 is one meeting after another: no count between 会 and 接 (会接 a word)
    words = Classifiers(["会接", "表一", "群一"])
    assert words.joined("会一个接一个地开") == "会一个接一个地开"
    assert words.joined("会一个又一个") == "会一个又一个"
    assert words.joined("表一个一个地填") == "表一个一个地填"
    # a count said once still moves (盖四五个章 → 盖章四五个)
    assert WORDS.joined("要盖四五个章") == "要盖章四五个"


def test_an_adverbial_after_a_count_said_again_is_cut_off_its_verb() -> None:
    assert after_count_said_again(["群", "一个", "接", "一个", "地建", "，"]) == (
        ["群", "一个", "接", "一个", "地", "建", "，"],
        {4},
    )
    assert after_count_said_again(["表", "一张", "一张", "地填"]) == (
        ["表", "一张", "一张", "地", "填"],
        {3},
    )
    assert after_count_said_again(["会", "一个", "又", "一个", "地", "开"])[1] == {4}
    # 地 anywhere else is read as written (地方, 实地): no count said again before it
    for tokens in (["这个", "地方"], ["一个", "地方"], ["一个", "接", "两个", "地建"]):
        assert after_count_said_again(tokens) == (tokens, frozenset())


def test_groups_built_one_after_another_are_no_doubt(matcher: Matcher) -> None:
    # 地建 (a word the facts never use) left 群 and 接, which 检查一个接一个 and 一个会接一个会
    # say as well: a doubt between topics; 建 read, the groups built are the question
    question = "群一个接一个地建，哪里管住了"
    analysis = matcher.analyzer.analyze(matcher.analyzer.spelled(question))
    assert "建" in {t.term for t in analysis.terms}
    assert not analysis.unknown or analysis.unknown == ("，",)
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.matches[0].fact.topic == "chat-groups"


def test_more_than_a_number_is_part_of_the_count() -> None:
    """20 多张: 多 and a measure word after a number; 多长 or a word before no number are not."""
    assert more_than_a_number(["拍", "了", " ", "20", " ", "多张", "照片"], 5)
    assert not more_than_a_number(["会", "开", "多长"], 2)
    assert not more_than_a_number(["好", "多张"], 1)


def test_a_count_of_photos_names_no_meeting_length(matcher: Matcher) -> None:
    """二十多张 was heard as 多长 (how long): the meetings' length beside a burden of photos."""
    prepared = matcher.prepare("走访一户要拍三十多张照片")
    assert "时长" not in {t.term for t in prepared.analysis.terms}
    assert "meetings" not in prepared.topics_named
    assert "时长" in {t.term for t in matcher.prepare("会开多长").analysis.terms}
