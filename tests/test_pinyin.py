"""Pinyin keys: Chinese text and Latin pinyin meet as one toneless, optionally accent-folded key."""

from __future__ import annotations

import pytest
from pypinyin import lazy_pinyin

from bot.kb import load_kb
from bot.search.pinyin import (
    CJK_ONLY,
    LATIN,
    all_pinyin_keys,
    forget_texts_read,
    fuzzy_syllable,
    is_stop_syllable,
    pinyin_key,
    split_pinyin,
    toneless_syllables,
)
from bot.search.sound import Heard, Unit, best_reading, build_tables, commoner_first, hear


@pytest.mark.parametrize(
    ("syllable", "folded"),
    [
        ("zhang", "zan"),  # zh → z and ang → an
        ("cheng", "cen"),  # ch → c and eng → en
        ("shi", "si"),  # 十 and 四 meet
        ("lin", "nin"),  # l → n
        ("xing", "xin"),  # ing → in
        ("nan", "nan"),  # already folded: unchanged
        ("fa", "hua"),  # f heard as hu: 发言 said 花言
        ("fang", "huan"),  # f → hu, then ang → an
        ("feng", "hong"),  # 冯 and 红 meet
        ("hui", "hui"),  # hu syllables are what f folds into: unchanged
        ("a", "a"),
    ],
)
def test_fuzzy_syllable_folds_what_accents_mix_up(syllable: str, folded: str) -> None:
    assert fuzzy_syllable(syllable) == folded


def test_chinese_and_latin_meet_in_one_key() -> None:
    """检查 and `jian cha` give the same key; fuzzy folding is on unless asked otherwise."""
    assert pinyin_key("检查", fuzzy=False) == pinyin_key("jian cha", fuzzy=False) == "jian cha"
    assert pinyin_key("检查") == "jian ca"
    assert pinyin_key("表哥", fuzzy=False) == pinyin_key("表格", fuzzy=False) == "biao ge"


def test_accent_folding_makes_near_sounds_equal() -> None:
    """四 (si) and 十 (shi) differ exactly, agree once folded."""
    assert pinyin_key("四", fuzzy=False) != pinyin_key("十", fuzzy=False)
    assert pinyin_key("四") == pinyin_key("十")
    assert pinyin_key("花言") == pinyin_key("发言")  # f and hu, as Hunan and Fujian say them


def test_every_reading_of_a_heteronym() -> None:
    """模板 is read mu ban or mo ban; both must find it."""
    assert {"mu ban", "mo ban"} <= all_pinyin_keys("模板", fuzzy=False)
    assert "zan" in all_pinyin_keys("长", fuzzy=True)  # zhang, folded
    assert "can" in all_pinyin_keys("长", fuzzy=True)  # chang, folded


def test_readings_stay_bounded_for_long_words() -> None:
    """Alternatives multiply per character; the combinations are capped."""
    keys = all_pinyin_keys("长行重还都", fuzzy=False)  # five heteronyms in a row
    assert 1 < len(keys) <= 17  # the usual reading plus at most 16 combinations


@pytest.mark.parametrize(
    ("letters", "syllables"),
    [
        ("jianchazu", ("jian", "cha", "zu")),
        ("gongzuoqun", ("gong", "zuo", "qun")),
        ("xian", ("xian",)),  # one long syllable beats xi + an
        ("taizhang", ("tai", "zhang")),
    ],
)
def test_split_pinyin_finds_the_syllables(letters: str, syllables: tuple[str, ...]) -> None:
    assert split_pinyin(letters) == syllables


@pytest.mark.parametrize("letters", ["xyz", "qqq", "jianv"])
def test_split_pinyin_refuses_what_is_not_pinyin(letters: str) -> None:
    assert split_pinyin(letters) is None


def test_stop_syllables_come_from_single_character_stopwords() -> None:
    """Latin le and ma are the particles 了 and 吗; de is not a stopword here."""
    stopwords = frozenset({"了", "吗", "怎么办"})
    assert is_stop_syllable("le", stopwords)
    assert is_stop_syllable("ma", stopwords)
    assert not is_stop_syllable("de", stopwords)
    assert not is_stop_syllable("zen", stopwords)  # only one-character stopwords count


def test_script_patterns() -> None:
    assert CJK_ONLY.match("表格")
    assert not CJK_ONLY.match("表格a")
    assert LATIN.match("jiancha")
    assert not LATIN.match("Jiancha")  # normalised text is lower case already
    assert not LATIN.match("jian cha")


def test_a_run_is_read_as_the_words_that_explain_most_of_it() -> None:
    """qun tai duo: 群 + 太多 explains all three syllables surely; 群能 (能 read as tai, an
    odd reading) + 多 would be the greedy reading from the left."""
    tables = build_tables([("太多", None, "stop"), ("群", "群", "term"), ("群能", "群能", "term")])
    units = [Unit(s, latin=True) for s in ("qun", "tai", "duo")]
    windows = [(start, end, found[0].word if found else None)
               for start, end, found in best_reading(tables, units)]  # fmt: skip
    assert windows == [(0, 1, None), (1, 3, "太多")]


def test_a_syllable_both_words_could_take_goes_to_the_stopword() -> None:
    """biao tai duo: 表态 + 多 and 表 + 太多 explain as much; the stopword takes tai."""
    tables = build_tables([("太多", None, "stop"), ("表态", "发言", "term")])
    units = [Unit(s, latin=True) for s in ("biao", "tai", "duo")]
    windows = [(start, end, found[0].word if found else None)
               for start, end, found in best_reading(tables, units)]  # fmt: skip
    assert windows == [(0, 1, None), (1, 3, "太多")]


def test_usual_readings_win_over_rare_ones_and_cues_come_last() -> None:
    """mo ban is a rare reading of 模板 and the usual one of 模版, a cue word: the term wins."""
    exact, _, _ = build_tables([("模版", None, "cue"), ("模板", "模板", "term")])
    assert exact["mu ban"] == ("模板", "模板", "term", True)
    assert exact["mo ban"] == ("模板", "模板", "term", False)  # a rare reading of 模


def test_a_stopwords_rare_reading_comes_after_a_cues_usual_one() -> None:
    """da yin is the usual reading of the cue 打印 and a rare one of the stopword 打听 (听 read
    yin): nobody types a stopword by a rare reading, so the cue is heard."""
    exact, _, _ = build_tables([("打听", None, "stop"), ("打印", None, "cue")])
    assert exact["da yin"] == ("打印", None, "cue", True)
    assert exact["da ting"] == ("打听", None, "stop", True)


def test_a_cue_heard_whole_beats_stopwords_cut_across_it() -> None:
    """hui yi shi zai na li: 会议室 + 在哪里 (a where-ask), not 会议 + 实在 + 哪里."""
    tables = build_tables(
        [("实在", None, "stop"), ("哪里", None, "stop"), ("会议", "会议", "term"),
         ("在哪里", None, "cue"), ("会议室", None, "word")]
    )  # fmt: skip
    units = [Unit(s, latin=True) for s in ("hui", "yi", "shi", "zai", "na", "li")]
    windows = [(start, end, found[0].word if found else None)
               for start, end, found in best_reading(tables, units)]  # fmt: skip
    assert windows == [(0, 3, "会议室"), (3, 6, "在哪里")]


def test_everyday_words_are_heard_in_pinyin_only_and_last() -> None:
    """hui jia spells 回家, an everyday word the facts lack, not 会 + 家; typed in characters
    it is seen as typed; and a known word keeps its reading (kai hui is 开会, not 凯辉)."""
    tables = build_tables([("开会", "会议", "term")], everyday=["回家", "凯辉"])
    heard = hear(tables, [Unit("hui", True), Unit("jia", True)])
    assert heard is not None and heard[0] == Heard("回家", None, "word", True)
    assert hear(tables, [Unit("回", False), Unit("家", False)]) is None
    found = hear(tables, [Unit("kai", True), Unit("hui", True)])
    assert found is not None and found[0].term == "会议"


def test_a_neutral_word_yields_a_shared_reading_to_a_commoner_curated_word() -> None:
    """shou ji is 手机 (commoner) before the request word 收集; zhi dao stays the stopword 知道,
    commoner than the curated 指导; words nobody shares a reading with keep their place."""
    counts = {"收集": 1_600, "手机": 5_000, "知道": 40_000, "指导": 10_000}
    words: list[tuple[str, str | None, str]] = [
        ("收集", None, "stop"), ("知道", None, "stop"), ("太多", None, "stop"),
        ("手机", "手机", "term"), ("指导", "指导", "term"), ("打印", None, "cue"),
    ]  # fmt: skip
    ordered = commoner_first(words, {"手机", "指导"}, lambda w: counts.get(w, 0))
    assert [w for w, _, _ in ordered] == ["知道", "太多", "手机", "指导", "收集", "打印"]
    exact, _, _ = build_tables(ordered)
    assert exact["shou ji"][0] == "手机"
    assert exact["zhi dao"][0] == "知道"
    assert commoner_first(words, set(), lambda w: 0) == words


def test_words_read_once_read_as_lazy_pinyin_does() -> None:
    """Each of pypinyin's words is read once and kept; a text read from them reads as
    lazy_pinyin reads it whole: a phrase's reading (银行 hang, 重要 zhong) beats its characters'
    own (行 xing, 重 zhong/chong), and so does it inside a longer text, twice in a row."""
    texts = ["行", "银行", "在银行开会", "重要", "重复", "重复填表", "长", "镇长", "时长太长",
             "开会tai多", "2次会", "绿码", "会太多，表也多", "", " ", "𠮶"]  # fmt: skip
    for _ in range(2):  # cold, then from what was kept
        for text in texts:
            assert toneless_syllables(text) == lazy_pinyin(text), text


def test_every_character_and_word_of_the_facts_reads_as_lazy_pinyin_does() -> None:
    """Every character of the facts' texts, and each fact's keywords and questions whole."""
    facts = load_kb().facts
    texts = [t for f in facts for t in (f.title, f.measure, f.example, *f.keywords, *f.questions)]
    for char in sorted(set("".join(texts))):
        assert toneless_syllables(char) == lazy_pinyin(char), char
    for text in texts:
        assert toneless_syllables(text) == lazy_pinyin(text), text
        assert pinyin_key(text, fuzzy=False) == " ".join(lazy_pinyin(text)), text


def test_both_keys_of_a_text_read_from_its_kept_syllables_are_read_as_afresh() -> None:
    """The exact key, then the folded one (or the other way round), from one reading of the
    syllables kept: each is the key lazy_pinyin's syllables give, folded or not."""
    for text in ["场所太长", "上传材料", "检查组", "会议室在哪里", "开 会", "jian cha", "表哥"]:
        for fuzzy in (False, True, False):
            syllables = text.split() if LATIN.match(text.replace(" ", "")) else lazy_pinyin(text)
            expected = " ".join(fuzzy_syllable(s) if fuzzy else s for s in syllables)
            assert pinyin_key(text, fuzzy) == expected, (text, fuzzy)


def test_forgetting_the_texts_read_empties_their_memos() -> None:
    """jianfu bench reads each size's questions afresh: after forget_texts_read no text's key,
    syllables or split letters are kept, and a text is read as before."""
    key = pinyin_key("会议太多")
    assert split_pinyin("huiyi") == ("hui", "yi")
    assert pinyin_key.cache_info().currsize > 0 and split_pinyin.cache_info().currsize > 0
    forget_texts_read()
    assert pinyin_key.cache_info().currsize == 0
    assert split_pinyin.cache_info().currsize == 0
    assert pinyin_key("会议太多") == key
