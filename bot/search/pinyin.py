"""Pinyin helpers: read Chinese text and Latin pinyin as comparable syllable keys.

Officials type homophones (表哥 for 表格), pinyin (jiancha) and southern accents (zh/z, an/ang);
all of them meet here as one toneless, optionally accent-folded key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

CJK_ONLY = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")
LATIN = re.compile(r"^[a-z]+$")
_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"))
_FUZZY_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))
# Southern speakers (Hunan, Fujian, Guangdong) say f for hu and hu for f: 发言 comes out 花言,
# 飞 as 灰. Each f syllable folds into the hu syllable it is heard as.
_F_AS_HU = {
    "fa": "hua", "fan": "huan", "fang": "huang", "fei": "hui",
    "fen": "hun", "feng": "hong", "fo": "huo", "fu": "hu",
}  # fmt: skip


def fuzzy_syllable(syllable: str) -> str:
    """Fold sounds that southern speakers and pinyin keyboards mix up (zh/z, ang/an, l/n, f/hu)."""
    syllable = _F_AS_HU.get(syllable, syllable)
    for long, short in _FUZZY_INITIALS:
        if syllable.startswith(long):
            syllable = short + syllable[len(long) :]
            break
    if syllable.startswith("l"):
        syllable = "n" + syllable[1:]
    for long, short in _FUZZY_FINALS:
        if syllable.endswith(long):
            syllable = syllable[: -len(long)] + short
            break
    return syllable


@lru_cache(maxsize=65536)
def pinyin_key(text: str, fuzzy: bool = True) -> str:
    """Toneless pinyin of Chinese text or of split syllables; fuzzy folds zh/z, ang/an, l/n."""
    return " ".join(fuzzy_syllable(s) if fuzzy else s for s in _syllables(text))


SEGMENTS_KEPT = 16_384  # pypinyin's words and characters, read toneless (~2 MB of short text)
SYLLABLES_KEPT = 16_384  # texts' syllables, for their other key (~3 MB of short text)


@lru_cache(maxsize=SYLLABLES_KEPT)
def _syllables(text: str) -> tuple[str, ...]:
    """A text's syllables, kept: a window heard by sound is looked up by its exact key, and
    mostly by its folded key next, which reads the same syllables (表哥太: biao ge tai)."""
    if LATIN.match(text.replace(" ", "")):
        return tuple(text.split())
    return tuple(toneless_syllables(text))


def toneless_syllables(text: str) -> list[str]:
    """pypinyin's lazy_pinyin(text), each of its words read once. Why: a question's windows
    (表哥太, 哥太多) are new texts each time, but made of the same few words and characters;
    pypinyin cuts a text into its phrases and characters (mmseg) and reads each alone, so
    the words' readings, kept, give the text's (银行 is yin hang, 行 alone xing)."""
    return [s for word in _pinyin_reader().seg(text) for s in _word_syllables(word)]


@lru_cache(maxsize=SEGMENTS_KEPT)
def _word_syllables(word: str) -> tuple[str, ...]:
    """One of pypinyin's words read as lazy_pinyin reads it (toneless, ü as v, no sandhi)."""
    from pypinyin import Style

    readings = _pinyin_reader().converter.convert(word, Style.NORMAL, False, "default", True)
    return tuple(reading for options in readings for reading in options)


class _PinyinReader(NamedTuple):
    seg: Callable[[str], list[str]]
    converter: Any  # pypinyin's converter (untyped): convert(word, style, heteronym, ...)


@lru_cache(maxsize=1)
def _pinyin_reader() -> _PinyinReader:
    """What lazy_pinyin builds on each call: its segmenter and converter, built once."""
    # imported on first use: it costs 0.3 s at start-up
    from pypinyin.converter import UltimateConverter
    from pypinyin.core import Pinyin

    converter = UltimateConverter(v_to_u=False, neutral_tone_with_five=False, tone_sandhi=False)
    return _PinyinReader(Pinyin(converter).seg, converter)


def all_pinyin_keys(word: str, fuzzy: bool) -> set[str]:
    """Every reading of a word: the usual one and each character's alternatives (模板: mu/mo)."""
    return reading_keys(word, fuzzy, usual=True) | reading_keys(word, fuzzy, usual=False)


def reading_keys(word: str, fuzzy: bool, usual: bool) -> set[str]:
    """The usual reading of a word, or (usual=False) the readings made of each character's
    first two readings (模板: mo ban as well as mu ban; the rarer ones are mostly noise)."""
    if usual:
        return {pinyin_key(word, fuzzy)}
    from pypinyin import Style, pinyin

    # Character by character: pypinyin's phrase table would give only the dictionary reading.
    readings = [pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")[0] for ch in word]
    combos: list[list[str]] = [[]]
    for options in readings:
        combos = [[*c, o] for c in combos for o in options[:2]][:16]
    return {" ".join(fuzzy_syllable(x) if fuzzy else x for x in combo) for combo in combos}


@lru_cache(maxsize=1)
def _all_syllables() -> frozenset[str]:
    from pypinyin.pinyin_dict import pinyin_dict

    found: set[str] = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            plain = unicodedata.normalize("NFD", reading.replace("ü", "v"))
            found.add("".join(c for c in plain if c.isascii()))
    found.discard("")
    return frozenset(s for s in found if s.isalpha() and len(s) <= 6)


def is_syllable(text: str) -> bool:
    """Whether text is one syllable of pinyin (qi, ding): left unread, one character's worth."""
    return text in _all_syllables()


@lru_cache(maxsize=4096)
def split_pinyin(letters: str) -> tuple[str, ...] | None:
    """Split "jianchazu" into ("jian", "cha", "zu"); None when it is not pinyin."""
    valid = _all_syllables()
    n = len(letters)
    # best[i] = fewest syllables covering letters[:i]; fewer, longer syllables is the usual reading
    best: list[tuple[int, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (0, ())
    for i in range(n):
        if best[i] is None:
            continue
        count, parts = best[i]  # type: ignore[misc]  # checked for None just above
        for j in range(i + 1, min(n, i + 6) + 1):
            piece = letters[i:j]
            if piece in valid:
                candidate = (count + 1, (*parts, piece))
                current = best[j]
                if current is None or candidate[0] < current[0]:
                    best[j] = candidate
    final = best[n]
    return final[1] if final else None


def forget_texts_read() -> None:
    """Empty the memos of texts read (their keys and syllables, pypinyin's words, split
    letters), as a process just started has them: `jianfu bench` times each size's questions
    as read afresh, though the size before read the same ones."""
    for memo in (pinyin_key, _syllables, _word_syllables, split_pinyin):
        memo.cache_clear()


def is_stop_syllable(syllable: str, stopwords: frozenset[str]) -> bool:
    """Latin 'le', 'ma', 'de' are the particles 了, 吗, 的 typed in pinyin."""
    return syllable in _stop_syllables(stopwords)


@lru_cache(maxsize=4)
def _stop_syllables(stopwords: frozenset[str]) -> frozenset[str]:
    return frozenset(
        pinyin_key(w, fuzzy=False) for w in stopwords if len(w) == 1 and CJK_ONLY.match(w)
    )
