"""Known words by their sound, and the best reading of a run of characters and syllables.

Officials type homophones (表哥 for 表格), pinyin with or without spaces (jiancha,
gongzuoqun), and pinyin mixed with characters (开会tai多). A run of such leftovers is read as
the sequence of known words that explains most of it, not greedily from the left: in
`qun tai duo` the reading 群 + 太多 beats 群能 (an odd reading of 能) + 多.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from pathlib import Path
from typing import NamedTuple

import jieba

from bot.search.pinyin import CJK_ONLY, LATIN, fuzzy_syllable, pinyin_key, reading_keys
from bot.search.tones import tones_agree

MAX_WINDOW = 5  # characters or syllables in one word read by sound
# How sure a reading is, for choosing between readings of a run (not the term's weight):
# a word's usual reading beats a rare reading of one of its characters (能 as tai), which
# beats a reading alike only under accent folding (四/十).
USUAL_READING = 1.0
RARE_READING = 0.8
FOLDED_READING = 0.6
# An everyday word explains syllables less usefully than a known word does: zhe li kai hui
# is 这里 + 开会, not 这 + 离开 + 会.
EVERYDAY_READING = 0.9
# Function words are what people type most: a syllable that either completes a known word or
# starts a stopword goes to the stopword (biao tai duo is 表 + 太多, not 表态 + 多).
STOP_PREFERENCE = 1.05
# A cue heard whole says what the question asks (zai na li is 在哪里, a where-ask), and beats
# stopwords cut across it: hui yi shi zai na li is 会议室 + 在哪里, not 会议 + 实在 + 哪里.
CUE_PREFERENCE = 1.1
# A term's weight when read by sound rather than seen as typed.
HOMOPHONE_WEIGHT = 0.9  # same syllables, other characters (表哥 → 表格)
FUZZY_SOUND_WEIGHT = 0.6  # only alike under accent folding (四/十): weaker evidence


_PREFERENCE = {"stop": STOP_PREFERENCE, "cue": CUE_PREFERENCE}


class Heard(NamedTuple):
    """A known word found by sound."""

    word: str  # as written (for cue patterns, which look at characters)
    term: str | None  # canonical term; None for a stopword, a cue or a word the facts lack
    role: str  # "term", "stop", "cue" or "word" (a real word the facts do not use)
    usual: bool  # found by the word's usual reading, not a rare one of a character


# A Heard as a plain tuple: the tables are cached on disk, and plain tuples load many times
# faster than named ones.
HeardRow = tuple[str, str | None, str, bool]
# exact readings, folded readings, and everyday words by their usual reading (pinyin only)
SoundTables = tuple[dict[str, HeardRow], dict[str, HeardRow], dict[str, str]]
# Everyday words a pinyin run may spell (hui jia is 回家, not 会 + 家): content words of two
# or three characters at least this common in jieba's dictionary.
EVERYDAY_FREQ = 1000
EVERYDAY_TAGS = ("n", "v", "a")  # nouns, verbs, adjectives: not pronouns, adverbs, particles


def everyday_words(dictionary: Path | None, exclude: Set[str]) -> list[str]:
    """Common content words of a jieba dictionary (None: jieba's own), commonest first,
    minus `exclude`."""
    found: list[tuple[int, str]] = []
    with jieba.get_dict_file() if dictionary is None else dictionary.open("rb") as raw:
        lines = (line.decode("utf-8") for line in raw)
        for line in lines:
            parts = line.split()
            if (
                len(parts) >= 3
                and 2 <= len(parts[0]) <= 3
                and parts[2].startswith(EVERYDAY_TAGS)
                and parts[1].isdigit()
                and int(parts[1]) >= EVERYDAY_FREQ
                and CJK_ONLY.match(parts[0])
                and parts[0] not in exclude
            ):
                found.append((-int(parts[1]), parts[0]))
    return [word for _, word in sorted(found)]


def sound_entries(
    stopwords: Set[str],
    vocabulary: Set[str],
    synonyms: Mapping[str, str],
    cues: Set[str],
    pattern_words: Sequence[str],
) -> list[tuple[str, str | None, str]]:
    """The (word, term, role) entries the tables are built from, in the order that decides
    which word a shared reading goes to."""
    words: list[tuple[str, str | None, str]] = []
    words += [(w, None, "stop") for w in sorted(stopwords)]
    ordered = sorted(vocabulary, key=lambda t: (-len(t), t))
    known_synonyms = [(v, c, "term") for v, c in sorted(synonyms.items()) if c in vocabulary]
    words += [(t, t, "term") for t in ordered if len(t) > 1]
    # A lone syllable reads first as a curated one-character word (hui → 会 → 会议),
    # not as a character the facts happen to contain (回).
    words += [entry for entry in known_synonyms if len(entry[0]) == 1]
    words += [(t, t, "term") for t in ordered if len(t) == 1]
    words += [entry for entry in known_synonyms if len(entry[0]) > 1]
    # Typed in pinyin, a cue still asks for what no measure answers (mima → 密码), and a
    # cue pattern's words still form the pattern (zenme chehui → 怎么撤回).
    words += [(w, None, "cue") for w in sorted(cues) if len(w) > 1]
    words += [(w, None, "word") for w in pattern_words if len(w) > 1]
    return words


def commoner_first(
    words: list[tuple[str, str | None, str]],
    curated: Set[str],
    frequency: Callable[[str], int],
) -> list[tuple[str, str | None, str]]:
    """`words` with each neutral word (stopword, request word) that shares its usual reading
    with a commoner curated word moved after the terms: shou ji is 手机 before it is 收集,
    as a keyboard's first candidate would be, while zhi dao stays 知道 (commoner than 指导)."""
    commonest: dict[str, int] = {}
    for word, term, role in words:
        if role == "term" and term in curated and len(word) > 1 and CJK_ONLY.match(word):
            key = pinyin_key(word, fuzzy=False)
            commonest[key] = max(commonest.get(key, 0), frequency(word))
    yielding = {
        word
        for word, _, role in words
        if role == "stop"
        and len(word) > 1
        and CJK_ONLY.match(word)
        and commonest.get(pinyin_key(word, fuzzy=False), 0) > frequency(word)
    }
    if not yielding:
        return words
    last_term = max(i for i, (_, _, role) in enumerate(words) if role == "term")
    moved = [entry for entry in words if entry[0] in yielding and entry[2] == "stop"]
    kept = [entry for entry in words if not (entry[0] in yielding and entry[2] == "stop")]
    at = last_term + 1 - len(moved)  # the last term's place once the moved entries are out
    return [*kept[:at], *moved, *kept[at:]]


def build_tables(
    words: Iterable[tuple[str, str | None, str]], everyday: Iterable[str] = ()
) -> SoundTables:
    """Sound tables of (word, term, role) entries. An earlier entry wins a shared reading,
    a usual reading wins over a rare one, and terms and stopwords win over cues and words the
    facts lack (mo ban is 模板 read oddly before it is 模版). Everyday words come last, by
    their usual reading only."""
    entries = [(w, t, r) for w, t, r in words if CJK_ONLY.match(w)]
    exact: dict[str, HeardRow] = {}
    fuzzy: dict[str, HeardRow] = {}
    # Nobody types a stopword by a rare reading: da yin is the cue 打印, not 打听 read oddly.
    tiers = ((("term", "stop"), True), (("term",), False), (("cue", "word"), True),
             (("stop",), False), (("cue", "word"), False))  # fmt: skip
    for roles, usual in tiers:
        for word, term, role in entries:
            if role in roles:
                heard = (word, term, role, usual)
                for key in reading_keys(word, fuzzy=False, usual=usual):
                    exact.setdefault(key, heard)
                for key in reading_keys(word, fuzzy=True, usual=usual):
                    fuzzy.setdefault(key, heard)
    common: dict[str, str] = {}
    for word in everyday:
        key = pinyin_key(word, fuzzy=False)
        if key not in exact:
            common.setdefault(key, word)
    return exact, fuzzy, common


class Unit(NamedTuple):
    """One character, or one pinyin syllable, of a run read by sound."""

    text: str
    latin: bool
    whole: bool = True  # was a whole jieba token (single-character synonyms need that)
    opens: bool = True  # opens a word as typed (jian of jiancha); later syllables do not
    tone: int = 0  # the tone number typed after a syllable (tong1 zhi1), 0 for none


def characters(
    token: str, is_stop: Callable[[str], bool], lone: Callable[[str], bool]
) -> list[Unit]:
    """The characters of a token jieba's HMM guessed at, each with whether it stands alone.

    群是, 表填得 are 群 + 是, 表 + 填 + 得: a character whose neighbours are stopwords or
    one-character words (`lone`) stands alone, as a whole token would. A stopword also parts
    the characters on either side of it: 群太吵 is 群 + 太 + 吵, so 群 stands alone."""
    units: list[Unit] = []
    run: list[str] = []

    def close_run() -> None:
        units.extend(
            Unit(ch, False, len(run) == 1 or all(lone(c) for c in run if c != ch)) for ch in run
        )
        run.clear()

    for ch in token:
        if is_stop(ch):
            close_run()
            units.append(Unit(ch, False, True))
        else:
            run.append(ch)
    close_run()
    return units


def surface(units: Sequence[Unit]) -> str:
    """The text of a window: characters joined, syllables spaced (qun tai, 开 hui)."""
    out = ""
    for i, unit in enumerate(units):
        if i and (unit.latin or units[i - 1].latin):
            out += " "
        out += unit.text
    return out


def window_keys(units: Sequence[Unit], fuzzy: bool) -> str:
    """The pinyin key of a window: characters read in context, syllables as typed;
    `fuzzy` folds near sounds (zh/z, ang/an, l/n)."""
    if not any(u.latin for u in units):  # the usual case, and cached
        return pinyin_key("".join(u.text for u in units), fuzzy)
    parts: list[str] = []
    chars = ""
    for unit in (*units, None):
        if unit is not None and not unit.latin:
            chars += unit.text
            continue
        if chars:
            parts.append(pinyin_key(chars, fuzzy))
            chars = ""
        if unit is not None:
            parts.append(fuzzy_syllable(unit.text) if fuzzy else unit.text)
    return " ".join(parts)


def hear(
    tables: SoundTables, units: Sequence[Unit], allow_fuzzy: bool = True
) -> tuple[Heard, float] | None:
    """The known word a window sounds like, and how surely: usual, rare or folded reading."""
    latin = any(u.latin for u in units)
    if latin and any(u.latin and not LATIN.match(u.text) for u in units):
        return None
    exact, fuzzy, common = tables
    found: tuple[Heard, float] | None = None
    exact_key = window_keys(units, fuzzy=False)
    # A reading whose tones contradict those typed is passed over for the next one: tong1zhi1
    # is no 同志 (tong2 zhi4), so the everyday 通知 may be heard.
    tones = [u.tone for u in units] if latin and any(u.tone for u in units) else None
    row = exact.get(exact_key)
    if row is not None and _agrees(row[0], tones):
        found = Heard(*row), USUAL_READING if row[3] else RARE_READING
    elif latin and exact_key in common and _agrees(common[exact_key], tones):
        found = Heard(common[exact_key], None, "word", True), EVERYDAY_READING
    elif allow_fuzzy:
        row = fuzzy.get(window_keys(units, fuzzy=True))
        found = (
            (Heard(*row), FOLDED_READING) if row is not None and _agrees(row[0], tones) else None
        )
    # Cues and words the facts lack are heard in pinyin only: typed in characters they are
    # seen as typed, and a homophone of one (表签 for 标签) is no evidence of an ask.
    if found and found[0].role in ("cue", "word") and not latin:
        return None
    return found


def _agrees(word: str, tones: Sequence[int] | None) -> bool:
    """Whether a reading may carry the tones typed; None: the window was typed without tones,
    so nothing is compared (the common case, kept free of the per-character check)."""
    return tones is None or tones_agree(word, tones)


def best_reading(
    tables: SoundTables,
    units: Sequence[Unit],
    accept: Callable[[str, Heard], bool] = lambda typed, heard: True,
) -> list[tuple[int, int, tuple[Heard, float] | None]]:
    """The run cut into windows, each (start, end, the word heard and how surely, or None
    for a lone unit), so that the words heard explain the most units, surely read; ties go
    to the longer first window, as a reader from the left would take them. `accept` may turn
    down a word heard for the text typed (a slip the caller does not believe)."""
    n = len(units)
    Windows = list[tuple[int, int, tuple[Heard, float] | None]]
    # best[i]: (value, -windows, windows) for units[i:]
    best: list[tuple[float, int, Windows]] = [(0.0, 0, [])] * (n + 1)
    for i in range(n - 1, -1, -1):
        choice: tuple[float, int, Windows] | None = None
        for size in range(min(MAX_WINDOW, n - i), 0, -1):
            if size > 1 and _splits_typed_word(units, i, i + size):
                continue
            found = hear(tables, units[i : i + size]) if size > 1 else None
            if found is not None and not accept(surface(units[i : i + size]), found[0]):
                found = None
            if size > 1 and found is None:
                continue
            value = size * found[1] * _PREFERENCE.get(found[0].role, 1.0) if found else 0.0
            rest_value, rest_count, rest = best[i + size]
            candidate = (value + rest_value, rest_count - 1, [(i, i + size, found), *rest])
            if choice is None or candidate[:2] > choice[:2]:
                choice = candidate
        assert choice is not None  # size 1 always gives one
        best[i] = choice
    return best[0][2]


def _splits_typed_word(units: Sequence[Unit], start: int, end: int) -> bool:
    """Whether a window reaches across a space typed between words of pinyin and takes only
    part of a word on either side: in dingge shichang, ge shi (格式) is no word, for whoever
    spaces pinyin spaces it by words. Syllables typed one by one (qun tai duo) or run together
    say nothing of where words end."""
    if not any(units[k].opens for k in range(start + 1, end)):
        return False  # inside one word as typed
    return not units[start].opens or (end < len(units) and not units[end].opens)


NearTable = dict[str, list[tuple[str, Heard]]]  # a reading with one syllable blank -> words
WILDCARD = "*"


def near_table(tables: SoundTables) -> NearTable:
    """Terms of two to four syllables by their usual reading with one syllable left blank."""
    near: NearTable = {}
    for key, row in tables[0].items():
        syllables = key.split()
        heard = Heard(*row)
        if heard.role != "term" or not heard.usual or not 2 <= len(syllables) <= 4:
            continue
        for i, syllable in enumerate(syllables):
            blank = " ".join([*syllables[:i], WILDCARD, *syllables[i + 1 :]])
            near.setdefault(blank, []).append((syllable, heard))
    return near


def hear_nearly(near: NearTable, key: str) -> Heard | None:
    """The one term whose reading differs from `key` by one letter in one syllable
    (解撒 jie sa for 解散 jie san); None when there is none, or more than one."""
    syllables = key.split()
    found: dict[str | None, Heard] = {}
    for i, syllable in enumerate(syllables):
        blank = " ".join([*syllables[:i], WILDCARD, *syllables[i + 1 :]])
        for other, heard in near.get(blank, ()):
            if _one_letter_apart(syllable, other):
                found[heard.term] = heard
    return next(iter(found.values())) if len(found) == 1 else None


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter changed, added or left out: sa/san, lie/li, ce/ci, zi/zhi. A syllable's first
    letter is never the one left out: chao and hao (超, 好) sound nothing alike."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(1, len(long)))


class NearSounds:
    """The one term a stretch of characters sounds one letter away from, as (word, term)."""

    def __init__(self, tables: SoundTables) -> None:
        self._near = near_table(tables)

    def __call__(self, text: str) -> tuple[str, str] | None:
        heard = hear_nearly(self._near, pinyin_key(text, fuzzy=False))
        return (heard.word, heard.term) if heard and heard.term else None
