"""People and places named in the facts' `who` and `where` fields, found again in questions.

Built from the facts alone, so a new article brings its own people and places: `who` reads
"name（role and place）", `where` an address from the province down. Each address part is a key
(江西省, 樟树市, 洋湖乡) and so is its short form (江西, 樟树, 洋湖). A person is named by their
name and its everyday forms (小李, 敖书记, 卓嘎), by their role at their place (洋湖乡副书记),
and, more weakly, by their role alone (社区书记, 扶贫办副主任): a role names someone only when
the question points at someone in the article (那个…, …说的) or names the place they work at.
A key naming several people (扶贫专干) is narrowed by the places the question names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from bot.kb import Fact
from bot.search.naming import (
    MIN_KEY_CHARS,
    NAME,
    PROVINCES,
    ROLE,
    TITLE,
    address_parts,
    person_keys,
    person_name,
    short_forms,
)
from bot.search.normalize import normalize
from bot.search.pinyin import pinyin_key
from bot.search.placenames import starts_with_place_name

# Words that point at someone in the article rather than at a role in general, just before
# the role (那个社区书记, 文章里的副主任) or just after it (社区书记说的, 副主任是谁, 社区书记
# 那段, 副主任叫啥, 扶贫办副主任怎么说的).
_POINTERS_BEFORE = ("那个", "那位", "这位", "这个", "文中", "文章", "报道", "里的", "提到的")
_POINTERS_AFTER = (
    "说", "讲", "提到", "谈到", "是谁", "怎么看", "介绍", "那段", "那块", "那部分", "叫",
    "怎么说", "咋说", "怎么讲", "咋讲", "的话",
)  # fmt: skip
_POINTERS = (*_POINTERS_BEFORE, *_POINTERS_AFTER)
# Common surnames, for a colleague named by surname and title (刘书记, 张建国书记); 周, 曾, 史
# and the like start everyday words (这周, 曾经, 历史) and are left out.
_SURNAMES = (
    "王李张刘陈杨黄赵吴徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭肖田董袁潘蒋蔡余杜叶程苏魏"
    "吕丁沈姚卢姜崔钟谭陆汪范金廖贾韦邹孟熊秦邱江尹薛闫段雷侯龙陶黎贺顾毛郝龚邵钱覃戴莫孔汤"
)
# The head of a place or an office; 长 is no title in 长期, 长久 (海港区长期不用的群).
_HEAD_TITLES = (
    r"(?:副书记|书记|副主任|主任|乡长|镇长|县长|市长|区长|州长|局长|村长|支书)(?![期久远大短度达])"
)
_SURNAME_TITLE = re.compile(
    rf"[{_SURNAMES}](?:[\u4e00-\u9fff]{{0,2}}?{_HEAD_TITLES}|[\u4e00-\u9fff]{{1,2}}(?=是谁))"
)
# A count of a place itself (松盘乡有几个村, 林周县有多少贫困户): a census, not a measure.
_CENSUS = re.compile(r"^(?:一共|总共|共)?有(?:多少|几)")
# A place below one the facts name (秦皇岛北戴河区, 林周县某某乡): its own name, then its level.
# No word of counting, pointing or linking is in a place's name (有几个村, 这些乡, 和县里).
_NOT_IN_NAMES = "有几个多少的了是这那哪各每些我你他她"
_LEVELS = r"(?:街道|社区|区|县|市|镇|乡|村|旗)"
_BELOW = re.compile(
    rf"^(?:(?![{_NOT_IN_NAMES}里都也还就在和与及或])[\u4e00-\u9fff]){{2,4}}?{_LEVELS}"
)
# … and a district or county a question opens with, where 都, 和 start no clause (成都武侯区,
# 和田县); a city alone (宜春市) may well hold a place the facts name.
_IN_NAME = rf"(?:(?![{_NOT_IN_NAMES}里])[\u4e00-\u9fff])"
_OPENING_PLACE = re.compile(
    rf"^(?:{_IN_NAME}{{2,3}}市)?{_IN_NAME}{{2,4}}?(?:街道|社区|区|县|镇|乡|村|旗)"
)
# … unless the name is a kind of place, not a place (贫困村, 偏远乡, 开发区).
_KINDS_OF_PLACE = (
    "贫困", "偏远", "边远", "高新", "示范", "试点", "开发", "农牧", "老城", "沿海", "边疆", "边境",
)  # fmt: skip
_TITLE = re.compile(_HEAD_TITLES)
# Words a question may open with before the place it asks about (请问成都武侯区…).
_OPENERS = re.compile(r"^(?:请问|问一下|问下|想问一下|想问|听说|那个)*")
# Grassroots roles an asker may look for in the article (网格员有没有在文章里讲话的); one the
# facts give nobody names no one there.
_COMMON_ROLES = (
    "网格员", "村支书", "村主任", "村会计", "村文书", "驻村干部", "第一书记", "包村干部",
    "妇女主任", "大学生村官", "村官", "计生专干",
)  # fmt: skip
_IN_THE_ARTICLE = ("文章", "文中", "报道", "新闻里", "提到的")
_OWN = ("我们", "咱们", "俺们", "我", "咱", "俺", "本单位")
# … and words that ask what someone did or where something was done.
_LOOKUPS = (
    "是怎么", "怎么做", "咋做", "做了什么", "做了啥", "干了什么", "干了啥", "那边", "那里",
    "经验", "做法", "办法", "是啥", "叫什么", "怎么减", "怎么搞",
)  # fmt: skip
COMMON_WORD_FREQ = 1000  # jieba's count: 东西, 和平 are words first, never a place's short name


@dataclass(frozen=True)
class Entity:
    kind: str  # "person" or "place"
    name: str  # the canonical name: 敖再生, 洋湖乡
    description: str  # the whole `who` text, or the place's address from the province down
    fact_ids: tuple[str, ...]  # in knowledge-base order
    places: frozenset[str] = frozenset()  # a person's address parts (江西省, 樟树市, 洋湖乡)


def _pointed_at(text: str, start: int, end: int) -> bool:
    """The words around a role point at someone in the article (那个社区书记, 副主任说的)."""
    return text[max(0, start - 4) : start].endswith(_POINTERS_BEFORE) or text[end:].startswith(
        _POINTERS_AFTER
    )


def _sounds_alike(typed: str, known: str) -> bool:
    """A slip of a known name: the same syllables, one of them at most a letter off."""
    if len(typed) != len(known):
        return False
    ours, theirs = pinyin_key(typed).split(), pinyin_key(known).split()
    off = [(a, b) for a, b in zip(ours, theirs, strict=False) if a != b]
    return len(ours) == len(theirs) and (
        not off or (len(off) == 1 and Levenshtein.distance(*off[0]) <= 1)
    )


def _common_start(addresses: Sequence[Sequence[str]]) -> list[str]:
    """The address parts every one of several addresses starts with."""
    common = list(addresses[0])
    for parts in addresses[1:]:
        n = 0
        while n < min(len(common), len(parts)) and common[n] == parts[n]:
            n += 1
        common = common[:n]
    return common


@dataclass(frozen=True)
class _Key:
    numbers: frozenset[int]  # the entities it may name
    sureness: str  # NAME or ROLE


class EntityTable:
    """Keys (names, roles, places, their short forms) → the person or place they name."""

    def __init__(
        self, facts: Sequence[Fact], frequency: Callable[[str], int] = lambda word: 0
    ) -> None:
        """`frequency`: how common a word is in general Chinese; an everyday word (东西, 和平,
        再生) is no short form of a place or a name."""
        self._frequency = frequency
        # What the facts tell, where a place they mention in passing (农牧区) is found.
        self._told = normalize(" ".join(f.measure + f.example + f.quote for f in facts))
        people: dict[str, tuple[str, list[str]]] = {}
        places: dict[str, tuple[str, list[str]]] = {}
        below: dict[str, list[list[str]]] = {}  # the addresses of each place's facts
        for fact in facts:
            if fact.who:
                name = person_name(fact.who)
                if len(name) >= MIN_KEY_CHARS:
                    people.setdefault(name, (fact.who, []))[1].append(fact.id)
            parts = address_parts(fact.where) if fact.where else []
            for n, part in enumerate(parts):
                full = "".join(parts[: n + 1])
                places.setdefault(part, (full, []))[1].append(fact.id)
                below.setdefault(part, []).append(parts)
        self.entities: list[Entity] = []
        self._whole: set[str] = set()
        keys: dict[str, tuple[set[int], set[str]]] = defaultdict(lambda: (set(), set()))
        for name, (description, ids) in people.items():
            at = frozenset(address_parts(description[len(name) :].strip("（）() ")))
            self._add(Entity("person", name, description, tuple(dict.fromkeys(ids)), at))
            for key, sureness, whole in person_keys(name, description, frequency):
                keys[normalize(key)][0].add(len(self.entities) - 1)
                keys[normalize(key)][1].add(sureness)
                if whole:
                    self._whole.add(normalize(key))
        for name, (description, ids) in places.items():
            if description == name:  # 江西省 alone says nothing: 江西省樟树市洋湖乡 says where
                description = "".join(_common_start(below[name]))
            self._add(Entity("place", name, description, tuple(dict.fromkeys(ids))))
            shorts = [
                a for a in short_forms(name) if a in PROVINCES or frequency(a) < COMMON_WORD_FREQ
            ]
            for key in (name, *shorts):
                keys[normalize(key)][0].add(len(self.entities) - 1)
                keys[normalize(key)][1].add(NAME)
                if description != name:  # a province alone names more than its facts tell
                    self._whole.add(normalize(key))
        self._keys = {
            k: _Key(frozenset(numbers), next(s for s in (NAME, ROLE, TITLE) if s in sure))
            for k, (numbers, sure) in keys.items()
            if len(k) >= MIN_KEY_CHARS
        }
        # Key lengths, longest first, by first character: most places in a text start none.
        self._lengths: dict[str, list[int]] = {}
        for k in sorted(self._keys, key=len, reverse=True):
            if len(k) not in self._lengths.setdefault(k[0], []):
                self._lengths[k[0]].append(len(k))
        self._by_name = {normalize(e.name): e for e in self.entities}
        self._surnames = {
            e.name[0] for e in self.entities if e.kind == "person" and len(e.name) <= 3
        }
        self._place_keys = {
            k: self.entities[number]
            for k, key in self._keys.items()
            if (number := self._one_place(key.numbers)) is not None
        }

    def _add(self, entity: Entity) -> None:
        self.entities.append(entity)

    def named(self, name: str) -> Entity | None:
        """The person or place of this name, as the facts write it."""
        return self._by_name.get(name)

    def words(self) -> Iterable[str]:
        """Names the segmenter keeps whole (敖再生, not 敖/再生), each naming one of them."""
        return [
            k for k in self._whole if len(self._keys.get(k, _Key(frozenset(), ROLE)).numbers) == 1
        ]

    def _hits(self, text: str) -> list[tuple[int, str, _Key]]:
        """Keys in a text, left to right, the longest at each place, none inside another."""
        hits = []
        start = 0
        while start < len(text):
            step = 1
            for length in self._lengths.get(text[start], ()):
                key = self._keys.get(text[start : start + length])
                if key is not None:
                    hits.append((start, text[start : start + length], key))
                    step = length  # 卓嘎 inside 央金卓嘎 is the same mention
                    break
            start += step
        return hits

    def find(self, normalized: str) -> list[tuple[Entity, str]]:
        """People first, then places (the narrowest, of fewest facts, first), each once with
        the first key that named them, in a question."""
        return [(entity, words[0]) for entity, words in self.find_all(normalized)]

    def find_all(
        self, normalized: str, strange: tuple[str, ...] | None = None
    ) -> list[tuple[Entity, tuple[str, ...]]]:
        """As `find`, with every key in the question that named each of them (小李, 扶贫专干).
        `strange`: the question's strangers, when already known."""
        text = normalized.replace(" ", "")
        if strange is None:
            strange = self.strangers(text)  # 王主任 is not 央金卓嘎 the 副主任
        hits = [h for h in self._hits(text) if not any(h[1] in s for s in strange)]
        places = {
            n: start for start, _, key in hits if (n := self._one_place(key.numbers)) is not None
        }
        named_places = {self.entities[n].name for n in places}
        found: dict[int, tuple[int, list[str]]] = {}
        for start, word, key in hits:
            if all(self.entities[n].kind == "place" for n in key.numbers):
                number = self._one_place(key.numbers)
            else:
                pointed = _pointed_at(text, start, start + len(word))
                number = self._one_person(key, named_places, pointed)
            if number is not None:
                found.setdefault(number, (start, []))[1].append(word)
        ordered = sorted(
            found,
            key=lambda n: (
                self.entities[n].kind != "person",
                len(self.entities[n].fact_ids) if self.entities[n].kind == "place" else 0,
                found[n][0],
            ),
        )
        return [(self.entities[n], tuple(found[n][1])) for n in ordered]

    def _one_place(self, numbers: frozenset[int]) -> int | None:
        """The place a key names; of 昌吉州 and 昌吉市 (both 昌吉), the one holding the other."""
        if not all(self.entities[n].kind == "place" for n in numbers):
            return None
        if len(numbers) == 1:
            return next(iter(numbers))
        addresses = {n: self.entities[n].description for n in numbers}
        outer = [
            n for n, a in addresses.items() if all(b.startswith(a) for b in addresses.values())
        ]
        return outer[0] if len(outer) == 1 else None

    def _one_person(self, key: _Key, named_places: set[str], pointed: bool) -> int | None:
        """The one person a key names, narrowed by the places the question names; a role
        alone names someone only when the question points at someone in the article."""
        people = [n for n in key.numbers if self.entities[n].kind == "person"]
        here = [n for n in people if named_places & self.entities[n].places]
        if named_places and here:
            people = here
        elif key.sureness == TITLE or (key.sureness == ROLE and not pointed):
            return None
        return people[0] if len(people) == 1 else None

    def strangers(self, normalized: str) -> tuple[str, ...]:
        """People and provinces a question names that the facts do not (刘书记, 张建国书记,
        杨某某是谁, 樟树市长, 浙江), and counts of a place itself (松盘乡有几个村): asking about
        them asks for what no fact holds. 我们刘书记 is the asker's own colleague, a complaint
        rather than a lookup, so it is left alone."""
        text = normalized.replace(" ", "")
        found: list[str] = []
        # 刘书记天天让我们开会 complains of a boss; 刘书记是怎么压缩会议的 looks someone up.
        looked_up = any(p in text for p in (*_POINTERS, *_LOOKUPS))
        for hit in _SURNAME_TITLE.finditer(text if looked_up else ""):
            named, before = hit.group(0), text[: hit.start()]
            if before.endswith(_OWN) or any(named in key for key in self._keys):
                continue
            titled = _TITLE.search(named) is not None
            if (titled and named[0] in self._surnames) or any(
                text.startswith(k, hit.start()) for k in self._keys
            ):
                continue  # 李主任 for 李志颖 (a slip of the title); 江西书记 (a place)
            found.append(named)
        for hit in _TITLE.finditer(text if looked_up else ""):
            before = text[: hit.start()]
            place = next((k for k in self._place_keys if before.endswith(k)), None)
            if place is not None and not self._holds(self._place_keys[place], hit.group(0)):
                found.append(place + hit.group(0))  # 樟树市长: nobody in the facts
        found += [p for p in PROVINCES if looked_up and p in text and p not in self._keys]
        # 村支书说开会太多 and 那个村支书天天让开会 pass on a complaint; 文章里的网格员 looks
        # someone up.
        if any(w in text for w in _IN_THE_ARTICLE):
            found += [r for r in _COMMON_ROLES if r in text and r not in self._keys]
        for start, word, _ in self._hits(text):
            if word in self._place_keys and _CENSUS.match(text[start + len(word) :].lstrip("的")):
                found.append(word + "有多少")
            if word in self._place_keys:
                found += self._below(text[start + len(word) :].lstrip("的"))
        # 成都武侯区工作群整治: a place the question opens with, under no place the facts name
        # (nor a province it named: 浙江安吉县); any card would tell of somewhere else.
        opening = _OPENERS.sub("", text)
        if not self._starts_with_key(opening) and not any(opening.startswith(k) for k in found):
            found += self._below(opening, opening=True)
        return tuple(dict.fromkeys(found))

    def _below(self, after: str, opening: bool = False) -> list[str]:
        """秦皇岛北戴河区: a place below a known one that the facts do not name; its card
        would tell of a neighbour (海港区). `opening`: the place opens the question."""
        if not opening:  # 樟树县洋湖乡: a slip of level
            after = re.sub(r"^(?:省|市|州|县|区|乡|镇)", "", after)
        below = (_OPENING_PLACE if opening else _BELOW).match(after)
        if below is None or self._starts_with_key(after):
            return []
        place = below.group(0)
        stem = place[:-2] if place.endswith(("街道", "社区")) else place[:-1]
        if (
            len(stem) < MIN_KEY_CHARS
            or stem.startswith(_KINDS_OF_PLACE)
            or stem.endswith("地")  # 民族地区: a region, not a district
            or self._frequency(stem) >= COMMON_WORD_FREQ  # 其他乡镇, 下面的村
            or (opening and not starts_with_place_name(place))  # 检查组下乡: no place at all
            or place in self._told
            or any(_sounds_alike(place, known) for known in self._place_keys)  # 杨湖乡, 松盆乡
        ):
            return []
        return [place]

    def _starts_with_key(self, text: str) -> bool:
        """The text opens with a name, role or place the facts give."""
        return any(text[:n] in self._keys for n in self._lengths.get(text[:1], ()))

    def _holds(self, place: Entity, title: str) -> bool:
        """Someone in the facts holds this title at this place (洋湖乡副书记)."""
        return any(
            entity.kind == "person" and place.name in entity.places and title in entity.description
            for entity in self.entities
        )
