"""The "stories" generator: a question told inside a long chatty message keeps its labels."""

from __future__ import annotations

import random
import re

from bot.devtools.evaluate import Labelled
from bot.devtools.variants import GENERATORS
from bot.devtools.variants import stories as s
from bot.devtools.variants.runner import generate
from bot.kb import load_kb

KB = load_kb()
PROBLEM = Labelled(
    "表格样式三天两头改，白干好几回", frozenset({"forms-stable-templates"}), "problem"
)
ASK = Labelled("会议太多怎么办", frozenset({"meetings-twice-a-month"}), "paraphrase")
NEAR_MISS = Labelled("检查组几号来", frozenset(), "near-miss")
PERSON = Labelled("敖再生是谁", frozenset({"meetings-one-topic-once"}), "person")
# Words of any topic's burden: the invented context must hold none of them.
TOPIC_WORDS = re.compile(
    "会|群|表|查|检|督|填|签|照|截图|台账|材料|记录|数据|模板|手机|通知|文件|平台|报|留痕|打卡|消息|评估"
)


def test_variants_keep_labels_part_and_the_question() -> None:
    sources = [PROBLEM, ASK, NEAR_MISS, PERSON]
    made = generate("stories", sources, KB)
    assert "stories" in GENERATORS and made
    for variant in made:
        source = next(x for x in sources if x.kind == variant.kind.split("/")[0])
        assert variant.expect == source.expect and variant.split == source.split
        assert variant.kind.split("/")[1] in s.SUBKINDS
        words = source.question.replace("，", " ") if "spaced" in variant.kind else source.question
        stem = words.removesuffix("怎么办") if "split" in variant.kind else words
        assert stem.rstrip("。") in variant.question
    assert not [v for v in made if v.kind.startswith("person")]  # not asked this way
    assert generate("stories", sources, KB) == made  # repeatable


def test_the_invented_context_names_no_topic() -> None:
    neutral = (
        *s.PLACES, *s.ROLES, *s.FRIENDS, *s.INTROS, *s.HAPPENINGS, *s.SIGHS, *s.VAGUE_ASKS,
        *s.NEUTRAL_ASKS, *s.NEUTRAL_CLOSERS, *s.COLLEAGUE_FORMS,
    )  # fmt: skip
    assert [p for p in neutral if TOPIC_WORDS.search(p)] == []
    places = {fact.where for fact in KB.facts if fact.where}
    assert not [p for p in s.PLACES if any(p in where for where in places)]


def test_a_sigh_about_a_topic_names_only_that_topic() -> None:
    own = {"meetings": "会", "forms": "表|填", "inspections": "检|查", "chat-groups": "群|手机"}
    for topic, sighs in s.TOPIC_SIGHS.items():
        others = "|".join(words for name, words in own.items() if name != topic)
        assert all(re.search(own[topic], x) and not re.search(others, x) for x in sighs)


def test_a_decline_gets_no_ask_for_a_measure() -> None:
    for seed in range(60):
        for sub in s.allowed(NEAR_MISS):
            text = s.tell(NEAR_MISS, sub, random.Random(seed), KB)
            assert not any(ask in text for ask in s.VAGUE_ASKS), text
    assert "past" not in s.allowed(NEAR_MISS)


def test_a_question_with_an_ask_tail_is_split_over_sentences() -> None:
    texts = [s.tell(ASK, "split", random.Random(seed), KB) for seed in range(20)]
    assert all("会议太多。" in t and t.endswith("这种情况怎么办？") for t in texts)
    lengths = [len(s.tell(PROBLEM, sub, random.Random(7), KB)) for sub in s.SUBKINDS]
    assert min(lengths) >= 30 and max(lengths) <= 150
