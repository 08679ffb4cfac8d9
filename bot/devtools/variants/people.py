"""People and places referred to another way, and strangers put in their stead.

Officials rarely type a name the way an article prints it. They say 敖书记 or 小李, "the deputy
secretary of 洋湖乡", 洋湖 for 洋湖乡, add the city (樟树洋湖乡), mistype a name by sound (奥再生),
or paste it in traditional characters (段瓊). Each of these refers to the same person or place,
so the variant keeps its source's labels; its kind is "person/<sub-kind>" or "place/<sub-kind>"
(what was varied, which the report groups by; off-topic and near-miss sources among them are
counted in the declined column).

A stranger (an invented name with the same title, another real township or district the article
does not name) in place of the one person or place a question is about makes a negative: the
article says nothing of them, so the question must not be answered with the article's facts
(kind person-stranger or place-stranger, expect []). Strangers are made only when the question
names that one person or place, asks about nothing else (every expected fact is theirs) and is
not the asker saying where they work (我是海港区的, 我们洋湖乡).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from bot.devtools.evaluate import Labelled
from bot.devtools.variants.cast import TITLES, Cast, Mention, Person, Place, cast_of
from bot.kb import KnowledgeBase

# Same sound, another character: what a pinyin keyboard offers first by mistake.
HOMOPHONES = {
    "敖": "奥傲", "再": "在", "生": "声升", "段": "断锻", "琼": "穷", "齐": "其奇琪",
    "琳": "林玲霖", "李": "里理", "志": "智至", "颖": "英莹影", "阿": "啊", "旺": "望",
    "群": "裙", "宗": "综踪", "央": "秧", "金": "今津", "卓": "桌", "嘎": "噶",
}  # fmt: skip
# Traditional forms of the characters names, places and roles use.
TRADITIONAL = str.maketrans({
    "乡": "鄉", "县": "縣", "区": "區", "镇": "鎮", "盘": "盤", "树": "樹", "岛": "島",
    "萨": "薩", "国": "國", "齐": "齊", "颖": "穎", "琼": "瓊", "书": "書", "记": "記",
    "专": "專", "干": "幹", "贫": "貧", "办": "辦", "党": "黨", "总": "總", "长": "長",
    "东": "東", "华": "華", "门": "門", "阳": "陽", "龙": "龍", "桥": "橋", "圆": "圓",
})  # fmt: skip
STRANGER_NAMES = (
    "王海涛", "刘振华", "陈丽萍", "张卫东", "赵晓峰", "周桂兰", "吴志强", "孙红梅",
    "马建军", "黄秀英", "胡海燕", "郭德明", "何春生", "罗小军", "谢文斌", "韩雪梅",
)  # fmt: skip
# Real places of each level, none of them in the article (checked against the seeds too).
STRANGER_PLACES = {
    "乡": ("龙泉乡", "石门乡", "城关镇", "长安镇", "周庄镇", "桥头镇", "新塘镇", "白沙镇"),
    "镇": ("城关镇", "长安镇", "周庄镇", "桥头镇", "龙泉乡", "石门乡"),
    "区": ("朝阳区", "鼓楼区", "余杭区", "武侯区", "雁塔区", "天河区", "历下区"),
    "县": ("兰考县", "正定县", "安吉县", "凤阳县", "德清县"),
    "市": ("义乌市", "昆山市", "晋江市", "寿光市", "瑞金市", "唐山市", "保定市", "赣州市"),
    "街道": ("望京街道", "中关村街道", "解放路街道", "人民路街道"),
    "社区": ("百步亭社区", "东风社区", "幸福社区", "和平社区"),
    "省": ("浙江省", "四川省", "山东省", "湖南省", "广东省", "甘肃省"),
    "州": ("恩施土家族苗族自治州", "延边朝鲜族自治州", "湘西土家族苗族自治州"),
    "": ("中山大街", "人民大街", "解放大街"),
}
_STRANGER_SHORTS = {
    "恩施土家族苗族自治州": "恩施",
    "延边朝鲜族自治州": "延边",
    "湘西土家族苗族自治州": "湘西",
}
_PLACE_SUBS = frozenset({"place-nosuffix", "place-suffix", "place-parent", "place-trad"})
_SELF = "我咱俺本"
_SUFFIX_CHARS = set(
    "省市县区乡镇州村街社縣區鄉鎮"
)  # 我是海港区的, 咱洋湖乡, 本乡: the asker's own place, not the subject


def _stem(place: str) -> str:
    if place in _STRANGER_SHORTS:
        return _STRANGER_SHORTS[place]
    for suffix in ("街道", "社区", "省", "市", "县", "区", "乡", "镇"):
        if place.endswith(suffix) and len(place) - len(suffix) >= 2:
            return place[: -len(suffix)]
    return place


def _said_of_self(text: str, m: Mention) -> bool:
    return any(ch in text[max(0, m.start - 4) : m.start] for ch in _SELF)


def _near_names(text: str, cast: Cast) -> bool:
    """A name or place one character off (李志英 for 李志颖) still refers to the article."""
    names = [*cast.people, *(p.stem or p.name for p in cast.places.values())]
    for name in names:
        for start in range(len(text) - len(name) + 1):
            window = text[start : start + len(name)]
            if sum(a != b for a, b in zip(window, name, strict=True)) <= 1:
                return True
    return False


def _replace(text: str, mention: Mention, new: str) -> str:
    return text[: mention.start] + new + text[mention.end :]


def _surface(text: str, mention: Mention) -> str:
    return text[mention.start : mention.end]


def _person_options(
    text: str, m: Mention, person: Person, cast: Cast, rng: random.Random
) -> list[tuple[str, str]]:
    options: list[tuple[str, str]] = []
    name_only = text[m.start : m.end - len(m.title)]
    before = text[: m.start].rstrip()
    described_before = any(before.endswith(t) for t in (*TITLES, "的"))
    if _said_of_self(text, m):
        return options  # 我是小李: the asker, who may not be the article's 小李 at all
    if m.form == "name":
        addressed = person.addressed()
        if addressed and not described_before:
            options.append(("surname-role", _replace(text, m, rng.choice(addressed))))
        typo = _typo(person.name, rng)
        if typo:
            options.append(
                ("name-typo", text[: m.start] + typo + text[m.start + len(person.name) :])
            )
        if m.title:
            options.append(("name-title", text[: m.start] + name_only + text[m.end :]))
        elif not any(text.startswith(t, m.end) for t in TITLES):
            options.append(
                ("name-title", _replace(text, m, person.name + (person.title or "同志")))
            )
    else:
        full = person.name + (rng.choice(("", person.title)) if person.title else "")
        options.append(("full-name", _replace(text, m, full)))
    traditional = _surface(text, m).translate(TRADITIONAL)
    if traditional != _surface(text, m):
        options.append(("name-trad", _replace(text, m, traditional)))
    others = [o for o in cast.mentions(text) if o.place is not None]
    if not others and not described_before:
        for sub, phrase in _role_phrases(person, cast, rng):
            options.append((sub, _replace(text, m, phrase)))
    return options


def _role_phrases(person: Person, cast: Cast, rng: random.Random) -> list[tuple[str, str]]:
    """洋湖乡党委副书记, 洋湖乡的扶贫专干, 洋湖乡那位副书记: where the role names one person."""
    if not person.places:
        return []
    phrases = []
    place = person.places[-1]
    said = rng.choice((place, cast.places[place].stem or place)) if place in cast.places else place
    if cast.unique_role(place, person.role):
        phrases.append(("role-place", f"{said}{rng.choice(('', '的'))}{person.role}"))
    if cast.unique_role(place, person.short_role):
        that = rng.choice(("那位", "那个", "的那个"))
        phrases.append(("place-that-role", f"{said}{that}{person.short_role}"))
    return phrases


def _typo(name: str, rng: random.Random) -> str:
    spots = [n for n, ch in enumerate(name) if ch in HOMOPHONES]
    if not spots:
        return ""
    n = rng.choice(spots)
    return name[:n] + rng.choice(HOMOPHONES[name[n]]) + name[n + 1 :]


def _place_options(
    text: str, m: Mention, place: Place, cast: Cast, rng: random.Random
) -> list[tuple[str, str]]:
    options: list[tuple[str, str]] = []
    said = _surface(text, m)
    if m.form == "stem" and text[m.end : m.end + 1] in _SUFFIX_CHARS:
        return options  # 樟树县: the writer's own suffix, which a variant must not double
    if m.form == "unit" and place.stem:
        options.append(
            ("place-nosuffix", _replace(text, m, rng.choice((place.stem, *place.shorts))))
        )
    if m.form == "stem" and said == place.stem:
        options.append(("place-suffix", _replace(text, m, place.name)))
    named = {o.place.name for o in cast.mentions(text) if o.place is not None}
    parents = [p for p in place.parents if p in cast.places]
    if parents and not named & set(parents):
        parent = cast.places[
            parents[-1] if len(parents) == 1 or rng.random() < 0.7 else parents[-2]
        ]
        before = rng.choice((parent.name, parent.stem or parent.name))
        options.append(("place-parent", _replace(text, m, before + said)))
    traditional = said.translate(TRADITIONAL)
    if traditional != said:
        options.append(("place-trad", _replace(text, m, traditional)))
    return options


def _stranger(
    text: str, m: Mention, kb: KnowledgeBase, rng: random.Random
) -> tuple[str, str] | None:
    seeds = "".join(seed.text for seed in kb.seeds.values())
    if m.person is not None:
        names = [n for n in STRANGER_NAMES if n not in seeds and n[0] != m.person.name[0]]
        title = m.title or (m.person.title if m.form == "addressed" or rng.random() < 0.5 else "")
        return "person-stranger", _replace(text, m, rng.choice(names) + title)
    assert m.place is not None
    places = [p for p in STRANGER_PLACES.get(m.place.level, ()) if _stem(p) not in seeds]
    if not places:
        return None
    chosen = rng.choice(places)
    return "place-stranger", _replace(text, m, chosen if m.form == "unit" else _stem(chosen))


def variants(
    item: Labelled, pool: Sequence[Labelled], rng: random.Random, kb: KnowledgeBase
) -> list[Labelled]:
    from bot.devtools.variants import variant_of  # the package imports this module

    cast = cast_of(kb)
    text = item.question
    mentions = cast.mentions(text)
    if not mentions:
        return []
    by_sub: dict[str, list[str]] = {}
    for m in mentions:
        if m.person is not None:
            found = _person_options(text, m, m.person, cast, rng)
        else:
            assert m.place is not None
            found = _place_options(text, m, m.place, cast, rng)
        for sub, changed in found:
            if changed != text:
                by_sub.setdefault(sub, []).append(changed)
    made: list[Labelled] = []
    for sub in rng.sample(sorted(by_sub), min(2, len(by_sub))):
        varied = "place" if sub in _PLACE_SUBS else "person"  # place-that-role is a person
        made.append(variant_of(item, rng.choice(by_sub[sub]), f"{varied}/{sub}"))
    only = mentions[0]
    if (
        len(mentions) == 1
        and item.on_topic
        and item.expect <= only.facts
        and not _said_of_self(text, only)
        and not _near_names(_replace(text, only, ""), cast)
        and rng.random() < 0.7
    ):
        stranger = _stranger(text, only, kb, rng)
        if stranger:
            kind, changed = stranger
            made.append(Labelled(changed, frozenset(), kind, frozenset(), part=item.split))
    return made
