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

# Enough for any real question; longer messages are pasted documents, and the start says most.
MAX_INPUT_CHARS = 160
NORMALIZED_KEPT = 16_384  # texts whose normal form is kept (at most ~10 MB of short strings)

_converter = opencc.OpenCC("t2s")
# Taiwan's table knows 著 as the particle 着 (盯著, 掛著), which the common table leaves as
# 著; only that is taken from it, since it also reads simplified text its own way (么 → 幺).
_taiwan = opencc.OpenCC("tw2s")
# Variant characters both tables leave alone (衞生 would otherwise sound like 微信).
_VARIANTS = str.maketrans({"衞": "卫", "枱": "台", "衹": "只", "祇": "只", "汚": "污"})
# Letters, digits and CJK ideographs survive; everything else (emoji, punctuation, symbols) splits.
_NOT_WORD = re.compile(r"[^0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Digits stand apart from the words around them, so "190个群" and "190余个" share "190".
_DIGITS = re.compile(r"(?<=[^0-9 ])(?=[0-9])|(?<=[0-9])(?=[^0-9 ])")
# Chinese numerals with 十/百/千 (三十, 两百, 一百九十) become digits, so 两百多次 meets 200次;
# plain 一 … 九 stay words (一周, 两次会), 十分 (very) is not ten minutes, and a vague count
# (十几场会, 几十个群, 二十几张表) is no figure of the article's: 十几 is not 10.
_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT = {"十": 10, "百": 100, "千": 1000}
_D = "[一二两三四五六七八九]"
_NUMERAL = re.compile(rf"(?:{_D}千)?(?:零?{_D}百)?(?:零?{_D}?十)?(?:零?{_D})?")
# Latin vowels with a tone mark, and ü with or without one (typed v on a phone).
_TONE_MARKED = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙÜ]")
_U_UMLAUT = frozenset("üǖǘǚǜÜ")
# Pinyin with tone numbers (hui4yi4 tai4 duo1): a digit right after a syllable is its tone,
# not a count, once two syllables carry one (a lone wifi6 or qq2 keeps its digit).
_TONE_NUMBER = re.compile(r"(?<=[a-z])[1-5](?![0-9])")
_TONE_NUMBERS_MIN = 2
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A verb said twice around 一 (降一降, 压一压, 改一改) is the verb, said casually; a
# measure word (一个一个, 一天一表) is not a verb.
_TRY_VERB = re.compile(r"([\u4e00-\u9fff])一\1")
_MEASURE_WORDS = frozenset("一个次天周年月日回遍份张条项件场趟点步")
# Lone surrogates (undecodable bytes smuggled in by surrogateescape, or "\\ud800" in JSON)
# cannot be encoded as UTF-8, which OpenCC, databases and terminals all need.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def encodable(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD, so it always encodes as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


@functools.lru_cache(maxsize=NORMALIZED_KEPT)
def normalize(text: str) -> str:
    """Canonical form of a question: simplified, half-width, lowercase, single spaces.

    Kept for the last few thousand texts: a knowledge base repeats its keywords, names and
    titles across facts, and a start reads each of them several times."""
    text = encodable(text[: MAX_INPUT_CHARS * 2])  # cheap cap before any per-character work
    text = unicodedata.normalize("NFKC", text)
    text = _toneless(text)
    text = _simplified(text)
    text = text.lower()
    if len(_TONE_NUMBER.findall(text)) >= _TONE_NUMBERS_MIN:
        text = _TONE_NUMBER.sub("", text)
    text = _TRY_VERB.sub(_said_once, text)
    text = _NUMERAL.sub(_numeral_value, text)
    text = _NOT_WORD.sub(" ", text).strip()
    text = _DIGITS.sub(" ", text)
    return text[:MAX_INPUT_CHARS].rstrip()


def _toneless(text: str) -> str:
    """Pinyin with tone marks (kāihuì, lǜ) as a phone keyboard types it: kaihui, lv."""
    return text if text.isascii() else _TONE_MARKED.sub(_plain_vowel, text)


def _plain_vowel(found: re.Match[str]) -> str:
    mark = found.group(0)
    return "v" if mark in _U_UMLAUT else unicodedata.normalize("NFD", mark)[0]


def _simplified(text: str) -> str:
    simplified: str = _converter.convert(text)
    if "著" in simplified:
        taiwan: str = _taiwan.convert(text)
        if len(taiwan) == len(simplified):
            simplified = "".join(
                "着" if ours == "著" and theirs == "着" else ours
                for ours, theirs in zip(simplified, taiwan, strict=True)
            )
    return simplified.translate(_VARIANTS).replace("甚么", "什么")


# A clause introducing the asker (我是村里的扶贫专干, 本人是社区书记, 我在街道工作三年了, 作为
# 一名驻村干部) says who asks, not what: its words (扶贫专干, 街道) would pull their own facts.
_CLAUSE = re.compile(r"[^，,。.！!？?；;~～\s]+[，,。.！!？?；;~～\s]*")
_SELF_INTRO = re.compile(
    r"^(?:(?:我|本人|俺|小弟|在下)(?:是|系)(?!说|想|问)"
    r"|(?:我|本人|俺)在.{1,12}(?:工作|上班|任职|干了|待了)"
    r"|作为(?:一名|一个)?.{1,12}$)"
)


def without_self_introduction(text: str) -> str:
    """`text` without the clauses that introduce the asker, when something else is asked."""
    clauses = _CLAUSE.findall(text)
    kept = [c for c in clauses if not _SELF_INTRO.match(c.strip("，,。.！!？?；;~～ \t\n"))]
    if len(kept) == len(clauses) or not any(_CJK.search(c) for c in kept):
        return text
    return "".join(kept)


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


def _said_once(found: re.Match[str]) -> str:
    verb = found.group(1)
    return found.group(0) if verb in _MEASURE_WORDS else verb
