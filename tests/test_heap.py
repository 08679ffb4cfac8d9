"""A built matcher frozen out of the collector's full passes (answer/heap.py), and a reload that
still frees the old one."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.answer.heap import freeze_built, refreeze_if_frozen
from bot.answer.service import Service


class _Cycle:
    """An object that refers to itself: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def thawed_after() -> Iterator[None]:
    """The rest of the run is left unfrozen, as it found the process."""
    assert gc.get_freeze_count() == 0
    yield
    gc.unfreeze()


def test_the_build_is_frozen_and_its_garbage_collected_first(thawed_after: None) -> None:
    garbage = _Cycle()
    gone = weakref.ref(garbage)
    del garbage
    kept = _Cycle()
    freeze_built()
    assert gone() is None  # collected, not frozen for good
    assert gc.get_freeze_count() > 0
    assert kept.me is kept


def test_a_reload_frees_the_old_matcher_and_freezes_the_new(
    kb_copy: Path, _session_cache: Path, thawed_after: None
) -> None:
    service = Service(kb_copy, cache_dir=_session_cache)
    freeze_built()  # as the bot does after its first build
    old = weakref.ref(service.matcher)
    assert service.reload().ok
    # A matcher refers to itself (its bound methods): frozen, it would never be freed.
    assert old() is None
    assert gc.get_freeze_count() > 0
    assert service.ask("会太多怎么办").facts


def test_a_process_that_never_froze_is_left_unfrozen(kb_copy: Path, _session_cache: Path) -> None:
    service = Service(kb_copy, cache_dir=_session_cache)
    assert service.reload().ok
    refreeze_if_frozen()
    assert gc.get_freeze_count() == 0
