"""`jianfu eval --cached`: rank every labelled question once, conclude as often as wanted.

Ranking (Matcher.prepare) is the slow part of an eval; concluding (shapes.py, items.py) is
cheap. The rankings are pickled in a folder under /tmp, named by a digest of the knowledge base,
of the code that prepares (bot/search but calibrated.py, which only reads a Prepared; bot/kb)
and of the question files: a changed fact, module or question never reads a stale
entry. What is concluded always comes back through the pickle, so a run that ranked and one that
read the cache give the same figures.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.devtools.evaluate import Labelled, Prepped, prepare_all
from bot.kb.load import content_digest
from bot.search import cache
from bot.search.matcher import Matcher, Prepared

PREPARED_DIR = Path(tempfile.gettempdir()) / "jianfu-prepared"
CODE_ROOT = Path(__file__).resolve().parent.parent  # bot/
# What a preparation may run: the search and the knowledge base, and the two modules they
# import from bot/ itself; but not calibrated.py, which only reads a Prepared.
PREPARING = ("search", "kb", "errors.py", "decision.py")
NOT_PREPARING = "calibrated.py"


def code_digest(root: Path = CODE_ROOT) -> str:
    """A digest of every module that may take part in preparing a question."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if relative.parts[0] not in PREPARING or path.name == NOT_PREPARING:
            continue
        digest.update(str(relative).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def preparation_key(kb_root: Path, files: Sequence[Path]) -> str:
    """The cache entry's name: equal names, equal rankings."""
    questions = [(path.name, path.read_bytes()) for path in files]
    return "prepared-" + cache.fingerprint(content_digest(kb_root), code_digest(), questions)


def _fits(value: object, items: Sequence[Labelled]) -> bool:
    """An entry holds the questions asked, in order, and a preparation of each (its `query`
    may differ: tones typed as digits are read apart, tones.py)."""
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and value[0] == [item.question for item in items]
        and isinstance(value[1], list)
        and len(value[1]) == len(items)
        and all(isinstance(p, Prepared) for p in value[1])
    )


def cached_prepare(
    matcher: Callable[[], Matcher],
    items: Sequence[Labelled],
    kb_root: Path,
    files: Sequence[Path],
    folder: Path = PREPARED_DIR,
) -> tuple[Prepped, bool]:
    """Every item with its preparation, and whether they came from the cache. `matcher` is
    called (slow: it builds the index) only when the cache has no entry for these files."""
    key = preparation_key(kb_root, files)
    found = cache.load(folder, key)
    hit = _fits(found, items)
    if not hit:
        fresh = prepare_all(matcher(), items)
        cache.store(folder, key, ([item.question for item in items], [p for _, p in fresh]))
        found = cache.load(folder, key)  # what is concluded comes through the pickle
        if not _fits(found, items):  # the folder cannot be written: conclude what was ranked
            return fresh, False
    assert isinstance(found, tuple)
    return list(zip(items, found[1], strict=True)), hit
