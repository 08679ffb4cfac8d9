"""`jianfu eval --cached`: rankings kept on disk conclude exactly as fresh ones do, and an entry
made from other questions, facts or code is never read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.devtools.evaluate import load_questions, outcomes_for
from bot.devtools.prepared import cached_prepare, code_digest, preparation_key
from bot.kb import load_kb
from bot.search.matcher import Matcher, Thresholds

QUESTIONS = """questions:
  - {q: '会太多怎么办', expect: [meetings-twice-a-month], kind: paraphrase}
  - {q: '发言稿写了三千字，念完会都开了半天', expect: [meetings-short-speeches], kind: problem}
  - {q: '合并后的新群群主该谁当', expect: [], kind: near-miss}
  - {q: '食堂的饭菜好不好吃', expect: [], kind: offtopic}
  - {q: 'hui4yi4太多怎么办', expect: [meetings-twice-a-month], kind: pinyin}
"""


def _no_matcher() -> Matcher:
    raise AssertionError("a cached run must not rank again")


def test_cached_rankings_conclude_as_fresh_ones(parts_matcher: Matcher, tmp_path: Path) -> None:
    kb = load_kb()
    path = tmp_path / "set.yaml"
    path.write_text(QUESTIONS, encoding="utf-8")
    items = load_questions(path, kb)
    folder = tmp_path / "prepared"
    first, hit = cached_prepare(lambda: parts_matcher, items, kb.root, [path], folder)
    assert not hit and len(list(folder.iterdir())) == 1
    again, hit = cached_prepare(_no_matcher, items, kb.root, [path], folder)
    assert hit
    t = Thresholds()
    fresh = [(item, parts_matcher.prepare(item.question)) for item in items]
    for prepped in (first, again):
        assert outcomes_for(prepped, t) == outcomes_for(fresh, t)
        assert [p.ranked for _, p in prepped] == [p.ranked for _, p in fresh]
    # The parts a score was made of survive the pickle (they are not compared).
    parts = [m.parts for _, p in again for m in p.ranked]
    assert parts == [m.parts for _, p in fresh for m in p.ranked]
    assert any(part.coverage > 0 for part in parts)


def test_other_questions_or_facts_name_another_entry(tmp_path: Path) -> None:
    kb = load_kb()
    root = tmp_path / "kb"
    for folder in ("responses", "seeds"):
        shutil.copytree(kb.root / folder, root / folder)
    path = tmp_path / "set.yaml"
    path.write_text(QUESTIONS, encoding="utf-8")
    key = preparation_key(root, [path])
    assert key == preparation_key(root, [path])
    path.write_text(QUESTIONS + "  - {q: '群太多', expect: [], kind: x}\n", encoding="utf-8")
    assert preparation_key(root, [path]) != key
    path.write_text(QUESTIONS, encoding="utf-8")
    synonyms = root / "responses" / "synonyms.yaml"
    synonyms.write_text(synonyms.read_text(encoding="utf-8") + "\n# a comment\n", "utf-8")
    assert preparation_key(root, [path]) != key


def test_the_code_digest_covers_search_but_not_the_model(tmp_path: Path) -> None:
    code = tmp_path / "bot"
    (code / "search").mkdir(parents=True)
    (code / "devtools").mkdir()
    (code / "search" / "matcher.py").write_text("x = 1\n")
    (code / "search" / "calibrated.py").write_text("y = 1\n")
    (code / "devtools" / "evaluate.py").write_text("z = 1\n")
    (code / "cli.py").write_text("c = 1\n")
    before = code_digest(code)
    (code / "search" / "calibrated.py").write_text("y = 2\n")
    (code / "devtools" / "evaluate.py").write_text("z = 2\n")
    (code / "cli.py").write_text("c = 2\n")
    assert code_digest(code) == before
    (code / "decision.py").write_text("d = 1\n")
    assert code_digest(code) != before
    before = code_digest(code)
    (code / "search" / "matcher.py").write_text("x = 2\n")
    assert code_digest(code) != before


@pytest.mark.parametrize("broken", [b"not a pickle", b""])
def test_an_unreadable_entry_is_ranked_again(
    matcher: Matcher, tmp_path: Path, broken: bytes
) -> None:
    kb = load_kb()
    path = tmp_path / "set.yaml"
    path.write_text(QUESTIONS, encoding="utf-8")
    items = load_questions(path, kb)
    folder = tmp_path / "prepared"
    folder.mkdir()
    (folder / f"{preparation_key(kb.root, [path])}.pickle").write_bytes(broken)
    prepped, hit = cached_prepare(lambda: matcher, items, kb.root, [path], folder)
    assert not hit and [item for item, _ in prepped] == items
    assert [p.ranked for _, p in prepped] == [matcher.prepare(i.question).ranked for i in items]
