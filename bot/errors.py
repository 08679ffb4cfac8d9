"""The few errors the project raises; they become user-facing text only at the edges (CLI, bot)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class JianfuError(Exception):
    """Base class: anything the CLI or the bot may show to a person as one clear line."""


@dataclass(frozen=True)
class KBProblem:
    """One thing wrong in the knowledge base, located as precisely as we can."""

    file: str
    message: str
    fact_id: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.fact_id:
            where += f" [fact {self.fact_id}]"
        if self.field:
            where += f" field '{self.field}'"
        return f"{where}: {self.message}"


class KBError(JianfuError):
    """The knowledge base did not load; nothing of it is used."""

    def __init__(self, problems: list[KBProblem], warnings: Sequence[KBProblem] = ()) -> None:
        self.problems = problems
        self.warnings = tuple(warnings)
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"knowledge base has {len(problems)} problem(s):\n{lines}")


class ConfigError(JianfuError):
    """A setting (environment variable or option) is missing or invalid."""


class StorageError(JianfuError):
    """The question log could not be read or written."""
