"""How a question is framed in a chat, read as the plain question it frames.

Cadres front the topic (开会这块，怎么减), ask first and name the topic after (咋弄呢 手机长截图),
ask rhetorically (会议记录就不能简单点吗, 难道就没人管管吗). The ranking and the cue patterns read
the plain order (手机长截图咋弄, 会议记录能不能简单点): a frame must not hide an ask no measure
answers, nor bring in words (不能, 没人) that the facts use for something else.

Applied to the raw question after its asides (asides.py) are gone.
"""

from __future__ import annotations

import re

from bot.search.clauseends import ASKS, BLANKS, DOT, PAUSES

_STOP = PAUSES + DOT + ASKS + BLANKS  # what ends a clause here; used inside larger patterns
# An ask that opens a clause: what the fronted topic is asked about.
_OPENING_ASK = (
    r"(?:那|那么)?(?:该|要|到底|究竟)?(?:怎么|咋|如何|怎样|能不能|可不可以|能否|可否|有没有办法"
    r"|有啥办法|有什么办法|是不是|要不要)"
)
# 会议这块，怎么减 / 政法工作这方面，怎么抓 / 手机卡这个事，咋办: the topic, then its ask.
_FRONTED = re.compile(
    rf"(?P<topic>[^{_STOP}]+?)(?:这一?块儿?|这方面|方面|这个事儿?|这件事|这事儿?|的事儿?|这个问题|的问题)"
    rf"[{_STOP}：:]+(?={_OPENING_ASK})"
)
# A bare ask: a way out of whatever is told beside it (怎么办, 咋弄, 有没有办法), with what may
# open and close it. items.py reads a piece made only of one.
BARE_ASK_OPENING = r"(?:那|那么)?(?:该|可)?"
BARE_ASK_WORDS = (
    r"怎么办|咋办|咋整|怎么整|咋弄|怎么弄|怎么搞|怎么破|怎么解决|咋解决|如何解决|有啥办法|有什么办法"
    r"|有没有办法"
)
BARE_ASK_CLOSING = r"(?:呢|啊|呀|哇|嘛)?"
# A bare ask sent first (怎么办？手机老是卡, 咋弄呢 手机长截图): it asks about what follows. Sent
# first, 咋搞 is one too (items.py's two bursts have never taken it).
_ASK_FIRST = re.compile(
    rf"^\s*(?P<ask>{BARE_ASK_OPENING}(?:{BARE_ASK_WORDS}|咋搞)){BARE_ASK_CLOSING}"
    rf"[{_STOP}：:]+(?P<rest>[^{_STOP}].*)$"
)
# 就不能少点吗, 难道会议记录不能简单点吗: a rhetorical 不能…吗 asks 能不能; 不能 is no word of it.
_NEGATED = re.compile(
    rf"(?:难道)?(?P<subject>[^{_STOP}]*?)(?:就|都|还)?(?<!能)不能(?P<what>[^{_STOP}]+?)[吗么嘛]"
    rf"(?=[{_STOP}]|$)"
)
# A plea closing a burden told (…，难道就没人管管吗): it asks for a measure, and 没人 is no
# subject of it (好多群早就没人说话了 is).
_NOBODY_CARES = re.compile(
    rf"[{_STOP}]+(?:难道|真的)?(?:就|都)?没(?:有)?人(?:管|管管|过问)(?:了)?[吗么嘛]?[{_STOP}]*$"
)
# Something asked must remain: a whole message of frame stays as typed.
_WORDS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffa-zA-Z]{2}")


def plain_frame(text: str) -> str:
    """`text` with its chat frames read plainly: a question sent in two bursts on one line, the
    fronted topic joined to its ask, a bare ask sent first put after what it asks about, a
    rhetorical 不能…吗 as 能不能, a closing 没人管 plea dropped. Each pattern is tried only
    where its mark is typed: this runs for every question."""
    plain = bursts_joined(text) if "\n" in text else text
    if "人" in plain:
        plain = _NOBODY_CARES.sub("", plain)
        if not _WORDS.search(plain):
            plain = text
    if _FRONT_MARKS.search(plain):
        plain = _FRONTED.sub(r"\g<topic>", plain)
    first = _ASK_FIRST.match(plain) if _ASK_MARKS.search(plain[:4]) else None
    if first and _WORDS.search(first["rest"]) and not _ASKS_AGAIN.search(first["rest"]):
        rest = first["rest"].rstrip("。.！!？?~～ ")
        # after a story of several clauses the ask is a clause of its own (story.py reads it so)
        plain = rest + ("，" if _CLAUSE_BREAK.search(rest) else "") + first["ask"]
    if "哪" in plain:
        plain = _WHO_SAID.sub(r"\g<said>是谁", plain)
    return _NEGATED.sub(r"\g<subject>能不能\g<what>", plain) if "不能" in plain else plain


# 说不用再让群众重复确认的是哪位: who said something in the article, asked as 是谁 is (the fact
# shows its speaker); 管台账的是哪位 asks who holds a post, which the cues keep (intent_cues.txt).
_WHO_SAID = re.compile(
    rf"^(?P<said>(?:说|讲|提到|提出|谈到|讲到)[^{_STOP}]+?的)是哪(?:位|一位|个人)(?=[{_STOP}呀啊呢]*$)"
)
_FRONT_MARKS = re.compile(r"块|方面|事|问题")
_ASK_MARKS = re.compile(r"怎|咋|如何|有")
_CLAUSE_BREAK = re.compile(rf"[{_STOP}]")
# What follows a bare ask asks something of its own: the bare ask then answers nothing.
_ASKS_AGAIN = re.compile(r"[?？]|吗|么|呢|怎|咋|如何|什么|啥|哪|谁|能不能|有没有|(.)不\1")


# A question sent in two bursts (政务APP / 怎么更新到最新版本): a line that names a topic and
# asks nothing, then a line that opens with the ask, is one question.
OPENS_WITH_ASK = re.compile(
    r"^(?:那|那么)?(?:该|要|到底|究竟)?(?:怎么|咋|如何|怎样|能不能|可不可以|能否|可否|有没有|有啥|有什么"
    r"|是不是|要不要|为什么|为啥)"
)
_LINE = re.compile(r"[ \t]*\n\s*")


def bursts_joined(text: str) -> str:
    """`text` with each line that opens with an ask joined to the line before it, when that
    line asks nothing and ends no sentence."""
    lines = _LINE.split(text)
    if len(lines) < 2:
        return text
    joined = [lines[0]]
    for line in lines[1:]:
        before = joined[-1]
        ends = not before or before[-1] in "。.！!？?；;"
        if OPENS_WITH_ASK.match(line) and not ends and not _ASKS_AGAIN.search(before):
            joined[-1] = before + line
        else:
            joined.append(line)
    return "\n".join(joined)
