"""Tone numbers typed after pinyin (hui4yi4 tai4 duo1) pick among words that sound alike."""

from __future__ import annotations

import pytest

from bot.search.matcher import Matcher
from bot.search.normalize import normalize, without_tone_numbers
from bot.search.sound import Unit, build_tables, hear
from bot.search.tones import (
    NO_TONES,
    ToneMap,
    current_tones,
    read_with_tones,
    tones_agree,
    tones_of,
    tones_typed,
    typed_tones,
)


def test_tones_are_kept_by_the_word_as_it_reads_without_them() -> None:
    tones = typed_tones("sha2shi2hou4 shi4 ge4tou2, zen3me ban4")
    found = dict(tones)
    assert found["shashihou"] == (("sha", 2), ("shi", 2), ("hou", 4))
    assert found["zenme"] == (("zen", 3), ("me", 0))  # a neutral syllable typed bare
    assert "ban" in found and found["ban"] == (("ban", 4),)


def test_a_question_without_tone_numbers_has_no_tones() -> None:
    assert typed_tones("huiyi tai duo 怎么办") == NO_TONES
    assert typed_tones("会议太多了") == NO_TONES


def test_tone_numbers_are_dropped_only_when_two_syllables_carry_one() -> None:
    """hui4yi4 is pinyin with tones; a lone wifi6 or qq2 keeps its digit."""
    assert without_tone_numbers("Hui4yi4 tai4 duo1") == "Huiyi tai duo"
    assert without_tone_numbers("wen4ti2 1: kai1hui4") == "wenti 1: kaihui"
    assert without_tone_numbers("qq2群") == "qq2群"
    assert normalize("hui4yi4 tai4 duo1") == "huiyi tai duo"


def test_tones_of_a_token_follow_its_syllables() -> None:
    tones = typed_tones("tong1zhi1 hui4")
    assert tones_of("tongzhi", ("tong", "zhi"), tones) == (1, 1)
    assert tones_of("tongzhi", ("tongzhi",), tones) == (0,)  # split otherwise: no tones
    assert tones_of("kaihui", ("kai", "hui"), tones) == (0, 0)  # typed without tones


@pytest.mark.parametrize(
    ("word", "tones", "agree"),
    [
        ("通知", (1, 1), True),
        ("同志", (1, 1), False),  # tong2 zhi4
        ("会", (2,), False),  # hui4 (or kuai4), never hui2
        ("会", (0,), True),  # no tone typed: any
        ("长", (3,), True),  # zhang3 as well as chang2
        ("一个", (2, 4), True),  # 一 changes its tone with the next syllable
        ("怎么", (3, 5), True),  # the neutral tone
        ("会议", (4,), True),  # not one tone a character: nothing compared
    ],
)
def test_a_word_agrees_with_the_tones_its_characters_may_carry(
    word: str, tones: tuple[int, ...], agree: bool
) -> None:
    assert tones_agree(word, tones) is agree


def test_a_reading_against_the_tones_typed_is_passed_over() -> None:
    tables = build_tables([("同志", None, "stop"), ("通知", "通知", "term")])
    toneless = [Unit("tong", True), Unit("zhi", True, opens=False)]
    found = hear(tables, toneless)
    assert found is not None and found[0].word == "同志"  # the earlier entry wins, toneless
    toned = [Unit("tong", True, tone=1), Unit("zhi", True, opens=False, tone=1)]
    assert hear(tables, toned) is None  # 同志 is tong2 zhi4, and 通知 never reads tong zhi first


def test_the_tones_are_set_while_a_question_is_read_and_gone_after() -> None:
    class Reader:
        def __init__(self) -> None:
            self.seen: list[tuple[str, ToneMap]] = []

        @read_with_tones
        def read(self, question: str) -> str:
            self.seen.append((question, current_tones()))
            return question

    reader = Reader()
    assert reader.read("tong1zhi1 fa1 le") == "tongzhi fa le"
    assert dict(reader.seen[0][1])["tongzhi"] == (("tong", 1), ("zhi", 1))
    assert current_tones() == NO_TONES
    with tones_typed(typed_tones("hui4yi4 duo1")):
        assert current_tones() != NO_TONES
    assert current_tones() == NO_TONES


def test_toned_pinyin_is_read_as_the_same_pinyin_without_tones(matcher: Matcher) -> None:
    """yi2ge4 is 一个: no count 2 for the number readers, and wen4ti2 1 no list mark 21."""
    toned = matcher.match("hui4yi4 tai4 duo1 le zen3me ban4")
    plain = matcher.match("huiyi tai duo le zenme ban")
    assert toned.decision == plain.decision == "answer"
    assert [m.fact.id for m in toned.matches[:1]] == [m.fact.id for m in plain.matches[:1]]


def test_a_tone_keeps_a_homophone_out_of_the_reading(matcher: Matcher) -> None:
    """hao3ji3hui2: hui2 is 回, not 会 (a meeting) as the toneless hui would be read."""
    with tones_typed(typed_tones("gai3le hao3ji3hui2")):
        toned = matcher.analyzer.analyze("gaile haojihui")
    plain = matcher.analyzer.analyze("gaile haojihui")
    assert "会议" in {t.term for t in plain.terms}
    assert "会议" not in {t.term for t in toned.terms}
