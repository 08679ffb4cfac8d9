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
from bot.search.pointing import own, pointed_at
from bot.search.strangers import COMMON_WORD_FREQ, Strangers, sounds_alike

# A role meant as everyone in the article holding it: counted (两个专干, 那两位书记), or
# pointed at as the article's (文章里的书记), or followed by a plural (书记们, 专干都说).
_MANY_BEFORE = (
    "两个", "两位", "俩", "几个", "几位", "二位", "这些", "那些", "文章里的", "文中的", "报道里的",
)  # fmt: skip
_MANY_AFTER = ("们", "都", "俩", "两个", "两位")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


@dataclass(frozen=True)
class Entity:
    kind: str  # "person" or "place"
    name: str  # the canonical name: 敖再生, 洋湖乡
    description: str  # the whole `who` text, or the place's address from the province down
    fact_ids: tuple[str, ...]  # in knowledge-base order
    places: frozenset[str] = frozenset()  # a person's address parts (江西省, 樟树市, 洋湖乡)


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
        self,
        facts: Sequence[Fact],
        frequency: Callable[[str], int] = lambda word: 0,
        cut: Callable[[str], list[str]] | None = None,
        place_names: Iterable[str] = (),
        place_words: Iterable[str] = (),
    ) -> None:
        """`frequency`: how common a word is in general Chinese; an everyday word (东西, 和平,
        再生) is no short form of a place or a name. `cut`: the segmenter, which tells a
        place's own name (武侯区) from words (检查组下乡); without it, only place names general
        Chinese knows are names."""
        self.frequency = frequency
        self.cut = cut
        self.place_names = tuple(place_names)  # 保定, 义乌: China's places, for strangers said bare
        self.place_words = frozenset(place_words)  # 红旗, 和平: a 红旗乡 is a place, 其他乡 none
        # What the facts tell, where a place they mention in passing (农牧区) is found.
        # Sentence by sentence: a question's form is capped in length, a fact's text is long.
        self.told = " ".join(
            normalize(sentence)
            for f in facts
            for sentence in _SENTENCE_END.split(f.measure + "。" + f.example + "。" + f.quote)
        )
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
        self.keys = {
            k: _Key(frozenset(numbers), next(s for s in (NAME, ROLE, TITLE) if s in sure))
            for k, (numbers, sure) in keys.items()
            if len(k) >= MIN_KEY_CHARS
        }
        # Key lengths, longest first, by first character: most places in a text start none.
        self._lengths: dict[str, list[int]] = {}
        for k in sorted(self.keys, key=len, reverse=True):
            if len(k) not in self._lengths.setdefault(k[0], []):
                self._lengths[k[0]].append(len(k))
        self._by_name = {normalize(e.name): e for e in self.entities}
        self.surnames = {
            e.name[0] for e in self.entities if e.kind == "person" and len(e.name) <= 3
        }
        self.place_keys = {
            k: self.entities[number]
            for k, key in self.keys.items()
            if (number := self._one_place(key.numbers)) is not None
        }
        self._last_hits: tuple[str, tuple[tuple[int, str, _Key], ...]] = ("", ())
        self._strangers = Strangers(self)  # last: it reads the whole table

    def _add(self, entity: Entity) -> None:
        self.entities.append(entity)

    def named(self, name: str) -> Entity | None:
        """The person or place of this name, as the facts write it."""
        return self._by_name.get(name)

    def words(self) -> Iterable[str]:
        """Names the segmenter keeps whole (敖再生, not 敖/再生), each naming one of them."""
        return [
            k for k in self._whole if len(self.keys.get(k, _Key(frozenset(), ROLE)).numbers) == 1
        ]

    def hits(self, text: str) -> list[tuple[int, str, _Key]]:
        """Keys in a text, left to right, the longest at each place, none inside another."""
        # A question is looked up for its strangers, its people and places and the roles
        # several hold, mostly the very same text: the last one's hits are kept (one tuple,
        # replaced whole, so a reader never sees half of it).
        last_text, last_hits = self._last_hits
        if text == last_text:
            return list(last_hits)
        hits = self._hits(text)
        self._last_hits = (text, tuple(hits))
        return hits

    def _hits(self, text: str) -> list[tuple[int, str, _Key]]:
        hits = []
        start = 0
        while start < len(text):
            step = 1
            for length in self._lengths.get(text[start], ()):
                key = self.keys.get(text[start : start + length])
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
        hits = [h for h in self.hits(text) if not any(h[1] in s for s in strange)]
        places = {
            n: start for start, _, key in hits if (n := self._one_place(key.numbers)) is not None
        }
        named_places = {self.entities[n].name for n in places}
        found: dict[int, tuple[int, list[str]]] = {}
        for start, word, key in hits:
            if all(self.entities[n].kind == "place" for n in key.numbers):
                number = self._one_place(key.numbers)
            else:
                pointed = pointed_at(text, start, start + len(word))
                number = self._one_person(key, named_places, pointed)
            if number is not None:
                word = self._whole_name(text, start, word, self.entities[number])
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

    def _whole_name(self, text: str, start: int, word: str, entity: Entity) -> str:
        """阿旺群总: a name's first part typed right and the rest by sound is the whole name
        mistyped, not a name and a word (群, a work group)."""
        name = normalize(entity.name)
        if entity.kind != "person" or not name.startswith(word) or len(word) == len(name):
            return word
        tail = text[start + len(word) : start + len(name)]
        return word + tail if sounds_alike(tail, name[len(word) :]) else word

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

    def holders(
        self, normalized: str, strange: tuple[str, ...] = ()
    ) -> list[tuple[Entity, tuple[str, ...]]]:
        """Everyone a role held by several people names, when the question points at the
        article's people rather than at a role in general: the role pointed at (扶贫专干说了啥)
        or counted (两个专干, 书记们, 文章里的书记), with the role's key."""
        text = normalized.replace(" ", "")
        for start, word, key in self.hits(text):
            people = sorted(n for n in key.numbers if self.entities[n].kind == "person")
            if len(people) < 2 or any(word in s for s in strange) or own(text[:start]):
                continue  # 我这个扶贫专干成了填表专干: the asker holds it
            end = start + len(word)
            counted = text[end:].startswith(_MANY_AFTER) or text[:start].endswith(_MANY_BEFORE)
            if counted or (key.sureness == ROLE and pointed_at(text, start, end)):
                return [(self.entities[n], (word,)) for n in people]
        return []

    def strangers(self, normalized: str) -> tuple[str, ...]:
        """People and places the question names that the facts do not (see strangers.py)."""
        return self._strangers(normalized)

    def without_own_places(self, normalized: str) -> str:
        """The question without places it names but asks nothing of (我们保定这边会太多)."""
        return self._strangers.bare_places().aside(normalized)

    def starts_with_key(self, text: str) -> bool:
        """The text opens with a name, role or place the facts give."""
        return any(text[:n] in self.keys for n in self._lengths.get(text[:1], ()))

    def holds(self, place: Entity, title: str) -> bool:
        """Someone in the facts holds this title at this place (洋湖乡副书记)."""
        return any(
            entity.kind == "person" and place.name in entity.places and title in entity.description
            for entity in self.entities
        )
