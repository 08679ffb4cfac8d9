"""A built matcher kept out of the cyclic collector's full passes.

At 10,000 facts a matcher is some 350,000 objects that live until the next reload; each full
pass of the collector walked them all (about 230 ms of CPU, on whichever question set it off).
Frozen after the build (gc.freeze), they are left out, and a full pass walks only what
questions made since (about 45 ms, most of it the readings kept). Frozen objects that die are
still freed when nothing refers to them; cycles among them (a matcher holds its own bound
methods) only once they are thawed and collected, so a reload thaws the heap first and the old
matcher's memory comes back."""

from __future__ import annotations

import gc


def freeze_built() -> None:
    """After a build: thaw what an earlier build froze (an old matcher among it), collect,
    and freeze what is alive, so no garbage of either build is kept for good."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def refreeze_if_frozen() -> None:
    """After a reload's swap: freeze again where the process froze its first build (the bot,
    the benchmark); a process that never froze (`jianfu ask`, the tests) is left alone."""
    if gc.get_freeze_count():
        freeze_built()
