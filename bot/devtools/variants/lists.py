"""Several burdens listed in one message, the ways an official writes a list.

"joined" glues whole questions together; here the burdens themselves are listed: 会太多、表太多，
怎么一起减; 又要开会又要填表; 既…又…还…; a numbered list; one burden a line and the ask below;
bare words (开会 填表 拍照); one item told as a complaint among plain ones. Each burden listed
should still get a fact of its topic.

Two kinds of source. A right-answered several-at-once question whose items can be told apart
(separated by 、，/ 和 …, or 又…又…) is listed again: its items reordered ("reordered"), or in
another listing style ("relisted"); its labels stay as they are. Two or three right-answered
single-topic questions on different topics, each naming its burden without its generic ask
(会太多怎么办 → 会太多), are listed in one style each (sub-kind = the style).

Labels stay true: topics = the topics listed (at most 3), expect = the union of the sources'
right facts. Bare words name a whole topic, so a part is told by a bare word only when its
source accepts the topic's leading fact, or when its one right fact is what the word names.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

from bot.devtools.evaluate import Labelled
from bot.devtools.variants.joined import ASKING, PARTICLES, PUNCT, _core, _joinable, _style
from bot.kb import KnowledgeBase

MAX_ITEMS = 3
MAX_ITEM = 20  # characters of one listed burden
MAX_REPEATED = 8  # 又…又… and 既…又… only with short items
MAX_MESSAGE = 150
TRIES = 200  # few sources name a bare burden: draw partners often
THREE_SHARE = 0.3
SECOND_SHARE = 0.5  # how often a single-topic source is listed twice

# A shared ask after the list; the first few also end a bare enumeration now and then.
ASKS = ("，怎么一起减", "，有啥办法", "，咋整", "，怎么办", "，有什么好办法", "，能不能都减一减")
LIST_ASKS = ("这几样怎么一起减？", "以上这些有啥办法", "这些问题怎么解决", "这几个能不能一起减减")
COMPLAINTS = ("{c}，真受不了", "最烦的就是{c}", "{c}，累死了", "{c}，头都大了", "{c}，天天这样")
ENUM_MARKS = ("、", "，", "/", " ")
CONJUNCTIONS = ("和", "还有", "以及", "加上", "跟")
NUMBER_MARKS = ("{n}.", "{n}. ", "{n}、", "（{n}）", "{n}）")
CIRCLED = "①②③"

# Bare words naming a topic as a whole, and a few naming one fact's burden.
TOPIC_WORDS = {
    "meetings": ("开会", "会议", "开会多"),
    "forms": ("填表", "报表", "表格"),
    "inspections": ("检查", "迎检", "督查"),
    "chat-groups": ("工作群", "微信群", "群消息"),
}
FACT_WORDS = {
    "forms-fewer-signatures-photos": ("拍照", "签字", "拍照留痕"),
    "forms-stable-templates": ("换模板",),
    "meetings-short-speeches": ("讲话长",),
    "chat-groups-no-screenshot-evaluation": ("截图",),
}

# Generic asks a several-at-once source may end with, put back after its items are reordered.
SOURCE_ASKS = (
    "怎么一起减",
    "该怎么办",
    "怎么办",
    "咋办",
    "咋整",
    "怎么解决",
    "有什么办法",
    "有啥办法",
    "有啥好办法",
    "怎么减",
)
ITEM_SPLIT = re.compile(r"[、，,/；;：:\s]+|和|还有|以及|加上|跟")
REPEATED = re.compile(r"^(?:又|既)(.+?)又(.+?)(?:[又还](.+))?$")
SHARED_WORDS = re.compile(r"都|这些|几个|两个|三个")
NUMBERING = re.compile(
    r"^(?:[（(]?\d[)）.、:：]?|[①②③]|问题\d[:：]?|首先是?|其次是?|然后是?|最后是?|[一二三]是)\s*"
)


def _several(item: Labelled) -> bool:
    return item.on_topic and item.kind.split("/", 1)[0] == "several" and len(item.topics) >= 2


def _items(item: Labelled) -> tuple[list[str], str] | None:
    """The burdens a several-at-once source lists, one per topic, and the ask it ends with."""
    text = item.question.strip().rstrip(PUNCT).rstrip(PARTICLES).rstrip(PUNCT)
    ask = ""
    for ending in SOURCE_ASKS:
        if text.endswith(ending):
            text, ask = text[: -len(ending)].rstrip(PUNCT), ending
            break
    repeated = REPEATED.match(text)
    if repeated:
        items = [p for p in repeated.groups() if p]
    else:
        items = [p for p in ITEM_SPLIT.split(text) if p]
    items = [NUMBERING.sub("", p) for p in items]
    if len(items) != len(item.topics) or len(items) > MAX_ITEMS:
        return None
    for piece in items:
        if not 2 <= len(piece) <= MAX_ITEM or ASKING.search(piece) or SHARED_WORDS.search(piece):
            return None
    return items, ask


def _ask(rng: random.Random, share: float) -> str:
    return rng.choice(ASKS) if rng.random() < share else ""


def _enum(items: list[str], rng: random.Random) -> str:
    mark = rng.choice(ENUM_MARKS)
    if any(mark.strip() and mark in p for p in items):
        mark = "，"
    return mark.join(items) + _ask(rng, 0.4)


def _conj(items: list[str], rng: random.Random) -> str:
    word = rng.choice(CONJUNCTIONS)
    if len(items) == 3 and rng.random() < 0.5:
        text = f"{items[0]}、{items[1]}{word}{items[2]}"
    else:
        text = word.join(items)
    return text + _ask(rng, 0.4)


def _bare(piece: str) -> str:
    return piece[1:] if piece[:1] in "又既还" and len(piece) > 2 else piece


def _short(items: list[str]) -> bool:
    return all(len(p) <= MAX_REPEATED and not re.search(r"[又还也]", p[1:]) for p in items)


def _youyou(items: list[str], rng: random.Random) -> str:
    text = "".join("又" + _bare(p) for p in items)
    return text + rng.choice(("，咋整", "，烦死了", "，怎么办", "，有啥办法", ""))


def _jiyou(items: list[str], rng: random.Random) -> str:
    words = ("既", "又", "还")
    text = "".join(w + _bare(p) for w, p in zip(words, items, strict=False))
    return text + _ask(rng, 0.6)


def _numbered(items: list[str], rng: random.Random) -> str:
    between = rng.choice(("\n", "\n", " ", "；"))
    if rng.random() < 0.2:
        listed = between.join(CIRCLED[n] + p for n, p in enumerate(items))
    else:
        mark = rng.choice(NUMBER_MARKS)
        listed = between.join(mark.format(n=n) + p for n, p in enumerate(items, 1))
    if rng.random() < 0.6:
        listed += ("\n" if between == "\n" else "，") + rng.choice(LIST_ASKS)
    return listed


def _lines(items: list[str], rng: random.Random) -> str:
    listed = "\n".join(items)
    return listed + ("\n" + rng.choice(LIST_ASKS) if rng.random() < 0.7 else "")


def _shared(items: list[str], rng: random.Random) -> str:
    return "、".join(items) + "，" + rng.choice(LIST_ASKS)


def _complaint(items: list[str], rng: random.Random) -> str:
    told = rng.randrange(len(items))
    parts = [rng.choice(COMPLAINTS).format(c=p) if n == told else p for n, p in enumerate(items)]
    return rng.choice(("，还有", "；", "。还有就是")).join(parts) + rng.choice(ASKS)


Style = Callable[[list[str], random.Random], str]
STYLES: dict[str, Style] = {
    "enum": _enum,
    "conj": _conj,
    "youyou": _youyou,
    "jiyou": _jiyou,
    "numbered": _numbered,
    "lines": _lines,
    "shared": _shared,
    "complaint": _complaint,
}
REPEATING = ("youyou", "jiyou")  # only for short items


def _style_for(items: list[str], rng: random.Random, more: Sequence[str] = ()) -> str:
    names = [n for n in STYLES if n not in REPEATING or _short(items)]
    return rng.choice([*names, *more])


def _word(item: Labelled, topic: str, rng: random.Random, kb: KnowledgeBase) -> str | None:
    """A bare word for a part, when the source's right facts are what the word names."""
    lead = kb.topics[topic].lead if topic in kb.topics else ""
    if lead and lead in item.expect and topic in TOPIC_WORDS:
        return rng.choice(TOPIC_WORDS[topic])
    if len(item.expect) == 1:
        (fid,) = item.expect
        if fid in FACT_WORDS:
            return rng.choice(FACT_WORDS[fid])
    return None


def _keywords(words: list[str], rng: random.Random) -> str:
    mark = rng.choice((" ", " ", "、", "，"))
    return mark.join(words) + rng.choice(("", "", "，都烦", "，这些怎么减", "，有啥办法"))


def _fits(text: str) -> bool:
    return 0 < len(text) <= MAX_MESSAGE


def _relisted(item: Labelled, rng: random.Random) -> list[Labelled]:
    """A several-at-once source, its items reordered and listed in another style."""
    found = _items(item)
    if found is None:
        return []
    items, ask = found
    if len(set(items)) < len(items):
        return []
    made: list[Labelled] = []
    shuffled = items[:]
    while shuffled == items:
        rng.shuffle(shuffled)
    mark = rng.choice(("、", "，", " "))
    reordered = mark.join(shuffled) + (("，" + ask) if ask else "")
    listed = shuffled if rng.random() < 0.5 else items
    relisted = STYLES[_style_for(listed, rng)](listed, rng)
    for text, sub in ((reordered, "reordered"), (relisted, "relisted")):
        if _fits(text) and text != item.question:
            made.append(Labelled(text, item.expect, f"several/{sub}", item.topics, part=item.split))
    return made


def _partners(
    item: Labelled, topic: str, pool: Sequence[Labelled], rng: random.Random, kb: KnowledgeBase
) -> list[tuple[Labelled, str, str]]:
    """The source and one or two partners on other topics, each with the burden it names."""
    core = _core(item)
    if core is None or len(core) > MAX_ITEM:
        return []
    chosen = [(item, topic, core)]
    wanted = 3 if rng.random() < THREE_SHARE else 2
    for _ in range(TRIES):
        if len(chosen) == wanted:
            break
        other = rng.choice(pool)
        other_topic = _joinable(other, kb)
        if other_topic is None or other_topic in {t for _, t, _ in chosen}:
            continue
        if _style(other) != "plain":
            continue
        other_core = _core(other)
        if other_core is None or len(other_core) > MAX_ITEM:
            continue
        chosen.append((other, other_topic, other_core))
    return chosen if len(chosen) >= 2 else []


def _listed(
    item: Labelled, topic: str, pool: Sequence[Labelled], rng: random.Random, kb: KnowledgeBase
) -> list[Labelled]:
    """Single-topic sources on different topics, listed in one style."""
    chosen = _partners(item, topic, pool, rng, kb)
    if not chosen:
        return []
    rng.shuffle(chosen)
    words = [_word(p, t, rng, kb) for p, t, _ in chosen]
    cores = [c for _, _, c in chosen]
    style = _style_for(cores, rng, ("keywords", "keywords") if all(words) else ())
    if style == "keywords":
        text = _keywords([w for w in words if w], rng)
    else:
        text = STYLES[style](cores, rng)
    if not _fits(text):
        return []
    expect = frozenset().union(*(p.expect for p, _, _ in chosen))
    topics = frozenset(t for _, t, _ in chosen)
    return [Labelled(text, expect, f"several/{style}", topics, part=item.split)]


def variants(
    item: Labelled, pool: Sequence[Labelled], rng: random.Random, kb: KnowledgeBase
) -> list[Labelled]:
    if _style(item) != "plain":
        return []
    if _several(item):
        return _relisted(item, rng)
    topic = _joinable(item, kb)
    if topic is None:
        return []
    count = 2 if rng.random() < SECOND_SHARE else 1
    return [v for _ in range(count) for v in _listed(item, topic, pool, rng, kb)]
