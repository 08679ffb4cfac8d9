"""A story told in several sentences, then one ask pointing back at it: one question.

Officials tell what happened sentence by sentence and only then ask, pointing back at all of
it: 周五刚交了表。周一群里通知模板更新，要重新报送。这种事有人管吗. The sentences are no list
of things asked (表, 群, 通知 are parts of one story), so neither the items nor the clauses are
answered one by one; the message is read whole, and a story no fact tells well is better
declined than answered topic by topic.
"""

from __future__ import annotations

import re

from bot.search.sharedask import plain_shared_ask
from bot.search.story import asks_something

_SENTENCE = re.compile(r"[^\n。？?！!；;]+")
# The ask points at what was told: 这种事, 这样, 这类情况, 这些, 此类.
_POINTING = re.compile(r"这种|这样|这类|此类|这些|这事|这个事|这情况|这么搞|这么干|这么弄")
MIN_SENTENCE = 2  # characters: shorter pieces (嗯, 好) tell nothing
# Sentences told before the ask: one line then its ask (群太多了\n这种咋办) is read item by item
# as before; a story takes two sentences or more.
MIN_TOLD = 2
# A sentence opening as a further item (还有就是群的事儿, 另外, 2.) lists one more burden: the
# message is a list of things asked, whatever its last sentence points back at (天天这样).
_FURTHER = re.compile(
    r"\s*(?:还有就是|另外|此外|再就是|再一个|其次|以及|[2-9]\s*[.、)）]|[二三四五六][、是])"
)


def asks_of_story(question: str) -> bool:
    """`MIN_TOLD` sentences or more that only tell, then a last one asking and pointing back.
    An ask shared by a list (会太多\n表太多\n这几样怎么一起减, sharedask.py) points back at
    burdens listed one a line, not at a story: the list is answered item by item; so does a
    sentence opening as a further item (会太多。还有就是群的事儿。…天天这样，怎么一起减)."""
    listed = plain_shared_ask(question)
    sentences = [s for s in _SENTENCE.findall(listed) if len(s.strip()) >= MIN_SENTENCE]
    if len(sentences) < MIN_TOLD + 1:
        return False
    *told, ask = sentences
    return (
        _POINTING.search(ask) is not None
        and asks_something(ask)
        and not any(asks_something(s) for s in told)
        and not any(_FURTHER.match(s) for s in sentences[1:])
    )
