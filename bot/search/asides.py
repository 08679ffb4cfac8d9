"""What wraps a question without being asked: a forwarding mark, the asker introducing
themselves, whom they greet, spoken filler.

Applied to the raw question before it is normalised; a clause is dropped only when something
else is asked (a message that is all introduction stays as typed).
"""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# A clause introducing the asker (我是村里的扶贫专干, 本人是社区书记, 我在街道工作三年了, 作为
# 一名驻村干部) says who asks, not what: its words (扶贫专干, 街道) would pull their own facts.
# An emoji ends a clause as a full stop does (晚上好呀🌙我在乡里干了三年了).
_CLAUSE_END = "，,。.！!？?；;~～\\s\U0001f000-\U0001faff\u2600-\u27bf"
_CLAUSE = re.compile(f"[^{_CLAUSE_END}]+[{_CLAUSE_END}]*")
_NOT_IN_WORDS = re.compile(r"[\W_]+")  # what is left of a clause once its words are read
# 本人在乡镇扶贫办, 我们是个小乡镇, 社区干部一名, 刚入职的选调生一枚: where they sit, said bare.
_WORKPLACE = r"(?:乡|镇|村|街道|社区|县|市|区|局|办|站|所|中心|单位|部门|基层|一线)(?:里|上)?"
_SELF_INTRO = re.compile(
    r"^(?:(?:我|本人|俺|小弟|在下)(?:是|系)(?!说|想|问)"
    r"|(?:我|本人|俺)在.{1,12}(?:工作|上班|任职|干了|待了)"
    rf"|(?:我|本人|俺)们?(?:在|是)(?:个|一个)?.{{0,10}}{_WORKPLACE}的?$"
    r"|.{1,12}(?:一名|一枚)$"
    r"|作为(?:一名|一个)?.{1,12}$)"
)


# A forwarded or relayed message (【转】, 转发一条：, //转发自县委办：, 同事转给我的问题：), a forum
# tag (【求助】, 【急】) or a reply's address (回复@张三：): where the ask came from, not what it
# asks; 转 and 转发 are the facts' words for a notice passed from group to group.
_FORWARDED = re.compile(
    r"^\s*(?:[【\[（(]\s*(?:转发|转载|转|求助|提问|请教|咨询|急|讨论)\s*[】\]）)]\s*[:：]?"
    r"|(?://\s*)?(?:转发|转载|转)(?:一条|一下|一个|自[^:：，,。]{0,12})?\s*[:：]"
    r"|回复\s*@[^:：\s]{1,20}\s*[:：]"
    r"|[^:：，,。！!？?]{0,10}(?:转给我|转来的|帮.{0,4}问|替.{0,4}问)[^:：，,。！!？?]{0,6}[:：])\s*"
)


# A clause that only greets whom it asks (尊敬的领导您好, 王书记好, 张主任早): their title is
# no subject, and 书记, 主任 would point at people in the facts.
_ADDRESS = re.compile(
    r"^(?:尊敬的)?(?:各位)?[\u4e00-\u9fff]{0,3}?(?:领导|书记|主任|老师|局长|镇长|乡长|县长|科长"
    r"|部长|站长|所长|同志|前辈|专家|大佬|同事|同仁)们?(?:您好|你好|好|早|早上好|上午好|下午好|晚上好)?$"
)


def without_asides(text: str) -> str:
    """`text` without what wraps the ask: a forwarding mark, clauses introducing the asker."""
    return without_self_introduction(_FORWARDED.sub("", text, count=1))


def without_self_introduction(text: str) -> str:
    """`text` without the clauses that introduce the asker or greet whom they ask, when
    something else is asked."""
    clauses = _CLAUSE.findall(text)
    kept = [c for c in clauses if not _is_aside(_NOT_IN_WORDS.sub("", c))]
    if len(kept) == len(clauses) or not any(_CJK.search(c) for c in kept):
        return text
    return "".join(kept)


# A clause of spoken filler only (emm 那个 我们单位…): 那个 there points at nothing.
_FILLER = re.compile(r"^(?:那个|这个|就是|那啥|那什么|嗯+|呃+|额+|emm+|em)+$", re.IGNORECASE)


def _is_aside(clause: str) -> bool:
    return bool(_SELF_INTRO.match(clause) or _ADDRESS.match(clause) or _FILLER.match(clause))
