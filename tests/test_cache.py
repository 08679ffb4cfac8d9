"""The on-disk cache: entries named by content, a bad entry rebuilt, a read-only disk survived."""

from __future__ import annotations

import logging
from pathlib import Path

import jieba
import pytest

from bot.kb import load_kb
from bot.search import cache
from bot.search.matcher import Matcher


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A cache folder of the test's own, not yet created."""
    return tmp_path / "cache"


def test_fingerprint_names_content() -> None:
    """Same parts, same name; any part changed, another name."""
    parts = (3, ("fact-a", "fact-b"), {"forms": "表格"})
    assert cache.fingerprint(*parts) == cache.fingerprint(*parts)
    assert cache.fingerprint(*parts) != cache.fingerprint(4, *parts[1:])
    assert cache.fingerprint("ab", "c") != cache.fingerprint("a", "bc")
    assert len(cache.fingerprint(*parts)) == 24


def test_stored_entry_loads_back(folder: Path) -> None:
    value = ({"台账": [1, 2]}, frozenset({"表格"}))
    cache.store(folder, "entry", value)
    assert cache.load(folder, "entry") == value
    assert [p.name for p in folder.iterdir()] == ["entry.pickle"]  # no temporary file left


def test_missing_entry_is_none(folder: Path) -> None:
    assert cache.load(folder, "never-stored") is None


def test_corrupt_entry_is_none_and_logged(folder: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder.mkdir()
    (folder / "broken.pickle").write_bytes(b"not a pickle")
    with caplog.at_level(logging.WARNING, logger=cache.log.name):
        assert cache.load(folder, "broken") is None
    assert "ignoring unreadable cache entry" in caplog.text


def test_unwritable_folder_is_not_fatal(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A cache folder that cannot be created (a file is in the way) only costs a warning."""
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    folder = blocker / "cache"
    with caplog.at_level(logging.WARNING, logger=cache.log.name):
        cache.store(folder, "entry", 1)
        assert cache.jieba_dictionary(folder) is None
    assert cache.load(folder, "entry") is None
    assert "could not write cache entry entry" in caplog.text


def test_trimmed_jieba_dictionary_keeps_only_common_words(folder: Path) -> None:
    """The rarest words go (jieba's HMM still reads them); the file is written once, then reused."""
    trimmed = cache.jieba_dictionary(folder)
    assert trimmed is not None and trimmed.parent == folder
    kept = trimmed.read_text(encoding="utf-8").splitlines()
    assert kept and all(int(line.split()[1]) >= cache.JIEBA_MIN_FREQ for line in kept)
    with open(jieba.get_dict_file().name, encoding="utf-8") as full:
        assert len(kept) < sum(1 for _ in full)
    written = trimmed.stat().st_mtime_ns
    assert cache.jieba_dictionary(folder) == trimmed
    assert trimmed.stat().st_mtime_ns == written


def test_no_folder_means_no_cache(tmp_path: Path) -> None:
    """Without a cache folder nothing is written and nothing is found."""
    cache.store(None, "entry", 1)
    assert cache.load(None, "entry") is None
    assert cache.jieba_dictionary(None) is None
    assert list(tmp_path.iterdir()) == []


def test_matcher_rebuilds_over_a_corrupt_index_entry(folder: Path) -> None:
    """A damaged index entry is rebuilt and rewritten; the matcher answers as before."""
    kb = load_kb()
    first = Matcher(kb, cache_dir=folder)
    (entry,) = folder.glob("index-*.pickle")
    entry.write_bytes(b"damaged")
    second = Matcher(kb, cache_dir=folder)
    question = "检查组还看台账吗"
    assert second.match(question).matches == first.match(question).matches
    assert isinstance(cache.load(folder, entry.stem), tuple)


def test_matcher_cache_keeps_the_facts_numbers(folder: Path) -> None:
    """The facts' numbers are cached with the index: a second start reads them back equal,
    and other quantity words (quantities.yaml edited) name another entry."""
    from dataclasses import replace

    kb = load_kb()
    first = Matcher(kb, cache_dir=folder)
    second = Matcher(kb, cache_dir=folder)
    assert second.quantities.held_by_fact == first.quantities.held_by_fact
    assert len(list(folder.glob("index-*.pickle"))) == 1
    fewer = replace(kb.quantities, units={})
    assert Matcher(replace(kb, quantities=fewer), cache_dir=folder).quantities.held_by_fact != (
        first.quantities.held_by_fact
    )
    assert len(list(folder.glob("index-*.pickle"))) == 2


def test_search_code_digest_reads_every_search_module(tmp_path: Path) -> None:
    """The index key covers the search code itself: the digest is over each module's name and
    bytes, so editing any of them (without bumping a format number) names a new entry."""
    import hashlib

    import bot.search

    folder = Path(bot.search.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    assert cache.search_code_digest() == digest.hexdigest()[:24]
    assert len(list(folder.glob("*.py"))) > 5  # analyzer, matcher, index, … are all in it


def test_search_code_digest_changes_with_any_module(tmp_path: Path) -> None:
    """Editing one line of one search module, or renaming one, names a new index entry."""
    import shutil

    import bot.search

    copy = tmp_path / "search"
    shutil.copytree(Path(bot.search.__file__).parent, copy)
    before = cache.search_code_digest(copy)
    assert cache.search_code_digest(copy) == before
    analyzer = copy / "analyzer.py"
    analyzer.write_text(analyzer.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    edited = cache.search_code_digest(copy)
    assert edited != before
    (copy / "pieces.py").rename(copy / "pieces_renamed.py")
    assert cache.search_code_digest(copy) not in (before, edited)


def test_whole_dictionary_trimmed_in_memory_cuts_as_the_trimmed_file(tmp_path: Path) -> None:
    """With no cache to keep the trimmed dictionary in, the whole one is trimmed in memory, so
    a question is cut (and answered) the same with or without a cache directory."""
    rare = cache.JIEBA_MIN_FREQ - 1
    lines = ["工作 20 n", "群 15 n", f"作群 {rare} n", f"工作群多 {rare} n", "多 12 a"]
    whole = tmp_path / "whole.txt"
    whole.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kept = [line for line in lines if int(line.split()[1]) >= cache.JIEBA_MIN_FREQ]
    trimmed_file = tmp_path / "trimmed.txt"
    trimmed_file.write_text("\n".join(kept) + "\n", encoding="utf-8")
    loaded, trimmed = jieba.Tokenizer(str(whole)), jieba.Tokenizer(str(trimmed_file))
    for tokenizer in (loaded, trimmed):
        tokenizer.tmp_dir = str(tmp_path)
        tokenizer.initialize()
    assert list(loaded.cut("工作群多", HMM=False)) == ["工作群多"]  # the rare word, before
    cache.trim_loaded(loaded)
    assert loaded.total == trimmed.total
    assert {w: n for w, n in loaded.FREQ.items() if n} == {
        w: n for w, n in trimmed.FREQ.items() if n
    }
    for text in ("工作群多", "群多工作", "工作作群"):
        assert list(loaded.cut(text, HMM=False)) == list(trimmed.cut(text, HMM=False))
