"""How the facts' `who` and `where` fields name people and places.

`who` reads "name（role and place）", `where` an address from the province down. An address
splits into its levels (江西省, 樟树市, 洋湖乡), each with the short forms officials use (樟树,
昌吉州); a person is named by their name, its everyday forms (小李, 敖书记, 卓嘎), their role at
their place and their role alone, each key with how surely it names them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# One administrative level of an address: anything up to its suffix.
_LEVEL = re.compile(
    r".+?(?:自治区|自治州|自治县|特别行政区|省|市|地区|盟|州|县|旗|区|乡|镇|街道|社区|村|大街|街)"
)
_AUTONOMOUS = re.compile(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,2}族)+自治(州|县|区)$")
SUFFIXES = (
    "特别行政区", "街道", "社区", "大街", "地区", "省", "市", "州", "县", "旗", "区", "乡", "镇",
    "村", "街",
)  # fmt: skip
# Province-level names as written without their suffix (西藏拉萨市 is 西藏 + 拉萨市).
PROVINCES = (
    "内蒙古", "黑龙江", "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "江苏",
    "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南",
    "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾",
)  # fmt: skip
# Titles by which colleagues call someone (敖书记, 卓嘎主任), longest first.
_ROLE_TITLES = (
    "副书记", "书记", "副主任", "主任", "副乡长", "乡长", "副镇长", "镇长", "专干", "干部",
)  # fmt: skip
# Titles too common to name anyone alone (基层干部): only within the whole role.
_GENERIC_TITLES = frozenset({"干部"})
# What anyone may be called after their surname, whatever their role (齐干部, 李同志).
_ANYONES_TITLES = ("干部", "同志", "老师")

MIN_KEY_CHARS = 2
NAME_WORD_FREQ = 100  # jieba's count: 再生 is a word first, not 敖再生's given name
NAME, ROLE, TITLE = "name", "role", "title"  # how surely a key names someone


def person_name(who: str) -> str:
    """敖再生（江西省樟树市洋湖乡党委副书记） → 敖再生."""
    return re.split(r"[（(]", who, maxsplit=1)[0].strip()


def address_parts(where: str) -> list[str]:
    """江西省樟树市洋湖乡 → [江西省, 樟树市, 洋湖乡]; a tail without a suffix is a part too."""
    parts: list[str] = []
    rest = where.strip()
    province = next((p for p in PROVINCES if rest.startswith(p)), "")
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
    for suffix in SUFFIXES:
        if part.endswith(suffix) and len(part) - len(suffix) >= MIN_KEY_CHARS:
            return [part[: -len(suffix)]]
    return []


def role_and_places(name: str, description: str) -> tuple[str, list[str]]:
    """敖再生（江西省樟树市洋湖乡党委副书记） → (党委副书记, [江西省, 樟树市, 洋湖乡]).

    A bare level word before the role belongs to it: 港城大街街道干部 → 街道干部."""
    inner = description[len(name) :].strip("（）() ")
    parts = address_parts(inner)
    places = [p for p in parts if p.endswith(SUFFIXES) and p not in SUFFIXES]
    if not places:
        return inner, []
    last = places[-1]
    return inner[inner.rindex(last) + len(last) :], places


def _given_names(name: str, frequency: Callable[[str], int]) -> list[str]:
    """卓嘎 and 央金 for 央金卓嘎, 志颖 for 李志颖: what colleagues call someone, unless the
    piece is a word of its own (再生)."""
    if len(name) == 3:
        pieces = [name[1:]]
    elif len(name) == 4:
        pieces = [name[:2], name[2:]]  # names without a surname: two names of two
    else:
        pieces = []
    return [p for p in pieces if frequency(p) < NAME_WORD_FREQ]


def person_keys(
    name: str, description: str, frequency: Callable[[str], int] = lambda word: 0
) -> list[tuple[str, str, bool]]:
    """(key, how surely, kept whole by the segmenter) for a person: name forms, role at the
    place, role alone. Only the name, 小李 and 敖书记 forms and the role at the full place name
    are kept whole: the facts write no other form, so the rest are replaced by the name before a
    question is segmented, and leave the facts' own words as they were."""
    role, places = role_and_places(name, description)
    titles = [t for t in _ROLE_TITLES if t in role]
    called = [t for t in titles if t not in _GENERIC_TITLES]
    keys = [(name, NAME, True)]
    if 2 <= len(name) <= 3:  # a Han name: surname first
        surname = name[0]
        keys += [(f"小{surname}", NAME, True), (f"老{surname}", NAME, True)]
        keys += [(surname + title, NAME, True) for title in called]
        if "支书记" in role:  # 党总支书记, 党支部书记: 段支书 to colleagues
            keys.append((surname + "支书", NAME, True))
        # 姓段的书记: the surname said outright; 齐干部: a title anyone has.
        keys += [(f"姓{surname}", NAME, False)]
        keys += [(surname + title, NAME, False) for title in _ANYONES_TITLES]
    for given in _given_names(name, frequency):
        keys += [(given, NAME, False), *((given + title, NAME, False) for title in called)]
    keys += [(name + title, NAME, False) for title in called]
    if places and role:
        last = places[-1]
        level = next((s for s in SUFFIXES if last.endswith(s)), "")
        keys += [(last + r, NAME, True) for r in (role, *called)]
        keys += [(short + r, NAME, False) for short in short_forms(last) for r in (role, *called)]
        # A bare title is anyone's boss (那个主任说要每天报表): it names someone only beside
        # their place (新河镇那个书记), unless it is a deputy's (副主任).
        keys += [
            (r, ROLE if r == role or r.startswith("副") else TITLE, False) for r in (role, *called)
        ]
        if level and not role.startswith(SUFFIXES):  # 街道干部 has its level already
            keys += [(level + r, ROLE, False) for r in (role, *called)]
    return list(dict.fromkeys(keys))
