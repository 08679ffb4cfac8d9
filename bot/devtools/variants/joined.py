"""Two or three questions on different topics typed as one message.

Cadres often put everything that bothers them into one message: two complaints joined by
"，还有" or "；另外", a second question after "再问一下", one per line, a numbered list, or the
burdens named one after another with one shared ask ("会太多和表太多，怎么一起减"). Each part
should still get the fact it gets when asked alone.

Labels: the variant expects the union of its parts' expected facts, and every part's topic must
get one of them (`topics`, as in the several-at-once development sets). A part is a source
answered right today whose expected facts all lie on one topic; several-at-once, person and
place sources and near misses are not joined (their labels would not stay true). An off-topic
source joined to an on-topic one expects only the on-topic part's facts, the first fact shown.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from functools import partial

from bot.devtools.evaluate import Labelled
from bot.kb import KnowledgeBase

NOT_JOINED = frozenset({"several", "person", "place", "people-place", "near-miss", "greeting"})
OFF_TOPIC_KINDS = frozenset({"offtopic"})
MAX_PART = 48  # characters of one part; longer sources are joined to nothing
MAX_MESSAGE = 150  # the matcher reads 160 characters at most
THREE_SHARE = 0.25  # how often a source is joined with two others
SECOND_SHARE = 0.5  # how often a source gets a second variant
TRIES = 40  # partners drawn from the pool before giving up

# The question or request a later part opens with, dropped when it follows another part.
OPENERS = (
    "请问一下",
    "请问",
    "想问一下",
    "想问下",
    "问一下",
    "问下",
    "你好",
    "您好",
    "各位好",
    "大家好",
    "老师好",
    "领导好",
)
CLOSERS = ("谢谢了", "谢谢", "多谢", "感谢")
# Generic asks at a part's end: without them the part names its burden, for a shared ask.
ENDINGS = (
    "该怎么办",
    "怎么办",
    "咋办",
    "怎么破",
    "咋整",
    "咋弄",
    "怎么解决",
    "如何解决",
    "怎么处理",
    "有什么好办法",
    "有什么办法",
    "有啥好办法",
    "有啥办法",
    "有没有好办法",
    "有没有办法",
)
PUNCT = "？?。.！!，,、；;：:~～… \n"
# A part with none of these asks nothing: it names a burden, which can share the ask.
ASKING = re.compile(r"[？?吗嗎么麼啥咋几幾哪怎]|如何|多少|是否|能不能|要不要|有没有|可不可以")
STATEMENT_KINDS = frozenset({"problem"})  # complaints: the whole text names the burden
MAX_CORE = 24
PARTICLES = "呢啊呀吧嘛哇"

SEPARATORS = {
    "comma": ("，还有", "，还有就是", "，另外"),
    "semicolon": ("；另外", "；还有", ";另外"),
    "sentence": ("。再问一下，", "。还有个问题：", "？还想问下，", "。顺便问一句，"),
    "yiji": ("，以及", "以及"),
    "newline": ("\n",),
}
SHARED_ASKS = ("，怎么一起减", "，有啥好办法", "，咋整", "，怎么办", "，这些怎么减")
TRADITIONAL = str.maketrans("还问题么减办顺个这时", "還問題麼減辦順個這時")


def _base_kind(item: Labelled) -> str:
    return item.kind.split("/", 1)[0]


def _topic(item: Labelled, kb: KnowledgeBase) -> str | None:
    """The one topic all of a source's expected facts lie on, else None."""
    facts = [kb.by_id.get(fid) for fid in item.expect]
    topics = {fact.topic for fact in facts if fact is not None}
    if len(topics) != 1 or None in facts:
        return None
    return next(iter(topics))


def _style(item: Labelled) -> str:
    kind = _base_kind(item)
    return kind if kind in ("pinyin", "traditional") else "plain"


def _joinable(item: Labelled, kb: KnowledgeBase) -> str | None:
    """The topic of a source that can be a part, else None."""
    if not item.on_topic or item.topics or _base_kind(item) in NOT_JOINED:
        return None
    if len(item.question) > MAX_PART or "\n" in item.question:
        return None
    return _topic(item, kb)


def _trim_end(text: str) -> str:
    return text.rstrip(PUNCT)


def _clean(text: str, first: bool, last: bool) -> str:
    text = text.strip()
    if not first:
        for opener in OPENERS:
            if text.startswith(opener) and len(text) > len(opener) + 2:
                text = text[len(opener) :].lstrip(PUNCT)
                break
    if not last:
        text = _trim_end(text)
        for closer in CLOSERS:
            if text.endswith(closer) and len(text) > len(closer) + 2:
                text = _trim_end(text[: -len(closer)])
                break
    return text


def _core(item: Labelled) -> str | None:
    """The burden a part names without its generic ask (会太多怎么办 → 会太多; a complaint
    that asks nothing is its own core), else None."""
    text = _clean(item.question, False, True)
    text = _trim_end(text).rstrip(PARTICLES)
    core: str | None = None
    for ending in ENDINGS:
        if text.endswith(ending):
            core = _trim_end(text[: -len(ending)])
            break
    else:
        if _base_kind(item) in STATEMENT_KINDS and not ASKING.search(text):
            core = text
    if core is None or not 2 <= len(core) <= MAX_CORE or re.search(r"[，,。！!；;：:\s]", core):
        return None
    return core


def _separated(parts: list[Labelled], rng: random.Random, separators: Sequence[str]) -> str:
    cleaned = [_clean(p.question, i == 0, i == len(parts) - 1) for i, p in enumerate(parts)]
    out = cleaned[0]
    for part in cleaned[1:]:
        out += rng.choice(separators) + part
    return out


def _numbered(parts: list[Labelled], rng: random.Random) -> str:
    cleaned = [_clean(p.question, False, True) for p in parts]
    mark = rng.choice(("{n}. ", "{n}、", "{n}.", "({n})"))
    between = rng.choice(("\n", "\n", " ", "；"))
    return between.join(mark.format(n=n) + p for n, p in enumerate(cleaned, 1))


def _shared(parts: list[Labelled], rng: random.Random) -> str | None:
    cores = [_core(p) for p in parts]
    if any(core is None for core in cores):
        return None
    named = [c for c in cores if c is not None]
    if len(named) == 2 and rng.random() < 0.5:
        listed = f"{named[0]}{rng.choice(('和', '还有', '，'))}{named[1]}"
    elif rng.random() < 0.3:
        listed = "，".join(f"{'一二三'[n]}是{c}" for n, c in enumerate(named))
    else:
        listed = ("，" if any("、" in c for c in named) else "、").join(named)
    return listed + rng.choice(SHARED_ASKS)


Joiner = Callable[[list[Labelled], random.Random], str | None]
JOINERS: dict[str, Joiner] = {
    **{name: partial(_separated, separators=seps) for name, seps in SEPARATORS.items()},
    "numbered": _numbered,
    "shared": _shared,
}
PINYIN_JOINERS = ("newline", "numbered")


def _partners(
    topics: list[str],
    style: str,
    pool: Sequence[Labelled],
    rng: random.Random,
    kb: KnowledgeBase,
    subkind: str,
) -> list[tuple[Labelled, str]]:
    """One more part from the pool, on a topic not yet taken, typed the same way, and naming
    its burden when the parts share one ask."""
    for _ in range(TRIES):
        other = rng.choice(pool)
        topic = _joinable(other, kb)
        if topic is None or topic in topics or _style(other) != style:
            continue
        if subkind == "shared" and _core(other) is None:
            continue
        return [(other, topic)]
    return []


def _join(
    parts: list[Labelled], subkind: str, rng: random.Random, style: str
) -> tuple[str, str] | None:
    """The joined text and the sub-kind actually used (a shared ask falls back to a comma)."""
    text = JOINERS[subkind](parts, rng)
    if text is None:
        subkind = "comma"
        text = JOINERS[subkind](parts, rng)
    if text is None or len(text) > MAX_MESSAGE:
        return None
    if style == "traditional":
        text = text.translate(TRADITIONAL)
    return text, subkind


def _one(
    item: Labelled,
    topic: str | None,
    pool: Sequence[Labelled],
    rng: random.Random,
    kb: KnowledgeBase,
    subkind: str,
) -> Labelled | None:
    style = _style(item)
    chosen: list[tuple[Labelled, str]] = [(item, topic)] if topic else []
    wanted = (3 if rng.random() < THREE_SHARE else 2) if topic else 1
    while len(chosen) < wanted:
        more = _partners([t for _, t in chosen], style, pool, rng, kb, subkind)
        if not more:
            break
        chosen += more
    if len(chosen) < min(wanted, 2):
        return None
    parts = [p for p, _ in chosen] + ([] if topic else [item])
    rng.shuffle(parts)
    joined = _join(parts, subkind, rng, style)
    if joined is None:
        return None
    text, used = joined
    expect = frozenset().union(*(p.expect for p, _ in chosen))
    if not topic:  # an off-topic part: the on-topic part's fact comes first
        return Labelled(text, expect, f"offtopic/joined-{used}", frozenset(), part=item.split)
    kind = "several/three" if len(chosen) == 3 else f"several/{used}"
    return Labelled(text, expect, kind, frozenset(t for _, t in chosen), part=item.split)


def variants(
    item: Labelled, pool: Sequence[Labelled], rng: random.Random, kb: KnowledgeBase
) -> list[Labelled]:
    topic = _joinable(item, kb)
    off_topic = not item.on_topic and _base_kind(item) in OFF_TOPIC_KINDS
    if topic is None and not (off_topic and len(item.question) <= MAX_PART):
        return []
    names = list(PINYIN_JOINERS if _style(item) == "pinyin" else JOINERS)
    if "shared" in names and (not topic or _core(item) is None):
        names.remove("shared")  # only parts that name their burden share one ask
    rng.shuffle(names)
    if "shared" in names and rng.random() < 0.5:  # few parts name a burden: give them a turn
        names.remove("shared")
        names.insert(0, "shared")
    count = 2 if topic and rng.random() < SECOND_SHARE else 1
    made = [v for name in names[:count] if (v := _one(item, topic, pool, rng, kb, name))]
    return made
