"""What the answer is for, and how measures are compared: framing that asks nothing itself.

Officials say what they need a case for before they ask for it: a document they are writing
(写材料要用, 汇报材料里想举个例子, 做宣传展板, 述职报告里能用的), people they are to brief
(给新来的大学生村官讲讲, 给班子成员汇报), or they weigh measures against each other (哪种办法最
管用, 几种做法里哪个最见效). The document, the audience and the weighing are not what is asked:
材料 there is the asker's writing, not the 台账 an inspection reads, 几种 is no list of six kinds
of groups, and 大学生 is no subject of any measure. Taken out of the text before it is ranked,
they neither pull in another topic's facts nor weigh against the right one as unknown words.
Data asked for (有具体数据吗, 检查减负的数据, 需要一个会议变短的数据) is read as 多少: a figure
asked, so a cut asked of (精简 多少) favours the facts holding the number cut, and 数据 is not the
forms topic's figures reported twice.

The words (documents, what is asked to put in them, people briefed) are data, in
responses/purpose_words.yaml; the grammar around them is here. A document is framed as a
purpose only when the question also asks for material (例子, 案例, 做法, 数据, 原话) or names the
use (要用, 里用): 帮我写个讲话稿 asks for work done for the asker and keeps its cue, and
检查组只看材料 keeps its 材料.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from bot.search.clauseends import ASKS, BLANKS, COMMAS, DOT, EXCLAIMS, FULL_STOP
from bot.search.wordalternation import longest_first


def _either(words: Iterable[str]) -> str:
    """One of the words, the longest tried first; a pattern that never matches when none."""
    listed = longest_first(words)
    return f"(?:{listed})" if listed else "(?!)"


# The document as what the answer is for: written or prepared (写个材料, 准备个发言), or the
# place it goes and the use it is for (材料里用, 汇报要用, 述职报告里能用的).
_MAKING = r"(?:写|做|整理|整|弄|准备|出)(?:个|一个|一份|一篇|篇|份)?"
# Material gathered (整理一份开会减负的经验, 收集几个填表减负的做法): the gathering is the
# asker's work; the case asked for follows it. Not 整 (整个 is "the whole"), and a count is
# required so 做法 keeps its 做.
_GATHERING = r"(?:写|做|整理|弄|准备|收集|搜集|汇总)(?:个|一个|一份|一篇|篇|份|几个|一些|点)"
# Compiling what is asked (帮我整理一下…的做法, 好经验汇总一下): the asker's work on the cases,
# not a task for the bot, once a case is asked for (fixes from dev-request6, dev-wrong6 and
# dev-wrong9); 帮我把各村的数据汇总一下 hands over the asker's own figures, a task, and stays.
_COMPILING = re.compile(
    r"(?:帮我|给我|帮忙|替我|麻烦你?)?(?:整理|汇总|梳理|归纳|罗列|列举)(?:一下|下)"
)
_CLAUSE_END = COMMAS + FULL_STOP + DOT + ASKS + EXCLAIMS + BLANKS
_HANDED_OVER = re.compile(f"把[^{_CLAUSE_END}]*$")  # 帮我把…: the clause hands something over
_CLAUSE = re.compile(f"[^{_CLAUSE_END}]+")
# What a document or a gathering is about: one clause at most (准备一份关于整治工作群的调研材料).
_SUBJECT = r"(?:关于|有关)?([^，。,.？?！!\s]{1,16}?)(?:方面|这块|这方面)?的"
# A gathering still to come (下周要开减负推进会, 准备办个经验交流会): when it is held, not what.
_COMING = (
    r"(?:要|准备|打算|计划|马上|即将|下周|下个月|明天|后天|月底|年底|这周|过几天|近期)+"
    r"(?:在|也|又|还)?(?:开|召开|组织|举办|办|搞|参加)(?:个|一个|一场|一次|场|次)?"
)
# What is done at it (交流会上想讲讲, 座谈会上要用): the material's use there.
_AT_GATHERING = r"(?:上|里|中)(?:想|要|准备|打算)?(?:讲|用|说|分享|交流|发言|介绍|汇报)"
# The asker's talk at a meeting (例会上要讲讲, 会上介绍一下, 开个小会讲讲, 会上发言讲): a
# reduplicated or softened verb (讲讲, 介绍一下) tells a topic introduced, not a talk too long.
_TALK = (
    r"(?:发个?言)?(?:讲讲|说说|聊聊|讲一讲|说一说|讲一下|说一下|介绍一下|介绍介绍|分享一下"
    r"|分享分享|交流一下|传达一下|讲|说)"
)
_AT_MEETING = rf"(?:上|里)(?:想|准备|打算|要)?{_TALK}"
# Send me a case (发我一个…的例子): asking for a case, not for a file, once one is asked for.
_SEND_ME = re.compile(r"(?:麻烦|请)?(?:发给我|发我|给我发|发一下)(?:一个|个|几个|一些|点)?")
# Asking for proof of a measure's effect (有具体数据吗, 有数据支撑吗, 有证据吗): 数据 there is
# no figure reported twice (一个数据填多份表), and the ask itself names no measure.
_PROOF = re.compile(
    r"(?:有没有|有无|有)(?:具体|详细|确切|实际|真实)?的?"
    r"(?:数据|数字|证据|数(?=支撑|证明|说明|支持))(?:支撑|证明|说明|支持)?"
    r"(?=[吗没么不呢啊，。,.？?！!\s]|$)"
)
# Data asked for, ending its clause (的具体数据吗, 的数字): what a figure word is when asked.
_DATA = r"(?:具体|详细|相关|确切|实际)?的?(?:数据|数字)(?=[吗呢啊吧，。,.？?！!\s]|$)"
# A figure asked for (需要一个会议变短的数据): the figure of a measure, no figure reported twice.
_FIGURE_OF = re.compile(
    r"((?:需要|想要|要|找|求|给我?)(?:一个|个|点|些)[^，。,.？?！!\s]{1,12}?)的(?:具体)?(?:数据|数字)"
    r"(?=[吗呢啊，。,.？?！!\s]|$)"
)
# Weighing measures: 哪种办法, 几种做法里哪个, 几种法子/辙 (said the everyday way), 最管用, 更靠谱.
_WHICH_WAY = re.compile(
    r"(?:哪|几)(?:种|个|样)(?=办法|做法|措施|经验|方式|方法|招|路子|法子|辙|门道|高招|妙招)"
)
_VERDICT = re.compile(
    r"[最更](?:管用|见效|实用|实在|靠谱|好使|值得学|有效)|管不管用|靠不靠谱|好不好使|管用|见效|靠谱"
    r"|好使|(?:到底|究竟)?(?:有没有用|有用吗|有用没|有啥用|有什么用)"
)
# Those above the asker, told of the burden or given a suggestion: 跟县里反映, 给上级提个建议.
_UPWARD = (
    r"(?:跟|向|给)(?:县里|乡里|镇里|市里|区里|上级|上面|上头|领导|组织)"
    r"(?:反映一?下?|汇报一?下?|提一?个?建议|提一?个?意见|建议)"
)


def _as_figure_asked(found: re.Match[str]) -> str:
    """The effect kept, its data asked as 多少 (once: 群少了多少的数字 already asks it)."""
    effect = found.group(1)
    return effect + ("" if effect.endswith("多少") else "多少") + " "


class Purposes:
    """The framing patterns built from responses/purpose_words.yaml (bot/kb/purpose.py)."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        kinds = words.get("document_kinds", ())
        document = f"(?:{_either(kinds)})?{_either(words.get('documents', ()))}"
        material = _either(words.get("material", ()))
        self._material = re.compile(material)
        self._made = re.compile(rf"{_MAKING}{document}")
        # Every document pattern names a document word: a text holding none is not searched.
        self._document_word = re.compile(_either(words.get("documents", ())))
        # A document about the subject asked (写个会议减负的汇报): the subject stays.
        self._about = re.compile(rf"{_MAKING}{_SUBJECT}{document}")
        self._gathered = re.compile(rf"{_GATHERING}(?=[^，。,.？?！!\s]{{0,16}}?{material})")
        self._used = re.compile(
            rf"(?:{_MAKING})?{document}(?:里面?|中|上)?(?:想用|要用|能用的?|用得上|需要|缺|用)"
            r"(?![时了什啥哪几多])"
            rf"|{document}(?:里面?|中)(?:想|要)?"
            rf"|{document}(?:想要|要|缺)(?=一?个|一些|几个|一份|一段|一句|点)"
        )
        gathering = _either(words.get("gatherings", ()))
        self._gathering = re.compile(
            rf"{_COMING}[^，。,.？?！!\s]{{0,6}}?{gathering}|{gathering}(?={_AT_GATHERING})"
        )
        # The data of an effect (检查减负的数据, 群精简的具体数字): a figure asked for, as 多少.
        self._effect_data = re.compile(
            rf"({_either(words.get('effects', ()))}[^，。,.？?！!\s]{{0,4}}?)的?{_DATA}"
        )
        held = _either(words.get("meetings_held", ()))
        self._meeting_held = re.compile(
            rf"(?:(?:我|我们)?(?:要|想|准备|得)?在)?{held}(?={_AT_MEETING})(?:上|里)"
            r"(?:(?:想|准备|打算|要)?发个?言(?=讲|说))?"
            rf"|开(?:个|一个)?{held}(?:给大家|跟大家)?(?={_TALK})"
        )
        people = _either(words.get("audiences", ())) + "们?"
        self._audience = re.compile(
            rf"给[^，。,.？?！!\s]{{0,8}}?{people}"
            r"(?:讲讲|说说|讲一讲|说一说|讲一下|说一下|讲|说|解释一?下?|介绍一?下?|培训|上党课|上课|汇报)"
            rf"|{_UPWARD}"
        )

    def without(self, text: str) -> str:
        """The question without the document it is for, the people it is for, and the
        weighing of measures against each other; unchanged when none is there."""
        asks_material = self._material.search(text) is not None
        text = self._audience.sub(" ", text)
        text = _WHICH_WAY.sub(" ", text)
        text = self._effect_data.sub(_as_figure_asked, text)
        text = _VERDICT.sub(" ", text)
        # Proof asked names 数据, 数字 or 证据, a figure 数据 or 数字: without 数 or 证, neither.
        if "数" in text or "证" in text:
            text = _PROOF.sub("多少 ", text)
        if "数" in text:
            text = _FIGURE_OF.sub(r"\1多少 ", text)
        if self._document_word.search(text) is not None:
            text = self._used.sub(" ", text)
        if asks_material:
            text = self._gathered.sub(" ", self._about.sub(r" \1 ", text))
            text = self._meeting_held.sub(" ", self._gathering.sub(" ", text))
            text = _SEND_ME.sub(" ", self._made.sub(" ", text))
            text = _CLAUSE.sub(self._without_compiling, text)
        return text

    def _without_compiling(self, clause: re.Match[str]) -> str:
        """A clause asking for a case, its compiling taken out (帮我整理一下开会减负的做法);
        not one handing over the asker's own things (帮我把…汇总一下), nor one whose case is
        asked in another clause (让我整理一下别的地方是怎么做的，大家有经验的分享一下)."""
        text = clause.group(0)
        found = _COMPILING.search(text)
        if found is None or not self._material.search(text):
            return text
        if _HANDED_OVER.search(text[: found.start()]):
            return text
        return _COMPILING.sub(" ", text)
