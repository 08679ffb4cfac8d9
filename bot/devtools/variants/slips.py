"""Slips of the keyboard and the ear: the question as a hurried official types it.

Sub-kinds (one or two per source, chosen by rng):
- ime: a wrong candidate from the pinyin keyboard, the same syllables (回忆 for 会议, 事 for 是);
- near: the same with a near sound, as southern speakers type (z/zh, c/ch, s/sh, n/l, f/h,
  an/ang, en/eng, in/ing);
- pyword: one word typed in toneless pinyin (huiyi, hui yi);
- initials: one two-character word of the trade typed as its initials (hy for 会议): only a
  word of a fact's title or a topic's name, since initials of any other word (zd for 组建)
  leave even a human reader guessing, and the label would no longer be true;
- pyall: the whole question in toneless pinyin (by word, by syllable, or run together);
- drop / double: a character of a word left out or typed twice;
- two: two slips on two different words.

Only content words slip: words of two or more Chinese characters, and never a word that holds a
negation or a number or asks the question (不, 没, 三十, 怎么), since a slip there could change what
is asked. The character tables come from jieba's own dictionary and pypinyin, not the matcher's.
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence, Set
from functools import cache

import jieba
from pypinyin import Style, lazy_pinyin

from bot.devtools.evaluate import Labelled
from bot.kb import KnowledgeBase

COMMON_CHARS = 2500  # characters an IME offers early enough to be picked by mistake
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
# A slip in these would change what is asked (negation, number) or is not a content word.
GUARDED_CHARS = frozenset("不没无非别未否莫勿甭一二三四五六七八九十百千万两零半几多少吗呢吧么")
_FUNCTION_WORDS_TEXT = """
怎么 怎样 怎么办 咋办 什么 为什么 如何 哪些 哪个 哪里 是否 可以 能否
应该 需要 我们 你们 他们 她们 大家 自己 这个 那个 这些 那些 这样
那样 这么 那么 还是 或者 而且 但是 因为 所以 如果 就是 已经 现在
一下 有点 有些 还有 请问 是不是 到底 其实 可能
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
NEAR_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
NEAR_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))
F_H = (("fu", "hu"), ("fa", "hua"), ("fan", "huan"), ("fang", "huang"), ("fei", "hui"))
F_H_MORE = (("fen", "hun"), ("feng", "hong"))


@cache
def _tables() -> tuple[jieba.Tokenizer, dict[str, list[str]], dict[tuple[str, ...], list[str]]]:
    """jieba's dictionary: a tokenizer, common characters and common words by toneless pinyin."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    weight: Counter[str] = Counter()
    for word, freq in tokenizer.FREQ.items():
        for char in word:
            if freq and HAN.match(char):
                weight[char] += freq
    chars: dict[str, list[str]] = defaultdict(list)
    for char, _ in weight.most_common(COMMON_CHARS):
        if char not in GUARDED_CHARS:
            chars[lazy_pinyin(char)[0]].append(char)
    words: dict[tuple[str, ...], list[str]] = defaultdict(list)
    ranked = sorted((f, w) for w, f in tokenizer.FREQ.items() if f >= 500 and len(w) == 2)
    for _, word in reversed(ranked):
        if HAN.match(word) and not GUARDED_CHARS & set(word):
            words[tuple(lazy_pinyin(word))].append(word)
    return tokenizer, dict(chars), dict(words)


def _near_syllables(syllable: str) -> list[str]:
    """Syllables a speaker who merges z/zh, n/l, f/h, an/ang, en/eng or in/ing may type."""
    near: set[str] = set()
    for long, short in NEAR_INITIALS:
        if syllable.startswith(long):
            near.add(short + syllable[len(long) :])
        elif syllable.startswith(short) and not syllable.startswith(long):
            near.add(long + syllable[len(short) :])
    for long, short in NEAR_FINALS:
        if syllable.endswith(long):
            near.add(syllable[: -len(long)] + short)
        elif syllable.endswith(short):
            near.add(syllable + "g")
    for f_form, h_form in (*F_H, *F_H_MORE):
        if syllable == f_form:
            near.add(h_form)
        elif syllable == h_form:
            near.add(f_form)
    return sorted(near)


def _content_spans(text: str) -> list[tuple[int, str]]:
    """(start, word) of each word a slip may touch."""
    spans: list[tuple[int, str]] = []
    start = 0
    for word in _tables()[0].lcut(text):
        if (
            len(word) >= 2
            and HAN.match(word)
            and word not in FUNCTION_WORDS
            and not GUARDED_CHARS & set(word)
        ):
            spans.append((start, word))
        start += len(word)
    return spans


def _same_sound(word: str, rng: random.Random) -> str | None:
    """The word as a wrong keyboard candidate with the same syllables."""
    _, chars, words = _tables()
    syllables = lazy_pinyin(word)
    others = [w for w in words.get(tuple(syllables), []) if w != word][:4]
    if others and rng.random() < 0.5:
        return rng.choice(others)
    at = rng.randrange(len(word))
    candidates = [c for c in chars.get(syllables[at], []) if c != word[at]][:5]
    if not candidates:
        return None
    return word[:at] + rng.choice(candidates) + word[at + 1 :]


def _near_sound(word: str, rng: random.Random) -> str | None:
    """One character typed with a near sound and its first common candidate taken."""
    chars = _tables()[1]
    syllables = lazy_pinyin(word)
    places = list(range(len(word)))
    rng.shuffle(places)
    for at in places:
        sounds = [s for s in _near_syllables(syllables[at]) if chars.get(s)]
        if sounds:
            candidates = chars[rng.choice(sounds)][:5]
            return word[:at] + rng.choice(candidates) + word[at + 1 :]
    return None


def _in_pinyin(word: str, rng: random.Random) -> str:
    syllables = lazy_pinyin(word)
    return " ".join(syllables) if rng.random() < 0.3 else "".join(syllables)


def _initials(word: str, trade_words: Set[str]) -> str | None:
    """A trade word (会议 → hy); only words officials abbreviate stay readable so."""
    if len(word) != 2 or word not in trade_words:
        return None
    return "".join(lazy_pinyin(word, style=Style.FIRST_LETTER))


def _trade_words(kb: KnowledgeBase) -> set[str]:
    """Two-character words of the facts' titles and the topics' names."""
    headlines = [f.title for f in kb.facts] + [t.name for t in kb.topics.values()]
    words = (w for h in headlines for w in _tables()[0].lcut(h))
    return {w for w in words if len(w) == 2 and HAN.match(w)}


_TRADE_WORDS_OF: list[tuple[KnowledgeBase, frozenset[str]]] = []


def trade_words_of(kb: KnowledgeBase) -> frozenset[str]:
    """The trade words of a knowledge base, read once per loaded base."""
    for known, words in _TRADE_WORDS_OF:
        if known is kb:
            return words
    words = frozenset(_trade_words(kb))
    _TRADE_WORDS_OF[:] = [(kb, words)]
    return words


def _dropped(word: str, rng: random.Random) -> str:
    at = rng.randrange(len(word)) if len(word) >= 3 else 1
    return word[:at] + word[at + 1 :]


def _doubled(word: str, rng: random.Random) -> str:
    at = rng.randrange(len(word))
    return word[: at + 1] + word[at:]


WORD_SLIPS: dict[str, Callable[[str, random.Random], str | None]] = {
    "ime": _same_sound,
    "near": _near_sound,
    "pyword": _in_pinyin,
    "drop": _dropped,
    "double": _doubled,
}


def _pad(text: str, start: int, end: int, slipped: str, rng: random.Random) -> str:
    """Pinyin beside characters is sometimes set off by spaces."""
    if slipped.isascii() and rng.random() < 0.3:
        slipped = f" {slipped} "
    return (text[:start] + slipped + text[end:]).strip()


def slip_words(
    text: str, kinds: Sequence[str], rng: random.Random, trade_words: Set[str] = frozenset()
) -> str | None:
    """The text with one word slipped per kind, each on a different word; None if it cannot.
    `trade_words`: the words "initials" may abbreviate (the facts' titles and topic names)."""
    spans = _content_spans(text)
    rng.shuffle(spans)
    chosen = sorted(spans[: len(kinds)], reverse=True)  # from the end: earlier offsets hold
    if len(chosen) < len(kinds):
        return None
    for (start, word), kind in zip(chosen, kinds, strict=True):
        if kind == "initials":
            slipped = _initials(word, trade_words)
        else:
            slipped = WORD_SLIPS[kind](word, rng)
        if slipped is None or slipped == word:
            return None
        text = _pad(text, start, start + len(word), slipped, rng)
    return text


def whole_in_pinyin(text: str, rng: random.Random) -> str:
    """The whole question in toneless pinyin, as the keyboard would spell it."""
    style = rng.choice(("words", "words", "syllables", "run"))
    pieces: list[str] = []
    for word in _tables()[0].lcut(text):
        if HAN.match(word):
            syllables = lazy_pinyin(word)
            pieces.extend(syllables if style == "syllables" else ["".join(syllables)])
        elif word.strip() and not re.fullmatch(r"[，。、；：！…,.;:!\s]+", word):
            pieces.append(word.replace("？", "?"))
    joined = ("" if style == "run" else " ").join(pieces)
    return joined.replace(" ?", "?")


SUBKINDS = ("ime", "ime", "near", "near", "pyword", "initials", "pyall", "drop", "double", "two")


def variants(
    item: Labelled, pool: Sequence[Labelled], rng: random.Random, kb: KnowledgeBase
) -> list[Labelled]:
    from bot.devtools.variants import variant_of  # the package imports this module

    trade = trade_words_of(kb)
    made: list[Labelled] = []
    wanted = 2 if rng.random() < 0.5 else 1
    order = list(SUBKINDS)
    rng.shuffle(order)
    for sub in order:
        if len(made) == wanted:
            break
        if sub == "pyall":
            text: str | None = whole_in_pinyin(item.question, rng)
        elif sub == "two":
            pair = rng.sample(("ime", "near", "pyword", "drop", "double"), 2)
            text = slip_words(item.question, pair, rng, trade)
        else:
            text = slip_words(item.question, [sub], rng, trade)
        if text and text != item.question and all(text != v.question for v in made):
            made.append(variant_of(item, text, f"{item.kind}/{sub}"))
    return made
