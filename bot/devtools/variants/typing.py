"""Pinyin as people type it when the Chinese keyboard is off, or half on.

Sub-kinds (one or two per source, chosen by rng):
- caps: the whole question in pinyin by words, the first letter capitalised as a phone keyboard
  does at the start of a sentence, punctuation in its ASCII form (Huiyi tai duo, zenme ban?);
- tones: the whole question in pinyin with tone numbers after each syllable (hui4yi4 tai4 duo1);
- apostrophe: pinyin by words with the syllable mark before a syllable that opens with a vowel
  (fang'an, ge'ren), only where the question holds such a word;
- tail: the keyboard switched off part way: the first words in characters, the rest in pinyin
  (会议太多 zenme ban);
- head: the keyboard switched on part way: the first words in pinyin, the rest in characters
  (huiyi tai duo 怎么办).

Every syllable is the word's own reading (pypinyin on jieba's words), so what is asked stays the
same and the source's labels stay true.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from pypinyin import Style, lazy_pinyin

from bot.devtools.evaluate import Labelled
from bot.devtools.variants.slips import HAN, _tables
from bot.kb import KnowledgeBase

ASCII_PUNCTUATION = {"，": ",", "。": ".", "？": "?", "！": "!", "、": ",", "；": ";", "：": ":"}
SPACE_OR_MARK = re.compile(r"^[\s，。、；：！？…,.;:!?]+$")


def _syllables(word: str, tones: bool) -> list[str]:
    if tones:
        return lazy_pinyin(word, style=Style.TONE3, neutral_tone_with_five=False)
    return lazy_pinyin(word)


def _word_pinyin(word: str, tones: bool = False, apostrophe: bool = False) -> str:
    """A word's reading written as one piece, as pinyin is written by word."""
    out = ""
    for at, syllable in enumerate(_syllables(word, tones)):
        if apostrophe and at and syllable[0] in "aeo":
            out += "'"
        out += syllable
    return out


def _pieces(text: str) -> list[str]:
    return [w for w in _tables()[0].lcut(text) if w.strip()]


def _ascii_mark(piece: str) -> str:
    return "".join(ASCII_PUNCTUATION.get(c, c) for c in piece.strip())


def in_pinyin(pieces: Sequence[str], tones: bool = False, apostrophe: bool = False) -> str:
    """The pieces in pinyin by words, punctuation in its ASCII form, spaces between words."""
    out = ""
    for piece in pieces:
        if SPACE_OR_MARK.match(piece):
            out += _ascii_mark(piece)
            continue
        written = _word_pinyin(piece, tones, apostrophe) if HAN.match(piece) else piece
        out += (" " if out and not out.endswith(" ") else "") + written
    return out.strip()


def _has_vowel_syllable(text: str) -> bool:
    return any(
        HAN.match(w) and any(s[0] in "aeo" for s in lazy_pinyin(w)[1:]) for w in _pieces(text)
    )


def _switched(text: str, rng: random.Random, tail: bool) -> str | None:
    """Characters up to a word boundary, pinyin after it (tail), or the other way round."""
    pieces = _pieces(text)
    words = [i for i, p in enumerate(pieces) if HAN.match(p)]
    if len(words) < 3:
        return None
    cut = rng.choice(words[1:-1])  # at least one word on each side
    head, rest = pieces[:cut], pieces[cut:]
    if tail:
        return "".join(head) + " " + in_pinyin(rest)
    return in_pinyin(head) + " " + "".join(rest)


def typed(text: str, sub: str, rng: random.Random) -> str | None:
    """The question typed in one of the forms above; None when the form does not apply."""
    if sub == "caps":
        written = in_pinyin(_pieces(text))
        return written[:1].upper() + written[1:]
    if sub == "tones":
        return in_pinyin(_pieces(text), tones=True)
    if sub == "apostrophe":
        return in_pinyin(_pieces(text), apostrophe=True) if _has_vowel_syllable(text) else None
    return _switched(text, rng, tail=sub == "tail")


SUBKINDS = ("caps", "tones", "apostrophe", "tail", "head")


def variants(
    item: Labelled, pool: Sequence[Labelled], rng: random.Random, kb: KnowledgeBase
) -> list[Labelled]:
    from bot.devtools.variants import variant_of  # the package imports this module

    made: list[Labelled] = []
    wanted = 2 if rng.random() < 0.5 else 1
    order = list(SUBKINDS)
    rng.shuffle(order)
    for sub in order:
        if len(made) == wanted:
            break
        text = typed(item.question, sub, rng)
        if text and text != item.question and all(text != v.question for v in made):
            made.append(variant_of(item, text, f"{item.kind}/{sub}"))
    return made
