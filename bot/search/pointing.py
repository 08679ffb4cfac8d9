"""How a question points at someone in the article, and what of it a person's card answers.

Officials rarely ask "X是谁": they describe whom they mean (说手机变轻了的那个干部, 江西那个年轻的
专干小李, 那个藏族姑娘) and ask on (敖书记他们那儿后来呢, 水林社区的书记叫啥). "那个" there points
at a person, not at one meeting or form (那个会推到下周了); the words describing the person, their
name asked for, where they work and what happened "later" are all things a card shows, so they
are no part of what is asked of that person's facts.
"""

from __future__ import annotations

import re

# Words that point at someone in the article rather than at a role in general, just before
# the role (那个社区书记, 文章里的副主任) or just after it (社区书记说的, 副主任是谁, 社区书记
# 那段, 副主任叫啥, 扶贫办副主任怎么说的).
POINTERS_BEFORE = ("那个", "那位", "这位", "这个", "文中", "文章", "报道", "里的", "提到的")
POINTERS_AFTER = (
    "说", "讲", "提到", "谈到", "是谁", "怎么看", "介绍", "那段", "那块", "那部分", "叫",
    "怎么说", "咋说", "怎么讲", "咋讲", "的话", "咋看", "怎么评价",
)  # fmt: skip
POINTERS = (*POINTERS_BEFORE, *POINTERS_AFTER)
# The asker and their own people (我们刘书记, 俺这个扶贫专干): nobody in the article.
OWN = ("我们", "咱们", "俺们", "我", "咱", "俺", "本单位")
_THIS_ONE = re.compile(r"(?:这个|这名|这位|一个|一名)$")


def own(before: str) -> bool:
    """The words before a name or role make it the asker's own (我这个扶贫专干, 我们书记)."""
    return _THIS_ONE.sub("", before).endswith(OWN)


# Nouns for a person, as officials write them about a colleague (干部, 小伙子, 大姐).
_PERSON = (
    r"(?:人|干部|领导|书记|主任|专干|同志|小伙子?|姑娘|女士|大姐|姐姐|姐们|姐|大哥|哥们|妹子|"
    r"老师|负责人|副手)"
)
# 那个 then, after at most two characters naming no occasion (会, 表, 群, 检), a person
# (那个女干部, 那个年轻的专干); 那位; or a description closed by 的那个 (说不盯台账了的那个).
_POINTER = re.compile(
    rf"(?:那位|这位)|(?:那个|这个)(?:[^会表群检查，。,.？?！!\s]{{0,2}}的?)?{_PERSON}"
    r"|的(?:那个|那位)(?=$|[，。,.？?！!\s]|是谁|叫|呢|啊|吧)"
)
# Words about the person asked about, not about their work: how they look to the asker
# (年轻的, 女的, 藏族的), their people (她们, 他们那儿), "later" (后来怎么样了).
_ASIDES = re.compile(
    r"(?:年轻|年纪轻轻|岁数大|上了年纪)的?|(?<![妇男])女的?(?=[干同专书领姑])|"
    r"(?:藏|回|维吾尔|蒙古|壮|苗|彝|满|汉)族(?!自治)的?|"
    r"[他她]们?(?:那儿|那里|那边|那块儿?|那)?|后来(?:呢|怎么样了?|咋样了?|如何)?"
)
# 水林社区的书记叫啥, 那个副主任叫什么名字: a card names them; 帮扶的贫困户叫什么 asks for
# someone else's name.
_NAME_ASK = r"的?(?:叫(?:什么|啥|个啥)(?:名字?)?|(?:名字|姓名)(?:是|叫)?(?:什么|啥))"
# 齐琳在哪上班, 阿旺群宗是哪个乡的: a person's card says where they work; 敖再生是哪里人 asks
# where they come from, which no card says, so that ask stays for the cues to find.
_WHERE_ASK = re.compile(
    r"在哪[个里儿]?(?:乡|县|镇|市|区|单位|上班|工作)?|(?!哪[里儿]的?人)"
    r"哪[个里儿](?:乡|县|镇|市|区|地方)?的?"
)


def pointed_at(text: str, start: int, end: int) -> bool:
    """The words around a role point at someone in the article (那个社区书记, 副主任说的)."""
    return text[max(0, start - 4) : start].endswith(POINTERS_BEFORE) or text[end:].startswith(
        POINTERS_AFTER
    )


def points_at_person(text: str) -> bool:
    """The question points at someone in the article (那个女干部, 说手机变轻了的那个)."""
    return _POINTER.search(text) is not None


def without_card_asks(text: str, kind: str, name: str) -> str:
    """What is asked of a person's or place's facts, once what their card shows is taken out:
    words about the person, and for a person (`name`, as the text now writes them) their name
    and where they work."""
    text = _ASIDES.sub(" ", text)
    if kind == "person":
        named = re.escape(name)
        text = re.sub(rf"({_PERSON}|{named}){_NAME_ASK}", r"\1 ", text)
        text = _WHERE_ASK.sub(" ", text)
    return text
