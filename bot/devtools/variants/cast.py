"""The people and places a knowledge base names, read from its facts' `who` and `where` fields,
and where a question mentions them.

`who` reads "name（place role）", `where` the place from the broadest unit down (province, city,
county, township or street, community). A place unit is kept with its short form (洋湖乡 → 洋湖)
and the units above it; a person with their role, the title they are addressed by and their place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from bot.kb import KnowledgeBase
from bot.search.wordalternation import longest_first

# Provinces named without a suffix (新疆, 西藏) open a place before any suffixed unit.
_BARE_PROVINCES = ("内蒙古", "新疆", "西藏", "广西", "宁夏", "北京", "天津", "上海", "重庆")
_UNIT = re.compile(r".+?(?:自治州|自治区|自治县|省|市|县|区|乡|镇|街道|社区|村)")
# A suffix that may be dropped in speech (洋湖乡 → 洋湖); 自治州 is said as 州 or dropped.
_DROPPABLE = ("街道", "社区", "省", "市", "县", "区", "乡", "镇", "村")
_ETHNIC_AUTONOMY = re.compile(r"(?:.族)?自治(?:州|区|县)$")
# Titles a name may carry after it; the longest first.
TITLES = ("副书记", "书记", "副主任", "主任", "专干", "干部", "同志", "老师")


@dataclass(frozen=True)
class Place:
    name: str  # 洋湖乡
    stem: str  # 洋湖; "" when the name has no suffix to drop
    parents: tuple[str, ...]  # broader units, broadest first: 江西省, 樟树市
    level: str  # the suffix (乡, 区, 街道 …), "省" for a bare province, "" for none
    facts: frozenset[str] = frozenset()
    shorts: tuple[str, ...] = ()  # more short forms: 昌吉州


@dataclass(frozen=True)
class Person:
    name: str  # 敖再生
    role: str  # 党委副书记
    title: str  # how the role is said after a name: 书记 (a deputy is addressed without 副)
    places: tuple[str, ...]  # their place units, broadest first
    facts: frozenset[str] = frozenset()

    @property
    def surname(self) -> str:
        """A Han name of two or three characters starts with its surname; names of four
        characters (阿旺群宗, 央金卓嘎) are Tibetan and have none."""
        return self.name[0] if len(self.name) in (2, 3) else ""

    @property
    def short_role(self) -> str:
        """The role without its office: 党委副书记 → 副书记, 扶贫办副主任 → 副主任."""
        for title in TITLES:
            if self.role.endswith(title):
                return title if title != "干部" else self.role
        return self.role

    def addressed(self) -> tuple[str, ...]:
        """Surname and role as colleagues say them: 敖书记, 李专干, 小李."""
        if not self.surname:
            return ()
        forms = [f"小{self.surname}"] if self.title in ("专干", "") else []
        if self.title:
            forms.append(f"{self.surname}{self.title}")
        return tuple(forms)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int  # past the mention, a title after a name included
    person: Person | None = None
    place: Place | None = None
    form: str = "name"  # name, addressed (敖书记), unit (洋湖乡), stem (洋湖)
    title: str = ""  # the title absorbed after a name (书记 in 段琼书记)

    @property
    def facts(self) -> frozenset[str]:
        entity = self.person or self.place
        return entity.facts if entity else frozenset()


def split_units(where: str) -> list[str]:
    """江西省樟树市洋湖乡 → [江西省, 樟树市, 洋湖乡]; a tail with no suffix is a unit too."""
    units: list[str] = []
    rest = where
    for bare in _BARE_PROVINCES:
        if rest.startswith(bare) and not rest.startswith(bare + "自治区"):
            units.append(bare)
            rest = rest[len(bare) :]
            break
    while rest:
        found = _UNIT.match(rest)
        if not found:
            units.append(rest)
            break
        units.append(found.group(0))
        rest = rest[found.end() :]
    return units


def _level_and_stem(unit: str) -> tuple[str, str, tuple[str, ...]]:
    if unit in _BARE_PROVINCES:
        return "省", "", ()
    autonomy = _ETHNIC_AUTONOMY.search(unit)
    if autonomy:
        stem = unit[: autonomy.start()]
        return unit[-1], stem if len(stem) >= 2 else "", (f"{stem}{unit[-1]}",)
    for suffix in _DROPPABLE:
        if unit.endswith(suffix):
            stem = unit[: -len(suffix)]
            return suffix, stem if len(stem) >= 2 else "", ()
    return "", "", ()


@dataclass
class Cast:
    people: dict[str, Person] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    _surfaces: dict[str, tuple[str, str]] = field(default_factory=dict)  # text -> (key, form)
    _pattern: re.Pattern[str] | None = None

    @classmethod
    def of(cls, kb: KnowledgeBase) -> Cast:
        person_facts: dict[str, set[str]] = {}
        described_as: dict[str, str] = {}  # name -> "place role"
        longest_where: dict[str, str] = {}  # name -> the longest where their description opens
        place_facts: dict[str, set[str]] = {}
        place_parents: dict[str, tuple[str, ...]] = {}
        for fact in kb.facts:
            chains = [split_units(fact.where)] if fact.where else []
            named = re.fullmatch(r"(.+?)（(.+)）", fact.who) if fact.who else None
            if named:
                name, described = named.group(1), named.group(2)
                person_facts.setdefault(name, set()).add(fact.id)
                described_as[name] = described
                longer = len(fact.where) > len(longest_where.get(name, ""))
                if described.startswith(fact.where) and longer:
                    longest_where[name] = fact.where
            for chain in chains:
                for n, unit in enumerate(chain):
                    place_facts.setdefault(unit, set()).add(fact.id)
                    place_parents.setdefault(unit, tuple(chain[:n]))
        for name, where in longest_where.items():  # a place named in the who field only
            for unit in split_units(where):
                place_facts.setdefault(unit, set()).update(person_facts[name])
        cast = cls()
        for unit, facts in place_facts.items():
            level, stem, shorts = _level_and_stem(unit)
            cast.places[unit] = Place(
                unit, stem, place_parents[unit], level, frozenset(facts), shorts
            )
        for name, described in described_as.items():
            where = longest_where.get(name, "")
            role = described[len(where) :]
            title = next((t for t in TITLES if role.endswith(t) and t != "干部"), "")
            title = title.removeprefix("副")
            places = tuple(split_units(where))
            cast.people[name] = Person(name, role, title, places, frozenset(person_facts[name]))
        cast._index()
        return cast

    def _index(self) -> None:
        for person in self.people.values():
            self._surfaces[person.name] = (person.name, "name")
            for form in person.addressed():
                self._surfaces.setdefault(form, (person.name, "addressed"))
        for place in self.places.values():
            self._surfaces[place.name] = (place.name, "unit")
            for short in (place.stem, *place.shorts):
                if short:
                    self._surfaces.setdefault(short, (place.name, "stem"))
        self._pattern = re.compile(longest_first(self._surfaces))

    def mentions(self, text: str) -> list[Mention]:
        """Every person and place the text names, left to right, the longest surface first."""
        assert self._pattern is not None
        return list(self._scan(text))

    def _scan(self, text: str) -> Iterator[Mention]:
        assert self._pattern is not None
        for found in self._pattern.finditer(text):
            key, form = self._surfaces[found.group(0)]
            if key in self.people:
                end = found.end()
                title = ""
                if form == "name":
                    title = next((t for t in TITLES if text.startswith(t, end)), "")
                yield Mention(found.start(), end + len(title), self.people[key], None, form, title)
            else:
                yield Mention(found.start(), found.end(), None, self.places[key], form)

    def unique_role(self, place: str, role: str) -> bool:
        """Only one person of the cast holds this role in this place (or under it)."""
        holders = [p for p in self.people.values() if place in p.places and role in p.role]
        return len(holders) == 1


_CACHE: list[tuple[KnowledgeBase, Cast]] = []


def cast_of(kb: KnowledgeBase) -> Cast:
    """The cast of a knowledge base, read once per loaded base."""
    for known, cast in _CACHE:
        if known is kb:
            return cast
    cast = Cast.of(kb)
    _CACHE[:] = [(kb, cast)]
    return cast
