"""Figures written another way: does the answer survive 30 for 三十, 190多个 for 190余个?

Officials point at a fact by its figure, and they write figures every way there is. Sub-kinds,
chosen by the seeded rng among those that fit the source (one or two per source):
- script: Arabic digits <-> Chinese numerals (30分钟 <-> 三十分钟, 190 <-> 一百九十, 2次 <-> 两次),
  and 仨/俩 for 三个/两个;
- fullwidth: digits typed full-width by a Chinese keyboard (３０分钟, ５０％);
- units: the same amount in another unit word (半小时 <-> 30分钟, 小时 -> 钟头, 周 <-> 星期/礼拜,
  次 <-> 回, 每个月 <-> 每月, 3分钟 -> 3min);
- approx: an approximate figure said another way that stays true (190余个 -> 190多个, 一百九十来个,
  近两百个; 上百条 -> 一百多条);
- asked: a stated figure asked about instead (解散190余个群 -> 解散多少个群): only when it is the
  statement's one figure and enough words remain to point at the same fact;
- percent: shares as words or signs (一半 <-> 50% / 百分之五十 / 五成, 30% <-> 三成).

No sub-kind changes an amount: what a fact holds stays held, and a figure no fact holds stays
held by none, so off-topic questions stay off-topic. The variant's kind is "<kind>/<sub-kind>".
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

from bot.devtools.evaluate import Labelled
from bot.devtools.variants.numerals import from_chinese, to_chinese
from bot.kb import KnowledgeBase

# Measure words a count stands before (两次, 3个, 五张); 月 alone is a month's name (二月).
MEASURE = "个次张天周份人名条回类种项页场轮户家遍倍岁块元分小钟星礼表"
# After 一 only a unit of time or a counted thing: 一个 is mostly "a", 一月 is January.
ONE_UNIT = re.compile(r"次|张|周|天|回|年|个月|个星期|星期|礼拜|个礼拜|小时|个小时|份|条|遍|表")
# 没一天, 这一周, 又一次: 一 there is "a single", which no one writes as 1.
NOT_BEFORE_ONE = frozenset("没不又这那哪同再接")
# 一遍遍, 一份接一份: reduplication, no count.
REDUPLICATED = re.compile(r"一(.)(?:\1|接一\1)")
# Chinese numerals that are no count here: set phrases, weekdays, ordinals, vague amounts.
SET_PHRASES = (
    "三天两头", "三番五次", "一天到晚", "一年到头", "一次性", "一回事", "两张皮", "十天半个月",
    "一年四季", "三令五申", "一次次", "一天天", "一个个", "一条龙", "一张嘴", "一条线", "五花八门",
    "七上八下", "千篇一律", "一把手", "一天一天", "一年半载", "三天打鱼", "两天晒网", "一份子",
)  # fmt: skip
NOT_BEFORE = frozenset("每第统唯同逐单专周期拜几数上成好月年日号点")
# A count in digits; list markers ((1), 1、, 1.) and codes next to letters are no counts.
ARABIC = re.compile(r"(?<![0-9A-Za-z.(（])([0-9]{1,3})(?![0-9A-Za-z.%)）、])")
LATIN = re.compile(r"[A-Za-z]")
CHINESE = re.compile(r"[零〇一二两三四五六七八九十百]+")
HAN = re.compile(r"[\u4e00-\u9fff]")
FULL_WIDTH = str.maketrans("0123456789%", "０１２３４５６７８９％")

Span = tuple[int, int, int]  # start, end, value


def _in_set_phrase(text: str, start: int, end: int) -> bool:
    return any(
        m.start() < end and start < m.end()
        for phrase in SET_PHRASES
        for m in re.finditer(phrase, text)
    )


def _guarded(text: str, start: int, end: int) -> bool:
    """A span inside a set phrase, or after a word that makes it no count (每一, 第三, 几十)."""
    return bool(start and text[start - 1] in NOT_BEFORE) or _in_set_phrase(text, start, end)


def arabic_spans(text: str) -> list[Span]:
    """Counts in digits below a thousand; a year (2016年) or a decimal is no such count."""
    return [
        (m.start(), m.end(), int(m[1]))
        for m in ARABIC.finditer(text)
        if int(m[1]) > 0 and not m[1].startswith("0")
    ]


def chinese_spans(text: str) -> list[Span]:
    """Counts in Chinese numerals standing before a measure word, outside set phrases."""
    spans: list[Span] = []
    for m in CHINESE.finditer(text):
        value = from_chinese(m[0])
        after = text[m.end() :]
        if value and value >= 10 and value % 10 == 0 and after[:1] in ("余", "多", "来"):
            after = after[1:]  # 一百九十余个: a round figure and more
        if value is None or not after or after[0] not in MEASURE or after.startswith("月"):
            continue
        if value == 1 and (
            not ONE_UNIT.match(after)
            or (m.start() and text[m.start() - 1] in NOT_BEFORE_ONE)
            or REDUPLICATED.match(text, m.start())
        ):
            continue
        if _guarded(text, m.start(), m.end()):
            continue
        spans.append((m.start(), m.end(), value))
    return spans


def _replace(text: str, spans: Sequence[Span], render: Callable[[Span], str]) -> str:
    for span in sorted(spans, reverse=True):
        text = text[: span[0]] + render(span) + text[span[1] :]
    return text


def script(text: str, rng: random.Random) -> str:
    """Digits to Chinese numerals or back, every count in the question the same way."""
    arabic, chinese = arabic_spans(text), chinese_spans(text)
    if len(LATIN.findall(text)) > len(HAN.findall(text)):  # pinyin: its digits stay digits
        arabic = []
    ways = [w for w, spans in (("zh", arabic), ("ar", chinese)) if spans]
    if not ways:
        return text
    if rng.choice(ways) == "ar":
        return _replace(text, chinese, lambda s: str(s[2]))
    made = _replace(
        text,
        arabic,
        lambda s: to_chinese(s[2], counted=text[s[1] : s[1] + 1] in MEASURE and s[1] < len(text)),
    )
    if rng.random() < 0.4:  # 三个 -> 仨, 两个 -> 俩, as people say them
        made = re.sub(r"(?<![零一二两三四五六七八九十百几第每])三个", "仨", made, count=1)
        made = re.sub(r"(?<![零一二两三四五六七八九十百几第每])两个(?!月)", "俩", made, count=1)
    return made


def fullwidth(text: str, rng: random.Random) -> str:
    return text.translate(FULL_WIDTH)


DIGIT = "0-9一二两三四五六七八九十百"
WEEK_WORDS = ("星期", "个星期", "个礼拜")
COUNTED = "[个次条张份人天名家户项]"
HALF_HOUR = re.compile(r"半个?小时|半个钟头")
THIRTY_MINUTES = re.compile(rf"(?<![{DIGIT}])(?:30|三十)分钟")
UNIT_SWAPS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (HALF_HOUR, ("30分钟", "三十分钟", "半个钟头", "半个小时")),
    (THIRTY_MINUTES, ("半小时", "半个小时", "半个钟头")),
    (re.compile(rf"(?<=[{DIGIT}])个?小时"), ("个钟头",)),
    (re.compile(rf"(?<=[{DIGIT}])个钟头"), ("个小时", "小时")),
    (re.compile(r"(?<=[0-9])分钟"), ("min",)),
    (re.compile(rf"(?<=[每{DIGIT}])周(?![末年岁边围期一二三四五六日])"), WEEK_WORDS),
    (re.compile(rf"(?<=[每{DIGIT}])个?(?:星期|礼拜)(?![一二三四五六日天0-9])"), ("周",)),
    (re.compile(rf"(?<=[{DIGIT}])次(?![性数要])"), ("回",)),
    (re.compile(rf"(?<=[{DIGIT}])回(?![事来去复头家])"), ("次",)),
    (re.compile(r"每个月"), ("每月",)),
    (re.compile(r"每月(?![份底初])"), ("每个月",)),
)  # fmt: skip


def units(text: str, rng: random.Random) -> str:
    """One unit word swapped for another meaning the same amount."""
    spots = [
        (m.start(), m.end(), options)
        for pattern, options in UNIT_SWAPS
        for m in pattern.finditer(text)
        if not _in_set_phrase(text, m.start(), m.end())
    ]
    if not spots:
        return text
    start, end, options = rng.choice(sorted(spots))
    return text[:start] + rng.choice(options) + text[end:]


APPROX = re.compile(
    r"(?P<num>(?<![0-9])[0-9]{1,3}|(?<![零一二两三四五六七八九十百几])[一二两三四五六七八九十百]+)"
    r"(?P<mark>余|多|来)(?=[个次条张份人天名家户项年])"
)
HUNDREDS_AND_MORE = re.compile(rf"(?:上百|一百多)(?={COUNTED})")
OVER_A_HUNDRED = ["一百多", "百来", "100多"]


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else from_chinese(text)


def _written(value: int, arabic: bool) -> str:
    return str(value) if arabic else to_chinese(value, counted=True)


def approx(text: str, rng: random.Random) -> str:
    """An approximate round figure said another way: 190余 -> 190多 / 一百九十来 / 近两百."""
    spots: list[tuple[int, int, list[str]]] = []
    for m in APPROX.finditer(text):
        value = _number(m["num"])
        if value is None or value < 10 or value % 10 or _in_set_phrase(text, m.start(), m.end()):
            continue
        arabic = m["num"].isdigit()
        options = [
            _written(value, write_arabic) + mark
            for write_arabic in (arabic, not arabic)
            for mark in ("余", "多", "来")
            if (write_arabic, mark) != (arabic, m["mark"])
        ]
        if m["mark"] != "来" and (value + 10) % 100 == 0:  # 190余 is near two hundred
            options += [
                near + _written(value + 10, write_arabic)
                for near in ("近", "将近", "差不多")
                for write_arabic in (True, False)
            ]
        spots.append((m.start(), m.end(), options))
    for m in HUNDREDS_AND_MORE.finditer(text):
        spots.append((m.start(), m.end(), OVER_A_HUNDRED if m[0] == "上百" else ["上百"]))
    if not spots:
        return text
    start, end, options = rng.choice(spots)
    return text[:start] + rng.choice(options) + text[end:]


ASKING = re.compile(r"怎么|怎样|咋|吗|么|什么|啥|哪|如何|是否|能否|几|多少|谁|[？?]|呢|不是")
NEAR_WORDS = re.compile(r"(?:将近|近|差不多|大概|大约|约)$")


def asked(text: str, rng: random.Random) -> str:
    """A statement's one figure asked about: 解散190余个群 -> 解散多少个群."""
    if ASKING.search(text):
        return text
    spans = [s for s in arabic_spans(text) + chinese_spans(text) if s[2] >= 2]
    every = [m for m in CHINESE.finditer(text) if (from_chinese(m[0]) or 0) >= 2]
    if len(spans) != 1 or len(every) + len(arabic_spans(text)) > 1:
        return text
    start, end, value = spans[0]
    if end < len(text) and text[end] in "余多来":
        end += 1
    if end >= len(text) or text[end] not in MEASURE:
        return text
    near = NEAR_WORDS.search(text[:start])
    if near:
        start = near.start()
    if text[:start].endswith(("不下", "上", "第", "每")):
        return text
    # enough words must remain to point at the fact without the figure
    if len(HAN.findall(text[:start] + text[end + 1 :])) < 3:
        return text
    made = text[:start] + ("几" if value < 10 else "多少") + text[end:]
    return made + ("？" if rng.random() < 0.5 else "")


PERCENT_SIGN = re.compile(r"([0-9]{1,2})[%％]")
PERCENT_WORDS = re.compile(r"百分之([一二三四五六七八九十]+)")
TENTHS = re.compile(
    r"(?<![零一二两三四五六七八九十几])([一二三四五六七八九])成(?![为绩本立功员效果熟品就长都型套不])"
)
MORE_THAN_HALF = re.compile(r"一半以上|一半多|超过一半")
HALF = re.compile(r"(?<![大多])一半(?![多以天])")


def _share_options(percent: int) -> list[str]:
    options = [f"{percent}%", "百分之" + to_chinese(percent, counted=False)]
    if percent % 10 == 0:
        options.append(to_chinese(percent // 10, counted=False) + "成")
    if percent == 50:
        options.append("一半")
    return options


def percent(text: str, rng: random.Random) -> str:
    """A share in other words or signs: 一半 <-> 50% <-> 百分之五十 <-> 五成."""
    spots: list[tuple[int, int, list[str]]] = []
    for pattern, scale in ((PERCENT_SIGN, 1), (PERCENT_WORDS, 1), (TENTHS, 10)):
        for m in pattern.finditer(text):
            value = _number(m[1])
            if value and value * scale < 100:
                options = [o for o in _share_options(value * scale) if o != m[0]]
                spots.append((m.start(), m.end(), options))
    for m in MORE_THAN_HALF.finditer(text):
        spots.append((m.start(), m.end(), ["过半", "五成以上", "50%以上", "百分之五十以上"]))
    for m in HALF.finditer(text):
        spots.append((m.start(), m.end(), ["50%", "百分之五十", "五成"]))
    if not spots:
        return text
    start, end, options = rng.choice(spots)
    return text[:start] + rng.choice(options) + text[end:]


# Kinds whose question is about the figure itself: elsewhere a figure is background (三个部门
# 来检查) and asking about it would ask something else.
ASKED_KINDS = frozenset({"number", "numbers"})

Variation = Callable[[str, random.Random], str]
SUB_KINDS: dict[str, Variation] = {
    "script": script,
    "fullwidth": fullwidth,
    "units": units,
    "approx": approx,
    "asked": asked,
    "percent": percent,
}


def variants(
    item: Labelled, pool: Sequence[Labelled], rng: random.Random, kb: KnowledgeBase
) -> list[Labelled]:
    from bot.devtools.variants import variant_of  # the package imports this module

    made: dict[str, str] = {}
    for sub, vary in SUB_KINDS.items():
        if sub == "asked" and item.on_topic and item.kind not in ASKED_KINDS:
            continue
        text = vary(item.question, rng)
        if text != item.question:
            made[sub] = text
    if not made:
        return []
    chosen = rng.sample(sorted(made), min(rng.choice((1, 2)), len(made)))
    return [variant_of(item, made[sub], f"{item.kind}/{sub}") for sub in sorted(chosen)]
