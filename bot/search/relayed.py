"""A question asked on someone else's behalf: who passed it on, and that the asker could not
answer it, wrap the ask without being asked.

Cadres pass on what a colleague asked them (我同事让我帮他问一下，…; 隔壁乡的老王前两天问我，…;
昨天跟老赵聊天，他说：…) and close with their own helplessness (我也答不上来, 我一时也说不清,
大家帮忙看看). 同事, 帮, 答 are no words of a measure, yet read whole they weigh against every
fact. A clause that only relays or only says the asker cannot answer is dropped when something
else is asked.
"""

from __future__ import annotations

import re

from bot.search.clauseends import ASKS, BLANKS, DOT, PAUSES, ClauseSplitter

_HAN = r"[\u4e00-\u9fff]"
_CLAUSES = ClauseSplitter(PAUSES, DOT, ASKS, BLANKS)
_BARE = re.compile(r"[\W_]+")
_WHEN = r"(?:昨天|前天|今天|前两天|前几天|刚才|上午|下午|晚上|那天|上周|有一次)?"
# Asking for others, the whole clause (帮我们科室问一下, 替我们组的人问问, 受同事之托问一句):
# plain meaning, like a colleague's relayed ask, it says who asks and asks nothing itself.
_ASKS_FOR = (
    r"(?:问问|问一下|问下|问一句|问一声|问个事|问个问题|打听一下|打听打听|咨询一下)(?:哈|啊|呀|哦)?"
)
# Who passed the question on: 我同事小刘让我帮他问一下, 老王托我打听打听, 隔壁乡的老王前两天问我,
# 昨天跟邻镇的老赵聊天, 有个朋友问我.
_RELAY = re.compile(
    rf"^{_HAN}{{0,10}}?(?:让|叫|托|请)我(?:帮|替)?(?:他|她|他们|忙)?(?:问|打听|咨询|请教)"
    rf"(?:一下|下|问|打听|一声)?(?:大家|各位)?$"
    rf"|^{_HAN}{{0,10}}?{_WHEN}(?:问|问过)我(?:一个问题|个问题|个事|一件事)?$"
    rf"|^{_WHEN}(?:跟|和|同){_HAN}{{1,10}}?(?:聊天|聊了聊|聊起来|闲聊|唠嗑|吃饭)(?:的时候|时)?$"
    rf"|^我?(?:帮|替|代|代表){_HAN}{{0,10}}?{_ASKS_FOR}$"
    rf"|^受{_HAN}{{1,8}}?之托{_ASKS_FOR}$"
)
# 他说：… opens the relayed question itself; only the opening goes.
_SAID = re.compile(r"^(?:他|她|他们|对方|老\w)(?:说|问|讲)(?:了句|道)?\s*[:：]\s*")
# The asker cannot answer it (我也答不上来, 我一时也说不清, 我也不知道咋回他) or hands it on
# (大家帮忙看看, 帮忙参谋参谋).
_HELPLESS = re.compile(
    r"^(?:我|俺)?(?:也|一时|当时|真|实在)*(?:答不上来|回答不上来|说不清|说不上来|讲不清"
    r"|不知道(?:咋|怎么)(?:回|回答|答)(?:他|她)?)了?$"
    r"|^(?:大家|各位|麻烦大家|麻烦各位)?帮(?:忙|我|他|她)?(?:看看|看一下|参谋参谋?|出出主意|想想办法)$"
)


def without_relay(text: str) -> str:
    """`text` without the clauses that relay the question or say the asker cannot answer it,
    when something else is left; else `text` as typed."""
    clauses = _CLAUSES.as_typed(text)
    kept = []
    for clause in clauses:
        bare = _BARE.sub("", clause)
        if _RELAY.match(bare) or _HELPLESS.match(bare):
            continue
        kept.append(_SAID.sub("", clause, count=1))
    if kept == clauses or not any(_BARE.sub("", c) for c in kept):
        return text
    return "".join(kept)
