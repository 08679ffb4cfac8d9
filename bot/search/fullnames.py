"""Full names of people the facts do not name: 韩雪梅他们开会发言每人限时多久, 孙红梅专干说的.

A surname and a given name of two characters, cut apart from the words around it, then a title
or words asking about that person (他们, 说, 讲, 那边): the question looks up somebody, and
somebody the article never mentions. Any fact shown would tell of another person as theirs.
A typo of a name the facts give (李志英 for 李志颖, 奥再生 for 敖再生) is no stranger.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from itertools import accumulate

# Common surnames that seldom start an everyday word: strangers.py reads them before a title
# (刘书记), where nothing tells a surname from a word's first character.
COMMON_SURNAMES = (
    "王李张刘陈杨黄赵吴徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭肖田董袁潘蒋蔡余杜叶程苏魏"
    "吕丁沈姚卢姜崔钟谭陆汪范金廖贾韦邹孟熊秦邱江尹薛闫段雷侯龙陶黎贺顾毛郝龚邵钱覃戴莫孔汤"
)
# With those that do (这周, 历史, 曾经), which the cut and the given name's test below tell apart.
SURNAMES = COMMON_SURNAMES + "周史曾任方石傅夏付严白向容牛欧易"
_SURNAME = re.compile(f"[{SURNAMES}]")  # where a name may start (_may_name asks no more of others)
# What follows a name asked about: a title, or words of looking them up.
_AFTER = re.compile(
    r"(?:副?书记|副?主任|专干|干部|同志|老师|科长|局长|乡长|镇长|县长|村长|支书|"
    r"他们|她们|那边|那里|那儿|说|讲|提到|谈到|介绍|是谁|是哪)"
)
# Words that follow a name as readily as a word (吴志强现在…, 王海涛的做法, 周例会怎么压缩):
# only after a common surname, which starts few everyday words.
_AFTER_LOOSELY = re.compile(r"的|现在|那个|是怎么|怎么|咋")
# A surname and a title (李专干, 段书记他们, 王主任说) is someone's surname, not a name:
# strangers.py judges those.
_NOT_GIVEN = re.compile(
    r"副|书记|主任|专干|干部|同志|老师|师傅|科长|局长|乡长|镇长|县长|市长|区长|村长|支书|"
    r"大姐|大哥|姐姐|哥哥|总"
)
_NOT_IN_NAMES = "说讲的了是在和跟与及他她们那这哪谁吗呢吧啊"
NAME_PART_FREQ = 50  # jieba's count: 林业 (林业站) is a word, 海涛 is a given name


def _asked_after(text: str, start: int, loosely: bool = True) -> bool:
    """Something is asked of a name starting at `start`, by what follows it; `loosely`: by
    words that follow a word as readily, too."""
    first = text[start]
    return first in SURNAMES and (
        _AFTER.match(text, start + 3) is not None
        or (
            loosely
            and first in COMMON_SURNAMES
            and _AFTER_LOOSELY.match(text, start + 3) is not None
        )
    )


def _may_name(text: str, start: int, frequency: Callable[[str], int]) -> bool:
    """Cheap tests first: a name may start here (the cut is dear, and 的 or 怎么 are common)."""
    if not _asked_after(text, start):
        return False
    name = text[start : start + 3]
    return not any(ch in _NOT_IN_NAMES for ch in name[1:]) and (
        frequency(name[:2]) < NAME_PART_FREQ and frequency(name) < NAME_PART_FREQ
    )


def stranger_names(
    text: str,
    cut: Callable[[str], list[str]],
    frequency: Callable[[str], int],
    known: Collection[str],
    own: Callable[[str], bool],
    near_known: Callable[[str], bool],
    told: str = "",
) -> list[str]:
    """Three-character names of strangers in a normalised text without spaces. `known`: the
    names the facts give; `near_known`: whether a three-character name typed is a slip of a
    known one, a character off (李志英 for 李志颖) or by sound (strangers.NamesNear);
    `told`: what the facts tell (旦增, a villager they mention, is no stranger)."""
    # Only a surname with something asked of a person three characters on can start a name:
    # most questions hold none, and need no cut.
    if not any(_may_name(text, m.start(), frequency) for m in _SURNAME.finditer(text)):
        return []
    tokens = cut(text)
    ends = {0, *accumulate(len(t) for t in tokens)}
    # The segmenter keeps an unknown name whole (吴志强): only then do loose words ask of it.
    whole = {
        end - len(t)
        for end, t in zip(accumulate(len(t) for t in tokens), tokens, strict=True)
        if len(t) == 3
    }
    found = []
    for start in sorted(ends):
        name = text[start : start + 3]
        if (
            len(name) < 3
            or name[0] not in SURNAMES
            or start + 3 not in ends
            or not _asked_after(text, start, loosely=start in whole)
            or _NOT_GIVEN.search(name[1:])
            or any(ch in _NOT_IN_NAMES for ch in name[1:])  # 齐琳说: a name and a verb
            # A known name of two characters or more inside these three: one of these three.
            or any(part in known for part in (name[:2], name[1:], name))
            or not all("\u4e00" <= ch <= "\u9fff" for ch in name)
            or frequency(name[:2]) >= NAME_PART_FREQ  # 林业站, 马上说: a word, no surname
            or frequency(name) >= NAME_PART_FREQ
            or near_known(name)
            or name[1:] in told  # 白填了, 钱都花: words the facts use, no given name
            or own(text[:start])  # 我们王海涛书记: the asker's own colleague
        ):
            continue
        found.append(name)
    return found
