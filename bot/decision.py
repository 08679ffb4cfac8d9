"""The four things the bot can do with a question; shared by the search stage and the log."""

from __future__ import annotations

from typing import Literal, get_args

# answer: give facts; suggest: "did you mean"; decline: honest not-found; help: how to ask.
Decision = Literal["answer", "suggest", "decline", "help"]
DECISIONS: frozenset[str] = frozenset(get_args(Decision))
