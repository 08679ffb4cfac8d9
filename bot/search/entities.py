"""People and places named in the facts' `who` and `where` fields, found again in questions.

Built from the facts alone, so a new article brings its own people and places: `who` reads
"name（role and place）", `where` an address from the province down. Each address part is a key
(樟树市, 洋湖乡) and so is its short form (樟树, 洋湖); the first part of a long address (the
province) is left out, since it names far more than the facts tell of.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bot.kb import Fact
from bot.search.normalize import normalize

# One administrative level of an address: anything up to its suffix.
_LEVEL = re.compile(
    r".+?(?:自治区|自治州|自治县|特别行政区|省|市|地区|盟|州|县|旗|区|乡|镇|街道|社区|村|大街|街)"
)
_AUTONOMOUS = re.compile(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,2}族)+自治(州|县|区)$")
_SUFFIXES = (
    "特别行政区", "街道", "社区", "大街", "地区", "省", "市", "州", "县", "旗", "区", "乡", "镇",
    "村", "街",
)  # fmt: skip
# Province-level names as written without their suffix (西藏拉萨市 is 西藏 + 拉萨市).
_PROVINCES = (
    "内蒙古", "黑龙江", "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "江苏",
    "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南",
    "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾",
)  # fmt: skip
_ROLE_TITLES = ("副书记", "书记", "副主任", "主任", "副乡长", "乡长", "镇长", "专干", "干部")
MIN_KEY_CHARS = 2


@dataclass(frozen=True)
class Entity:
    kind: str  # "person" or "place"
    name: str  # the canonical name: 敖再生, 洋湖乡
    description: str  # the whole `who` or `where` text
    fact_ids: tuple[str, ...]  # in knowledge-base order


def person_name(who: str) -> str:
    """敖再生（江西省樟树市洋湖乡党委副书记） → 敖再生."""
    return re.split(r"[（(]", who, maxsplit=1)[0].strip()


def address_parts(where: str) -> list[str]:
    """江西省樟树市洋湖乡 → [江西省, 樟树市, 洋湖乡]; a tail without a suffix is a part too."""
    parts: list[str] = []
    rest = where.strip()
    province = next((p for p in _PROVINCES if rest.startswith(p)), "")
    after = rest[len(province) :]
    if province and not re.match(r"(省|市|[\u4e00-\u9fff]{0,3}自治区)", after):
        parts.append(province)  # 西藏拉萨市: the province is written bare
        rest = rest[len(province) :]
    while rest:
        found = _LEVEL.match(rest)
        if not found:
            parts.append(rest)
            break
        parts.append(found.group(0))
        rest = rest[found.end() :]
    return parts


def short_forms(part: str) -> list[str]:
    """Ways officials shorten a place: 樟树市 → 樟树, 昌吉回族自治州 → 昌吉, 昌吉州."""
    autonomous = _AUTONOMOUS.match(part)
    if autonomous:
        stem = autonomous.group(1)
        return [stem, stem + autonomous.group(2)]
    for suffix in _SUFFIXES:
        if part.endswith(suffix) and len(part) - len(suffix) >= MIN_KEY_CHARS:
            return [part[: -len(suffix)]]
    return []


def _person_aliases(name: str, description: str) -> list[str]:
    """小李, 老李, 李书记: how colleagues name someone (Han names of 2-3 characters only)."""
    if not 2 <= len(name) <= 3:
        return []
    surname = name[0]
    titles = [title for title in _ROLE_TITLES if title in description]
    aliases = [f"小{surname}", f"老{surname}", *(surname + title for title in titles)]
    # 洋湖乡党委副书记, 洋湖乡副书记: the role at the place, as the article first names them
    inner = description[len(name) :].strip("（）() ")
    places = [p for p in address_parts(inner) if p.endswith(_SUFFIXES)]
    if places and titles:
        role = inner[inner.rindex(places[-1]) + len(places[-1]) :]
        aliases += [places[-1] + role, *(places[-1] + title for title in titles)]
    return aliases


class EntityTable:
    """Keys (names, places, their short forms) → the person or place they name."""

    def __init__(
        self, facts: Sequence[Fact], is_common: Callable[[str], bool] = lambda word: False
    ) -> None:
        """`is_common`: an everyday word (东西, 和平) is no short form of a place."""
        people: dict[str, tuple[str, list[str]]] = {}
        places: dict[str, tuple[str, list[str]]] = {}
        for fact in facts:
            if fact.who:
                name = person_name(fact.who)
                if len(name) >= MIN_KEY_CHARS:
                    people.setdefault(name, (fact.who, []))[1].append(fact.id)
            parts = address_parts(fact.where) if fact.where else []
            for n, part in enumerate(parts):
                if n == 0 and len(parts) >= 2:
                    continue  # a province: over-general
                full = "".join(parts[: n + 1])
                places.setdefault(part, (full, []))[1].append(fact.id)
        self.entities: list[Entity] = []
        keys: dict[str, set[int]] = defaultdict(set)
        for kind, table in (("person", people), ("place", places)):
            for name, (description, ids) in table.items():
                entity = Entity(kind, name, description, tuple(dict.fromkeys(ids)))
                self.entities.append(entity)
                number = len(self.entities) - 1
                if kind == "person":
                    aliases = _person_aliases(name, description)
                else:
                    aliases = [a for a in short_forms(name) if not is_common(a)]
                for key in (name, *aliases):
                    keys[normalize(key)].add(number)
        # A key naming two people (小李 for two Lis) names nobody for sure.
        self._keys = {k: next(iter(v)) for k, v in keys.items() if len(v) == 1 and len(k) >= 2}
        self._lengths = sorted({len(k) for k in self._keys}, reverse=True)

    def words(self) -> Iterable[str]:
        """Every key, so the segmenter keeps names whole (敖再生, not 敖/再生)."""
        return self._keys.keys()

    def find(self, normalized: str) -> list[tuple[Entity, str]]:
        """People first, then places, each once with the key that named it, in a question."""
        found: dict[int, int] = {}
        named: dict[int, str] = {}
        text = normalized.replace(" ", "")
        for start in range(len(text)):
            for length in self._lengths:
                number = self._keys.get(text[start : start + length])
                if number is not None:
                    found.setdefault(number, start)
                    named.setdefault(number, text[start : start + length])
                    break
        ordered = sorted(found, key=lambda n: (self.entities[n].kind != "person", found[n]))
        return [(self.entities[n], named[n]) for n in ordered]
