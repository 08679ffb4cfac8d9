"""Edits to the knowledge base are picked up live; a broken edit keeps the old one serving."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.answer.service import Service
from bot.answer.watch import KBWatcher

PROJECT = Path(__file__).resolve().parent.parent
FACTS = "responses/facts/chat-groups.yaml"


def _replace(root: Path, old: str, new: str) -> None:
    path = root / FACTS
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _watched(root: Path, cache_dir: Path) -> tuple[Service, KBWatcher, list[str]]:
    """A service on `root`, a watcher over it, and the notices the watcher sends."""
    service = Service(root, cache_dir=cache_dir)
    notes: list[str] = []

    async def notify(text: str) -> None:
        notes.append(text)

    return service, KBWatcher(service, interval=0.01, notify=notify), notes


async def test_edit_is_picked_up_without_restart(kb_copy: Path, _session_cache: Path) -> None:
    """Changing a fact's title on disk changes the live answer after one watcher pass."""
    service, watcher, notes = _watched(kb_copy, _session_cache)
    before = service.ask("海港区解散了多少个群")
    assert before.facts
    assert await watcher.check_once() is False  # nothing changed yet
    _replace(kb_copy, f"title: {before.facts[0].title}", "title: 解散整合190多个群")
    assert await watcher.check_once() is True
    assert service.ask("海港区解散了多少个群").text.startswith("【解散整合190多个群】")
    assert notes == [service.text("admin_reload_ok", fact_count=service.fact_count)]


async def test_broken_edit_keeps_old_kb(kb_copy: Path, _session_cache: Path) -> None:
    """A quote that no longer matches its seed is refused; answers keep coming from the old KB."""
    service, watcher, notes = _watched(kb_copy, _session_cache)
    expected = service.ask("海港区解散了多少个群").text
    _replace(kb_copy, "quote: ", "quote: 不在原文里的话")
    assert await watcher.check_once() is True
    assert service.ask("海港区解散了多少个群").text == expected
    (note,) = notes
    assert note.startswith(service.text("admin_reload_failed", count=1, problems="").strip())
    assert f"{FACTS} [fact " in note
    assert "field 'quote': quote does not appear verbatim" in note


async def test_refused_reload_log_names_the_file_and_the_fact(
    kb_copy: Path, _session_cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The operator reading the bot's log (not only the admins' chat) learns where the broken
    edit is: the file and the fact, not just how many problems there were."""
    service, watcher, _ = _watched(kb_copy, _session_cache)
    expected = service.ask("海港区解散了多少个群").text
    _replace(kb_copy, "quote: ", "quote: 不在原文里的话")
    with caplog.at_level(logging.WARNING, logger="bot.answer.service"):
        assert await watcher.check_once() is True
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert f"{FACTS} [fact " in logged
    assert "field 'quote'" in logged
    assert service.ask("海港区解散了多少个群").text == expected


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("title: 解散整合群190余个", 'title: "解散整合群190余个'),  # a quote left open
        ("    title: 解散整合群190余个", "   title: 解散整合群190余个"),
    ],
    ids=["open quote", "indent off by one"],
)
async def test_invalid_yaml_while_running_keeps_old_kb_and_logs_file_and_fact(
    kb_copy: Path, _session_cache: Path, caplog: pytest.LogCaptureFixture, old: str, new: str
) -> None:
    """A fact saved half-typed (invalid YAML) is refused; the old knowledge base keeps
    answering, and the log and the admins' notice name the file, where the YAML broke and
    the fact being edited (the one whose entry the broken YAML is in, even when the parser
    only noticed at the end of the file)."""
    service, watcher, notes = _watched(kb_copy, _session_cache)
    expected = service.ask("海港区解散了多少个群").text
    _replace(kb_copy, old, new)
    with caplog.at_level(logging.WARNING, logger="bot.answer.service"):
        assert await watcher.check_once() is True
    assert service.ask("海港区解散了多少个群").text == expected
    logged = "\n".join(r.getMessage() for r in caplog.records)
    (note,) = notes
    for told in (logged, note):
        assert f"{FACTS} [fact chat-groups-190-dissolved]: malformed YAML at line " in told
