"""Framing around the question: who is asking, a greeting, a request, thanks, voice-input
fillers, a sigh, a word of background, or several of these at once.

Cadres rarely type a bare question: they introduce themselves to a group, greet its members,
ask for a case to learn from, say thanks, dictate with fillers, complain, or explain what just
happened at home. None of it changes what is asked. The places and people invented here are the
asker's own and none is named in the article, so the right facts stay the right facts; an
off-topic or near-miss question wrapped stays one (it gets no frame that asks for a measure).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from bot.devtools.evaluate import Labelled
from bot.kb import KnowledgeBase

# Invented places, none in the article and none holding a topic's character (会 群 表 查).
PLACES = (
    "青石镇", "柳河乡", "桃源镇", "白沙乡", "龙泉镇", "大庄村", "石门村", "南岭村", "红旗街道",
    "金山街道", "北关社区", "东坡社区", "安宁县", "平川镇", "小河村", "马家湾村",
)  # fmt: skip
ROLES = (
    "网格员", "村里的文书", "选调生", "大学生村官", "包村干部", "党政办的", "社区工作者",
    "驻村工作队员", "综治办的", "乡镇干部", "新来的办事员", "村支书",
)  # fmt: skip
INTRO_FORMS = (
    "我是{place}的{role}",
    "本人{place}{role}",
    "我在{place}当{role}",
    "我是刚到{place}的{role}",
    "{place}{role}一枚",
    "我们是{place}的，我是{role}",
)
GREETINGS = (
    "各位领导好", "群里的大佬们", "老师您好", "大家好", "各位前辈", "打扰一下", "在吗",
    "领导们好", "各位同仁好", "兄弟们", "哈喽", "您好",
)  # fmt: skip
# Asks that frame any question without changing what it asks.
NEUTRAL_ASKS = (
    "请教一下", "想问一下", "问个事", "请问", "咨询一下", "能不能给我讲讲", "弱弱地问一句",
    "有个问题想请教", "麻烦问下",
)  # fmt: skip
# Asks for a measure or a case: only around questions that already ask for one.
MEASURE_ASKS = (
    "求个案例", "有没有可以借鉴的经验", "有没有好的做法", "求支招", "兄弟单位都是咋弄的",
    "有啥好办法", "给点建议呗", "有经验的说说", "求指导",
)  # fmt: skip
CLOSINGS = (
    "谢谢！", "在线等挺急的", "辛苦了🙏", "先谢过了", "感谢感谢", "麻烦了", "多谢指点",
    "万分感谢", "拜托了", "谢谢大家", "等回复",
)  # fmt: skip
FILLERS = ("那个嗯就是说", "呃那个", "就是那个", "嗯嗯然后就是", "那个那个", "呃就是说")
EMOTIONS = (
    "唉烦死了", "真的是服了", "心累", "头都大了", "太难了", "唉", "救命", "服了",
    "真的要崩溃了", "无语",
)  # fmt: skip
BACKGROUNDS = (
    "我们这边刚换了书记", "上周刚开完会", "最近上面来了新通知", "年底了事情特别多",
    "我刚调过来没多久", "我们镇人少事多", "刚来不久啥也不懂", "领导刚找我谈过话",
    "这两天一直在加班",
)  # fmt: skip

# Kinds whose sources ask for a measure, so asking for a case or experience keeps the meaning.
MEASURE_KINDS = frozenset({"chatty", "request", "problem", "paraphrase", "topic", "several"})
SUBKINDS = ("intro", "greeting", "request", "closing", "filler", "emotion", "background", "combo")
ENDS = "。？！?!.…~"


def _sep(piece: str, rng: random.Random) -> str:
    """What people type after a framing piece: mostly a comma; a request runs on into the ask."""
    if piece.endswith("吗"):
        return "？"
    if piece in NEUTRAL_ASKS:
        return rng.choice(("，", "：", " ", ""))
    return rng.choice(("，", "，", "，", " ", "。", "！"))


def _intro(rng: random.Random) -> str:
    return rng.choice(INTRO_FORMS).format(place=rng.choice(PLACES), role=rng.choice(ROLES))


def _join(before: Sequence[str], question: str, after: Sequence[str], rng: random.Random) -> str:
    """The pieces in order, a separator after each piece before the question and after it."""
    text = "".join(piece + _sep(piece, rng) for piece in before) + question
    for piece in after:
        text += ("" if text[-1] in ENDS else "，") + piece
    return text


def _fillers(question: str, rng: random.Random) -> str:
    """A filler in front, and sometimes another at the first comma, as dictated text has."""
    filled = rng.choice(FILLERS) + question
    cut = question.find("，")
    if cut > 0 and rng.random() < 0.5:
        at = len(filled) - len(question) + cut + 1
        filled = filled[:at] + rng.choice(("然后就是", "就是说", "嗯")) + filled[at:]
    return filled


def allowed(item: Labelled) -> tuple[str, ...]:
    """The sub-kinds that keep this source's meaning."""
    subs = list(SUBKINDS)
    if "我是" in item.question or "本人" in item.question:
        subs.remove("intro")  # a second introduction would contradict the first
    if item.kind == "greeting":
        subs.remove("request")  # nothing is asked, so nothing to frame as a request
    return tuple(subs)


def wrap(item: Labelled, sub: str, rng: random.Random) -> str:
    """The source's question framed one way (`sub` is one of SUBKINDS)."""
    q = item.question
    measure = item.on_topic and item.kind in MEASURE_KINDS
    if sub == "intro":
        return _join([_intro(rng)], q, [], rng)
    if sub == "greeting":
        return _join([rng.choice(GREETINGS)], q, [], rng)
    if sub == "request":
        if measure and rng.random() < 0.5:
            return _join([], q, [rng.choice(MEASURE_ASKS)], rng)
        return _join([rng.choice(NEUTRAL_ASKS)], q, [], rng)
    if sub == "closing":
        return _join([], q, [rng.choice(CLOSINGS)], rng)
    if sub == "filler":
        return _fillers(q, rng)
    if sub == "emotion":
        if rng.random() < 0.5:
            return _join([rng.choice(EMOTIONS)], q, [], rng)
        return _join([], q, [rng.choice(EMOTIONS)], rng)
    if sub == "background":
        return _join([rng.choice(BACKGROUNDS)], q, [], rng)
    return _combo(item, measure, rng)


def _combo(item: Labelled, measure: bool, rng: random.Random) -> str:
    """Two to four framings at once, each in its natural place."""
    parts = [s for s in allowed(item) if s not in ("combo", "filler")]
    chosen = set(rng.sample(parts, rng.randint(2, min(4, len(parts)))))
    before: list[str] = []
    after: list[str] = []
    if "greeting" in chosen:
        before.append(rng.choice(GREETINGS))
    if "intro" in chosen:
        before.append(_intro(rng))
    if "background" in chosen:
        before.append(rng.choice(BACKGROUNDS))
    if "emotion" in chosen:
        (before if rng.random() < 0.5 else after).append(rng.choice(EMOTIONS))
    if "request" in chosen:
        if measure and rng.random() < 0.5:
            after.insert(0, rng.choice(MEASURE_ASKS))
        else:
            before.append(rng.choice(NEUTRAL_ASKS))
    if "closing" in chosen:
        after.append(rng.choice(CLOSINGS))
    return _join(before, item.question, after, rng)


def variants(
    item: Labelled, pool: Sequence[Labelled], rng: random.Random, kb: KnowledgeBase
) -> list[Labelled]:
    from bot.devtools.variants import variant_of  # the package imports this module

    subs = allowed(item)
    made = []
    for sub in rng.sample(subs, rng.choice((1, 2))):
        made.append(variant_of(item, wrap(item, sub, rng), f"{item.kind}/{sub}"))
    return made
