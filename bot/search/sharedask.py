"""One ask shared by a list of burdens, read as the plain ask it is.

An official who lists several burdens often closes with one ask for all of them: 会多、表多，
这几样怎么一起减; …，以上这些有啥好办法; …，能不能都减一减. The ask points back at the list
(这几样, 以上这些) or says "together" (一起, 都, 统一): its words (几 counts nothing, 一起 is
no joint inspection, 减 is no burden) name nothing the facts hold, yet they weigh the whole
question down and hide the list. Read as 怎么办, the list is what is asked about.

Only a closing clause of its own is read so, and only when it points back at what was listed
or asks for them together: 检查能不能一起搞 asks for a joint inspection and is left as typed.
"""

from __future__ import annotations

import re

# What the ask says it is about: the burdens listed before it (这几样, 以上这些问题).
_POINTS_BACK = (
    r"(?:以上|上面|上述)?[这那](?:几|两|三|俩)?(?:样|个|件|项|些|种)?(?:事儿?|问题|负担|情况)?"
)
_TOGETHER = r"(?:一起|一块儿?|统一|同时|都|全都|全部)"
_HOW = r"(?:该|要)?(?:能不能|能否|可不可以|怎么|咋|如何|怎样)"
_REDUCE = r"(?:减|减减|减一减|减少|精简|解决|处理|弄|整|破|少点)(?:一下|下)?"
_WAY = r"(?:有(?:什么|啥)好?(?:办法|招)|有没有好?办法)"
_SHARED_ASK = re.compile(
    rf"(?P<before>[，,。.；;、\s!！~～]+)"
    rf"(?:{_POINTS_BACK}(?:{_TOGETHER}?{_HOW}{_TOGETHER}?{_REDUCE}|{_WAY})"
    rf"|{_TOGETHER}?{_HOW}{_TOGETHER}{_REDUCE}|{_TOGETHER}{_HOW}{_TOGETHER}?{_REDUCE})"
    r"(?:呢|啊|呀|吗)?(?P<end>[?？!！。.~～…\s]*)$"
)
_MARKS = re.compile(r"减|办法|招|解决|处理|弄|整|破|少点")  # a text with none needs no search
PLAIN_ASK = "怎么办"


def plain_shared_ask(text: str) -> str:
    """`text` with a closing ask shared by the burdens listed before it read as 怎么办."""
    if not _MARKS.search(text[-12:]):
        return text
    return _SHARED_ASK.sub(rf"\g<before>{PLAIN_ASK}\g<end>", text, count=1)
