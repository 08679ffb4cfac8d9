"""Cue patterns: question forms that ask how to operate, where, when, or for an entitlement."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bot.errors import KBError, KBProblem
from bot.kb import load_kb
from bot.search.askslots import Word, compile_slot, found_slots
from bot.search.cues import (
    CuePattern,
    PatternsByStart,
    _asks,
    compile_pattern,
    found_patterns,
    split_cues,
)
from bot.search.matcher import Match, Matcher, Prepared, Thresholds, conclude
from bot.search.normalize import normalize
from bot.search.query import QueryAnalysis, QueryTerm


def test_pattern_finds_its_words_in_order_within_a_clause() -> None:
    """怎么…撤回 needs both parts, in that order, with no punctuation between them."""
    pattern = compile_pattern("怎么|咋…撤回|设置")
    assert found_patterns([pattern], "群里发错消息了怎么撤回") == ("怎么撤回",)
    assert found_patterns([pattern], "工作群咋一键设置") == ("咋一键设置",)
    assert found_patterns([pattern], "撤回了怎么办") == ()
    assert found_patterns([pattern], "怎么办 撤回了吗") == ()


def test_phrase_pattern_ignores_how_words_are_cut() -> None:
    """~在哪个 is found inside any run of characters."""
    (pattern,) = split_cues(["~在哪个", "补贴"]).patterns
    assert found_patterns([pattern], "医疗报销在哪个窗口办") == ("在哪个",)


def test_several_is_not_how_many() -> None:
    """~几个人 asks how many people; 好几个人 says "several people" and asks nothing."""
    (pattern,) = split_cues(["~几个人"]).patterns
    assert found_patterns([pattern], "一张表要找好几个人签名，能不能少点") == ()
    assert found_patterns([pattern], "开会要几个人参加") == ("几个人",)
    assert found_patterns([pattern], "好几个人签名，到底要几个人") == ("几个人",)


def test_a_few_pointed_at_ask_no_count() -> None:
    """那几个人, 这几个人 point at people already named; 要几个人 still asks how many."""
    (pattern,) = split_cues(["~几个人"]).patterns
    assert found_patterns([pattern], "三个会，参会的全是那几个人") == ()
    assert found_patterns([pattern], "这几个人都要签字") == ()
    assert found_patterns([pattern], "那几个人里到底要几个人签") == ("几个人",)


def test_how_often_a_week_is_not_which_day() -> None:
    """一周几天 counts days a week; 周几 alone asks which day."""
    pattern = compile_pattern("~几号|哪天|星期几|周几|礼拜几")
    assert found_patterns([pattern], "央金卓嘎说去年一周几天在迎检") == ()
    assert found_patterns([pattern], "现在每个星期几次会") == ()
    assert found_patterns([pattern], "一个礼拜几张表") == ()
    assert found_patterns([pattern], "检查组周几来") == ("周几",)
    assert found_patterns([pattern], "下周几开会") == ("周几",)


def test_split_keeps_words_apart_from_patterns_and_slots() -> None:
    cues = split_cues(["补贴", "怎么…设置", "~几号", "怎么|咋 + ?"])
    assert cues.words == frozenset({"补贴"})
    assert [p.text for p in cues.patterns] == ["~几号", "怎么…设置"]
    assert [s.text for s in cues.slots] == ["怎么|咋 + ?"]


def _words(*pairs: str) -> list[Word]:
    """Words as the analyzer reads them, written "text/kind"."""
    return [Word(*pair.split("/")) for pair in pairs]


def test_slot_needs_an_unknown_word_right_after_its_words() -> None:
    """怎么 + ?: 怎么拟 asks how to do something unknown; 怎么精简 asks for a measure."""
    slot = compile_slot("怎么|咋 + ?")
    assert found_slots([slot], _words("通知/term", "怎么/stop", "拟/unknown")) == ("怎么拟",)
    assert found_slots([slot], _words("群/term", "怎么/stop", "精简/term")) == ()
    # Only the very next word counts: a stopword between is no unknown word.
    assert found_slots([slot], _words("怎么/stop", "去/stop", "补/unknown")) == ()
    # Nor does one across punctuation.
    assert found_slots([slot], _words("咋/stop", "，/break", "踢/unknown")) == ()


def test_slot_with_a_known_word_between() -> None:
    """被 + * + ?: 被领导看到 is something that happened; 被说态度 is no 被 + known word."""
    slot = compile_slot("被 + * + ?")
    assert found_slots([slot], _words("被/stop", "领导/term", "看到/unknown")) == ("被领导看到",)
    assert found_slots([slot], _words("被/stop", "说/stop", "态度/unknown")) == ()


def test_slot_can_end_with_words() -> None:
    """能 + ? + 吗: the unknown word is the whole ask (能涂改吗), not 能一起说说吗."""
    slot = compile_slot("能|要 + ? + 吗")
    assert found_slots([slot], _words("能/stop", "涂改/unknown", "吗/stop")) == ("能涂改吗",)
    words = _words("能/stop", "一起/unknown", "说/stop", "吗/stop")
    assert found_slots([slot], words) == ()


def test_slot_can_start_with_an_unknown_word() -> None:
    """? + 还是: a choice between things no fact knows, not 暗访还是看材料."""
    slot = compile_slot("? + 还是")
    words = _words("签字/term", "用/term", "蓝笔/unknown", "还是/stop", "黑笔/unknown")
    assert found_slots([slot], words) == ("蓝笔还是",)
    assert found_slots([slot], _words("暗访/term", "还是/stop", "看材料/term")) == ()


def test_measure_asks_fill_no_slot() -> None:
    """文山会海怎么治 asks for a measure, though no fact says 治."""
    slot = compile_slot("怎么 + ?")
    words = _words("文山会海/term", "怎么/stop", "治/unknown")
    assert found_slots([slot], words, exempt=frozenset({"治"})) == ()
    assert found_slots([slot], words) == ("怎么治",)


@pytest.mark.parametrize("entry", ["? + *", "怎么", "怎么 +", "怎么 + | "])
def test_malformed_slot_is_refused(entry: str) -> None:
    with pytest.raises(ValueError):
        compile_slot(entry)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("怎么 + ", "has an empty part"),
        ("? + *", "must name words and what stands beside them"),
    ],
)
def test_kb_check_names_a_malformed_slot(kb_copy: Path, entry: str, problem: str) -> None:
    with (kb_copy / "responses" / "intent_cues.txt").open("a", encoding="utf-8") as f:
        f.write(entry + "\n")
    with pytest.raises(KBError) as err:
        load_kb(kb_copy)
    assert err.value.problems == [
        KBProblem("responses/intent_cues.txt", f"pattern '{entry.strip()}' {problem}")
    ]


def test_empty_pattern_part_is_refused(kb_copy: Path) -> None:
    """A pattern with nothing on one side of … would match everything; kb check names it."""
    with (kb_copy / "responses" / "intent_cues.txt").open("a", encoding="utf-8") as f:
        f.write("怎么…|\n")
    with pytest.raises(KBError) as err:
        load_kb(kb_copy)
    assert err.value.problems == [
        KBProblem("responses/intent_cues.txt", "pattern '怎么…|' has an empty part")
    ]


@pytest.mark.parametrize(
    "question",
    [
        "工作群怎么设置免打扰",
        "农牧区医疗报销在哪个窗口办",
        "填表到半夜，加班费怎么算",
        "會議室在哪個樓",
        "表格模板哪里可以下",
        "截图打卡用哪个APP",
        "求个会议记录模版，谢谢🙏",
        "辛苦了，督查组这周几来",
        "检查组的车停哪",  # a verb of putting, then 哪: where, not which measure
        "签字要签全名吗",  # whether one must, with a word no fact knows
        "下班了在群里回消息算加班吗",  # whether it counts as overtime: a rule
        "晚上不回工作群消息会被批评吗",  # whether one will be blamed: a rule
        "迎检接待花的钱谁出",  # who pays
        "帮我润色一下会议讲话稿",  # help with a draft
    ],
)
def test_operation_place_and_entitlement_questions_decline(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision == "decline"


@pytest.mark.parametrize(
    ("question", "form"),
    [
        ("工作群被踢了怎么办", "被踢"),
        ("开会的通知怎么拟", "怎么拟"),
        ("检查组来了要不要挂横幅", "要不要挂"),
    ],
)
def test_unknown_words_in_the_ask_decline(matcher: Matcher, question: str, form: str) -> None:
    """The facts' words only set the scene; the ask itself is a word no fact knows."""
    assert form in matcher.analyzer.analyze(normalize(question)).forms
    assert matcher.match(question).decision == "decline"


def test_a_form_yields_only_to_a_match_near_a_facts_own_question(matcher: Matcher) -> None:
    """A question whose form asks when or how (几号, 怎么拟) is answered only by a match at the
    form bar, where the form was more likely misread than the question off the facts."""
    fact = matcher.kb.facts[0]
    t = Thresholds()
    analysis = QueryAnalysis((QueryTerm("检查", 1.0, "检查"),), (), ("几号",), ("几号",))

    def decision(score: float) -> str:
        prepared = Prepared("q", "q", analysis, (Match(fact, score),))
        return conclude(prepared, t).decision

    assert decision(t.form + 1) == "answer"
    assert decision((t.answer + t.form) / 2) == "decline"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("检查能不能不光看台账", "inspections-unannounced-visits"),
        ("30分钟开完一个会现实吗", "meetings-short-speeches"),
    ],
)
def test_asking_to_stop_or_whether_it_works_still_asks_for_a_measure(
    matcher: Matcher, question: str, fact_id: str
) -> None:
    """能不能不光… asks to stop a practice; 会现实吗 asks whether one works (现实 is no fact's
    word, so it is listed as a measure ask and fills no 会 + ? + 吗 slot)."""
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.best is not None and result.best.fact.id == fact_id


@pytest.mark.parametrize(
    "question",
    [
        "群多得手机卡顿，消息刷不完",  # a phone slowed by groups is the load itself
        "检查组到哪都要看台账",  # 到哪都: wherever, not where
        "表格交到哪都要签字，签名太多",
        "一张表要五六个人签字盖章",  # 要…盖章 only as 要不要盖章 asks a rule
        "天天填表，真不想干了",  # 不想干 said of the load
    ],
)
def test_complaints_sharing_a_cue_word_are_still_answered(matcher: Matcher, question: str) -> None:
    """Words that in another form ask how or where (卡, 到哪, 盖章) here describe the burden."""
    assert matcher.match(question).decision == "answer"


def test_patterns_looked_up_by_start_find_what_every_pattern_finds() -> None:
    """Only patterns whose start characters a text holds are searched, in list order, and the
    stretches found are the same as when every pattern is tried."""
    cues = split_cues(["怎么|咋…设置|撤回", "~在哪个", "~几号", "~老婆", "几个…签字"])
    by_start = PatternsByStart(cues.patterns)
    for text in ("群里消息咋撤回", "在哪个窗口办，几号去", "几个人签字", "会太多怎么办", ""):
        assert found_patterns(by_start, text) == found_patterns(cues.patterns, text)
    assert [p.text for p in by_start.possible("咋撤回")] == ["怎么|咋…设置|撤回"]
    assert [p.text for p in by_start.phrases.patterns] == ["~几号", "~在哪个", "~老婆"]


def _first_asking(patterns: list[CuePattern], text: str) -> tuple[str, ...]:
    """Each pattern's first match that asks, walked match by match: what found_patterns gives."""
    found = (next((m for m in p.regex.finditer(text) if _asks(m, text)), None) for p in patterns)
    return tuple(m.group(0) for m in found if m)


def test_shipped_patterns_find_each_pattern_s_first_match_that_asks() -> None:
    """Each pattern's search stops at its first match unless that one asks nothing (好几个人,
    一周几天): then the later matches are walked. Over the shipped lists, every pattern's
    words set in texts, the stretches are those of walking every match of every pattern."""
    kb = load_kb()
    cues = split_cues(kb.offtopic_cues | kb.intent_cues)
    by_start = PatternsByStart(cues.patterns)
    texts = ["好几个人签字，到底几个人签字", "一周几天开会，周几开", "会太多怎么办", "", "几"]
    for pattern in cues.patterns:
        words = pattern.words
        texts += ["".join(words), "好" + "，".join(words), f"一周{words[-1]}{words[0]}咋弄"]
    for text in texts:
        assert found_patterns(by_start, text) == _first_asking(list(cues.patterns), text), text
        assert found_patterns(cues.patterns, text) == found_patterns(by_start, text), text
    counted = split_cues(["几个…签字"]).patterns
    assert (
        _first_asking(list(counted), "好几个人签字")
        == ()
        == found_patterns(counted, "好几个人签字")
    )
    twice = "好几个人签字，到底几个人签字"  # the first match asks nothing, the second does
    assert found_patterns(counted, twice) == ("几个人签字",) == _first_asking(list(counted), twice)


def test_slots_whose_first_words_are_absent_are_skipped_in_list_order() -> None:
    """A slot none of whose first words the question holds is passed over whole; the slots
    found still come in list order, each at its first place."""
    slots = [compile_slot("怎么|咋 + ?"), compile_slot("被 + * + ?"), compile_slot("? + 还是")]
    words = _words("群/term", "被/stop", "领导/term", "看到/unknown", "还是/stop", "怎么/stop")
    assert found_slots(slots, words) == ("被领导看到", "看到还是")
    words = _words("咋/stop", "拟/unknown", "，/break", "怎么/stop", "踢/unknown")
    assert found_slots(slots, words) == ("咋拟",)
    assert found_slots(slots, _words("会/term", "太多/term")) == ()


@pytest.mark.parametrize(
    "question", ["跪求一个微信群发助手", "求个好用的排会软件", "有没有好用的打卡小程序"]
)
def test_asking_for_a_tool_outright_asks_for_no_measure(matcher: Matcher, question: str) -> None:
    assert matcher.prepare(question).analysis.cues
    assert matcher.match(question).decision == "decline"


def test_asking_for_a_case_with_the_same_words_stays_a_request(matcher: Matcher) -> None:
    """求个思路, 跪求大佬支个招: 求个 and 跪求 before no tool still ask for a practice."""
    question = "跪求大佬支个招，政法会信访会轮着开，内容都差不多"
    assert not matcher.prepare(question).analysis.cues
    assert matcher.match(question).matches[0].fact.id == "meetings-one-topic-once"


def _found_by_every_pattern(patterns: tuple[CuePattern, ...], text: str) -> tuple[str, ...]:
    """found_patterns without any shortcut: every expression searched."""
    found = []
    for p in patterns:
        match = next((m for m in p.regex.finditer(text) if _asks(m, text)), None)
        if match is not None:
            found.append(match.group(0))
    return tuple(found)


def test_patterns_skipped_by_their_first_or_last_words_would_have_found_nothing() -> None:
    """A text holding none of a pattern's first words' characters, or none of its last
    words, is not searched with it: the shipped patterns find the same stretches as when
    every one is searched, in every fact's questions and in questions that use the patterns."""
    kb = load_kb()
    patterns = split_cues(kb.offtopic_cues | kb.intent_cues).patterns
    by_start = PatternsByStart(patterns)
    texts = [normalize(q) for f in kb.facts for q in f.questions]
    asked = ("群里发错消息了怎么撤回", "会议室在哪个楼", "好几个人问过", "一周几天要值班",
             "怎么设置群公告", "检查组几点到", "")  # fmt: skip
    texts += [normalize(t) for t in asked]
    assert any(_found_by_every_pattern(patterns, t) for t in texts)
    for text in texts:
        assert found_patterns(by_start, text) == _found_by_every_pattern(patterns, text), text
    assert all(p.ends for p in patterns)
    assert compile_pattern("怎么|咋…撤回|设置").ends == ("撤回", "设置")


def test_the_patterns_a_text_may_match_are_those_its_characters_start(matcher: Matcher) -> None:
    """possible_places takes the start characters a text holds by one intersection: over the
    cue list's patterns and its phrases, random runs of their start characters and others give
    the places a look-up of each character gives."""
    for patterns in (
        matcher.analyzer._patterns_by_start,
        matcher.analyzer._patterns_by_start.phrases,
    ):
        starts = sorted({ch for p in patterns.patterns for ch in p.starts})
        rng = random.Random(10)
        chars = [*starts, *"会表群检查太多的了 ，"]
        texts = [
            "",
            "会太多",
            *("".join(rng.choices(chars, k=rng.randint(1, 16))) for _ in range(3000)),
        ]
        for text in texts:
            looked_up = {n for ch in set(text) for n in patterns._by_start.get(ch, ())}
            assert patterns.possible_places(text) == sorted(patterns._anywhere | looked_up), text
        assert sum(bool(patterns.possible_places(t)) for t in texts) > 1000
