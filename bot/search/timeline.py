"""Which side of the change a question about someone asks for: before it or after it.

A person's facts often tell one story twice, as the trouble (以前…, 一度超过30个) and as what came
of the measure (现在…, 整改后…). 齐琳手机里的群后来咋样了 names words both facts hold (手机, 群);
后来 says it asks for the after, and only the fact telling the after answers it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# Each side: the words a question asks it with, and the words a fact's text tells it with.
_AFTER_ASKED = ("后来", "现在", "如今", "目前", "眼下", "整改后", "改了以后", "改完")
_AFTER_TOLD = ("现在", "如今", "目前", "整改后", "后来")
_BEFORE_ASKED = ("以前", "以往", "过去", "原来", "之前", "当时", "那时", "早先", "当初")
_BEFORE_TOLD = ("以前", "以往", "过去", "原来", "之前", "当时", "一度", "当初")
_SIDES = ((_AFTER_ASKED, _AFTER_TOLD), (_BEFORE_ASKED, _BEFORE_TOLD))


def side_holders(rest: str, told: Mapping[str, str]) -> frozenset[str]:
    """Of the facts (id → what the article says in it), those telling the side of the change
    the rest of the question asks for; none when it asks for neither side or both, or when
    every fact (or none) tells it, as then it tells none of them apart."""
    side = _side_asked(rest)
    if side is None:
        return frozenset()
    tells = _SIDES[side][1]
    holders = frozenset(fid for fid, text in told.items() if any(w in text for w in tells))
    return holders if 0 < len(holders) < len(told) else frozenset()


def _side_asked(rest: str) -> int | None:
    """Which of _SIDES the rest of a question asks for (后来: 0, 以前: 1); None for neither or
    both."""
    asked = [n for n, (asks, _) in enumerate(_SIDES) if any(w in rest for w in asks)]
    return asked[0] if len(asked) == 1 else None


def asks_before(text: str) -> bool:
    """A question asking for the trouble before the change (之前有多少个群, 当时怎么开会)."""
    return _one_side_only(text, _BEFORE_ASKED, _AFTER_ASKED)


def tells_before_only(text: str) -> bool:
    """A fact's text (what the article says in it) telling the trouble before the change
    (一度超过30个, 当时) and nothing of what came after: it cannot say what the change cut."""
    return _one_side_only(text, _BEFORE_TOLD, _AFTER_TOLD)


def _one_side_only(text: str, side: Sequence[str], other: Sequence[str]) -> bool:
    """The text holds a word of `side` and none of `other`."""
    return any(w in text for w in side) and not any(w in text for w in other)


def other_side_only(rest: str, told: Mapping[str, str]) -> frozenset[str]:
    """Of the facts, those telling only the side of the change the rest does not ask for:
    港城大街的群后来少了多少 asks for the after, and 一度超过30个 tells only the before. None when
    the rest asks for neither side or both, or when every fact tells only the other side."""
    asked = _side_asked(rest)
    if asked is None:
        return frozenset()
    side, other = _SIDES[asked][1], _SIDES[1 - asked][1]
    lacking = frozenset(fid for fid, text in told.items() if _one_side_only(text, other, side))
    return lacking if len(lacking) < len(told) else frozenset()
