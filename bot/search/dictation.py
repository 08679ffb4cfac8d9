"""Fillers a speech engine writes down inside a dictated question: a pause, not a word.

Dictated text has no punctuation; where the speaker paused it holds 然后那个, 就是说, 嗯 instead
(开会然后那个填表群都烦, 检查台账就是说会议记录). Those stand for a comma. A lone 那个 in the
middle of a clause is a pause too when what follows is no thing it could point at — a verb, a
modal or an ask (哪些群可以那个撤掉, 表格一天一报那个谁受得了) — while 那个会, 那个专干,
那个30分钟 and 讲话的那个是谁 point at something and stay (occasion.py and pointing.py read
them). Fillers opening a clause are asides.py's.
"""

from __future__ import annotations

import re

# Pauses that are never words: a sound, or fillers running together.
_PAUSE = re.compile(
    r"(?<=\w)(?<!也)(?:然后那个|然后就是说?|就是说|那个那个|(?:那个)?(?:嗯+|呃+)(?:那个)?)+(?=\w)"
)
# What a pointing 那个 cannot be followed by: the start of a verb, a modal, an ask. A number
# may be what it points at (那个30分钟的规定).
_NOT_POINTED_AT = "怎咋谁啥哪为是有要应能可比压撤解以不没都也就还纯太让把被给去看说讲做干"
_LONE_THAT = re.compile(rf"(?<=[\u4e00-\u9fff])(?<!的)那个(?=[{_NOT_POINTED_AT}])")


def without_dictation_fillers(text: str) -> str:
    """`text` with the pauses a speech engine wrote inside it read as pauses."""
    if not any(mark in text for mark in ("那个", "然后就是", "就是说", "嗯", "呃")):
        return text
    return _LONE_THAT.sub("", _PAUSE.sub("，", text))
