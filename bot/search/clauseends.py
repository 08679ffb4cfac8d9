"""Where a message's clauses end: the marks, named once, and one splitter built from them.

Modules read clauses for different ends, so each names the marks it counts; the differences
are deliberate and listed beside each mark below. Every module but channel.py counts PAUSES.
Lists of items (会多、表多) are split by clauses.py instead, which reads 和 and 、 as joints.
"""

from __future__ import annotations

import re

# Pieces of a regex character class (not strings of literal characters: BLANKS is \s).
COMMAS = "，,"
FULL_STOP = "。"
EXCLAIMS = "！!"
SEMICOLONS = "；;"
TILDES = "~～"  # 好的~ 辛苦啦～ (channel.py leaves tildes out)
PAUSES = COMMAS + FULL_STOP + EXCLAIMS + SEMICOLONS + TILDES
# The ASCII full stop; left out where 1.5 or 3.2万 must stay one clause (story.py, yielding.py).
DOT = "."
# Counted where a clause ending in one is still a clause; background.py leaves it out, since
# what ends in one was asked (刚开完会？), never background told.
ASKS = "？?"
ELLIPSIS = "…"
LIST_COMMA = "、"  # asked.py and channel.py: 会多、表多 are two clauses there
COLONS = "：:"  # setaside.py: 说个别的：… sets aside what comes before the colon
BRACKETS = r"（）()【】\[\]"  # setaside.py: （会上说的是防汛） is a clause of its own
BLANKS = r"\s"  # yielding.py counts blanks only between longer runs, by its own rule
EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf"  # 晚上好呀🌙我在乡里干了三年了: an emoji ends one


class ClauseSplitter:
    """Cuts text at runs of the given marks (and, if given, at joining words such as 以及)."""

    def __init__(self, *marks: str, joining_words: tuple[str, ...] = ()) -> None:
        marks_class = "".join(marks)
        self.ends = re.compile("|".join([f"[{marks_class}]+", *joining_words]))
        self._with_ends = re.compile(f"[^{marks_class}]+[{marks_class}]*")

    def bare(self, text: str) -> list[str]:
        """The clauses without the marks between them; empty ones dropped."""
        return [clause for clause in self.ends.split(text) if clause]

    def as_typed(self, text: str) -> list[str]:
        """Each clause with the marks that end it, as typed (marks opening the text dropped);
        joining words are not read here."""
        return self._with_ends.findall(text)
