"""Stray characters after the question: a digit, an emoji, repeated punctuation, a tilde.

People type these by accident or habit; none of them changes what is asked.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from bot.devtools.evaluate import Labelled
from bot.kb import KnowledgeBase

TAILS = (" 5", "1", "。。。", "？？", "~", "😂", "🙏🙏", " ok", "…", "！！！", " [捂脸]", "，")


def variants(
    item: Labelled, pool: Sequence[Labelled], rng: random.Random, kb: KnowledgeBase
) -> list[Labelled]:
    from bot.devtools.variants import variant_of  # the package imports this module

    return [variant_of(item, item.question + rng.choice(TAILS))]
