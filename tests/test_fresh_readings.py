"""Cheaper readings of a question read afresh give what the plain ways give: the ask slots'
guard (askslots.py), what a text sounds like kept (hearing.py), the runs heard around each unknown
piece (mending.py), the steps normalize skips (normalize.py), the words made for the slots only
when one may be filled and the patterns of asks run only where they may match (story.py)."""

from __future__ import annotations

import functools
import random
import unicodedata
from collections.abc import Sequence

import pytest
from small_vocabulary import VOCABULARY, analyzer_factory

from bot.devtools.evaluate import load_questions, question_files
from bot.kb import load_kb
from bot.search import story
from bot.search.askslots import (
    UNKNOWN_WORD,
    AskSlot,
    Word,
    _slot_end,
    found_slots,
    may_fill_a_slot,
)
from bot.search.matcher import Matcher
from bot.search.mending import MAX_PHRASE, Mender, _Around, _joinable
from bot.search.normalize import normalize
from bot.search.pieces import Piece
from bot.search.sound import Heard
from bot.search.tones import tones_typed, typed_tones


@functools.cache
def _development_questions() -> tuple[str, ...]:
    kb = load_kb()
    questions = [q.question for path in question_files(None, kb) for q in load_questions(path, kb)]
    return tuple(dict.fromkeys(questions))


def _pieces(matcher: Matcher, question: str) -> list[Piece]:
    with tones_typed(typed_tones(question)):
        return matcher.analyzer._pieces(normalize(question))


def _walked(
    slots: Sequence[AskSlot], words: Sequence[Word], exempt: frozenset[str]
) -> tuple[str, ...]:
    """found_slots without its guards: every slot walked from every word."""
    found = []
    for slot in slots:
        for start in range(len(words)):
            end = _slot_end(slot.choices, words, start, exempt)
            if end is not None:
                found.append("".join(w.text for w in words[start:end]))
                break
    return tuple(found)


def _slot_readings(matcher: Matcher, rng: random.Random) -> list[list[Word]]:
    """The words of every development question as read, and 3,000 random runs of the slots'
    named words (and a few of the topics') as terms, stops, unknown words or cues."""
    slots = matcher.analyzer.ask_slots
    readings = [
        [Word(p.written or p.text, p.kind) for p in _pieces(matcher, q)]
        for q in _development_questions()
    ]
    named = sorted({w for s in slots for part in s.named for w in part})
    kinds = ["term", "stop", "unknown", "cue"]
    for _ in range(3000):
        texts = rng.choices([*named, "会", "表格", "开会"], k=rng.randint(1, 8))
        readings.append([Word(t, rng.choice(kinds)) for t in texts])
    return readings


def test_ask_slots_are_found_as_walking_every_slot_finds_them(matcher: Matcher) -> None:
    """Over the words of every development question, and random runs of the slots' words: a
    slot with a part none of whose words is there is never walked, and finds nothing."""
    slots, exempt = matcher.analyzer.ask_slots, matcher.analyzer.measure_asks
    readings = _slot_readings(matcher, random.Random(4))
    found = [found_slots(slots, words, exempt) for words in readings]
    assert found == [_walked(slots, words, exempt) for words in readings]
    assert sum(bool(f) for f in found) > 500  # the slots do fire: the guard is no blanket


def test_a_slot_of_unknown_words_alone_is_never_guarded_out() -> None:
    """? + ? has no named part: it is walked whatever the words."""
    slot = AskSlot("? + 还是", (UNKNOWN_WORD, "还是"))
    assert slot.named == (frozenset({"还是"}),)
    words = [Word("蓝笔", "unknown"), Word("还是", "stop"), Word("黑笔", "unknown")]
    assert found_slots([slot], words) == ("蓝笔还是",)
    assert found_slots([slot], words[:1]) == ()


def test_what_a_text_sounds_like_is_kept_as_heard_afresh(matcher: Matcher) -> None:
    """Every two- to four-character window of the development questions (and spaced pinyin)
    is heard, from the kept hearing, as it is heard afresh."""
    analyzer = matcher.analyzer
    texts = {"jian cha", "qun tai duo", "hui yi"}
    for question in _development_questions()[::10]:
        text = normalize(question)
        texts.update(text[at : at + size] for size in (2, 3, 4) for at in range(len(text)))
    for fuzzy in (False, True):
        heard = [analyzer._by_sound(t, fuzzy) for t in sorted(texts)]
        assert heard == [analyzer._by_sound_afresh(t, fuzzy) for t in sorted(texts)]
        assert heard == [analyzer._by_sound(t, fuzzy) for t in sorted(texts)]  # kept
    assert any(h is not None for h in heard)


def test_what_a_text_sounds_like_is_heard_again_when_the_words_change(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A new vocabulary (a reloaded knowledge base) hears 表哥 anew: nothing kept survives."""
    analyzer = analyzer_factory(tmp_path_factory.mktemp("hearing"))()
    analyzer.set_vocabulary([w for w in VOCABULARY if w != "表格"])
    without = analyzer._by_sound("表哥", False)
    analyzer.set_vocabulary(VOCABULARY)
    with_form = analyzer._by_sound("表哥", False)
    assert with_form is not None and with_form[0].term == "表格"
    assert without is None or without[0].term != "表格"


def _phrases_mended_one_piece_at_a_time(mender: Mender, pieces: list[Piece]) -> list[Piece]:
    """mend_phrases as it was: each piece's runs read afresh, no piece's reading kept."""
    out = list(pieces)
    i = 0
    while i < len(out):
        unknown = out[i].kind == "unknown" and _joinable(out[i])
        found = mender._phrase_around(_Around(out), i) if unknown else None
        if found is None:
            i += 1
            continue
        start, end, phrase = found
        out[start:end] = [phrase]
        i = start + 1
    return out


def test_phrases_are_mended_as_reading_each_run_afresh_does() -> None:
    """Random pieces, some runs heard as a phrase: the same phrases, in the same places."""
    rng = random.Random(11)
    words = ["以", "文件", "落时", "会", "开会", "太多", "hui", "，", "检查", "表哥", "了", "实"]

    def heard(text: str, allow_fuzzy: bool) -> tuple[Heard, float] | None:
        if len(text) >= 3 and len(text) <= MAX_PHRASE and rng_for(text) < 0.3:
            return Heard(text, text, "term", True), 1.0
        return None

    def rng_for(text: str) -> float:
        return random.Random(text).random()

    mender = Mender(heard, lambda t, w, latin: Piece(t, "unknown"), lambda key: True)
    mended = 0
    for _ in range(800):
        pieces = [
            Piece(rng.choice(words), rng.choice(["term", "stop", "unknown", "break"]))
            for _ in range(rng.randint(1, 12))
        ]
        expected = _phrases_mended_one_piece_at_a_time(mender, [Piece(*_f(p)) for p in pieces])
        got = mender.mend_phrases([Piece(*_f(p)) for p in pieces])
        assert [_f(p) for p in got] == [_f(p) for p in expected]
        mended += len(got) < len(pieces)
    assert mended > 50


def _f(piece: Piece) -> tuple[str, str, str, float, bool, str]:
    return piece.text, piece.kind, piece.term, piece.weight, piece.whole, piece.written


def _texts_to_normalize() -> list[str]:
    """The development questions, and random strings of what normalize's steps look for."""
    rng = random.Random(5)
    alphabet = (
        "会议表格检查群周次天个月年一二两三十百千零〇%1234567890 　ＡＢａｂ１２hzuiāǚü,.。，"
        "\u200b\ud800工作群太多hui4yi4"
    )
    made = ["".join(rng.choices(alphabet, k=rng.randint(0, 40))) for _ in range(20_000)]
    return [*_development_questions(), *made]


def test_each_step_normalize_skips_would_have_left_the_text_as_it_was() -> None:
    """A step normalize runs only where the text holds what its pattern needs: elsewhere the
    step gives the text back unchanged, so skipping it changes nothing."""
    from bot.search import normalize as n
    from bot.search.smallcounts import small_counts_in_words

    for text in _texts_to_normalize():
        lowered = text.lower()
        assert n.encodable(text) == n._SURROGATE.sub("\ufffd", text)
        assert unicodedata.is_normalized("NFKC", text) == (
            unicodedata.normalize("NFKC", text) == text
        )
        if not n.LATIN_LETTER.search(lowered):
            assert n._LETTER_RUN.sub(r"\1\1\1", lowered) == lowered
        if not n.TONE_DIGIT.search(text):
            assert not n._TONE_NUMBER.findall(text)
        if "1" not in text and "2" not in text:
            assert small_counts_in_words(text) == text
        if text.count(" ") < n._SPACED_OUT_BLANKS:
            assert n._SPACED_OUT.sub("", text) == text
        if not n._ANY_DIGIT.search(text):
            assert n._DIGITS.sub(" ", text) == text
            assert n._COUNTED.sub(r"\1 ", text) == text


def test_a_question_without_tone_digits_has_no_toned_word() -> None:
    """typed_tones looks for toned words only where a 1 to 5 is typed: elsewhere it finds none."""
    from bot.search import tones

    for text in _texts_to_normalize():
        if not tones.TONE_DIGIT.search(text):
            assert not tones._TONED_WORD.findall(text.lower())
            assert typed_tones(text) == tones.NO_TONES
    assert typed_tones("tong1zhi1 太多") == (("tongzhi", (("tong", 1), ("zhi", 1))),)


def test_the_tones_typed_hold_while_a_question_is_read_and_after_an_error() -> None:
    from bot.search.tones import NO_TONES, current_tones

    outer, inner = typed_tones("hui4yi4"), typed_tones("tong1zhi1")
    with tones_typed(outer):
        with tones_typed(inner):
            assert current_tones() == inner
        assert current_tones() == outer
        try:
            with tones_typed(inner):
                raise ValueError
        except ValueError:
            pass
        assert current_tones() == outer
    assert current_tones() == NO_TONES


def test_cue_patterns_found_stretch_by_stretch_as_in_the_whole_text(matcher: Matcher) -> None:
    """Each stretch between blanks and punctuation searched once and kept: every development
    question, and random runs of the patterns' words, separators and 好/几/每 (which _asks
    reads before a match), find what the whole text searched at once finds."""
    from bot.search.cues import _first_matches, found_patterns

    by_start = matcher.analyzer._patterns_by_start
    words = sorted({w for p in by_start.patterns for w in p.words})
    rng = random.Random(6)
    texts = [normalize(q) for q in _development_questions()]
    for _ in range(5000):
        parts = rng.choices([*words, " ", "，", "好", "几", "每", "那", "一周", "会", "?"], k=8)
        texts.append("".join(parts))
    for patterns in (by_start, by_start.phrases):
        plain = list(patterns.patterns)
        # the whole text read with the same cut (a gap pattern's parts are its words)
        assert [found_patterns(patterns, t) for t in texts] == [
            tuple(text for _, text in _first_matches(plain, t, patterns.cut)) for t in texts
        ]


def test_a_text_filling_no_slot_by_its_words_finds_none_when_walked(matcher: Matcher) -> None:
    """may_fill_a_slot (asked_forms makes no words for the slots without it): over the words of
    every development question and random runs of the slots' words, whenever it says no slot
    may be filled, walking every slot from every word finds none."""
    slots, exempt = matcher.analyzer.ask_slots, matcher.analyzer.measure_asks
    readings = _slot_readings(matcher, random.Random(5))
    fillable = [may_fill_a_slot(slots, frozenset(w.text for w in words)) for words in readings]
    for words, may in zip(readings, fillable, strict=True):
        if not may:
            assert _walked(slots, words, exempt) == (), [w.text for w in words]
    assert fillable.count(False) > 1000 and fillable.count(True) > 500  # both ways taken


def _asks_running_every_pattern(text: str) -> bool:
    """asks_something without its guards: each pattern run whatever the text holds."""
    plain = story.ROUGH_COUNT.sub("", text)
    plain = story._EVERYWHERE.sub("", story._UNTOLD_HOW.sub("", plain))
    return story._ASKS.search(plain) is not None


def _burden_texts() -> list[str]:
    """The development questions normalised, each clause of them, and random runs of the
    characters the asks' and burdens' patterns turn on (几十, 不教怎么, 走到哪拍到哪, 又要)."""
    texts = [normalize(q) for q in _development_questions()]
    texts += sorted({c for t in texts for c in story._CLAUSES.bare(t)})
    chars = "几十百千万三0123456789 到哪儿里走拍带怎么咋如何不没有人教说该要我们吗呢"
    chars += "又天天太多会表，。"
    rng = random.Random(6)
    texts += ["".join(rng.choices(chars, k=rng.randint(1, 14))) for _ in range(20000)]
    return texts


def test_what_asks_and_what_tells_a_burden_are_read_as_running_every_pattern_reads() -> None:
    """asks_something's guards (几; 怎么, 咋 or 如何; 到哪) and the burden looked for before the
    ask (tells_burden, burdens_told) change no reading."""
    texts = _burden_texts()
    asks = [story.asks_something(t) for t in texts]
    assert asks == [_asks_running_every_pattern(t) for t in texts]
    assert 0 < sum(asks) < len(texts)
    told = [story.tells_burden(t) for t in texts]
    plain = [story._COPING.sub("", t) for t in texts]
    assert told == [not _asks_running_every_pattern(p) and story.names_burden(p) for p in plain]
    assert 0 < sum(told) < len(texts)
    assert [story.burdens_told(t) for t in texts] == [
        [c for c in story._CLAUSES.bare(t) if not _asks_running_every_pattern(c)
         and story.names_burden(c)] if len(story._CLAUSES.bare(t)) >= 2 else []
        for t in texts
    ]  # fmt: skip
