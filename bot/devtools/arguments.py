"""Argument types for `jianfu` values that mean nothing otherwise: refused by the parser in one
usage line before any work (they were tracebacks, most after minutes of ranking or building)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

from bot.settings import MAX_WHOLE_NUMBER, is_whole_number

MAX_PORT = 65_535


def whole_number(low: int) -> Callable[[str], int]:
    """A whole number from `low` to MAX_WHOLE_NUMBER (digits only: no sign, no spaces)."""

    def parse(text: str) -> int:
        if not is_whole_number(text, low, MAX_WHOLE_NUMBER):
            raise argparse.ArgumentTypeError(
                f"expected a whole number from {low} to {MAX_WHOLE_NUMBER}, got {text[:20]!r}"
            )
        return int(text)

    return parse


def port(text: str) -> int:
    """A TCP port to listen on (0 would bind one at random, which nothing could find)."""
    if not is_whole_number(text, 1, MAX_PORT):
        raise argparse.ArgumentTypeError(f"expected a port from 1 to {MAX_PORT}, got {text[:20]!r}")
    return int(text)


def sizes(text: str) -> str:
    """Benchmark sizes, comma-separated, each a whole number of facts ≥ 1 (kept as written:
    bench reads the text)."""
    parts = [part for part in text.split(",") if part]
    if not parts or not all(is_whole_number(p, 1, MAX_WHOLE_NUMBER) for p in parts):
        raise argparse.ArgumentTypeError(
            f"expected whole numbers from 1 to {MAX_WHOLE_NUMBER}, comma-separated, "
            f"got {text[:40]!r}"
        )
    return text


SAME_FEATURES = "same"  # --calibrate alone: the features the model uses now


def features(text: str) -> str:
    """Answer-model features (search/calibrated.py), comma-separated, each one it knows."""
    from bot.search.calibrated import FEATURES

    if text == SAME_FEATURES:  # argparse passes --calibrate's const through here too
        return text
    unknown = [name for name in text.split(",") if name not in FEATURES]
    if unknown or not text:
        raise argparse.ArgumentTypeError(f"unknown feature(s) {unknown}; known: {sorted(FEATURES)}")
    return text


def writable_file(text: str) -> Path:
    """A file to write (--save-sources): its folder exists and takes files; no folder itself."""
    path = Path(text)
    folder = path.parent
    if path.is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise argparse.ArgumentTypeError(
            f"cannot write {text[:200]!r}: a folder, or its folder is missing or read-only"
        )
    return path
