"""Turn whatever an official types into one canonical form before any matching.

Traditional → simplified, full-width → half-width, tone marks and tone numbers dropped
(kāihuì, kai1hui4 → kaihui), lowercase, emoji and punctuation → space.
The input is capped first, so a 5000-character message costs no more than a short one.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import opencc

from bot.search.leftovers import without_invisible
from bot.search.smallcounts import small_counts_in_words
from bot.search.unitwords import units_as_written

# Enough for any real question; longer messages are pasted documents, and the start says most.
MAX_INPUT_CHARS = 160
NORMALIZED_KEPT = 16_384  # texts whose normal form is kept (at most ~10 MB of short strings)

_converter = opencc.OpenCC("t2s")
# Taiwan's table knows 著 as the particle 着 (盯著, 掛著), which the common table leaves as
# 著; only that is taken from it, since it also reads simplified text its own way (么 → 幺).
_taiwan = opencc.OpenCC("tw2s")
# Variant characters both tables leave alone (衞生 would otherwise sound like 微信), and the
# Cantonese 嗰 (that: 嗰邊, 嗰個), which the common table turns into 𠮶, a character outside
# the ranges read as words: it would vanish, and 嗰邊 read as 边.
_VARIANTS = str.maketrans(
    {"衞": "卫", "枱": "台", "衹": "只", "祇": "只", "汚": "污", "\U00020bb6": "那"}
)
# Older variant forms (异体字) some fonts and keyboards still give, which both tables leave
# as they are: 囘覆 is 回复, 靑年 青年, 値班 值班, 亊項 事项, 開會的効果 开会的效果.
_OLD_VARIANTS = str.maketrans(
    "囘囬吿冐靑淸槪値緖叅晩亊兎効徳歩涙昰甞乗対処挙覚寛圏巻斉秊劵塡鄕揷擧冩囯亇戸囙",
    "回回告冒青清概值绪参晚事兔效德步泪是尝乘对处举觉宽圈卷齐年券填乡插举写国个户因",
)
# Japanese forms (新字体) a Japanese keyboard or a copied text gives, which both tables leave:
# 検査 is 检查, 発言 发言, 実地 实地, 県 县, 塡表 填表. Only shapes
# Chinese does not use itself (not 芸, 予, 弁, 欠, 沪).
_JAPANESE_FORMS = str.maketrans(
    "両亜仏仮伝価児円剣剤労勧単厳収営団囲図圧塩増売奨嬢実専巌帯帰庁広廃弾従徴応悪懐抜拝拠拡挿捜掲"
    "揺摂撃斎暦曽栄楽様権歓歯歳歴毎気浄済渓焼獣痩発県砕穏竜経絵継続総縁縄縦繍聴脳荘蔵薬観訳読譲賛"
    "転軽辺逓遅酔鉄銭鋳錬関陥険隠雑霊頼顕髪鶏麹麺黒亀倹勅勲唖噛塁壌壱尭巣弐恵悩払択掻暁桜桟検沢渇"
    "渉滝瀬犠猟畳稲穂穣粋粛繊臓艶薫蛍蝋覇覧豊醤醸釈頴駅駆騒験髄鴎鹸黙齢郷衛緒渋併並鉱闘餅戻",
    "两亚佛假传价儿圆剑剂劳劝单严收营团围图压盐增卖奖娘实专岩带归厅广废弹从征应恶怀拔拜据扩插搜揭"
    "摇摄击斋历曾荣乐样权欢齿岁历每气净济溪烧兽瘦发县碎稳龙经绘继续总缘绳纵绣听脑庄藏药观译读让赞"
    "转轻边递迟醉铁钱铸炼关陷险隐杂灵赖显发鸡曲面黑龟俭敕勋哑啮垒壤壹尧巢贰惠恼拂择搔晓樱栈检泽渴"
    "涉泷濑牺猎叠稻穗穰粹肃纤脏艳薰萤蜡霸览丰酱酿释颖驿驱骚验髓鸥碱默龄乡卫绪涩并并矿斗饼戾",
)
# Any character the variant tables above change: a text holding none is left as it is,
# without translating it character by character (most questions hold none).
_OLD_OR_JAPANESE = re.compile(
    "[" + "".join(map(re.escape, map(chr, [*_OLD_VARIANTS, *_JAPANESE_FORMS]))) + "]"
)
_VARIANT = re.compile("[" + "".join(map(re.escape, map(chr, _VARIANTS))) + "]")
# Letters, digits and CJK ideographs survive; everything else (emoji, punctuation, symbols) splits.
_NOT_WORD = re.compile(r"[^0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Digits stand apart from the words around them, so "190个群" and "190余个" share "190".
_DIGITS = re.compile(r"(?<=[^0-9 ])(?=[0-9])|(?<=[0-9])(?=[^0-9 ])")
_ANY_DIGIT = re.compile("[0-9]")  # what _DIGITS and _COUNTED need (most questions hold none)
# Chinese numerals with 十/百/千 (三十, 两百, 一百九十) become digits, so 两百多次 meets 200次;
# plain 一 … 九 stay words (一周, 两次会), 十分 (very) is not ten minutes, and a vague count
# (十几场会, 几十个群, 二十几张表) is no figure of the article's: 十几 is not 10.
_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT = {"十": 10, "百": 100, "千": 1000}
_D = "[一二两三四五六七八九]"
# Every part is optional, so the pattern matches (empty) at each position; the lookahead lets
# it start only where a numeral can (零, a digit, 十), which leaves every match it finds as it
# was and spares a call of _numeral_value per character (一百九十个群: 2 calls, not 7).
_NUMERAL = re.compile(
    rf"(?=[零十一二两三四五六七八九])(?:{_D}千)?(?:零?{_D}百)?(?:零?{_D}?十)?(?:零?{_D})?"
)
_UNITS = frozenset(_UNIT)
# A range of two rising digits (一两百个群, 二三十个会, 三五十个群) spans both: 一两百 is
# 一百到两百, as a range typed out says. Read digit by digit it left a stray 一 and the top
# alone (一 200), which meets 200次 but not the 190余个 asked of; read as its lower end (一百多)
# it lost the top, and 二三十个群 no longer met 30个. A weekday or an ordinal (周二三十点,
# 第一二十) is no range.
_RANGE = re.compile(rf"(?<![周期拜第])({_D})({_D})([十百千])")
# Digits read one by one (一九零个群, 二〇一六年) are a number typed as said, when a zero or a
# year shows it is not a vague count (三五个); 50% is written 百分之50, as 成 and 一半 are read.
_RUN = "[〇零一二三四五六七八九]"
_DIGIT_RUN = re.compile(rf"{_RUN}{{3,}}(?=年)|{_RUN}*[〇零]{_RUN}*")
_RUN_DIGIT = str.maketrans("〇零一二三四五六七八九", "00123456789")
_PER_CENT = re.compile(r"(\d+)\s*%")
# 七月底 is the 7月底 the article writes; 一月, 两月 are as often a month's length, so stay.
_MONTH = re.compile("(?<![一二两三四五六七八九十几个])([三四五六七八九])(?=月)")
# Latin vowels with a tone mark, and ü with or without one (typed v on a phone).
_TONE_MARKED = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙÜ]")
_U_UMLAUT = frozenset("üǖǘǚǜÜ")
# Pinyin with tone numbers (hui4yi4 tai4 duo1): a digit right after a syllable is its tone,
# not a count, once two syllables carry one (a lone wifi6 or qq2 keeps its digit).
_TONE_NUMBER = re.compile(r"(?<=[a-zA-Z])[1-5](?![0-9])")
# A tone digit (what a toned syllable needs) and a Latin letter: tests before the searches
# that need one, here and in tones.py (a toned word) and analyzer.py (pinyin spelled out).
TONE_DIGIT = re.compile("[1-5]")
_TONE_NUMBERS_MIN = 2
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Characters typed one by one with a blank or dash between (工 作 群 太 多, 会-议-太-多) are
# one text spaced out, not clauses: four or more lone characters in a row are joined again.
# Three (会 表 群) may be a list of one-character topics, and stay apart.
_C = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_SPACED_OUT_BLANKS = 3  # blanks at the least between characters spaced out (four of them)
_SPACED_OUT = re.compile(rf"(?<!{_C})(?:{_C} ){{{_SPACED_OUT_BLANKS},}}{_C}(?!{_C})")
# A verb said twice around 一 (降一降, 压一压, 改一改) is the verb, said casually; a
# measure word (一个一个, 一天一表) is not a verb, nor is a count said twice (一级一级, 一层一层:
# one after another; plain meaning).
_TRY_VERB = re.compile(r"(?<!一)([\u4e00-\u9fff])一\1")
_MEASURE_WORDS = frozenset("一个次天周年月日回遍份张条项件场趟点步")
# A one-character measure word after digits ends the count (2 次会够用吗, 3 天都在迎检): read
# on with the next characters it makes words that are neither (会够, 天都).
_COUNTED = re.compile("(?<=[0-9] )([个次天张份条类种回遍场趟户])(?=[\u4e00-\u9fff])")
# Laughter and sighs typed as letters run on (hhhhh, emmmmm, zzzzz): three say it as well.
_LETTER_RUN = re.compile(r"([a-z])\1{3,}")
LATIN_LETTER = re.compile("[a-z]")  # what _LETTER_RUN needs
# Lone surrogates (undecodable bytes smuggled in by surrogateescape, or "\\ud800" in JSON)
# cannot be encoded as UTF-8, which OpenCC, databases and terminals all need.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def encodable(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD, so it always encodes as UTF-8."""
    try:
        text.encode("utf-8")  # only a surrogate fails: most texts need no search
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


@functools.lru_cache(maxsize=NORMALIZED_KEPT)
def normalize(text: str) -> str:
    """Canonical form of a question: simplified, half-width, lowercase, single spaces.

    Kept for the last few thousand texts: a knowledge base repeats its keywords, names and
    titles across facts, and a start reads each of them several times."""
    text = encodable(text[: MAX_INPUT_CHARS * 2])  # cheap cap before any per-character work
    text = without_invisible(text)  # 开\u200b会 is 开会, not 开 and 会
    if not unicodedata.is_normalized("NFKC", text):  # a quick check, mostly enough
        text = unicodedata.normalize("NFKC", text)
    text = _toneless(text)
    text = _simplified(text)
    text = text.lower()
    # Each step below runs only where the text holds what its pattern needs (letters run on,
    # 一 between a verb said twice, 〇/零 or 年 in digits read out, 1 or 2 before a measure
    # word, % or 月 after a number, 十/百/千 in a range, digits beside other characters).
    if LATIN_LETTER.search(text):
        text = _LETTER_RUN.sub(r"\1\1\1", text)
    text = without_tone_numbers(text)
    if "一" in text:
        text = _TRY_VERB.sub(_said_once, text)
    if "零" in text or "〇" in text or "年" in text:
        text = _DIGIT_RUN.sub(_digits_read_out, text)
    if "1" in text or "2" in text:
        text = small_counts_in_words(text)  # 1周最多1表 is 一周最多一表
    if "%" in text:
        text = _PER_CENT.sub(r"百分之\1", text)
    if "月" in text:
        text = _MONTH.sub(lambda m: str(_DIGIT[m.group(1)]), text)
    if not _UNITS.isdisjoint(text):
        text = _RANGE.sub(_range_both_ends, text)
    if not _UNITS.isdisjoint(text):  # without 十, 百 or 千 every numeral stays as it is
        text = _NUMERAL.sub(_numeral_value, text)
    text = units_as_written(text)  # 一回 is 一次, 每个礼拜 每周, 半个钟头 半个小时
    text = _NOT_WORD.sub(" ", text).strip()
    text = rejoined(text)
    if _ANY_DIGIT.search(text):
        text = _DIGITS.sub(" ", text)
        text = _COUNTED.sub(r"\1 ", text)
    return text[:MAX_INPUT_CHARS].rstrip()


def _range_both_ends(found: re.Match[str]) -> str:
    """一两百 → 一百到两百, 二三十 → 二十到三十; digits not rising (二一十) stay as they were."""
    low, high, unit = found.groups()
    if _DIGIT[high] <= _DIGIT[low]:
        return found.group(0)
    return f"{low}{unit}到{high}{unit}"


def without_tone_numbers(text: str) -> str:
    """Pinyin with tone numbers as typed without them: hui4yi4 tai4 duo1 → huiyi tai duo.
    Read before anything else looks at a question, the digits are no counts (yi2ge4: 2 个)
    nor list marks."""
    if not TONE_DIGIT.search(text):  # no 1 to 5 at all: nothing to look behind
        return text
    if len(_TONE_NUMBER.findall(text)) < _TONE_NUMBERS_MIN:
        return text
    return _TONE_NUMBER.sub("", text)


def _toneless(text: str) -> str:
    """Pinyin with tone marks (kāihuì, lǜ) as a phone keyboard types it: kaihui, lv."""
    return text if text.isascii() else _TONE_MARKED.sub(_plain_vowel, text)


def _plain_vowel(found: re.Match[str]) -> str:
    mark = found.group(0)
    return "v" if mark in _U_UMLAUT else unicodedata.normalize("NFD", mark)[0]


def _simplified(text: str) -> str:
    # first, so 囘覆 converts as the phrase 回覆 does
    if _OLD_OR_JAPANESE.search(text):
        text = text.translate(_OLD_VARIANTS).translate(_JAPANESE_FORMS)
    simplified: str = _converter.convert(text)
    if "著" in simplified:
        taiwan: str = _taiwan.convert(text)
        if len(taiwan) == len(simplified):
            simplified = "".join(
                "着" if ours == "著" and theirs == "着" else ours
                for ours, theirs in zip(simplified, taiwan, strict=True)
            )
    if _VARIANT.search(simplified):
        simplified = simplified.translate(_VARIANTS)
    return simplified.replace("甚么", "什么")


def rejoined(text: str) -> str:
    """Characters typed one by one (工 作 群 太 多) joined again, as `normalize` joins them:
    for what reads the text as typed, as clauses.py does."""
    if text.count(" ") < _SPACED_OUT_BLANKS:  # too few blanks to space four characters out
        return text
    return _SPACED_OUT.sub(lambda spaced: spaced.group(0).replace(" ", ""), text)


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def _numeral_value(found: re.Match[str]) -> str:
    text = found.group(0)
    after = found.string[found.end() : found.end() + 2]
    before = found.string[found.start() - 1 : found.start()]
    if (
        not any(u in text for u in _UNIT)
        or (text == "十" and after[:1] == "分" and after != "分钟")
        or "几" in (before, after[:1])
    ):
        return text
    total, digit, unit = 0, 0, 1
    for ch in text:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        elif ch in _UNIT:
            unit = _UNIT[ch]
            total += (digit or 1) * unit
            digit = 0
    if len(text) >= 2 and text[-2] in "百千" and text[-1] in _DIGIT:
        digit *= unit // 10  # 一百九 is 190 and 两千五 2500, as people say it; 一百零九 is 109
    return str(total + digit)


def _digits_read_out(found: re.Match[str]) -> str:
    run = found.group(0)
    return run.translate(_RUN_DIGIT) if len(run) >= 3 else run  # 一零 alone is no number


def _said_once(found: re.Match[str]) -> str:
    verb = found.group(1)
    return found.group(0) if verb in _MEASURE_WORDS else verb
