"""A short question told the way a cadre writes a long WeChat message: who and where they are,
what happened this week, a sigh, the ask somewhere inside, often vague, often unpunctuated.

Real long messages differ from a greeting glued to a question: the ask sits in the middle or at
the end after a story, is split over sentences ("会太多。这种情况咋整"), is told as what a
colleague said, or is a complaint closed by 有啥招. The context invented here names no topic of
the knowledge base (no meeting, form, group or inspection) and no person or place of the
article, so the source's right facts stay the right facts: only the source's own topic may be
sighed about, in words that point at no one fact. An off-topic or near-miss question gets
only context and neutral asks, never an ask for a measure, so it stays one to decline.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from bot.devtools.evaluate import Labelled
from bot.kb import KnowledgeBase

# Places and roles the article does not name, none holding a topic's character (会 群 表 查).
PLACES = (
    "杨柳镇", "石桥乡", "清水河村", "高庄村", "西湖街道", "长林乡", "凤凰镇", "沙坪村",
    "新华社区", "李家寨村", "双河镇", "上湾村", "永安街道", "黄土岭村",
)  # fmt: skip
ROLES = (
    "包村干部", "村支书", "文书", "网格员", "驻村第一书记", "副镇长", "选调生", "社区主任",
    "党政办的", "民政专干", "村主任", "宣传委员",
)  # fmt: skip
FRIENDS = (
    "隔壁乡的老王", "我同事小刘", "一个在街道干的同学", "我们村老支书", "邻镇的老赵",
    "我爱人单位的同事",
)  # fmt: skip
# Who and where, with numbers the article never uses (it has 2, 3, 5, 6, 10, 30, 190, 200 …).
INTROS = (
    "我是{place}的{role}",
    "我在{place}当{role}，干了{years}年了",
    "我们镇管着{villages}个村，干部就{staff}个人",
    "本人{place}{role}，刚来不到一年",
    "说下我们这边的情况，{place}，山区，人少事多",
    "我在{place}干{role}也有{years}年了",
)
# What happened lately: no topic's burden, though often this week or today.
HAPPENINGS = (
    "这周村里在忙秋收", "今天刚从村里走访回来", "昨天在村里跑了一整天", "最近防汛忙得脚不沾地",
    "年底了事情一件接一件", "书记刚调走，新书记还没到", "这几天一直在处理一起邻里纠纷",
    "今天下午又下乡跑了四五户", "上个月刚换了分管领导", "这两天老家还有点事，两头跑",
    "最近在搞产业项目，天天在地里", "前几天刚从县里培训回来",
)  # fmt: skip
SIGHS = (
    "说实话真有点撑不住了", "干基层这几年头发都白了一半", "有时候真想不干了", "心里憋屈半天了",
    "跟家里人都没法说", "唉，真的累", "每天回家都快半夜了", "人都快熬干了",
)  # fmt: skip
# A sigh about the source's own topic, naming no one of its facts.
TOPIC_SIGHS = {
    "meetings": ("说起开会这事我就头疼", "开会这块真是让人吃不消"),
    "forms": ("说起填表真是一肚子苦水", "表格这事烦得很"),
    "inspections": ("一提检查大家都怕", "迎检这事把人折腾够了"),
    "chat-groups": ("工作群这事真是说来话长", "现在最怕的就是手机里的工作群"),
}
# Vague asks for a measure: only after a source that already asks for one.
VAGUE_ASKS = (
    "有啥招没", "咋整", "你们那边呢", "大家都是咋弄的", "有没有好办法", "求支招",
    "各位有啥经验", "这个能解决不", "别的地方是怎么做的",
)  # fmt: skip
# Asks that change nothing of what is asked.
NEUTRAL_ASKS = ("想问问大家", "有个事请教一下", "问个事儿", "想跟各位打听个事", "请教各位")
NEUTRAL_CLOSERS = ("大家有空回一下", "先谢谢了", "知道的说一声", "麻烦大家了", "等各位回复")
COLLEAGUE_FORMS = (
    "{friend}前两天问我，{q}，我也答不上来，大家帮忙看看",
    "昨天跟{friend}聊天，他说：{q}，我一时也说不清",
    "{friend}让我帮他问一下，{q}",
)

MEASURE_KINDS = frozenset({"chatty", "request", "problem", "paraphrase", "topic"})
DECLINE_KINDS = frozenset({"near-miss", "offtopic"})
SUBKINDS = ("first", "middle", "vent", "colleague", "past", "split", "spaced")
# Ask tails a question can be split at: the burden becomes one sentence, the ask another.
ASK_TAILS = (
    "怎么办", "咋办", "咋整", "怎么解决", "有什么办法", "有啥办法", "怎么弄", "能不能少点",
    "怎么减", "有没有办法",
)  # fmt: skip
ENDS = "。？！?!.…~ "


def _plain(question: str) -> str:
    """The question without its end punctuation, to be set inside a longer message."""
    return question.rstrip(ENDS + "，,") or question


def _intro(rng: random.Random) -> str:
    return rng.choice(INTROS).format(
        place=rng.choice(PLACES),
        role=rng.choice(ROLES),
        years=rng.choice((4, 8, 9, 11)),
        villages=rng.choice((13, 14, 17, 21, 24, 27)),
        staff=rng.choice((9, 11, 13, 17)),
    )


def _topic(item: Labelled, kb: KnowledgeBase) -> str | None:
    """The one topic every expected fact is on, if there is one."""
    topics = {kb.by_id[fid].topic for fid in item.expect if fid in kb.by_id}
    return topics.pop() if len(topics) == 1 else None


def _ask_mark(text: str, rng: random.Random, told: bool = False) -> str:
    """A question mark, or none as many type; a burden told (not asked) ends as a sentence."""
    return text + rng.choice(("。", "！", "") if told else ("？", "？", "", "。"))


def allowed(item: Labelled) -> tuple[str, ...]:
    """The sub-kinds that keep this source's meaning (none for kinds not asked this way)."""
    if item.on_topic and item.kind not in MEASURE_KINDS:
        return ()
    if not item.on_topic and item.kind not in DECLINE_KINDS:
        return ()
    if "我是" in item.question or "本人" in item.question or "\n" in item.question:
        return ()  # a second self-introduction or a list across lines would not read as one
    subs = list(SUBKINDS)
    if not item.on_topic:
        subs.remove("past")  # "still the same here" would make a near-miss a complaint
    return tuple(subs)


def _split(q: str, measure: bool, rng: random.Random) -> str:
    """The burden as one sentence, the ask as the next; a question with no tail is announced."""
    for tail in ASK_TAILS:
        stem = q[: -len(tail)].rstrip("，, ")
        if q.endswith(tail) and len(stem) >= 3 and measure:
            lead = rng.choice(("我们这边", "我们这儿", ""))
            return f"{lead}{stem}。{rng.choice(HAPPENINGS)}。这种情况{tail}？"
    return (
        f"{rng.choice(NEUTRAL_ASKS)}。{_intro(rng)}，{rng.choice(HAPPENINGS)}。{_ask_mark(q, rng)}"
    )


def tell(item: Labelled, sub: str, rng: random.Random, kb: KnowledgeBase) -> str:
    """The source's question told one way (`sub` is one of SUBKINDS)."""
    q = _plain(item.question)
    measure = item.on_topic and item.kind in MEASURE_KINDS
    topic = _topic(item, kb) if measure else None
    sigh = rng.choice(TOPIC_SIGHS.get(topic or "", SIGHS) + SIGHS)
    close = rng.choice(VAGUE_ASKS if measure else NEUTRAL_CLOSERS)
    if sub == "first":
        asked = _ask_mark(q, rng, item.kind == "problem")
        asked += "" if asked != q else " "
        intro = _intro(rng)
        lead = "" if intro.startswith("说下") else "说下背景，"
        return f"{asked}{lead}{intro}，{rng.choice(HAPPENINGS)}，{rng.choice(SIGHS)}"
    if sub == "middle":
        asked = _ask_mark(q, rng, item.kind == "problem")
        asked += "" if asked != q else " "  # no mark typed: a space still ends the ask
        return f"{_intro(rng)}，{rng.choice(HAPPENINGS)}。{asked}{rng.choice(SIGHS)}，{close}"
    if sub == "vent":
        if measure:
            return f"{sigh}。{_intro(rng)}，{rng.choice(HAPPENINGS)}，{q}，{close}"
        return f"{rng.choice(SIGHS)}。{rng.choice(HAPPENINGS)}，{rng.choice(NEUTRAL_ASKS)}，{q}"
    if sub == "colleague":
        told = rng.choice(COLLEAGUE_FORMS).format(friend=rng.choice(FRIENDS), q=q)
        return f"{rng.choice(HAPPENINGS)}。{told}"
    if sub == "past":
        return f"前几年我在{rng.choice(PLACES)}的时候就碰到过，现在换了地方还是老样子。{q}，{close}"
    if sub == "split":
        return _split(q, measure, rng)
    pieces = [_intro(rng), rng.choice(HAPPENINGS), q, close]
    return " ".join(p.replace("，", " ") for p in pieces)


def variants(
    item: Labelled, pool: Sequence[Labelled], rng: random.Random, kb: KnowledgeBase
) -> list[Labelled]:
    from bot.devtools.variants import variant_of  # the package imports this module

    subs = allowed(item)
    if not subs:
        return []
    return [
        variant_of(item, tell(item, sub, rng, kb), f"{item.kind}/{sub}")
        for sub in rng.sample(subs, 2)
    ]
