"""The benchmark's synthetic knowledge base is one a replica can really load."""

from __future__ import annotations

from pathlib import Path

from bot.devtools.bench import FACTS_PER_FILE, synthetic_kb, write_kb
from bot.kb import load_kb


def test_synthetic_kb_written_to_disk_loads_whole(tmp_path: Path) -> None:
    size = FACTS_PER_FILE + 7  # more than one file's worth
    write_kb(synthetic_kb(load_kb(), size), tmp_path / "kb")
    assert len(list((tmp_path / "kb" / "responses" / "facts").glob("*.yaml"))) == 2
    assert len(load_kb(tmp_path / "kb").facts) == size
