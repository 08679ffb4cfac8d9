"""The speller reads a stretch with one typo that is no homophone as the one word meant."""

from __future__ import annotations

from bot.search.pieces import Piece
from bot.search.sound import NearSounds, build_tables
from bot.search.spelling import SPELLING_WEIGHT, Speller

WORDS = [
    ("工作群", "工作群"),
    ("工作", "工作"),
    ("准备", "准备"),
    ("签字", "签字"),
    ("会议", "会议"),
]
FREQUENCY = {"会议": 100_000, "议会": 2_000, "展开": 50_000, "开展": 60_000}


def _speller(words: list[tuple[str, str]] = WORDS, real: frozenset[str] = frozenset()) -> Speller:
    return Speller(
        [*words, ("开展", "开展")],
        curated={"会议", "开展"},
        frequency=lambda word: FREQUENCY.get(word, 0),
        real_word=lambda word: word in real or word in FREQUENCY,
    )


def test_a_missing_character_inside_a_word() -> None:
    """工群 is 工作群 with 作 left out."""
    assert _speller().correct("工群") == ("工作群", "工作群")


def test_two_characters_swapped_and_one_doubled() -> None:
    """备准 is 准备 swapped round; 签字字 is 签字 with a character too many."""
    assert _speller().correct("备准") == ("准备", "准备")
    assert _speller().correct("签字字") == ("签字", "签字")


def test_a_compound_without_its_last_character_is_no_typo() -> None:
    """钉钉 is a word of its own, not 钉钉群 with 群 missing."""
    assert _speller([("钉钉群", "工作群")]).correct("钉钉") is None


def test_a_stretch_that_could_be_two_words_stays_unknown() -> None:
    """工群 could be 工作群 or 工人群: no guess."""
    assert _speller([("工作群", "工作群"), ("工人群", "工人群")]).correct("工群") is None


def test_a_real_word_is_never_shortened() -> None:
    """会议室 is a word of the language: it is never 会议 with a character too many."""
    assert _speller(real=frozenset({"会议室"})).correct("会议室") is None


def test_a_real_word_is_swapped_only_into_a_much_commoner_curated_word() -> None:
    """议会 is rare beside 会议, a curated word: a typo. 展开 is as common as 开展: no typo."""
    assert _speller().correct("议会") == ("会议", "会议")
    assert _speller().correct("展开") is None


def test_a_stretch_a_letter_away_in_sound_is_asked_last() -> None:
    """When no character typo explains a stretch, the sound check gets the last word."""
    heard = {"解撒": ("解散", "解散")}
    speller = Speller(WORDS, sounds_near=heard.get)
    assert speller.correct("解撒") == ("解散", "解散")
    assert speller.correct("备准") == ("准备", "准备")  # a swap is found first


def test_near_sounds_are_one_letter_in_one_syllable_and_unique() -> None:
    """解撒 (jie sa) is 解散 (jie san); two words one letter away are no answer."""
    one = NearSounds(build_tables([("解散", "解散", "term")]))
    assert one("解撒") == ("解散", "解散")
    assert one("借伞") is None  # jie san exactly: a homophone, found elsewhere
    assert one("写撒") is None  # two syllables off
    two = NearSounds(build_tables([("解散", "解散", "term"), ("解沙", "解沙", "term")]))
    assert two("解撒") is None  # sa is a letter from san and from sha: no guess


def test_respell_turns_unknown_stretches_into_weak_terms() -> None:
    """Only unknown stretches change, and at the speller's low weight."""
    pieces = [Piece("工群", "unknown"), Piece("太多", "stop"), Piece("打印机", "unknown")]
    respelled = _speller().respell(pieces)
    assert respelled[0] == Piece("工群", "term", "工作群", SPELLING_WEIGHT)
    assert respelled[1:] == pieces[1:]


def test_a_word_and_the_character_after_it_may_sound_a_letter_away_from_a_longer_word() -> None:
    """工作 + 郡 (gong zuo jun) is 工作群 (gong zuo qun); a lone 郡 after a stopword stays."""
    near = NearSounds(build_tables([("工作群", "工作群", "term"), ("工作", "工作", "term")]))
    speller = Speller(WORDS, sounds_near=near)
    pieces = [Piece("工作", "term", "工作"), Piece("郡", "unknown"), Piece("太多", "stop")]
    respelled = speller.respell(pieces)
    assert respelled == [Piece("工作郡", "term", "工作群", SPELLING_WEIGHT), pieces[2]]
    alone = [Piece("太多", "stop"), Piece("郡", "unknown")]
    assert speller.respell(alone) == alone
