"""Script and input style: the same question as people in Taiwan, Hong Kong and the mainland
type it, on whatever keyboard or phone they have.

Sub-kinds (one or two per source, chosen by rng among those that change the source):
- taiwan: the whole question in Taiwan characters (OpenCC s2twp) and Taiwan wording (群組,
  甚麼, 長官, 公文, a particle 耶/喔, now and then zhuyin ㄇ for 吗);
- hongkong: Hong Kong characters (OpenCC s2hk) and written Cantonese (點算, 咩, 係, 唔, 冇, 嘅);
- mix: half the question in traditional characters, as when part of it is pasted;
- fullwidth: Latin letters, digits and punctuation typed in full width (ＰＰＴ, ３０分钟);
- spaces: spaces typed between words, between characters, or for every punctuation mark;
- voice: dictated: no punctuation, a run-on with 就是/然后/那个 in the middle and, for an
  on-topic question, now and then a homophone a speech engine writes (the commoner word);
- enpunct: English punctuation (? , !) and repeated ？？？ or ！！ at the end;
- english: a word in English where cadres use one (PPT, Excel, APP, wx群, OA, KPI).

The matcher reads traditional characters with OpenCC too, so the character forms of taiwan,
hongkong and mix are not an independent test; their wording is. An off-topic question stays
off-topic: nothing here adds a subject, and no homophone is put in where none is asked about.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cache

import jieba
import opencc
from pypinyin import Style, lazy_pinyin

from bot.devtools.evaluate import Labelled
from bot.devtools.variants import script_words as words
from bot.kb import KnowledgeBase

SUBKINDS = ("taiwan", "hongkong", "mix", "fullwidth", "spaces", "voice", "enpunct", "english")
HAN = re.compile(r"[\u4e00-\u9fff]")
PUNCT = re.compile(r"[，。、；：！？…,.;:!?~～\s]+")
END_PUNCT = "。？！?!.…~"
# Chinese punctuation as typed on an English keyboard.
ENGLISH_MARKS = {"，": ",", "。": ".", "？": "?", "！": "!", "：": ":", "；": ";", "、": ","}
REPEATED_ENDS = ("？？？", "???", "！！", "!!", "?!", "？？")
# A homophone a speech engine writes: a commoner word of the very same tones.
HOMOPHONE_MIN_FREQ = 300
NEGATION_OR_NUMBER = frozenset("不没无非别未一二三四五六七八九十百千万两零半几多少")
# No particle after one; a soft one after a question word.
NO_PARTICLE = ("嗎", "呢", "吧", "啊", "呀", "啦", "㗎", "喎")
ASKING_ENDS = ("辦", "麼", "樣", "何", "少", "誰", "哪", "點", "咩", "算", "搞", "解", "度", "時")


@cache
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _convert(config: str, text: str) -> str:
    converted: str = _opencc(config).convert(text)
    return converted


@cache
def _tokenizer() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _cut(text: str) -> list[str]:
    return list(_tokenizer().lcut(text, HMM=False))


@cache
def _homophones() -> dict[tuple[str, ...], list[tuple[int, str]]]:
    """Common two-character words by their toned syllables, commonest first."""
    table: dict[tuple[str, ...], list[tuple[int, str]]] = defaultdict(list)
    for word, freq in _tokenizer().FREQ.items():
        common = freq >= HOMOPHONE_MIN_FREQ and len(word) == 2 and True
        if common and all(HAN.match(c) for c in word) and not NEGATION_OR_NUMBER & set(word):
            table[tuple(lazy_pinyin(word, style=Style.TONE3))].append((freq, word))
    return {key: sorted(found, reverse=True) for key, found in table.items()}


def _regional(text: str, table: dict[str, tuple[str, ...]], config: str, rng: random.Random) -> str:
    """The question re-worded with `table` (most words that have a regional form take it) and
    the rest converted to the region's characters."""
    out: list[str] = []
    plain: list[str] = []
    for token in _cut(text):
        if token in table and rng.random() < 0.8:
            out.append(_convert(config, "".join(plain)))
            plain = []
            out.append(rng.choice(table[token]))
        else:
            plain.append(token)
    out.append(_convert(config, "".join(plain)))
    return "".join(out).replace("“", "「").replace("”", "」")


def _split_end(text: str) -> tuple[str, str]:
    body = text.rstrip(END_PUNCT)
    return body, text[len(body) :]


def _particle(body: str, end: str, choices: Sequence[str], rng: random.Random) -> str:
    """Now and then a particle after the question: a soft one after a question word."""
    if body.endswith(NO_PARTICLE) or rng.random() >= 0.3:
        return ""
    asking = body.endswith(ASKING_ENDS) or "？" in end or "?" in end
    return rng.choice(("啊", "呀") if asking else choices)


def taiwan(text: str, rng: random.Random) -> str:
    body, end = _split_end(_convert("t2s", text))
    zhuyin = ""
    if body[-1:] in words.ZHUYIN and rng.random() < 0.2:
        body, zhuyin = body[:-1], words.ZHUYIN[body[-1]]
    converted = _regional(body, words.TAIWAN, "s2twp", rng)
    return converted + (zhuyin or _particle(converted, end, words.TAIWAN_PARTICLES, rng)) + end


def hongkong(text: str, rng: random.Random) -> str:
    body, end = _split_end(_convert("t2s", text))
    tokens = _cut(body)
    if tokens and tokens[-1] == "了":
        tokens[-1] = words.HONG_KONG_LE[1]
    table = {**words.HONG_KONG, "了": words.HONG_KONG_LE[:1]}
    converted = _regional("".join(tokens), table, "s2hk", rng)
    return converted + _particle(converted, end, words.HONG_KONG_PARTICLES, rng) + end


def mix(text: str, rng: random.Random) -> str:
    """The first or the second half (cut between words) in traditional characters."""
    simplified = _convert("t2s", text)
    tokens = _cut(simplified)
    half = len(simplified) / 2
    cut, length = 0, 0
    while cut < len(tokens) and length + len(tokens[cut]) <= half:
        length += len(tokens[cut])
        cut += 1
    head, tail = "".join(tokens[:cut]), "".join(tokens[cut:])
    config = rng.choice(("s2t", "s2tw", "s2hk"))
    trad_head, trad_tail = _convert(config, head), _convert(config, tail)
    if (rng.random() < 0.5 and trad_head != head) or trad_tail == tail:
        return trad_head + tail
    return head + trad_tail


def fullwidth(text: str, rng: random.Random) -> str:
    """Latin letters, digits and punctuation as a Chinese keyboard's full-width mode types them."""
    space = "\u3000" if rng.random() < 0.5 else " "
    return "".join(
        chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else space if c == " " else c for c in text
    )


def spaces(text: str, rng: random.Random) -> str:
    """Spaces between words, between characters, or typed for every punctuation mark."""
    style = rng.choice(("words", "words", "chars", "marks"))
    if style == "marks" or not HAN.search(text) or not text.strip():
        return PUNCT.sub(" ", text).strip()
    if style == "chars" and len(HAN.findall(text)) == len(PUNCT.sub("", text)):
        return " ".join(PUNCT.sub("", text))
    chunks: list[str] = []
    for token in (t for t in _cut(text) if t.strip()):
        if chunks and len(token) == 1 and not PUNCT.fullmatch(chunks[-1][-1]):
            chunks[-1] += token  # a one-character word stays with the word before
        else:
            chunks.append(token)
    spaced = " ".join(chunks)
    return re.sub(r" ?([，。、；：！？,.;:!?]) ?", r"\1", spaced).strip()


def _homophone(word: str, rng: random.Random) -> str | None:
    """The commoner word of the same syllables and tones that a speech engine would write."""
    if len(word) != 2 or not HAN.fullmatch(word[0]) or not HAN.fullmatch(word[1]):
        return None
    if NEGATION_OR_NUMBER & set(word):
        return None
    own = _tokenizer().FREQ.get(word, 0)
    found = _homophones().get(tuple(lazy_pinyin(word, style=Style.TONE3)), [])
    commoner = [w for freq, w in found if w != word and freq >= 3 * max(own, 1)][:2]
    return rng.choice(commoner) if commoner else None


def _filler_places(pieces: Sequence[str]) -> list[int]:
    """Where a dictated filler falls: between two words, or before the ask."""
    return [
        at
        for at in range(1, len(pieces))
        if pieces[at] in words.ASK_WORDS or (len(pieces[at - 1]) >= 2 and len(pieces[at]) >= 2)
    ]


def voice(text: str, rng: random.Random, on_topic: bool) -> str:
    """Dictated: no punctuation, a filler run on in the middle, perhaps one homophone."""
    tokens = [t for t in _cut(text) if t.strip()]
    pieces: list[str] = []
    filled = False
    for at, token in enumerate(tokens):
        if not PUNCT.fullmatch(token):
            pieces.append(token)
        elif pieces and at < len(tokens) - 1 and rng.random() < 0.6:
            pieces.append(rng.choice(words.VOICE_FILLERS))
            filled = True
    if on_topic and rng.random() < 0.5:
        places = [i for i, piece in enumerate(pieces) if _homophone(piece, rng)]
        if places:
            at = rng.choice(places)
            pieces[at] = _homophone(pieces[at], rng) or pieces[at]
    places = _filler_places(pieces)
    if not filled and places:
        pieces.insert(rng.choice(places), rng.choice(words.VOICE_FILLERS))
    return "".join(pieces)


def enpunct(text: str, rng: random.Random) -> str:
    """Punctuation typed on the English keyboard, and a repeated mark at the end."""
    comma = rng.choice((",", ", "))
    marks = {**ENGLISH_MARKS, "，": comma, "、": comma}
    typed = "".join(marks.get(c, c) for c in text).strip()
    body = typed.rstrip("?!.~…")
    if rng.random() < 0.5 or body == typed:
        return body + rng.choice(REPEATED_ENDS)
    return typed


def english(text: str, rng: random.Random) -> str:
    """One word cadres type in English instead (the longest such word found)."""
    found = [w for w in words.ENGLISH if w in text]
    if not found:
        return text
    word = max(found, key=len)
    return text.replace(word, rng.choice(words.ENGLISH[word]), 1)


def make(item: Labelled, sub: str, rng: random.Random) -> str:
    """The source's question typed one way (`sub` is one of SUBKINDS)."""
    q = item.question
    if sub == "voice":
        return voice(q, rng, item.on_topic)
    styles = {
        "taiwan": taiwan,
        "hongkong": hongkong,
        "mix": mix,
        "fullwidth": fullwidth,
        "spaces": spaces,
        "enpunct": enpunct,
        "english": english,
    }
    return styles[sub](q, rng)


def applicable(item: Labelled) -> tuple[str, ...]:
    """The sub-kinds that can change this source at all."""
    q = item.question
    han = len(HAN.findall(q))
    subs = [s for s in SUBKINDS if han >= 2 or s in ("fullwidth", "enpunct")]
    if not re.search(r"[!-~]", q):
        subs.remove("fullwidth")
    if not any(w in q for w in words.ENGLISH):
        subs = [s for s in subs if s != "english"]
    return tuple(subs)


def variants(
    item: Labelled, pool: Sequence[Labelled], rng: random.Random, kb: KnowledgeBase
) -> list[Labelled]:
    from bot.devtools.variants import variant_of  # the package imports this module

    made: list[Labelled] = []
    order = list(applicable(item))
    rng.shuffle(order)
    wanted = 2 if rng.random() < 0.5 else 1
    for sub in order:
        if len(made) == wanted:
            break
        text = make(item, sub, rng)
        if text.strip() and text != item.question and all(text != v.question for v in made):
            made.append(variant_of(item, text, f"{item.kind}/{sub}"))
    return made
