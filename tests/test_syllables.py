"""A lone syllable of pinyin read as a one-character word only where that word is likely."""

from __future__ import annotations

from bot.search.matcher import Matcher
from bot.search.normalize import normalize
from bot.search.pinyin import is_syllable
from bot.search.syllables import LoneSyllables, toneless

COUNTS = {"会": 90_000, "回": 23_000, "其": 70_000, "起": 58_000, "勤": 900}


def test_the_commonest_characters_of_a_syllable_are_its_likely_readings() -> None:
    lone = LoneSyllables(COUNTS, lambda char: COUNTS.get(char, 0))
    assert lone.likely("hui", "会")
    assert lone.likely("qi", "起")
    assert not lone.likely("qi", "勤")
    assert not lone.likely("hui", "回")


def test_readings_are_spelled_as_typed() -> None:
    assert toneless("lǜ") == "lv"
    assert toneless("huì") == "hui"
    assert is_syllable("ding") and not is_syllable("gz")


def test_a_lone_syllable_names_no_topic_on_a_rare_reading(matcher: Matcher) -> None:
    """qi is far more often 其 or 起 than 勤, so no count of times is heard in it; biao is 表."""
    analysis, _ = matcher.rank("gong zuo qun de ming zi zen me qi")
    assert "频次" not in {qt.term for qt in analysis.terms}
    analysis, _ = matcher.rank("biao tai duo")
    assert "表格" in {qt.term for qt in analysis.terms}


def test_pinyin_spaced_by_words_is_read_by_those_words(matcher: Matcher) -> None:
    """dingge shichang: ge shi (格式) would take half of each word typed; 时长 is the word."""
    analysis, _ = matcher.rank("huishang meige ren shuohua neng buneng dingge shichang")
    terms = {qt.term for qt in analysis.terms}
    assert "模板" not in terms and "时长" in terms
    result = matcher.match("huishang meige ren shuohua neng buneng dingge shichang")
    assert result.decision == "answer" and result.shown[0].id == "meetings-short-speeches"


def test_a_syllable_is_spelled_as_its_commonest_character() -> None:
    lone = LoneSyllables(COUNTS, lambda char: COUNTS.get(char, 0), lambda char: char == "起")
    assert lone.spelled("hui") == "会"
    assert lone.spelled("qi") == "其"
    assert lone.spelled("qi", stop=True) == "起"
    assert lone.spelled("zzz") == ""


def test_a_question_typed_all_in_pinyin_asks_what_it_asks_in_characters(
    matcher: Matcher,
) -> None:
    """Particles are written as such (de: 的, ma: 吗) and an everyday word heard stays written
    beside a syllable left unread (dai 回家), so the ask reads as it does in characters: whether
    the notebook may go home, which no measure answers."""
    typed = "kaihui fa de bijiben nengdai huijia ma"
    assert matcher.analyzer.spelled(normalize(typed)) == "开会发的笔记本能dai回家吗"
    assert matcher.match(typed).decision == "decline"
    assert matcher.analyzer.spelled(normalize("gongzuoqun qingli le duoshao ge")) == (
        "工作群清理了多少个"
    )
    result = matcher.match("huitaiduo zenmeban")
    assert result.decision == "answer" and result.shown[0].topic == "meetings"
