"""People and places a question names that the facts do not: strangers.

Asking about them asks for what no fact holds, so they count as cues: 刘书记是怎么压缩会议的
(a colleague named by surname and title), 樟树市长是谁 (a title nobody at that place holds),
浙江 (a province no fact is in), 松盘乡有几个村 (a census of a place), 秦皇岛北戴河区 (a place
below a known one), 成都武侯区工作群整治 (a district the question opens with) and 文章里的网格员
(a grassroots role nobody in the facts holds). Any card for them would tell of somebody else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from bot.search.elsewhere import BarePlaces
from bot.search.fullnames import COMMON_SURNAMES, SURNAMES, stranger_names
from bot.search.naming import MIN_KEY_CHARS, PROVINCES
from bot.search.pinyin import pinyin_key
from bot.search.placenames import is_place_name, load_place_names, starts_with_place_name
from bot.search.pointing import OWN, POINTERS, own
from bot.search.wordalternation import longest_first

if TYPE_CHECKING:
    from bot.search.entities import EntityTable

# A word of its own naming a district or town (历下区, 白沙镇) is rare; kinds of place
# (保税区, 行政村) are commoner.
RARE_PLACE_FREQ = 30
COMMON_WORD_FREQ = 1000  # jieba's count: 东西, 和平 are words first, never a place's short name
# A colleague named by surname and title (刘书记, 张建国书记): common surnames only, since 周,
# 曾, 史 and the like start everyday words (这周, 曾经, 历史).
_SURNAMES = COMMON_SURNAMES
# The head of a place or an office; 长 is no title in 长期, 长久 (海港区长期不用的群).
_HEAD_TITLES = (
    r"(?:副书记|书记|副主任|主任|乡长|镇长|县长|市长|区长|州长|局长|村长|支书)(?![期久远大短度达])"
)
# No pronoun is part of a name: 十几分钟，我们书记说 names nobody called 钟我们.
_NAME_CHAR = r"(?:(?![我你他她们咱俺您])[\u4e00-\u9fff])"
_SURNAME_TITLE = re.compile(
    rf"[{_SURNAMES}](?:{_NAME_CHAR}{{0,2}}?{_HEAD_TITLES}|{_NAME_CHAR}{{1,2}}(?=是谁))"
)
# A count of a place itself (松盘乡有几个村, 林周县有多少贫困户): a census, not a measure.
_CENSUS = re.compile(r"^(?:一共|总共|共)?有(?:多少|几)")
# A place below one the facts name (秦皇岛北戴河区, 林周县某某乡): its own name, then its level.
# No word of counting, pointing or linking is in a place's name (有几个村, 这些乡, 和县里).
_NOT_IN_NAMES = "有几个多少的了是这那哪各每些我你他她俺咱您"
_LEVELS = r"(?:街道|社区|大街|区|县|市|镇|乡|村|旗)"
_LEVELS_ENDING = ("街道", "社区", "大街", "区", "县", "市", "镇", "乡", "村", "旗")
_BELOW = re.compile(
    rf"^(?:(?![{_NOT_IN_NAMES}里都也还就在和与及或])[\u4e00-\u9fff]){{2,4}}?{_LEVELS}"
)
# … and a district or county a question opens with, where 都, 和 start no clause (成都武侯区,
# 和田县, 山东菏泽曹县), or a city alone (林芝市, 喀什地区) that neither the facts' addresses nor
# what they tell name (宜春市 holds 樟树市: the facts tell of it).
_IN_NAME = rf"(?:(?![{_NOT_IN_NAMES}里])[\u4e00-\u9fff])"
_PROVINCE = "(?:" + "|".join(PROVINCES) + ")(?:省|自治区)?"
_OPENING_PLACE = re.compile(
    rf"^(?:{_PROVINCE})?(?:{_IN_NAME}{{2,3}}市)?{_IN_NAME}{{2,4}}?(?:街道|社区|大街|区|县|镇|乡|村|旗)"
)
_OPENING_CITY = re.compile(rf"^(?:{_PROVINCE})?{_IN_NAME}{{2,3}}?(?:市|地区|盟|州)")
# … unless the name is a kind of place, not a place (贫困村, 偏远乡, 开发区).
_KINDS_OF_PLACE = (
    "贫困", "偏远", "边远", "高新", "示范", "试点", "开发", "农牧", "老城", "沿海", "边疆", "边境",
    "欠发达", "发达", "落后", "少数民族", "工业", "产业", "城乡", "农村",
)  # fmt: skip
_TITLE = re.compile(_HEAD_TITLES)
# Words a question may open with before the place it asks about (请问成都武侯区…).
_OPENERS = re.compile(
    r"^(?:请问|问一下|问下|想问一下|想问|听说|那个|请教一下|请教|他们|她们|[，,、])*"
)
# Grassroots roles an asker may look for in the article (网格员有没有在文章里讲话的); one the
# facts give nobody names no one there.
_COMMON_ROLES = (
    "网格员", "村支书", "村主任", "村会计", "村文书", "驻村干部", "第一书记", "包村干部",
    "妇女主任", "大学生村官", "村官", "计生专干", "县委书记", "市委书记", "区委书记", "县长",
    "市长", "区长", "乡长", "镇长", "村长", "局长",
)  # fmt: skip
_IN_THE_ARTICLE = ("文章", "文中", "报道", "新闻里", "提到的")
# … or asked what they said (网格员讲过工作群吗, 县委书记有没有讲话): a complaint passed on
# (村支书说开会太多) asks none of these.
_SAID_ASKS = (
    "说了什么", "说了啥", "说啥了", "讲了什么", "讲了啥", "讲啥了", "说过", "讲过", "怎么说",
    "咋说", "怎么讲", "咋讲", "怎么看", "咋看", "看法", "怎么评价", "有没有讲话", "讲没讲话",
)  # fmt: skip
# … and words that ask what someone did or where something was done.
_LOOKUPS = (
    "是怎么", "怎么做", "咋做", "做了什么", "做了啥", "干了什么", "干了啥", "那边", "那里",
    "经验", "做法", "办法", "是啥", "叫什么", "怎么减", "怎么搞", "例子", "案例",
)  # fmt: skip

# Either list above, as one search of a question (not one test per word).
_LOOKING_UP = re.compile(longest_first((*POINTERS, *_LOOKUPS)))  # 周庄镇那个副书记
_ROLE_ASKED = re.compile(longest_first((*_IN_THE_ARTICLE, *_SAID_ASKS)))  # 文章里的


_FULL_NAME = re.compile(rf"^[{SURNAMES}][\u4e00-\u9fff]{{2}}$")


def names_person(stranger: str) -> bool:
    """A stranger who is somebody (刘书记, 韩雪梅, 樟树市长), not somewhere or something."""
    return bool(_FULL_NAME.match(stranger) or _TITLE.search(stranger)) and not stranger.endswith(
        ("有多少", *_LEVELS_ENDING)
    )


def sounds_alike(typed: str, known: str) -> bool:
    """A slip of a known name: the same syllables, one of them at most a letter off."""
    if len(typed) != len(known):
        return False
    return syllables_alike(pinyin_key(typed).split(), pinyin_key(known).split())


# A name's length in characters, a syllable's place (-1: it has none), the other syllables.
_SoundSlot = tuple[int, int, tuple[str, ...]]


def _sound_slots(length: int, syllables: tuple[str, ...]) -> list[_SoundSlot]:
    """Where a name is filed for syllables_alike: under its length and each syllable left out
    in turn. Two names alike share a slot (the syllable off, or any when none is)."""
    if not syllables:
        return [(length, -1, ())]
    return [(length, n, syllables[:n] + syllables[n + 1 :]) for n in range(len(syllables))]


def syllables_alike(ours: Sequence[str], theirs: Sequence[str]) -> bool:
    """Two names' syllables: the same, one of them at most a letter off (sounds_alike)."""
    off = [(a, b) for a, b in zip(ours, theirs, strict=False) if a != b]
    return len(ours) == len(theirs) and (
        not off or (len(off) == 1 and Levenshtein.distance(*off[0]) <= 1)
    )


class SoundsNear:
    """Whether a text sounds like one of some known keys (杨湖乡 like 洋湖乡): as sounds_alike
    against every key, but against the keys of its length that share all its syllables but
    one (_sound_slots), looked up."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._slots: dict[_SoundSlot, list[tuple[str, ...]]] = {}
        for key in keys:
            theirs = tuple(pinyin_key(key).split())
            for slot in _sound_slots(len(key), theirs):
                self._slots.setdefault(slot, []).append(theirs)

    def __call__(self, text: str) -> bool:
        ours = tuple(pinyin_key(text).split())
        return any(
            syllables_alike(ours, theirs)
            for slot in _sound_slots(len(text), ours)
            for theirs in self._slots.get(slot, ())
        )


class NamesNear:
    """Whether a three-character name is a slip of a known one: a character off (李志英 for
    李志颖: Levenshtein distance 1, which between two names of three characters is one
    character changed), or sounding alike (sounds_alike). As testing every known name of
    three characters, but by looking up what a slip keeps: the name with one character left
    out, and its syllables with one left out (SoundsNear)."""

    def __init__(self, keys: Iterable[str]) -> None:
        names = [k for k in keys if len(k) == 3]
        self._typed = {_one_left_out(name, at) for name in names for at in range(3)}
        self._sounds = SoundsNear(names)

    def __call__(self, name: str) -> bool:
        """As any(Levenshtein.distance(name, k) <= 1 or sounds_alike(name, k)) over every
        known name k of three characters, for a `name` of three characters."""
        if any(_one_left_out(name, at) in self._typed for at in range(3)):
            return True
        return self._sounds(name)


def _one_left_out(name: str, at: int) -> str:
    return name[:at] + "\0" + name[at + 1 :]  # no name holds a NUL


class Strangers:
    """The strangers of a question, over the people and places of one table of them."""

    def __init__(self, table: EntityTable) -> None:
        """Built with the table, once it is whole: what the strangers are tested against is
        read here, not by the first question to need it (at 10,000 facts the names and places
        by sound took a question 0.3 s, jieba's place names 0.5 s)."""
        self._table = table
        # 保定那边, 义乌的: listed places the facts neither name nor tell of (elsewhere.py)
        self._bare = BarePlaces(
            table.place_names,
            # a listed place is a real one, so 湘西 is no slip of 江西
            lambda name: name in table.told or any(name in k or k in name for k in table.keys),
            table.cut,
        )
        # The known places' syllables, by the key's length and each syllable left out in turn:
        # a place sounding like one differs in one syllable at most, so only the keys sharing
        # the rest need comparing (_sounds_like_known).
        self._place_sounds = SoundsNear(table.place_keys)
        self._names_near = NamesNear(table.keys)  # the known names likewise (stranger_names)
        # Where each place key stands in the table, so the one a text ends with is found by
        # looking up the text's endings, not by testing every key (10,000 places, synthetic).
        self._place_order = {key: n for n, key in enumerate(table.place_keys)}
        self._longest_place = max(map(len, table.place_keys), default=0)
        load_place_names()  # the general dictionary's, read once a process

    def bare_places(self) -> BarePlaces:
        """保定那边, 义乌的: listed places the facts neither name nor tell of (elsewhere.py)."""
        return self._bare

    def __call__(self, normalized: str) -> tuple[str, ...]:
        """People and provinces a question names that the facts do not (刘书记, 张建国书记,
        杨某某是谁, 樟树市长, 浙江), and counts of a place itself (松盘乡有几个村): asking about
        them asks for what no fact holds. 我们刘书记 is the asker's own colleague, a complaint
        rather than a lookup, so it is left alone."""
        text = normalized.replace(" ", "")
        found: list[str] = []
        # 刘书记天天让我们开会 complains of a boss; 刘书记是怎么压缩会议的 looks someone up.
        looked_up = _LOOKING_UP.search(text) is not None
        every_hit = self._table.hits(text)
        hits = every_hit if looked_up else []
        known = [(start, start + len(word)) for start, word, _ in hits]
        for hit in _SURNAME_TITLE.finditer(text if looked_up else ""):
            named, before = hit.group(0), text[: hit.start()]
            if before.endswith(OWN) or any(named in key for key in self._table.keys):
                continue
            if any(start < hit.start() < end for start, end in known):
                continue  # 水林那个书记: the end of a place the facts name, no surname
            titled = _TITLE.search(named) is not None
            if (titled and named[0] in self._table.surnames) or any(
                text.startswith(k, hit.start()) for k in self._table.keys
            ):
                continue  # 李主任 for 李志颖 (a slip of the title); 江西书记 (a place)
            found.append(named)
        for hit in _TITLE.finditer(text if looked_up else ""):
            before = text[: hit.start()]
            place = self._place_ending(before)
            if place is not None and not self._table.holds(
                self._table.place_keys[place], hit.group(0)
            ):
                found.append(place + hit.group(0))  # 樟树市长: nobody in the facts
        found += [p for p in PROVINCES if looked_up and p in text and p not in self._table.keys]
        # 村支书说开会太多 and 那个村支书天天让开会 pass on a complaint; 文章里的网格员 looks
        # someone up.
        if _ROLE_ASKED.search(text):
            found += [r for r in _COMMON_ROLES if r in text and r not in self._table.keys]
        for start, word, _ in every_hit:
            if word in self._table.place_keys and _CENSUS.match(
                text[start + len(word) :].lstrip("的")
            ):
                found.append(word + "有多少")
            if word in self._table.place_keys:
                found += self._below(text[start + len(word) :].lstrip("的"))
        if self._table.cut is not None:  # 韩雪梅他们, 孙红梅专干说的: a full name
            keys = self._table.keys
            found += stranger_names(
                text, self._table.cut, self._table.frequency, keys, own, self._names_near,
                self._table.told,
            )  # fmt: skip
        # 成都武侯区工作群整治: a place the question opens with, under no place the facts name
        # (nor a province it named: 浙江安吉县); any card would tell of somewhere else.
        opening = _OPENERS.sub("", text)
        if not self._table.starts_with_key(opening) and not any(
            opening.startswith(k) for k in found
        ):
            found += self._below(opening, opening=True)
        found += [p for p in self.bare_places()(text) if not any(p in f for f in found)]
        return tuple(dict.fromkeys(found))

    def _place_ending(self, before: str) -> str | None:
        """The first place key, in the table's order, that `before` ends with: as
        next(k for k in place_keys if before.endswith(k)), keys being never empty."""
        longest = min(len(before), self._longest_place)
        endings = [before[-size:] for size in range(1, longest + 1)]
        return min(
            (k for k in endings if k in self._place_order),
            key=self._place_order.__getitem__,
            default=None,
        )

    def _below(self, after: str, opening: bool = False) -> list[str]:
        """秦皇岛北戴河区: a place below a known one that the facts do not name; its card
        would tell of a neighbour (海港区). `opening`: the place opens the question."""
        if not opening:  # 樟树县洋湖乡: a slip of level
            after = re.sub(r"^(?:省|市|州|县|区|乡|镇)", "", after)
        below = (_OPENING_PLACE if opening else _BELOW).match(after)
        if below is None and opening:
            below = _OPENING_CITY.match(after)
        if below is None or self._table.starts_with_key(after):
            return []
        place = below.group(0)
        stem = place[:-2] if place.endswith(("街道", "社区", "地区", "大街")) else place[:-1]
        if (
            len(stem) < MIN_KEY_CHARS
            or stem.startswith(_KINDS_OF_PLACE)
            or stem.endswith("地")  # 民族地区: a region, not a district
            or (  # 其他乡镇, 下面的村; but 红旗乡, 和平村 are places
                self._table.frequency(stem) >= COMMON_WORD_FREQ
                and stem not in self._table.place_words
            )
            or (opening and not self._named(after, place, stem))  # 检查组下乡: no place at all
            or place in self._table.told
            or self._holds_known_place(place)  # 整群，水林社区: a known one
            or self._sounds_like_known(place)  # 杨湖乡, 松盆乡
        ):
            return []
        return [place]

    def _holds_known_place(self, place: str) -> bool:
        """Some known place's key is part of `place` (水林社区 in 整群，水林社区): as testing
        each key, by looking up each part of the short text instead (keys are never empty)."""
        keys, size = self._table.place_keys, len(place)
        return any(
            place[start:end] in keys for start in range(size) for end in range(start + 1, size + 1)
        )

    def _sounds_like_known(self, place: str) -> bool:
        """`place` sounds like a known place (杨湖乡 like 洋湖乡): SoundsNear over their keys."""
        return self._place_sounds(place)

    def _named(self, text: str, place: str, stem: str) -> bool:
        """The place a text opens with has a name: one general Chinese knows as a place
        (成都, 海淀), or a word of its own the segmenter keeps whole (武侯区, 林芝市), unlike
        检查组下乡 (检查组 + 下) or 大城市, 农贸市场 (everyday words)."""
        cut = self._table.cut
        tokens = cut(text) if cut is not None and text else []
        first = tokens[0] if tokens else ""
        rare = first == place and self._table.frequency(first) < RARE_PLACE_FREQ  # 历下区
        covered = len(first) >= len(place) and bool(self._table.frequency(first))
        if covered and not is_place_name(first) and not rare:
            return False
        ends = set(accumulate(len(t) for t in tokens))
        if tokens and len(place) not in ends:
            return False  # 开短会县市: the level is part of the next word, no place ends there
        tail = "" if place.endswith(("地区", "街道", "社区", "大街")) else place[-2:]
        if self._table.frequency(tail) >= COMMON_WORD_FREQ:
            return False  # 大城市, 新城区: a kind of town (城市, 城区), whatever jieba tags
        if starts_with_place_name(place):
            return True
        return first in (stem, place) and (rare or not self._table.frequency(place))
