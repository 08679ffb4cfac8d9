"""A small on-disk cache for what is slow to build and depends only on the knowledge base.

Entries are named by a hash of everything they were built from, so a changed knowledge base
or a new version of the code never reads a stale entry; deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

import jieba

from bot.kb import KnowledgeBase, default_root, load_kb
from bot.kb.load import code_digest, content_digest

log = logging.getLogger(__name__)

# Words jieba has seen fewer times than this are left to its HMM; loading the full 349k-word
# dictionary costs about a second at every start, the trimmed one a fraction of that.
JIEBA_MIN_FREQ = 10


def search_code_digest(folder: Path = Path(__file__).parent) -> str:
    """A digest of the search code (the modules in `folder`): an index an older analyzer
    built is never read, with no format number to bump by hand."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:24]


def fingerprint(*parts: Any) -> str:
    return hashlib.sha256(pickle.dumps(parts, protocol=5)).hexdigest()[:24]


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(tmp, path)  # readers see the old file or the whole new one


def load(folder: Path | None, name: str) -> Any | None:
    """The entry `name`, or None when there is none (or no cache folder at all)."""
    if folder is None:
        return None
    path = folder / f"{name}.pickle"
    try:
        return pickle.loads(path.read_bytes())  # our own files, named by content hash
    except FileNotFoundError:
        return None
    except Exception:  # a corrupt or foreign entry is rebuilt, never fatal
        log.warning("ignoring unreadable cache entry %s", path)
        return None


def store(folder: Path | None, name: str, value: Any) -> None:
    if folder is None:
        return
    try:
        _write_atomically(folder / f"{name}.pickle", pickle.dumps(value, protocol=5))
    except OSError as exc:  # a read-only home must not stop the bot
        log.warning("could not write cache entry %s: %s", name, exc)


def load_kb_cached(root: Path | None, folder: Path | None) -> KnowledgeBase:
    """load_kb, but a knowledge base already loaded and checked from exactly these files (by
    the same code) comes from the cache: at 10,000 facts that is a fraction of a second
    instead of several. A broken one is never cached: it raises KBError every time."""
    if folder is None:
        return load_kb(root)
    root = (root or default_root()).resolve()
    key = "kb-" + fingerprint(str(root), content_digest(root), code_digest())
    cached = load(folder, key)
    if isinstance(cached, KnowledgeBase):
        return cached
    kb = load_kb(root)
    store(folder, key, kb)
    return kb


def trim_loaded(tokenizer: jieba.Tokenizer) -> None:
    """Make a tokenizer that loaded jieba's whole dictionary (no cache to keep the trimmed
    file in) cut as the trimmed one does: what a question means must not depend on whether
    a cache directory is at hand. A rare word stays a prefix (count 0), as jieba keeps the
    prefixes of its words, so the cuts come out the same."""
    rare = [(word, count) for word, count in tokenizer.FREQ.items() if 0 < count < JIEBA_MIN_FREQ]
    for word, _ in rare:
        tokenizer.FREQ[word] = 0
    tokenizer.total -= sum(count for _, count in rare)


def jieba_dictionary(folder: Path | None) -> Path | None:
    """jieba's bundled dictionary without its rarest words, written once into the cache."""
    if folder is None:
        return None
    source = Path(jieba.get_dict_file().name)
    target = folder / f"jieba-dict-f{JIEBA_MIN_FREQ}-{source.stat().st_size}.txt"
    if target.is_file():
        return target
    kept = []
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) >= 2 and int(parts[1]) >= JIEBA_MIN_FREQ:
                kept.append(line)
    try:
        _write_atomically(target, "".join(kept).encode("utf-8"))
    except OSError as exc:
        log.warning("could not write trimmed jieba dictionary: %s", exc)
        return None
    return target
