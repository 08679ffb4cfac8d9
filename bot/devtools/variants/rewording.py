"""The same question in other everyday words: does the right answer survive a rewording?

Four sub-kinds, chosen by the seeded rng among those that fit the source:
- words: one or two everyday substitutions (表格 -> 报表, 工作群 -> 微信工作群, 每天 -> 天天);
- ask: another way of asking (怎么办 -> 咋整, 什么 -> 啥, 能不能 -> 可不可以);
- complaint: a question told as a complaint (会议太多怎么办 -> 会议太多，真的受不了);
- plea: a problem told as a statement, then asked about (… -> …，有啥办法没).

Only the kinds that are about wording are varied (paraphrase, problem, request, topic), and
questions that must be declined, with words and ask forms only: a rewording keeps them off topic.
The variant's kind is "<kind>/<sub-kind>", so the report shows which rewording costs answers.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

from bot.devtools.evaluate import Labelled
from bot.devtools.variants.everyday import ASKS, WORDS, Swap
from bot.kb import KnowledgeBase

REWORDED_KINDS = frozenset({"paraphrase", "problem", "request", "topic"})

# A clause that already asks something: a complaint or plea tail would ask twice.
ASKING = re.compile(
    r"怎么|怎样|咋|吗|么|什么|啥|哪|如何|是否|能否|能不能|可不可以|有没有|[？?]|呢|办法|招"
)
ASK_END = re.compile(
    r"^(?P<said>.+?)[，,]?\s*"
    r"(?:怎么办|咋办|咋整|怎么整|怎么破|怎么解决|如何解决|咋弄|有啥办法|有什么办法|如何是好)"
    r"(?:呢|啊|呀)?[？?！!。~～]*$"
)
TOO_MUCH = re.compile(r"^(?P<what>.+?)(?:太多了?|太频繁了?|太勤了?)$")
TOO_LONG = re.compile(r"^(?P<what>.+?)太长了?$")
HOW_TO_CUT = re.compile(
    r"^(?:怎么|咋|如何|怎样)(?:才能)?(?:减少|压减|精简|少开|减)(?P<what>[^，,？?。！!]+?)[？?。！!]*$"
)
SAYS_TIME = re.compile(r"时间|时长|篇幅|字数|次数")
STATEMENT_END = re.compile(r"[。！!~～…]+$")

COMPLAINTS = ("{0}，真的受不了", "{0}，烦死了", "{0}，头都大了", "{0}，基层真扛不住")
FEWER = ("有没有办法让{0}少点", "{0}能不能少一点", "想让{0}少点，有招吗")
SHORTER = ("有没有办法让{0}短点", "{0}能不能短一点")
PLEAS = ("，怎么办", "，有啥办法没", "，咋整啊", "，谁能支个招", "，这个怎么解决")


def _occurrences(text: str, table: Sequence[Swap]) -> list[tuple[int, int, Swap]]:
    """Where a swap applies, leaving out a word found inside a longer one of the table."""
    found = [(m.start(), m.end(), s) for s in table for m in s.pattern.finditer(text)]
    return [
        (start, end, swap)
        for start, end, swap in found
        if not any(s2 <= start and end <= e2 and (s2, e2) != (start, end) for s2, e2, _ in found)
    ]


def swap_words(text: str, table: Sequence[Swap], rng: random.Random, times: int) -> str:
    """Up to `times` substitutions from the table, never one inside another's new words."""
    done: list[tuple[int, int]] = []
    for _ in range(times):
        spots = [
            (start, end, swap)
            for start, end, swap in _occurrences(text, table)
            if all(end <= s or start >= e for s, e in done)
        ]
        if not spots:
            break
        start, end, swap = rng.choice(sorted(spots, key=lambda spot: (spot[0], spot[1])))
        new = rng.choice(swap.options)
        shift = len(new) - (end - start)
        done = [(s + shift, e + shift) if s >= end else (s, e) for s, e in done]
        done.append((start, start + len(new)))
        text = text[:start] + new + text[end:]
    return text


def words(text: str, rng: random.Random) -> str:
    return swap_words(text, WORDS, rng, rng.choice((1, 1, 2)))


def ask(text: str, rng: random.Random) -> str:
    return swap_words(text, ASKS, rng, 1)


def complaint(text: str, rng: random.Random) -> str:
    """会议太多怎么办 -> 会议太多，真的受不了 / 有没有办法让会议少点."""
    cut = HOW_TO_CUT.match(text)
    if cut and not SAYS_TIME.search(cut["what"]):
        return rng.choice(FEWER).format(cut["what"])
    asked = ASK_END.match(text)
    if not asked or ASKING.search(asked["said"]):
        return text
    said = asked["said"]
    too_much, too_long = TOO_MUCH.match(said), TOO_LONG.match(said)
    if too_much and rng.random() < 0.5:
        return rng.choice(FEWER).format(too_much["what"])
    if too_long and rng.random() < 0.5:
        return rng.choice(SHORTER).format(too_long["what"])
    return rng.choice(COMPLAINTS).format(said)


def plea(text: str, rng: random.Random) -> str:
    """A problem told without asking gets asked about: … -> …，有啥办法没."""
    if ASKING.search(text):
        return text
    return STATEMENT_END.sub("", text) + rng.choice(PLEAS)


Rewording = Callable[[str, random.Random], str]
ON_TOPIC: dict[str, Rewording] = {
    "words": words,
    "ask": ask,
    "complaint": complaint,
    "plea": plea,
}
OFF_TOPIC: dict[str, Rewording] = {"words": words, "ask": ask}


def variants(
    item: Labelled, pool: Sequence[Labelled], rng: random.Random, kb: KnowledgeBase
) -> list[Labelled]:
    from bot.devtools.variants import variant_of  # the package imports this module

    if item.on_topic and item.kind not in REWORDED_KINDS:
        return []
    kinds = ON_TOPIC if item.on_topic else OFF_TOPIC
    made: dict[str, str] = {}
    for sub, reword in kinds.items():
        text = reword(item.question, rng)
        if text != item.question:
            made[sub] = text
    if not made:
        return []
    wanted = 1 if not item.on_topic else rng.choice((1, 2))
    chosen = rng.sample(sorted(made), min(wanted, len(made)))
    return [variant_of(item, made[sub], f"{item.kind}/{sub}") for sub in sorted(chosen)]
