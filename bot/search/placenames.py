"""Place names general Chinese knows (成都, 海淀, 宜春): jieba's dictionary tags them `ns`.

Only a question's opening words are checked against them, to tell 成都武侯区 (a district the
facts do not name) from 检查组下乡 or 一张表要村里签 (a verb and a level word)."""

from __future__ import annotations

from functools import lru_cache

import jieba


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    names = set()
    with jieba.get_dict_file() as lines:
        for raw in lines:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3 and parts[2] == "ns" and len(parts[0]) >= 2:
                names.add(parts[0])
    return frozenset(names)


def load_place_names() -> None:
    """Read the dictionary's place names now (0.5 s), as a matcher is built, so that no
    question pays for them."""
    _place_names()


def starts_with_place_name(text: str) -> bool:
    """The text opens with a place name jieba knows (成都武侯, 北京朝阳, 海淀)."""
    names = _place_names()
    return any(text[:n] in names for n in (2, 3, 4))


def is_place_name(word: str) -> bool:
    """A whole word general Chinese knows as a place (北京市, 海淀)."""
    return word in _place_names()
