"""The speller reads a stretch with one typo that is no homophone as the one word meant."""

from __future__ import annotations

from bot.search.glyphs import look_alikes, reshaped
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
    assert NearSounds(build_tables([("不超", "不超", "term")]))("不好") is None  # chao/hao
    assert NearSounds(build_tables([("知道", "知道", "term")]))("资道") == ("知道", "知道")
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


def test_look_alikes_go_both_ways_and_reshape_one_character_at_a_time() -> None:
    """杳 is mistaken for 查 and 查 for 杳; each reshaping changes exactly one character."""
    assert "查" in look_alikes("杳") and "杳" in look_alikes("查")
    assert look_alikes("的") == frozenset()
    variants = reshaped("检杳")
    assert "检查" in variants and "捡杳" in variants
    assert all(sum(a != b for a, b in zip(v, "检杳", strict=True)) == 1 for v in variants)


def test_a_look_alike_character_is_read_as_the_one_word_it_makes() -> None:
    """签宇 is 签字 (宇 for 字); a real word is never reshaped (宇宙 stays itself)."""
    speller = _speller(real=frozenset({"宇宙"}))
    assert speller.correct("签宇") == ("签字", "签字")
    assert speller.correct("宇宙") is None
    assert speller.correct("签宙") is None  # no look-alike makes a known word


def test_two_words_by_look_alikes_are_no_answer() -> None:
    """A stretch that two look-alike swaps turn into two different words stays unknown."""
    assert Speller([("检查", "检查")]).correct("俭查") == ("检查", "检查")
    both = Speller([("检查", "检查"), ("捡查", "捡查")])
    assert both.correct("俭查") is None  # 检查 or 捡查: no guess


def test_a_word_and_a_look_alike_character_after_it_make_a_longer_word() -> None:
    """检查 + 纽 is 检查组 (纽 for 组), weakly; with no longer word it stays unknown."""
    speller = Speller([("检查组", "检查组"), ("检查", "检查")])
    pieces = [Piece("检查", "term", "检查"), Piece("纽", "unknown")]
    assert speller.respell(pieces) == [Piece("检查纽", "term", "检查组", SPELLING_WEIGHT)]
    lone = [Piece("检查", "term", "检查"), Piece("乙", "unknown")]
    assert speller.respell(lone) == lone


def test_a_count_is_no_slip_for_a_word_a_letter_away() -> None:
    """三趟 (san tang) counts trips; it is no slip for 三方 (san fang), nor 两回 for anything."""
    speller = Speller([("三方", "第三方评估")], sounds_near=lambda text: ("三方", "第三方评估"))
    assert speller.correct("三趟") is None
    assert speller.correct("两回") is None
    assert speller.correct("三芳") == ("三方", "第三方评估")  # no count: still a slip
