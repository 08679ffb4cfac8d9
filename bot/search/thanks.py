"""Thanks for an answer already used: 谢谢，那个开会的例子我已经用上了 asks nothing.

A thank-you that reports what the asker did with an earlier answer names the facts' words (开会,
例子, 表) but asks for no measure, so it is a question form (answered only near a fact's own
question). A thank-you that asks on (谢谢，还有别的例子吗) or tells a burden (谢谢，可我们这会
还是太多) is still a question about the practice.
"""

from __future__ import annotations

import re

from bot.search.story import asks_something, names_burden

_THANKS = re.compile(r"谢谢|感谢|多谢|谢啦|谢了|thanks|thx")
# Done with it: used, passed on, handed in (用上了, 已经转给领导了, 交上去了).
_DONE = re.compile(r"已经|用上|用了|收到|转给|发给|交上去|交了|看过|看了|明白了|懂了")


def thanks_only(normalized: str) -> tuple[str, ...]:
    """The thanks word, as a form of the ask, when the message thanks for something done
    with and asks nothing; else ()."""
    thanks = _THANKS.search(normalized)
    if thanks is None or _DONE.search(normalized) is None:
        return ()
    if asks_something(normalized) or names_burden(normalized):
        return ()
    return (thanks.group(),)
