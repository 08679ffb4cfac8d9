"""The same question in another order or shape, as cadres type it in a chat.

Eight sub-kinds, chosen by the seeded rng among those that fit the source:
- askfirst: the ask first, the topic after (会太多怎么办 -> 怎么办啊，会太多);
- fronted: the topic fronted with 这块 / 这方面 / 这个事 (怎么减少会议 -> 会议这块，怎么减少);
- statement: the question told as a statement, then a short ask (会太多了。有办法没);
- dropped: the ask left off when the complaint alone still asks (会太多……);
- twolines: the question sent in two bursts, one line each (会太多\\n怎么办);
- rhetorical: a rhetorical frame (难道会太多就没办法吗);
- negated: a negated complaint (会就不能少点吗, 检查就不能合并成一次吗);
- swapped: the two clauses of a two-clause question in the other order.

Greetings and introductions before the question, and thanks after it, stay where they are:
only the question between them changes shape. Questions that must be declined get the
orderings only (askfirst, fronted, twolines, swapped), never a new ask, so they stay declined.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.devtools.evaluate import Labelled
from bot.kb import KnowledgeBase

ORDERED_KINDS = frozenset({"paraphrase", "problem", "request", "chatty"})
ON_TOPIC_SUBS = (
    "askfirst", "fronted", "statement", "dropped", "twolines", "rhetorical", "negated", "swapped",
)  # fmt: skip
OFF_TOPIC_SUBS = ("askfirst", "fronted", "twolines", "swapped")

# Spaces part clauses of Chinese, not the words of pinyin or English.
CLAUSE_SEP = re.compile(r"[，,。！!？?；;]+|(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
END = re.compile(r"[。！!？?~～…．.]+$")
# A clause that greets, introduces the asker or only announces a question.
HEAD = re.compile(
    r"^(?:唉|哎|哎呀|唉呀|啊这|(?:各位|大家|诸位)?(?:领导|老师|前辈|同仁|同事|大佬|兄弟|朋友|同志)?们?(?:好|您好)"
    r"|各位(?:领导|老师|前辈|同仁|同事|大佬|兄弟|朋友)们?|大家|兄弟们|您好|你好|哈喽|hello|hi|在吗|冒昧(?:请教|问一下)"
    r"|不好意思(?:打扰)?(?:一下|大家|各位)?|冒昧打扰(?:一下)?(?:各位)?|打扰(?:一下|了|大家了|各位了)?"
    r"|(?:想)?请教(?:一下|个事|个问题)?(?:各位|大家)?(?:前辈|老师)?|(?:想)?问(?:一下|个事|个问题|问)"
    r"|求助(?:大家|各位)?|我是.{1,14}|本人.{1,14}|我在.{1,10})[呀啊哈]?$",
    re.IGNORECASE,
)
WORDLESS = re.compile(r"[^\w]+")
# A clause that thanks or urges after the question.
TAIL = re.compile(
    r"^(?:谢谢|感谢|多谢|先谢|麻烦|辛苦|拜托|在线等|求回复|等回复|万分感谢|thx|h{2,}|哈{2,}).{0,8}$",
    re.IGNORECASE,
)
# Words that ask something: a clause holding one asks already.
ASKING = re.compile(
    r"怎么|怎样|咋|吗|么|什么|啥|哪|如何|是否|能否|呢|谁|(?<![好十])几(?![十百千万])|多少|没$|[？?]|(\w)不\1|(\w)没\2"
)
ASK_TAIL = re.compile(
    r"^(?P<said>.+?)[，,\s]?"
    r"(?P<ask>(?:该|可|到底|究竟)?(?:怎么办|咋办|咋整|怎么整|怎么弄|咋弄|怎么破|怎么解决|如何解决"
    r"|怎么处理|如何处理|怎么应对|如何应对|如何是好|有(?:什么|啥|没有)(?:好的?)?(?:办法|招|解决办法|对策|做法)"
    r"(?:吗|没|么)?|有办法(?:吗|没|不)|有招(?:吗|没)|求支招|谁能支个招|谁来管管|有人管(?:管)?吗)"
    r"(?:呢|啊|呀|哇|嘛)?)$"
)
CAN = re.compile(
    r"^(?P<subject>[^，,\s]{2,}?)(?P<modal>能不能|可不可以|能否|可否)(?P<pred>[^，,\s]+?)(?:啊|呢|呀)?$"
)
CUT = re.compile(
    r"^(?P<how>(?:该)?(?:怎么|咋|如何|怎样)(?:才能)?)"
    r"(?P<verb>减少|压减|精简|少开|减|压缩|合并|清理|整治|控制|缩短|规范)(?P<what>[^，,\s]{2,}?)(?:呢|啊)?$"
)
HAVE = re.compile(
    r"^(?P<pre>[^，,\s]*?)有没有(?!相关|什么|啥|好|类似|其他|别的)(?P<what>[^，,\s]{3,}?)的(?P<thing>(?:好|典型)?(?:经验|做法|案例|例子|办法))"
    r"(?P<rest>[^，,\s]*)$"
)
HOW = re.compile(r"^(?P<topic>[^，,\s]{2,12}?)(?P<rest>(?:怎么|咋|如何|怎样)[^，,\s]+)$")
# A fronted topic must end in a noun: not in a verb, a modal or a particle.
NOT_A_TOPIC_END = re.compile(r"[是要该能会得都还又就也了的把被让给对向在到去来说做搞弄]$")
TOO = re.compile(
    r"^(?P<what>[^，,\s]+?)(?:也|都|实在|真的|真是|简直)?(?:太|过于|特别)"
    r"(?P<adj>多|频繁|勤|杂|长|细|繁琐)了?(?:吧|啊)?$"
)
FEWER = {"多": "少点", "频繁": "少点", "勤": "少点", "杂": "少点", "长": "短点", "细": "简单点"}
FEWER_VERBS = frozenset({"减少", "压减", "少开", "减"})
BURDEN = re.compile(r"太|老是|总是|天天|每天|又|一直|好几|三天两头|反复|重复|没完|一个接一个|多")
# A second clause that leans on the first cannot go first.
LEANS = re.compile(
    r"^(?:所以|但|可是|可|而且|而|然后|结果|才|就|也|还|又|再|并且|甚至|因此|不然|否则|连)"
    r"|这|那|它|其"
)
# A first clause that sets a condition cannot go second.
CONDITION = re.compile(r"^(?:如果|要是|假如|虽然|因为|只要|即使|哪怕|既然|一旦|除了)")

SHORT_ASKS = ("有办法没", "咋整", "有招没", "怎么弄", "咋办呢", "求支招", "有解吗", "怎么办")
OPENING_ASKS = ("咋整啊", "怎么办呀", "有没有办法啊", "求助")
FRONT_MARKS = ("这块", "这方面", "这个事", "的事")
RHETORICAL_ENDS = ("，难道就没办法吗", "，难道就没有一点办法吗", "，难道就没人管管吗")
DROPPED_ENDS = ("……", "…", "。。。", "啊", "！", "")


@dataclass(frozen=True)
class Shape:
    """A source cut into the greeting before, the question, its end mark and the thanks after."""

    head: str
    body: str
    end: str
    tail: str

    def rebuilt(self, body: str, end: str | None = None) -> str:
        end = self.end if end is None else end
        if self.tail and not end:
            end = "，"  # the thanks keep a separator of their own
        return self.head + body + end + self.tail


def _pieces(text: str) -> list[tuple[str, str]]:
    """Each clause with the separator typed after it."""
    out: list[tuple[str, str]] = []
    at = 0
    for sep in CLAUSE_SEP.finditer(text):
        if sep.start() > at:
            out.append((text[at : sep.start()], sep.group()))
        elif out:
            out[-1] = (out[-1][0], out[-1][1] + sep.group())
        at = sep.end()
    if at < len(text):
        out.append((text[at:], ""))
    return out


def shape_of(text: str) -> Shape | None:
    pieces = _pieces(text.strip())
    first, last = 0, len(pieces)
    while first < last and HEAD.match(WORDLESS.sub("", pieces[first][0])):
        first += 1
    while (
        last > first and TAIL.match(pieces[last - 1][0]) and not ASKING.search(pieces[last - 1][0])
    ):
        last -= 1
    if first >= last:
        return None
    head = "".join(c + s for c, s in pieces[:first])
    tail = "".join(c + s for c, s in pieces[last:])
    core = pieces[first:last]
    body = "".join(c + s for c, s in core[:-1]) + core[-1][0]
    end = core[-1][1]
    body_end = END.search(body)
    if body_end:  # a mark such as … typed inside the clause
        body, end = body[: body_end.start()], body_end.group() + end
    return Shape(head, body, end, tail) if body else None


def _said(shape: Shape) -> re.Match[str] | None:
    """A complaint with a closing ask (会太多怎么办), the complaint itself asking nothing."""
    asked = ASK_TAIL.match(shape.body)
    if asked and not ASKING.search(asked["said"]) and len(asked["said"]) >= 2:
        return asked
    return None


def _statement(shape: Shape, complaint: bool) -> bool:
    """A burden told without asking (problem descriptions only: a measure told is no plea)."""
    return complaint and not ASKING.search(shape.body) and not re.search(r"[？?]", shape.end)


def _too(clause: str) -> str | None:
    """会太多了 -> 会就不能少点吗."""
    too = TOO.match(clause)
    if not too:
        return None
    return f"{too['what']}就不能{FEWER.get(too['adj'], '少点')}吗"


def askfirst(shape: Shape, rng: random.Random, complaint: bool) -> str | None:
    if asked := _said(shape):
        particle = "" if asked["ask"][-1] in "呢啊呀哇嘛吗没么" else rng.choice(("啊", "呢", ""))
        sep = rng.choice(("，", "，", "？", " "))
        return shape.rebuilt(f"{asked['ask']}{particle}{sep}{asked['said']}")
    if can := CAN.match(shape.body):
        return shape.rebuilt(f"{can['modal']}{can['pred']}啊，{can['subject']}")
    if cut := CUT.match(shape.body):
        return shape.rebuilt(f"{cut['how']}{cut['verb']}啊，{cut['what']}")
    if _statement(shape, complaint):
        return shape.rebuilt(f"{rng.choice(OPENING_ASKS)}，{shape.body}")
    return None


def fronted(shape: Shape, rng: random.Random, complaint: bool) -> str | None:
    mark = rng.choice(FRONT_MARKS)
    if (asked := _said(shape)) and not CLAUSE_SEP.search(asked["said"]):
        return shape.rebuilt(f"{asked['said']}{rng.choice(('这个事', '这个问题'))}，{asked['ask']}")
    if cut := CUT.match(shape.body):
        return shape.rebuilt(f"{cut['what']}{mark}，{cut['how']}{cut['verb']}")
    pieces = _pieces(shape.body)
    if have := HAVE.match(pieces[-1][0]):  # the last clause asks; the ones before tell
        told = "".join(c + s for c, s in pieces[:-1])
        front = f"{have['what']}{mark}，{have['pre']}有没有{have['thing']}{have['rest']}"
        return shape.rebuilt(told + front)
    for pattern, topic, rest in ((CAN, "subject", ("modal", "pred")), (HOW, "topic", ("rest",))):
        found = pattern.match(shape.body)
        if found and not NOT_A_TOPIC_END.search(found[topic]) and not ASKING.search(found[topic]):
            return shape.rebuilt(f"{found[topic]}{mark}，{''.join(found[r] for r in rest)}")
    return None


def statement(shape: Shape, rng: random.Random, complaint: bool) -> str | None:
    if asked := _said(shape):
        said = asked["said"]
        if said[-1] in "多长勤细累烦" or said.endswith("频繁"):
            said += "了"
        return shape.rebuilt(f"{said}{rng.choice(('。', '！', '…'))}{rng.choice(SHORT_ASKS)}", "")
    if (cut := CUT.match(shape.body)) and cut["verb"] in FEWER_VERBS:
        return shape.rebuilt(f"{cut['what']}太多了。{rng.choice(SHORT_ASKS)}", "")
    if _statement(shape, complaint):
        return shape.rebuilt(f"{shape.body}。{rng.choice(SHORT_ASKS)}", "")
    return None


def dropped(shape: Shape, rng: random.Random, complaint: bool) -> str | None:
    asked = _said(shape)
    if asked and BURDEN.search(asked["said"]):
        return shape.rebuilt(asked["said"].rstrip("，, "), rng.choice(DROPPED_ENDS))
    return None


def twolines(shape: Shape, rng: random.Random, complaint: bool) -> str | None:
    pieces = _pieces(shape.body)
    if len(pieces) >= 2:
        cut = rng.randrange(len(pieces) - 1)
        first = "".join(c + s for c, s in pieces[:cut]) + pieces[cut][0]
        kept = pieces[cut][1].strip("，, ")  # a ？ or 。 stays; a comma goes with the burst
        rest = "".join(c + s for c, s in pieces[cut + 1 :])
        return shape.rebuilt(f"{first}{kept}\n{rest}")
    for found, at in (
        (_said(shape), "ask"),
        (CAN.match(shape.body), "modal"),
        (HOW.match(shape.body), "rest"),
    ):
        if found:
            return shape.rebuilt(
                f"{shape.body[: found.start(at)]}\n{shape.body[found.start(at) :]}"
            )
    return None


def rhetorical(shape: Shape, rng: random.Random, complaint: bool) -> str | None:
    if asked := _said(shape):
        said = asked["said"]
        if not CLAUSE_SEP.search(said) and rng.random() < 0.5:
            return shape.rebuilt(f"难道{said}就没办法解决吗", "？")
        return shape.rebuilt(said + rng.choice(RHETORICAL_ENDS), "？")
    if can := CAN.match(shape.body):
        return shape.rebuilt(f"难道{can['subject']}就不能{can['pred']}吗", "？")
    if cut := CUT.match(shape.body):
        return shape.rebuilt(f"难道{cut['what']}就没办法{cut['verb']}吗", "？")
    if _statement(shape, complaint):
        return shape.rebuilt(shape.body + rng.choice(RHETORICAL_ENDS), "？")
    return None


def negated(shape: Shape, rng: random.Random, complaint: bool) -> str | None:
    if can := CAN.match(shape.body):
        return shape.rebuilt(f"{can['subject']}就不能{can['pred']}吗", "？")
    if cut := CUT.match(shape.body):
        fewer = "少点" if cut["verb"] in FEWER_VERBS else f"{cut['verb']}一下"
        return shape.rebuilt(f"{cut['what']}就不能{fewer}吗", "？")
    asked = _said(shape)
    said = asked["said"] if asked else shape.body
    if not asked and (ASKING.search(said) or re.search(r"[？?]", shape.end)):
        return None
    pieces = _pieces(said)
    for n, (clause, _) in enumerate(pieces):
        if negative := _too(clause):
            done = [(negative, "，" if n < len(pieces) - 1 else "")]
            rest = pieces[:n] + done + pieces[n + 1 :]
            body = "".join(c + s for c, s in rest[:-1]) + rest[-1][0]
            return shape.rebuilt(body, "？" if n == len(pieces) - 1 else "")
    return None


def swapped(shape: Shape, rng: random.Random, complaint: bool) -> str | None:
    pieces = _pieces(shape.body)
    if len(pieces) != 2 or not re.fullmatch(r"[，,]|\s+", pieces[0][1]):
        return None
    (first, _), (second, _) = pieces
    if min(len(first), len(second)) < 3 or LEANS.search(second) or CONDITION.match(first):
        return None
    if HEAD.match(first) or TAIL.match(second):
        return None
    return shape.rebuilt(f"{second}，{first}")


Reshape = Callable[[Shape, random.Random, bool], "str | None"]
RESHAPES: dict[str, Reshape] = {
    "askfirst": askfirst,
    "fronted": fronted,
    "statement": statement,
    "dropped": dropped,
    "twolines": twolines,
    "rhetorical": rhetorical,
    "negated": negated,
    "swapped": swapped,
}


def reshaped(item: Labelled, rng: random.Random) -> dict[str, str]:
    """Every sub-kind that fits the source, with its text."""
    shape = shape_of(item.question)
    if shape is None:
        return {}
    subs = ON_TOPIC_SUBS if item.on_topic else OFF_TOPIC_SUBS
    complaint = item.on_topic and item.kind == "problem"
    made: dict[str, str] = {}
    for sub in subs:
        text = RESHAPES[sub](shape, rng, complaint)
        if text and text != item.question:
            made[sub] = text
    return made


def variants(
    item: Labelled, pool: Sequence[Labelled], rng: random.Random, kb: KnowledgeBase
) -> list[Labelled]:
    from bot.devtools.variants import variant_of  # the package imports this module

    if item.on_topic and item.kind not in ORDERED_KINDS:
        return []
    made = reshaped(item, rng)
    if not made:
        return []
    chosen = rng.sample(sorted(made), min(rng.choice((1, 2)), len(made)))
    return [variant_of(item, made[sub], f"{item.kind}/{sub}") for sub in sorted(chosen)]
