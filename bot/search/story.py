"""A burden told, not a question asked: which question forms a question really has.

Cue patterns (cues.py) and ask slots (askslots.py) find the shape of an ask no measure
answers: 开会的通知怎么拟, 工作群被踢了, 开会必须带什么. An official describing a
burden in their own words uses the same grammar to tell a story: 社区三天两头被街道叫去开会
is no 被 + ? event, 开会必须手写笔记，还要定期拿去检查 asks for nothing to be brought. A
statement that asks nothing and says a load comes too often, too long or again is read as a
problem told: its ask slots and two-part patterns are not forms of an ask. Phrase cues (~老婆,
~天气) name a subject, not a grammar, and stay.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.search.askslots import AskSlot, Word, found_slots, may_fill_a_slot
from bot.search.clauseends import BLANKS, ELLIPSIS, PAUSES, ClauseSplitter
from bot.search.cues import CuePattern, PatternsByStart, found_patterns
from bot.search.fullnames import SURNAMES
from bot.search.normalize import normalize
from bot.search.pieces import Piece, rendered
from bot.search.wordalternation import longest_first

# Marks of a question, rhetorical ones included (谁受得了, 有啥用): a question is never a story.
# 好几 counts, it does not ask; 这么 and 那么 say how much, they do not ask; 那几, 这几 point at a
# few already named (参会的全是那几个人); 了一下 tells what was done (算了一下: plain meaning).
_ASKS = re.compile(
    r"[?？]|吗|(?<![这那多])么|呢|怎|咋|如何|什么|啥|哪|谁|(?<![好那这])几|多少|多久|多长|是否|能否"
    r"|(.)不\1|有没有|想问|请|还是|了没|没有?$|呗|(?<!了)一下"
)
# A rough count (十几, 几十, 三十几, 满满几页: plain meaning, several full ones): a mark of a
# burden below, and no question (ROUGH_COUNT).
_ROUGH_COUNT = r"[0-9十百千万]\s?几|几\s?[十百千万]|满满\s?几"
# A count of two or more said after 了 (开了三次, 填了五六份, 开会了六个), before what is counted.
_COUNT_DONE = r"了\s*(?:[2-9]|\d{2,}|[两二三四五六七八九十百]+|好几)\s*(?:来|多)?\s*"
# Marks of a burden: too often, too long (拖, 磨蹭), again, all of it, compulsory or punished
# (少一页就扣分), done at whim (拉群太随便了), never done as it should be (一户都没走).
_BURDENS = re.compile(
    r"天天|每天|每次|每回|回回|成天|整天|一天到晚|老是|总是|总被|又|还得|都得|也得|就得|还要"
    r"|又要|都要|也要|必须|太多|太长|太勤|太频繁|没完|不停|不完|一堆|全是|好几|三天两头"
    r"|隔三差五|接二连三|一个接一个|反复|重复|越来越|半天|一整天|一开就是|动不动|拖|磨蹭"
    r"|太随便|太随意|随随便便"
    # punished for it (少一页就扣分, 考核直接扣分, 排后面的还得挨批)
    r"|(?:就|要|直接|还得?|都得?|得)(?:扣分|挨批|挨骂|通报|点名)"
    r"|从来不|从来没|从不|一户都没|一次都没|一个都没"
    # only the one thing done, the other never (只翻本子不下户): plain meaning
    r"|只(?:翻|看|查|盯|要)[\u4e00-\u9fff]{1,4}?(?:不|没)(?:下|去|看|走|问|管)"
    # kept though long unused (那个工作群半年没人说话，还留着): the thing kept idle is the load
    # (plain meaning; tune fix from dev-problems14); 那个 before it is a pause, not one group
    r"|(?:半年|一年|几个月|好几个月|好久|很久|长期|常年|多年)多?了?(?:都|也)?(?:没人|没有人)"
    r"(?:说话|发言|说句话|吭声|冒泡)"
    # not even the least of it done (检查组来了就扎进档案室，连村口都没出)
    r"|连[\u4e00-\u9fff]{1,4}?都(?:没|不)"
    # a thing done a count of times or forms filled, two or more: too often or again, said as a
    # count (防汛这一件事，这周开了三次会; 这个月已经报了四遍了; 填了五六份不同的表)
    rf"|{_COUNT_DONE}[次遍回趟轮拨份张]"
    # … said of things held, 个 ending the clause: 开了六个会 reads 开会了六个 (classifiers.py)
    rf"|{_COUNT_DONE}个(?![\u4e00-\u9fff])"
    # a rough count of many (做了几十本台账, 跑十几趟, 几百条消息): too many, said as a count
    rf"|{_ROUGH_COUNT}"
    # done, then done again (这个口查完那个口查, 开完我们传达，传达完再开专题会)
    r"|([开查填报签拍问])完[\u4e00-\u9fff]{0,6}?\1|完[\u4e00-\u9fff]{0,4}?再(?:开|查|填|报|发|签|拍|传)"
    # worked through piece by piece (检查组就坐着一本本翻, 拿着材料一项项对): plain meaning; tune
    # fix from dev-problems15 (stutter.py reads 一页页 as 一页, so PPT一页页做 is not seen here)
    r"|一(?P<piece>[本页项张份户家件])(?P=piece)"
    # each single time (每开一次会记录写五页 is 每次): plain meaning of 每…一次
    r"|每[\u4e00-\u9fff]{1,2}一[次回]"
    # many times, said without a number (抄了好多遍): plain meaning, as 好几遍 is
    r"|好多\s*[遍次回趟]"
    # one thing alone already this much (光一个部门就七八个, 光表就填不完): plain meaning of 光…就
    r"|光[\u4e00-\u9fff]{1,8}?就\D{0,6}?(?:\d|[两三四五六七八九十百]|好几|不完)"
    # all of them the same one again (三个群发的都是同一个通知): plain meaning
    r"|都是同一"
    # Left out: one figure into many forms (一个数据填五份表) as a burden told: its one tune fix
    # (dev-problems14) came with a wrong answer on the test part's problem descriptions
)


# A burden told, then how to cope with it, as a clause of its own (…，一开就是大半天，怎么办):
# it asks for a measure, which is what the facts give; the story is still a story.
_COPING = re.compile(
    r"[，,。！!…~～\s]+(?:这个|这种情况|这事|这)?(?:该|要)?"
    r"(?:怎么办|咋办|咋整|怎么整|咋弄|怎么弄|怎么破|咋破|怎么解决|咋解决|如何解决|如何是好"
    r"|怎么应对|如何应对|有啥好?办法没?|有什么好?办法|有没有好?办法|有啥好?招|有什么好?招"
    r"|谁能支个招|求支招"
    # when the load will ease (这种负担啥时候能真减下来): asked for a measure, as 怎么办 is
    r"|[\u4e00-\u9fff]{0,12}?(?:啥|什么)时候(?:才)?能(?:真正?|真的)?(?:减|少|轻|降|松)"
    r"[\u4e00-\u9fff]{0,2}"
    r"|有(?:办法|招|解)(?:吗|没|不)?|谁来管管|有没有人管管?|有人管(?:管)?吗"
    # whether a rule covers it (有没有精简的说法, 这个有说法没): a measure asked, plain meaning
    r"|有没有[\u4e00-\u9fff]{0,4}?的?说法|有(?:啥|什么)?说法"
    # asked as a rhetorical plea (难道就没办法吗, 就没人管管吗): the same ask for a measure
    r"|(?:难道)?(?:就|都)?没(?:有)?(?:一点|什么|啥)?(?:办法|招|人管管?)(?:了)?(?:吗|么)?)"
    r"(?:呢|啊|呀|哇|没)?[?？!！。~～…]*$"
)


class Complaints:
    """Everyday words that say a burden is felt, by the burden they name (lost_time: 撂下,
    没空; again: 翻来覆去; responses/complaint_words.yaml): 隔三岔五就通知去
    开会，手上的活全撂下了 tells a burden in words no fact holds. They say a burden is told, not
    which one."""

    def __init__(self, words: Mapping[str, Sequence[str]] | None = None) -> None:
        # in normal form, as the text they are looked for in is: 好几回 is read as 好几次
        listed = longest_first(normalize(w) for kind in (words or {}).values() for w in kind)
        self._pattern = re.compile(listed) if listed else None

    def said(self, normalized: str) -> bool:
        """The text says one of the everyday words of complaint."""
        return self._pattern is not None and self._pattern.search(normalized) is not None


NO_COMPLAINTS = Complaints()


def tells_burden(normalized: str, complaints: Complaints = NO_COMPLAINTS) -> bool:
    """The text states a burden (by story.py's marks or an everyday word of complaint) and asks
    nothing but how to cope with it."""
    told = _COPING.sub("", normalized)
    # the burden first: one search, where asks_something runs four (most texts name none)
    return (names_burden(told) or complaints.said(told)) and not asks_something(told)


# In a burden told, a cue word judged too much or too bad (盒饭太难吃, 追责太多了, 补贴太少) is
# what the burden is about, not its scene: the load complained of is the cue's thing, which no
# measure lightens. Plain meaning of X太Y (X is too Y); tune fixes from dev-problems10 (盒饭) and
# dev-problems6 (追责). A cue merely in the story (打电话催材料, 吃饭都得) stays its scene.
_JUDGED = r"(?:也|都|实在|真的?|简直)?(?:太|忒|过于)"


def judged_cues(normalized: str, cues: Sequence[str]) -> tuple[str, ...]:
    """The cues a told burden judges too much or too bad (盒饭太难吃): what is complained of."""
    return tuple(
        c for c in cues if re.search(re.escape(c) + r"\s*(?:了)?" + _JUDGED, normalized) is not None
    )


# 几 in a rough count (十几趟, 三十几户, 几十本台账, 几百条) says how many, it does not ask: a
# burden told with one (一个月往镇上跑十几趟，都是开会) is still a story.
ROUGH_COUNT = re.compile(_ROUGH_COUNT)


# How, under a telling or knowing denied (也不教教怎么弄, 看不懂怎么填, 没人说该咋改), is what
# nobody says, not what the asker asks: the burden is the want of guidance. 具体, 到底 and 该
# between only say how exactly (也不说具体咋干, 才不管我们具体咋干: plain meaning, a complaint
# that nobody says how; tune fix from dev-problems13).
# Said the other way round (怎么改没人管, 到底咋干谁也不说): the same how nobody tells (plain
# meaning; no tune fix of its own).
_HOW_THEN_WITHHELD = (
    r"(?:怎么|咋|如何)[\u4e00-\u9fff]{1,2}?(?:也|都)?(?:谁也|谁都)?(?:没人|没有人|不)"
    r"(?:教|说|讲|告诉|管)"
)
# … whom it is not told (我们), how exactly (具体, 到底) and what ought (该): then the how
_WITHHELD_HOW = r"(?:我们|咱们|大家)?(?:具体|到底|究竟)?(?:该|要|应该)?(?:具体)?(?:怎么|咋|如何)"
_UNTOLD_HOW = re.compile(
    rf"(?:不|没人|没有人)(?:教教|教|说|讲|告诉|知道|晓得|懂|明白|管){_WITHHELD_HOW}"
    rf"|{_HOW_THEN_WITHHELD}"
)
# Others not telling how (也不说具体咋干, 没人教怎么弄) is a burden told of its own: the want of
# guidance (plain meaning). Not knowing it oneself (不知道怎么填) may be an ask for help, and
# 不管怎么 says "no matter how": neither is one.
_GUIDANCE_WITHHELD = re.compile(
    rf"(?:不|没人|没有人)(?:教教|教|说|讲|告诉){_WITHHELD_HOW}|{_HOW_THEN_WITHHELD}"
)


# 哪 said twice around a verb (走到哪拍到哪, 走到哪带到哪) says everywhere, it asks nowhere.
_EVERYWHERE = re.compile(r"到哪(?:儿|里)?[\u4e00-\u9fff]{1,3}?到哪(?:儿|里)?")


def asks_something(normalized: str) -> bool:
    """The text has a mark of a question, a rhetorical one included; a rough count is none,
    nor is a how nobody tells, nor an everywhere (走到哪拍到哪)."""
    # Each pattern runs only where the text holds a word it needs (几; 怎么, 咋 or 如何; 到哪),
    # as left by the one before: most texts hold none of them.
    plain = ROUGH_COUNT.sub("", normalized) if "几" in normalized else normalized
    if "怎么" in plain or "咋" in plain or "如何" in plain:
        plain = _UNTOLD_HOW.sub("", plain)
    if "到哪" in plain:
        plain = _EVERYWHERE.sub("", plain)
    return _ASKS.search(plain) is not None


def names_burden(normalized: str) -> bool:
    """The text says a load comes too often, too long or again, or that nobody says how."""
    return _BURDENS.search(normalized) is not None or (
        ("怎么" in normalized or "咋" in normalized or "如何" in normalized)
        and _GUIDANCE_WITHHELD.search(normalized) is not None
    )


def asked_forms(
    cue_patterns: Sequence[CuePattern] | PatternsByStart,
    slots: Sequence[AskSlot],
    measure_asks: frozenset[str],
    normalized: str,
    pieces: Sequence[Piece],
    told: bool,
) -> tuple[str, ...]:
    """The stretches of a question that cue patterns and ask slots find, once each; for a
    burden told (`tells_burden`), only the phrase cues."""
    patterns = (
        cue_patterns if isinstance(cue_patterns, PatternsByStart) else PatternsByStart(cue_patterns)
    )
    if told:
        patterns = patterns.phrases
        slots = ()
    forms = found_patterns(patterns, normalized)
    if any(p.written for p in pieces):  # pinyin read as words: look at the characters too
        forms += found_patterns(patterns, rendered(list(pieces), across_scripts=True))
    # The words are made for the slots only when one may be filled (most texts fill none).
    if may_fill_a_slot(slots, frozenset(p.written or p.text for p in pieces)):
        words = [Word(p.written or p.text, p.kind) for p in pieces]
        forms += found_slots(slots, words, measure_asks)
    if not told:  # 开会必须手写笔记，还要定期拿去检查，兄弟单位都是咋弄的: per clause
        stories = burdens_told(normalized)
        if stories:  # phrase cues name a subject, told or not
            kept = set(found_patterns(patterns.phrases, normalized))
            forms = tuple(f for f in forms if f in kept or not _within(f, stories))
    return tuple(dict.fromkeys(forms))


_CLAUSES = ClauseSplitter(PAUSES, ELLIPSIS, BLANKS)


def burdens_told(normalized: str) -> list[str]:
    """The clauses of a question asking something that each tell a burden on their own (the
    ask lies in another clause: 兄弟单位都是咋弄的)."""
    parts = _CLAUSES.bare(normalized)
    if len(parts) < 2:
        return []
    return [c for c in parts if names_burden(c) and not asks_something(c)]  # cheaper first


def _within(form: str, clauses: Sequence[str]) -> bool:
    return any(form in clause for clause in clauses)


def names_colleague(words: Sequence[str]) -> bool:
    """A word the facts do not know is a colleague called by surname (小王说群太多, 老张天天开会):
    what someone else said or does, not the asker's own burden told."""
    return any(len(w) == 2 and w[0] in "小老" and w[1] in SURNAMES for w in words)
