"""The analyzer turns a normalised question into canonical terms, unknown words and cues."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from small_vocabulary import STOPWORDS, VOCABULARY, analyzer_factory

from bot.search import cache
from bot.search.analyzer import SPECIFICITY_FLOOR, Analyzer
from bot.search.normalize import normalize
from bot.search.query import QueryTerm
from bot.search.sound import FUZZY_SOUND_WEIGHT, HOMOPHONE_WEIGHT


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], Analyzer]:
    return analyzer_factory(tmp_path_factory.mktemp("analyzer"))


@pytest.fixture(scope="module")
def analyzer(build: Callable[[], Analyzer]) -> Analyzer:
    built = build()
    built.set_vocabulary(VOCABULARY)
    return built


def _terms(analyzer: Analyzer, text: str) -> list[tuple[str, float, str]]:
    return [(t.term, t.weight, t.source) for t in analyzer.analyze(text).terms]


def test_fresh_analyzer_works_before_any_vocabulary(build: Callable[[], Analyzer]) -> None:
    """Without set_vocabulary or restore, every content word is unknown, and nothing fails."""
    fresh = build()
    assert fresh.vocabulary == frozenset()
    analysis = fresh.analyze("检查组还看台账吗")
    assert analysis.terms == ()
    assert "检查组" in analysis.unknown and "台账" in analysis.unknown
    assert "吗" not in analysis.unknown  # stopwords are still dropped


def test_words_as_typed_are_full_weight_terms(analyzer: Analyzer) -> None:
    """Known words come out canonical, at weight 1, stopwords dropped, the rest unknown."""
    analysis = analyzer.analyze("检查组还看台账吗")
    assert analysis.terms == (
        QueryTerm("检查组", 1.0, "检查组"),
        QueryTerm("台账", 1.0, "台账"),
    )
    assert analysis.unknown == ("看",)  # 还 is a stopword
    assert analysis.cues == ()


def test_synonym_is_read_as_its_canonical_word(analyzer: Analyzer) -> None:
    """台帐 is a variant of 台账: the term is the canonical word, the source what was typed."""
    assert ("台账", 1.0, "台帐") in _terms(analyzer, "检查组还看台帐吗")


def test_homophone_reads_as_the_known_word_at_lower_weight(analyzer: Analyzer) -> None:
    """表哥 sounds exactly like 表格: found, but weaker than the word itself."""
    assert _terms(analyzer, "表哥太多") == [("表格", HOMOPHONE_WEIGHT, "表哥")]


def test_a_far_commoner_real_word_is_meant_as_typed(build: Callable[[], Analyzer]) -> None:
    """市长 sounds like 时长, but is a far commoner word: unknown, not a slip for it."""
    analyzer = build()
    analyzer.add_domain_words(["时长"])  # curated, so a slip may land on it
    analyzer.set_vocabulary((*VOCABULARY, "时长"))
    assert _terms(analyzer, "石场") == [("时长", HOMOPHONE_WEIGHT, "石场")]
    assert _terms(analyzer, "市长") == []
    assert analyzer.analyze("市长").unknown == ("市长",)
    assert _terms(analyzer, "表哥太多") == [("表格", HOMOPHONE_WEIGHT, "表哥")]


def test_exact_homophone_of_a_longer_word(analyzer: Analyzer) -> None:
    """减查组 reads jian cha zu, exactly 检查组; 开惠 reads kai hui, exactly 开会."""
    assert _terms(analyzer, "减查组") == [("检查组", HOMOPHONE_WEIGHT, "减查组")]
    assert _terms(analyzer, "开惠") == [("开会", HOMOPHONE_WEIGHT, "开惠")]


def test_a_slip_lands_on_curated_words_only(analyzer: Analyzer) -> None:
    """工作 is in the facts but not curated: while reading, no slip lands on it; only a
    stretch left over that is no word of its own is heard as it afterwards, by its exact
    sound (功作; see test_slipbelief). 开惠 reads as the curated 开会, and typed pinyin may
    still mean any known word."""
    assert _terms(analyzer, "功作") == [("工作", HOMOPHONE_WEIGHT, "功作")]
    assert _terms(analyzer, "开惠") == [("开会", HOMOPHONE_WEIGHT, "开惠")]
    assert _terms(analyzer, "gongzuo") == [("工作", 1.0, "gong zuo")]


def test_accent_folded_sound_is_weaker_still(analyzer: Analyzer) -> None:
    """检擦组 (ca for cha) matches 检查组 only once zh/z, ch/c fold: the weakest evidence."""
    assert FUZZY_SOUND_WEIGHT < HOMOPHONE_WEIGHT
    assert _terms(analyzer, "检擦组") == [("检查组", FUZZY_SOUND_WEIGHT, "检擦组")]
    assert _terms(analyzer, "jiancazu") == [("检查组", FUZZY_SOUND_WEIGHT, "jian ca zu")]


def test_latin_pinyin_is_split_into_syllables(analyzer: Analyzer) -> None:
    """jiancha, typed without spaces, is split and read as 检查; spelling a word by its usual
    reading is no slip, so it weighs as the word typed in characters."""
    assert _terms(analyzer, "jiancha") == [("检查", 1.0, "jian cha")]
    assert _terms(analyzer, "检查") == [("检查", 1.0, "检查")]


def test_pinyin_mixed_with_characters_is_read_together(analyzer: Analyzer) -> None:
    """台zhang: a character and a syllable typed side by side read as one word, 台账."""
    assert _terms(analyzer, "台zhang太多") == [("台账", HOMOPHONE_WEIGHT, "台 zhang")]
    assert analyzer.analyze("台zhang太多").unknown == ()


def test_a_cue_typed_in_pinyin_is_still_a_cue(analyzer: Analyzer) -> None:
    """mima is 密码 typed in pinyin: a cue. While reading, a homophone in characters is no
    cue; only a stretch left over that is no word of its own and keeps one of the cue's
    characters is heard as it at the end (蜜码; see test_slipbelief)."""
    assert analyzer.analyze("gongzuoqun mima").cues == ("mi ma",)
    assert analyzer.analyze("工作群蜜码").cues == ("蜜码",)
    assert analyzer.analyze("工作群觅马").cues == ()


def test_unknown_real_word_is_not_read_piecemeal(analyzer: Analyzer) -> None:
    """会议室 is a word of its own: unknown, never a partial match on a known word."""
    analysis = analyzer.analyze("会议室")
    assert analysis.terms == ()
    assert analysis.unknown == ("会议室",)


def test_offtopic_cue_is_kept_apart(analyzer: Analyzer) -> None:
    """申请 is neither a term nor an unknown word: it is a cue."""
    analysis = analyzer.analyze("扶贫资金怎么申请")
    assert analysis.cues == ("申请",)
    assert "申请" not in analysis.unknown
    assert analysis.terms == ()


def test_leftover_character_mends_its_neighbour(analyzer: Analyzer) -> None:
    """工作 + 裙 sounds like 工作群: the two pieces become one homophone term."""
    analysis = analyzer.analyze("工作裙太多了")
    assert [(t.term, t.source) for t in analysis.terms] == [("工作群", "工作裙")]
    assert analysis.unknown == ()


def test_leftover_character_completes_a_stopword_exactly(analyzer: Analyzer) -> None:
    """太 + 躲 sounds exactly like 太多, a stopword: filler, not an unknown word."""
    analysis = analyzer.analyze("工作群太躲")
    assert [t.term for t in analysis.terms] == ["工作群"]
    assert analysis.unknown == ()


def test_document_terms_include_sub_words_and_canonical_forms(analyzer: Analyzer) -> None:
    """Knowledge-base text is cut for recall: 微信工作群 gives 工作 and 工作群, stopwords go."""
    terms = analyzer.document_terms("微信工作群太多了怎么办")
    assert "工作群" in terms and "工作" in terms
    assert not set(terms) & STOPWORDS


def test_specificity_trusts_curated_words_and_discounts_common_ones(analyzer: Analyzer) -> None:
    """Curated vocabulary counts fully; an everyday word counts less; the commonest, the floor."""
    assert analyzer.specificity("台账") == 1.0
    assert analyzer.specificity("精简") == 1.0  # a domain word given at construction
    common = analyzer.specificity("地方")
    assert SPECIFICITY_FLOOR < common < 1.0
    assert analyzer.specificity("不") == SPECIFICITY_FLOOR


def test_specificity_does_not_move_when_curated_lists_grow(
    build: Callable[[], Analyzer],
) -> None:
    """How rare an everyday word is comes from jieba's own dictionary: more curated words
    (each added to the segmenter) leave it where it was."""
    fresh = build()
    before = fresh.specificity("地方")
    fresh.add_domain_words([f"新词{n}" for n in range(50)])
    assert fresh.specificity("地方") == before


def test_segmentation_does_not_move_when_curated_lists_grow(
    build: Callable[[], Analyzer],
) -> None:
    """Each word added to the segmenter used to raise jieba's total, and with it the odds of
    every cut: 念完天都黑了 came out 完天 or 天都 depending on how long the lists were."""
    fresh = build()
    texts = ("每个人上去都要念五页纸，念完天都黑了", "新人报到，请多关照", "你说气人不气人")
    before = [fresh.tokens(text) for text in texts]
    fresh.add_domain_words([f"新词{n}" for n in range(5000)])
    assert [fresh.tokens(text) for text in texts] == before


def test_restored_state_reads_like_the_original(
    build: Callable[[], Analyzer], analyzer: Analyzer
) -> None:
    """The cached state (vocabulary and sound tables) makes a new analyzer read the same way."""
    copy = build()
    copy.restore(analyzer.state)
    for text in ("表哥太多", "jiancha", "工作裙太多了", "检查组还看台帐吗"):
        assert copy.analyze(text) == analyzer.analyze(text)


def test_userdict_comments_and_default_frequency(analyzer: Analyzer) -> None:
    """A userdict line may carry a comment and omit its frequency: 开会 is still curated."""
    assert "开会" in analyzer.curated
    assert analyzer.specificity("开会") == 1.0


def test_punctuation_keeps_leftover_characters_apart(analyzer: Analyzer) -> None:
    """会开得长、表填得多: 长 and 表 were on either side of a comma, so no unknown word
    spans it; spaced pinyin (jian cha) is still read as one run."""
    analysis = analyzer.analyze("会开得长 表填得多")
    assert all(not ("长" in u and "表" in u) for u in analysis.unknown)
    assert _terms(analyzer, "jian cha") == [("检查", 1.0, "jian cha")]


def test_tables_read_on_need_are_read_by_the_warm_up(build: Callable[[], Analyzer]) -> None:
    """The speller, the initials and the lone syllables are unread (None) until a question or
    the warm-up needs them; a new vocabulary forgets the speller and the initials it read."""
    fresh = build()
    fresh.set_vocabulary(VOCABULARY)
    assert fresh.tables_read() == (None, None, None)
    fresh.warm_up()
    speller, initials, lone = fresh.tables_read()
    assert speller is not None and initials is not None and lone is not None
    fresh.set_vocabulary(VOCABULARY)
    assert fresh.tables_read() == (None, None, lone)
    fresh.warm_up()
    assert None not in fresh.tables_read() and fresh.tables_read()[0] is not speller


def _curating(
    factory: pytest.TempPathFactory, curated: list[str], vocabulary: list[str]
) -> Analyzer:
    """An analyzer whose userdict holds `curated`, knowing `vocabulary` (a KB's terms)."""
    folder = factory.mktemp("curated")
    userdict = folder / "userdict.txt"
    userdict.write_text("".join(f"{word}\n" for word in curated), encoding="utf-8")
    cache_dir = folder / "cache"
    built = Analyzer(
        userdict, {}, STOPWORDS, dictionary=cache.jieba_dictionary(cache_dir), cache_dir=cache_dir
    )
    built.set_vocabulary(vocabulary)
    return built


def test_a_word_the_facts_merely_use_may_be_a_keyboards_wrong_candidate(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """回忆 (only in a fact's story) sounds exactly like the curated 会议, which is far commoner:
    typed huiyi, picked 回忆. 检查 is as common as the curated 检察 it sounds like: itself."""
    built = _curating(tmp_path_factory, ["会议", "检察"], ["会议", "回忆", "检察", "检查"])
    assert _terms(built, "回忆太多") == [("会议", HOMOPHONE_WEIGHT, "回忆")]
    assert _terms(built, "会议太多") == [("会议", 1.0, "会议")]
    assert _terms(built, "检查太多") == [("检查", 1.0, "检查")]


def test_a_rare_reading_is_believed_of_curated_words_only(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """hui tai reads as 会能 only by 能's rare reading tai: 会能 is no curated word, so it is
    not heard; 模板 read mo ban (a rare reading of 模) is curated, so it is."""
    built = _curating(tmp_path_factory, ["模板", "会议"], ["模板", "会议", "会能"])
    assert "会能" not in [term for term, _, _ in _terms(built, "hui tai mi")]
    assert ("模板", HOMOPHONE_WEIGHT, "mo ban") in _terms(built, "mo ban lao huan")


def test_pinyin_is_spelled_out_as_the_words_heard(analyzer: Analyzer) -> None:
    """What reads characters only (number asks, names) sees pinyin as the words it was heard
    as; syllables heard as nothing stay as typed, and a question in characters is untouched.
    A blank typed only where the keyboard switched scripts goes, as if typed in characters."""
    assert analyzer.spelled("gongzuoqun tai duo") == "工作群太多"
    assert analyzer.spelled("台账 jiancha tai duo") == "台账检查太多"
    assert analyzer.spelled("xyzzy") == "xyzzy"
    assert analyzer.spelled("检查组还看台账吗") == "检查组还看台账吗"


def test_a_kept_reading_is_dropped_when_the_words_known_change(
    build: Callable[[], Analyzer],
) -> None:
    """Readings are kept per text, and read afresh once the vocabulary grows."""
    fresh = build()
    before = fresh.analyze("检查组还看台账吗")
    assert fresh.analyze("检查组还看台账吗") is before  # the same text: the reading kept
    fresh.set_vocabulary(VOCABULARY)
    after = fresh.analyze("检查组还看台账吗")
    assert after.terms and "台账" not in after.unknown


def test_cuts_are_kept_until_a_word_is_added(build: Callable[[], Analyzer]) -> None:
    """A text's cut is jieba's, however often it is asked for; a word added later cuts the
    same text anew (the kept cuts are cleared), and the reading follows the new cut."""
    fresh = build()
    fresh.set_vocabulary(VOCABULARY)
    text = normalize("扶贫专干小组怎么减负")
    first = fresh.tokens(text)
    assert first == [t for t in fresh._jieba.cut(text, HMM=True) if t.strip()]
    assert fresh.tokens(text) == first and fresh._cuts.cache_info().hits >= 1
    assert "专干小组" not in first
    fresh.add_domain_words(["专干小组"])
    assert fresh._cuts.cache_info().currsize == 0
    assert "专干小组" in fresh.tokens(text)
    assert fresh.tokens(text, for_search=True) == [
        t for t in fresh._jieba.cut_for_search(text, HMM=True) if t.strip()
    ]


def test_a_clause_cut_after_its_question_takes_the_blocks_cut_with_it(
    build: Callable[[], Analyzer],
) -> None:
    """jieba cuts each run between punctuation alone: a clause (表也多) or an item cut after
    the whole question is cut from the runs kept, and every cut is still jieba's own, with
    blanks, punctuation, pinyin, digits and signs (+#&._%-) as jieba splits them."""
    fresh = build()
    fresh.set_vocabulary(VOCABULARY)
    texts = [
        "会太多，表也多", "表也多", "会太多，表也多！检查组还看台账吗？", "jiancha tai duo 表也多",
        "qun tai duo,  会议 3.5小时 +20% a-b #1 & c_d", "", " ", "，。", "检查组 检查组\t检查组",
        "ＡＢＣ会议①②", "会议\r\n表格", "😀会议😀",
    ]  # fmt: skip
    for text in texts:
        assert fresh._cut(text) == tuple(fresh._jieba.cut(text, HMM=True)), text
    fresh._cuts.cache_clear()
    fresh._block_cuts.cache_clear()
    fresh.tokens("会太多，表也多")
    misses = fresh._block_cuts.cache_info().misses
    assert fresh.tokens("表也多") == ["表", "也", "多"]
    assert fresh._block_cuts.cache_info().misses == misses  # 表也多 was cut with its question


def test_kept_block_cuts_are_dropped_when_a_word_is_added(build: Callable[[], Analyzer]) -> None:
    """A new word may cut a run anew: the runs' kept cuts go with the texts' kept cuts."""
    fresh = build()
    fresh.set_vocabulary(VOCABULARY)
    text = normalize("扶贫专干小组，怎么减负")
    assert "专干小组" not in fresh.tokens(text)
    assert fresh._block_cuts.cache_info().currsize >= 2
    fresh.add_domain_words(["专干小组"])
    assert fresh._block_cuts.cache_info().currsize == 0
    assert "专干小组" in fresh.tokens("扶贫专干小组")
    assert fresh._cut(text) == tuple(fresh._jieba.cut(text, HMM=True))


def test_a_word_read_alone_is_kept_but_every_piece_is_fresh(
    build: Callable[[], Analyzer],
) -> None:
    """How a word as cut reads alone is kept across texts (the question, its clauses, its ask),
    yet each read gives a piece of its own, since mending changes pieces in place; a new
    vocabulary or word reads it afresh."""
    fresh = build()
    before = fresh._classify("台账")
    assert before.kind == "unknown"  # no vocabulary yet
    fresh.set_vocabulary(VOCABULARY)
    first = fresh._classify("台账")
    assert first.kind == "term" and first.term == "台账"
    again = fresh._classify("台账")
    assert again == first and again is not first
    first.kind = "stop"  # as mend_neighbours absorbs a piece
    assert fresh._classify("台账").kind == "term"
    assert fresh._classified.cache_info().hits >= 2
    for token in ("表哥", "检查组", "吗", "3", "jiancha", "会议室", "回忆"):
        assert fresh._classify(token) == fresh._classify_afresh(token), token
    assert fresh._classify("专干小组").kind != "term"
    fresh.add_domain_words(["专干小组"])
    assert fresh._classified.cache_info().currsize == 0
    fresh.set_vocabulary([*VOCABULARY, "专干小组"])
    assert fresh._classify("专干小组").kind == "term"


def test_a_run_heard_by_sound_is_kept_but_pinyin_is_read_with_its_tones(
    build: Callable[[], Analyzer],
) -> None:
    """A run of characters no word explains (检茶组) is read by sound once, in fresh pieces
    each time; a run holding pinyin is read afresh, since the tones typed (tong1zhi1) are
    not in the text; a new vocabulary reads every run again."""
    fresh = build()
    fresh.set_vocabulary(VOCABULARY)
    for run in (["检", "茶", "组"], ["表哥"], ["太", "躲"], ["3"], ["会", "议", "室"]):
        first = fresh._heard(run)
        assert first == fresh._read_by_sound(run), run
        again = fresh._heard(run)
        assert again == first and all(a is not b for a, b in zip(again, first, strict=True))
    assert fresh._runs_heard.cache_info().hits == 5
    for run in (["jiancha"], ["biao", "ge"], ["检", "cha"]):
        assert fresh._heard(run) == fresh._read_by_sound(run), run
    assert fresh._runs_heard.cache_info().currsize == 5  # pinyin is never kept
    assert fresh._heard([]) == []
    fresh.set_vocabulary(["检查"])
    assert fresh._runs_heard.cache_info().currsize == 0
