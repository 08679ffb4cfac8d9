"""Everyday vocabulary: the article's words for a thing replaced by the words cadres say for it.

The article speaks of 会议, 台账, 督查检查, 留痕 and 精简; a township cadre typing on a phone says
开会, 本子, 上面来查, 留个底 and 砍掉. Each family below (meetings, forms, groups, inspections,
proof, reports, people words, ask words, numbers) maps a written word to the spoken words for the
SAME thing, so the right facts stay the right facts: a replacement never narrows a word to a
sibling's thing (会议 never becomes 例会, 留痕 never becomes 拍照, 督查 never becomes 暗访).
Words inside a longer word that means something else (会议室, 群众, 次数) are left alone.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from bot.devtools.evaluate import Labelled
from bot.kb import KnowledgeBase

# (written word, spoken words for the same thing). An empty tuple protects a longer word from
# the shorter entries inside it. Patterns are regular expressions; most are plain words.
Entries = tuple[tuple[str, tuple[str, ...]], ...]

FAMILIES: dict[str, Entries] = {
    "meetings": (
        ("会议室", ()),
        ("会议精神", ()),
        (r"(?<=[个次场一两三这那该])会议", ("会",)),
        ("视频会议", ("视频会", "线上开会")),
        ("会议记录", ("开会记录", "会上的记录", "会记")),
        ("文山会海", ("开不完的会", "大会小会")),
        ("会议", ("会", "各种会", "大会小会")),
        ("例会", ("碰头会", "周会")),
        ("开短会", ("会开短点", "开个短会")),
        ("开会", ("开会", "坐会场")),
        ("发言", ("讲话", "说话")),
        ("讲话稿", ("稿子",)),
        ("讲话", ("发言", "讲")),
    ),
    "forms": (
        ("填表报数", ("填表", "报数")),
        ("填表", ("填报表", "填单子", "报表格")),
        ("报表", ("表", "统计表")),
        ("表格", ("表", "单子", "表单")),
        ("模板", ("样式", "格式", "样表")),
        ("材料", ("资料", "文字材料", "东西")),
        ("台账", ("账本", "本子", "登记本")),
        ("数据平台", ()),
        ("数据", ("数字", "数")),
        ("签字", ("签名", "签个字", "摁手印")),
        ("盖章", ("盖个章", "盖公章")),
    ),
    "groups": (
        ("微信工作群", ("微信群", "钉钉群")),
        ("工作群", ("微信群", "钉钉群", "QQ群", "工作微信群")),
        ("政务群", ("工作群", "微信群")),
        ("截图", ("截屏", "截个图")),
        ("打卡", ("签到",)),
        ("刷屏", ("消息刷个不停", "消息刷屏")),
        ("回复消息", ("回消息",)),
        ("回复", ("回消息", "回")),
    ),
    "inspections": (
        ("督查检查", ("上面来查", "考核组来查", "各种检查")),
        ("检查组", ("考核组", "督查组")),
        ("迎检", ("迎接检查", "应付检查", "接待检查")),
        ("督查组", ("检查组", "考核组")),
        ("督查", ("督导", "检查")),
        ("暗访", ("突击检查", "不打招呼来查", "悄悄下来看")),
        ("考核", ("考评", "打分")),
        ("联合检查", ("几家一起查", "一块儿查")),
    ),
    "proof": (
        ("拍照留痕", ("拍照存档", "拍照片留底")),
        ("留痕", ("留底", "留个底", "存档留底")),
        ("佐证材料", ("证明材料", "证明资料")),
        ("痕迹管理", ("留底那一套", "什么都要留底")),
        ("拍照", ("拍照片", "拍相片", "照相")),
    ),
    "reports": (
        ("报送", ("报", "上报", "交上去")),
        ("上报", ("报上去", "交上去", "报")),
        ("重复填报", ("翻来覆去地填", "一遍遍地填")),
        (r"重复(?=[填报开查交录写登])", ("来回", "翻来覆去地", "一遍遍地")),
        ("太频繁", ("太勤", "三天两头的")),
        ("过于频繁", ("太勤",)),
        (r"频繁(?=[开填报查来召下发])", ("老是", "三天两头")),
        ("形式主义", ("走过场", "搞花架子", "面子工程")),
        ("减负", ("减轻负担", "松绑", "减担子")),
        ("精简", ("砍", "减", "压减", "撤并")),
    ),
    "people": (
        ("基层干部", ("村干部", "一线干部", "底下干活的")),
        ("基层", ("底下", "一线", "村里")),
        ("群众", ("老百姓", "老乡")),
        ("村民", ("老乡", "乡亲们")),
        ("上级", ("上面", "上头")),
        ("县直部门", ("县里各单位", "县里的部门")),
        (r"(?<=[县市省乡镇村])领导", ()),
        ("领导", ("头儿", "领导们")),
        ("乡镇", ("乡里", "镇上")),
    ),
    "asks": (
        ("怎么办", ("咋办", "咋整", "怎么弄", "怎么搞")),
        ("为什么", ("为啥", "咋回事")),
        ("什么", ("啥",)),
        ("如何", ("咋", "怎么")),
        ("怎样", ("咋样", "怎么样")),
        ("有哪些", ("有啥", "都有啥")),
        ("能否", ("能不能", "可不可以")),
        ("做法", ("招", "法子", "路子")),
        ("办法", ("法子", "招儿", "辙")),
        ("措施", ("招", "办法")),
        ("经验", ("门道", "招数")),
    ),
    "numbers": (
        (r"(?<=[每一这上下两])周(?![年边末期围到全])", ("个礼拜", "星期", "个星期")),
        (r"(?<=[一二两三四五六七八九十几0-9])次(?![数序性])", ("回",)),
        # 30分钟 is never said 半小时 here: the article gives the two to different facts.
        ("半小时", ("半个钟头", "半个钟")),
        (r"(?<=[一二两三四五六七八九十几0-9])个小时", ("个钟头", "个钟")),
        (r"(?<=[0-9])余个", ("多个", "来个")),
        (r"(?<=[0-9])余", ("多",)),
    ),
}
SUBKINDS = tuple(FAMILIES)
# Kinds whose text is an ask in the article's words (or an off-topic one, which stays off-topic).
VARIED_KINDS = frozenset(
    {"paraphrase", "problem", "request", "topic", "number", "numbers", "offtopic"}
)

_COMPILED = {
    family: re.compile(
        "|".join(f"({word})" for word, _ in sorted(entries, key=lambda e: -len(e[0])))
    )
    for family, entries in FAMILIES.items()
}
_PROTECTED = re.compile("|".join(w for es in FAMILIES.values() for w, spoken in es if not spoken))


def _spans_protected(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PROTECTED.finditer(text)]


def _hits(text: str, family: str) -> list[re.Match[str]]:
    """The family's words in the text, longest first, none inside a protected longer word."""
    entries = sorted(FAMILIES[family], key=lambda e: -len(e[0]))
    guarded = _spans_protected(text)
    found = []
    for match in _COMPILED[family].finditer(text):
        spoken = entries[match.lastindex - 1][1] if match.lastindex else ()
        inside = any(a <= match.start() and match.end() <= b for a, b in guarded)
        if spoken and not inside:
            found.append(match)
    return found


def _spoken(match: re.Match[str], family: str) -> tuple[str, ...]:
    entries = sorted(FAMILIES[family], key=lambda e: -len(e[0]))
    return entries[(match.lastindex or 1) - 1][1]


def families_in(text: str) -> tuple[str, ...]:
    """The families with at least one replaceable word in the text."""
    return tuple(f for f in SUBKINDS if _hits(text, f))


def respell(text: str, family: str, rng: random.Random) -> str:
    """Each of the family's words in the text said the everyday way; one choice per word, so a
    word said twice is said the same way twice."""
    chosen: dict[str, str] = {}
    out, at = [], 0
    for match in _hits(text, family):
        written = match.group(0)
        others = [s for s in _spoken(match, family) if s != written]
        if not others:
            continue
        said = chosen.setdefault(written, rng.choice(others))
        out.append(text[at : match.start()] + said)
        at = match.end()
    return "".join(out) + text[at:]


def respell_all(text: str, rng: random.Random) -> str:
    """Every family at once, as someone who never uses the article's words would type it."""
    for family in SUBKINDS:
        text = respell(text, family, rng)
    return text


def variants(
    item: Labelled, pool: Sequence[Labelled], rng: random.Random, kb: KnowledgeBase
) -> list[Labelled]:
    from bot.devtools.variants import variant_of  # the package imports this module

    if item.kind not in VARIED_KINDS:
        return []
    present = families_in(item.question)
    made: list[Labelled] = []
    seen = {item.question}
    for family in rng.sample(present, min(2, len(present))):
        text = respell(item.question, family, rng)
        if text not in seen:
            seen.add(text)
            made.append(variant_of(item, text, f"{item.kind}/{family}"))
    if len(present) >= 2 and rng.random() < 0.5:
        text = respell_all(item.question, rng)
        if text not in seen:
            made.append(variant_of(item, text, f"{item.kind}/mixed"))
    return made
