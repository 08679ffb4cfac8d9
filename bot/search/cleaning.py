"""What is taken out of a question, as typed, before it is read: what asks nothing.

In order: what the asker set aside before the ask (setaside.py: 检查组刚走。说个别的：…); links,
mentions and leftover markup (<b>) and a stray trailing number (会太多怎么办 5);
an ask shared by a list read as 怎么办 (sharedask.py: 会多、表多，这几样怎么一起减); what wraps
the question (asides.py: 我是南岭村的文书，唉…); who passed it on and that the asker could not
answer it (relayed.py: 同事让我帮他问一下，…，我也答不上来); a chat frame read as the plain
question (frames.py: 开会这块，怎么减); what the answer is for (purpose.py: 写材料要用); a dictated
pause (dictation.py: 哪些群可以那个撤掉); a nearby place said as another place (nearby.py:
隔壁乡镇 is 别的乡镇); the news of the day told first (background.py: 上周刚开完会，…), and a load
told as already eased before the ask on another (background.py: 会已经合并着开了，表一周最多几张).
Each step reads the text the one before left.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from bot.search.asides import without_asides
from bot.search.background import without_background, without_relief
from bot.search.dictation import without_dictation_fillers
from bot.search.frames import plain_frame
from bot.search.leftovers import without_leftovers
from bot.search.nearby import as_elsewhere
from bot.search.normalize import normalize
from bot.search.purpose import Purposes
from bot.search.ranked import Match
from bot.search.relayed import without_relay
from bot.search.setaside import SetAside
from bot.search.sharedask import plain_shared_ask
from bot.search.tones import ToneMap, current_tones

CLEANED_KEPT = 64  # a message and its items are cleaned again as each is read alone
_TRAILING_NUMBER = re.compile(r"\s+\d{1,3}\s*$")


class Cleaner:
    """`purposes`: the knowledge base's purpose words; `topic_named`: the first topic a text
    names, if any (background is dropped only when what is left names one); `set_aside`: the
    set-aside marks (先不说…了, 言归正传); `rank`: the matcher's ranking of a normalised text, for
    the fact a text read alone ranks first (a load told as eased is dropped only before an ask
    on another topic or another fact)."""

    def __init__(
        self,
        purposes: Purposes,
        topic_named: Callable[[str], str | None],
        set_aside: SetAside | None = None,
        rank: Callable[[str], tuple[object, Sequence[Match]]] | None = None,
    ) -> None:
        self.purposes = purposes
        self.topic_named = topic_named  # the first topic a text names, if any
        self.names_topic: Callable[[str], bool] = lambda text: topic_named(text) is not None
        self.set_aside = set_aside or SetAside(())
        self._rank = rank
        # What is taken out depends on the text alone, and on the tones it was typed with
        # (names_topic reads pinyin by them: tong1zhi1 is 通知); a question's whole and its
        # items come back to it, so the last few are kept.
        self._cleaned = functools.lru_cache(maxsize=CLEANED_KEPT)(self._clean)

    def fact_named(self, text: str) -> str | None:
        """The fact the text, read alone, ranks first (none without a ranking)."""
        ranked = self._rank(normalize(text))[1] if self._rank is not None else ()
        return ranked[0].fact.id if ranked else None

    def __call__(self, question: str) -> str:
        return self._cleaned(question, current_tones())

    def _clean(self, question: str, tones: ToneMap) -> str:
        """`tones` are the ones typed (tones.py), read by names_topic: only the cache's key."""
        cleaned = self.set_aside.after(question)  # 先不说会的事了。主要想问，…
        cleaned = _TRAILING_NUMBER.sub("", without_leftovers(cleaned))
        cleaned = plain_shared_ask(cleaned)
        cleaned = without_relay(without_asides(cleaned))  # 老王让我帮他问一下，…
        cleaned = self.purposes.without(plain_frame(cleaned))
        cleaned = as_elsewhere(without_dictation_fillers(cleaned))  # 隔壁乡镇 is 别的乡镇
        cleaned = without_background(cleaned, self.names_topic)
        # 会已经合并着开了，…: a load eased, not asked
        return without_relief(cleaned, self.topic_named, self.fact_named)
