"""A measured second look at what the rules decline or doubt (filled in below)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.search.items import conclude
from bot.search.shapes import Prepared, Result, Thresholds


@dataclass(frozen=True)
class Calibration:
    """The answer model's coefficients (placeholder: answers nothing more)."""


def concluded(p: Prepared, t: Thresholds, calibration: Calibration | None) -> Result:
    """The rules' answer, then the model's second look at a decline or a "did you mean"."""
    return conclude(p, t)
