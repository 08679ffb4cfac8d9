"""A careless or hostile edit to the knowledge base gets one clear, short problem, never a
traceback or a memory blow-up."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from bot.answer.service import Service
from bot.answer.watch import KBWatcher
from bot.cli import main
from bot.errors import KBError, KBProblem
from bot.kb import load_kb
from bot.kb.collect import MAX_FILE_BYTES
from bot.kb.texts import REQUIRED_TEXTS, Texts

PROJECT = Path(__file__).resolve().parent.parent
FACTS = "responses/facts/meetings.yaml"
MEMORY_CAP = 1536 * 1024 * 1024  # bytes of address space the bomb test allows itself


def _problems(root: Path) -> list[KBProblem]:
    with pytest.raises(KBError) as caught:
        load_kb(root)
    return caught.value.problems


def _alias_bomb(levels: int = 9) -> str:
    """Nested aliases: a few hundred bytes that expand to 10**levels strings."""
    lines = ["a0: &a0 [" + ", ".join(["lol"] * 10) + "]"]
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]")
    lines.append(f"facts:\n  - id: *a{levels - 1}\n")
    return "\n".join(lines)


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def test_alias_bomb_is_refused_within_bounded_memory(kb_copy: Path) -> None:
    """`kb check` on a facts file of nested aliases names the alias and stays small."""
    (kb_copy / FACTS).write_text(_alias_bomb(), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "bot", "--kb-root", str(kb_copy), "kb", "check"],
        capture_output=True, text=True, cwd=PROJECT, timeout=120, preexec_fn=_cap_memory,
        env={**os.environ, "OPENBLAS_NUM_THREADS": "1"},
    )  # fmt: skip
    assert run.returncode == 1, run.stderr[-2000:]
    assert "aliases (*name) are not allowed" in run.stderr
    assert f"{FACTS}: malformed YAML at line 2, column" in run.stderr
    assert len(run.stderr) < 2000


def test_alias_bomb_in_the_watcher_path_is_refused(kb_copy: Path) -> None:
    """load_kb, which the hot-reload watcher calls, refuses such a file at once (a smaller bomb
    here, so that a regression fails this test instead of exhausting the machine)."""
    (kb_copy / FACTS).write_text(_alias_bomb(levels=6), encoding="utf-8")
    (problem,) = _problems(kb_copy)
    assert problem.file == FACTS
    assert "aliases (*name) are not allowed" in problem.message


def test_oversized_file_is_refused_clearly(kb_copy: Path) -> None:
    """A facts file over the size limit is named, with the limit, and not parsed."""
    path = kb_copy / FACTS
    padding = "#" + "x" * 1000 + "\n"
    path.write_text(
        path.read_text(encoding="utf-8") + padding * (MAX_FILE_BYTES // len(padding) + 1),
        encoding="utf-8",
    )
    problems = _problems(kb_copy)
    assert KBProblem(FACTS, "is larger than 2 MB; split it up") in problems


@pytest.mark.parametrize(
    "bad_id",
    [
        "'" + "X" * 200_000 + "'",  # a long string
        "[" + ", ".join(["some text"] * 20_000) + "]",  # a long list, no alias needed
        "9" * 4000,  # a number Python prints in full
    ],
)
def test_problem_messages_never_quote_unbounded_values(kb_copy: Path, bad_id: str) -> None:
    """Whatever the value, the message about it stays one short line."""
    path = kb_copy / FACTS
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: ", f"  - id: {bad_id}\n    x: ", 1), encoding="utf-8")
    problems = _problems(kb_copy)
    assert any(p.field == "id" and "must be 2-40 of a-z" in p.message for p in problems)
    assert all(len(str(p)) < 300 for p in problems), max(map(str, problems), key=len)[:300]


def test_deeply_nested_yaml_is_a_problem_not_a_crash(kb_copy: Path) -> None:
    """Brackets nested past Python's recursion limit are reported like any malformed YAML."""
    (kb_copy / FACTS).write_text("facts: " + "[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (problem,) = _problems(kb_copy)
    assert problem.file == FACTS
    assert problem.message.startswith("malformed YAML")


def test_huge_number_is_a_problem_not_a_crash(kb_copy: Path) -> None:
    """An integer Python refuses to parse (over 4300 digits) is malformed YAML, not a traceback."""
    path = kb_copy / FACTS
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: ", "  - id: " + "9" * 5000 + "\n    x: ", 1))
    (problem,) = _problems(kb_copy)
    assert problem.file == FACTS
    assert problem.message.startswith("malformed YAML: Exceeds the limit")


@pytest.mark.parametrize(
    "rel", ["responses/stopwords.txt", "responses/userdict.txt", "responses/offtopic_cues.txt"]
)
def test_word_list_that_is_not_utf8_names_file_and_line(kb_copy: Path, rel: str) -> None:
    """GBK bytes in a word list are one problem naming the file and line, not a traceback."""
    path = kb_copy / rel
    lines = path.read_bytes().splitlines(keepends=True)
    lines.insert(2, "会议纪要\n".encode("gbk"))
    path.write_bytes(b"".join(lines))
    (problem,) = _problems(kb_copy)
    assert problem.file == rel
    assert problem.message.startswith("line 3: not UTF-8 text")


def test_seed_that_is_not_utf8_names_file_and_line(kb_copy: Path) -> None:
    """A seed article saved in another encoding is located by line as well."""
    (seed,) = (kb_copy / "seeds").glob("*.txt")
    seed.write_bytes(seed.read_bytes() + "\n减负\n".encode("gbk"))
    problems = _problems(kb_copy)
    lines = seed.read_bytes().count(b"\n")
    assert problems[0] == KBProblem(
        f"seeds/{seed.name}",
        f"line {lines}: not UTF-8 text (invalid start byte); save the file as UTF-8",
    )


def test_userdict_frequency_the_analyzer_cannot_read_is_refused(kb_copy: Path) -> None:
    """'²' passes str.isdigit() but not int(): the check refuses what the analyzer would crash on,
    and accepts the trailing comment the analyzer accepts."""
    path = kb_copy / "responses" / "userdict.txt"
    path.write_text(
        path.read_text(encoding="utf-8") + "开会 ² n\n填表 100 n  # a comment\n", encoding="utf-8"
    )
    lines = path.read_text(encoding="utf-8").count("\n")
    (problem,) = _problems(kb_copy)
    assert problem.message == f"line {lines - 1}: expected 'word [frequency] [tag]', got '开会 ² n'"


def _set_text(root: Path, name: str, value: str) -> None:
    path = root / "responses" / "texts.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{name}:"))
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i] and not lines[i][0].isspace()),
        len(lines),
    )
    lines[start:end] = [f"{name}: {json.dumps(value, ensure_ascii=False)}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "placeholder"),
    [
        ("not_found", "{}"),
        ("not_found", "{0}"),
        ("not_found", "{suggestions.upper}"),
        ("not_found", "{suggestions[0]}"),
        ("not_found", "{suggestions!r}"),
        ("not_found", "{suggestions:d}"),
        ("about", "{fact_count:%}"),
        ("start", "{}"),
        ("start", "{"),
    ],
)
def test_every_placeholder_that_could_fail_at_reply_time_is_caught(
    kb_copy: Path, name: str, placeholder: str
) -> None:
    """`kb check` refuses any placeholder but a plain known {name}, so no reply can raise."""
    required = " ".join("{" + p + "}" for p in sorted(REQUIRED_TEXTS[name]))
    _set_text(kb_copy, name, f"没有找到 {placeholder} {required}")
    problems = [p for p in _problems(kb_copy) if p.file == "responses/texts.yaml"]
    assert any(f"text '{name}'" in p.message for p in problems), problems


def test_text_the_check_accepts_fills_in_at_reply_time(kb_copy: Path) -> None:
    """Doubled braces are one literal brace in every text, with or without placeholders, as
    the check's hint says; any text it accepts fills in with the kinds of value the bot passes."""
    _set_text(kb_copy, "not_found", "没有找到{{答案}}：{suggestions}")
    _set_text(kb_copy, "start", "你好{{}}")
    kb = load_kb(kb_copy)
    texts = Texts(kb.texts)
    assert texts.get("not_found", suggestions="·").startswith("没有找到{答案}：")
    assert texts.get("start") == "你好{}"
    for name, needed in REQUIRED_TEXTS.items():  # every text fills in with either kind of value
        for sample in ("样例", 3):
            texts.get(name, **dict.fromkeys(needed, sample))


def _replace(root: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _set_line(root: Path, rel: str, prefix: str, line: str) -> None:
    """Replace the first line starting with `prefix` by `line`."""
    path = root / rel
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, old in enumerate(lines) if old.startswith(prefix))
    lines[at] = line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_title_that_is_a_number_is_reported_as_not_text(kb_copy: Path) -> None:
    """`title: 2024` is there, just not text: the message says so, for seeds, topics and facts."""
    (meta,) = (kb_copy / "seeds").glob("*.yaml")
    _set_line(kb_copy, f"seeds/{meta.name}", "title: ", "title: 2024")
    _set_line(kb_copy, "responses/topics.yaml", "    name: ", "    name: 2024")
    _set_line(kb_copy, FACTS, "    title: ", "    title: 2024")
    problems = _problems(kb_copy)
    not_text = "must be text, not 2024 (put it in quotes)"
    assert KBProblem(f"seeds/{meta.name}", not_text, None, "title") in problems
    assert KBProblem("responses/topics.yaml", f"topic 'meetings' {not_text}", None, "name") in (
        problems
    )
    assert KBProblem(FACTS, not_text, "meetings-one-topic-once", "title") in problems
    assert not any("missing" in p.message for p in problems)


def test_blank_required_text_is_reported_as_empty(kb_copy: Path) -> None:
    """A measure of spaces would make an empty reply; it is 'empty', and a blank optional field
    is still fine."""
    _set_line(kb_copy, FACTS, "    measure: ", "    measure: '   '")
    _set_line(kb_copy, FACTS, "    who: ", "    who: ''")  # the same, first, fact
    problems = _problems(kb_copy)
    assert KBProblem(FACTS, "is empty", "meetings-one-topic-once", "measure") in problems
    assert not any(p.field == "who" for p in problems)


def test_folder_named_like_a_facts_file_or_seed_is_named_as_a_folder(kb_copy: Path) -> None:
    """A folder where a file is expected says 'folder', not 'missing', and does not crash."""
    (kb_copy / "responses" / "facts" / "extra.yaml").mkdir()
    (kb_copy / "seeds" / "notes.txt").mkdir()
    (kb_copy / "seeds" / "notes.yaml").write_text("title: 笔记\npublication: 人民日报\n")
    problems = _problems(kb_copy)
    folder = "is a folder, but a file is expected here"
    assert set(problems) == {
        KBProblem("responses/facts/extra.yaml", folder),
        KBProblem("seeds/notes.txt", folder),
    }


def test_missing_seed_is_one_line_for_all_its_facts(kb_copy: Path) -> None:
    """Every fact citing a missing seed is summed up in one problem, with a count and ids."""
    for rel in ("responses/facts/forms.yaml", FACTS):
        _replace(kb_copy, rel, "seed: rmrb-", "seed: gone-", count=-1)
    kb = load_kb(PROJECT)
    citing = [f.id for f in kb.facts if f.source_file in ("responses/facts/forms.yaml", FACTS)]
    (problem,) = _problems(kb_copy)
    assert problem.file == "responses/facts"
    assert problem.field == "seed"
    assert problem.message.startswith("seed file seeds/gone-")
    assert f"({len(citing)} facts in forms.yaml, meetings.yaml: " in problem.message
    assert f"and {len(citing) - 5} more)" in problem.message


def test_empty_facts_file_is_a_warning(kb_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An emptied facts file still loads (the rest is fine), but `kb check` warns about it."""
    (kb_copy / "responses" / "facts" / "new-topic.yaml").write_text("# to do\n")
    (kb_copy / "responses" / "facts" / "later.yaml").write_text("facts: []\n")
    kb = load_kb(kb_copy)
    no_facts = "has no facts; add some or delete the file"
    assert set(kb.warnings) == {
        KBProblem("responses/facts/later.yaml", no_facts),
        KBProblem("responses/facts/new-topic.yaml", no_facts),
    }
    assert main(["--kb-root", str(kb_copy), "kb", "check"]) == 0
    assert f"! responses/facts/new-topic.yaml: {no_facts}" in capsys.readouterr().err


async def test_watcher_tells_admins_about_a_bad_word_list_and_an_alias_bomb(
    kb_copy: Path, _session_cache: Path
) -> None:
    """The running bot's watcher reports the file and line (GBK bytes) and the alias, in
    bounded notices, and keeps answering from the old knowledge base."""
    service = Service(kb_copy, cache_dir=_session_cache)
    notes: list[str] = []

    async def notify(text: str) -> None:
        notes.append(text)

    watcher = KBWatcher(service, interval=0.01, notify=notify)
    expected = service.ask("会太多怎么办").text
    stopwords = kb_copy / "responses" / "stopwords.txt"
    stopwords.write_bytes(stopwords.read_bytes() + "会议纪要\n".encode("gbk"))
    assert await watcher.check_once() is True
    lines = stopwords.read_bytes().count(b"\n")
    assert f"responses/stopwords.txt: line {lines}: not UTF-8 text" in notes[-1]
    stopwords.write_bytes(stopwords.read_bytes().rsplit(b"\n", 2)[0] + b"\n")
    (kb_copy / FACTS).write_text(_alias_bomb(), encoding="utf-8")
    assert await watcher.check_once() is True
    assert "aliases (*name) are not allowed" in notes[-1] and len(notes[-1]) < 4096
    assert service.ask("会太多怎么办").text == expected


def test_key_written_twice_is_refused(kb_copy: Path) -> None:
    """A second `quote:` in one fact would silently replace the first; it is named instead,
    with the fact it is in."""
    lines = (kb_copy / FACTS).read_text(encoding="utf-8").splitlines()
    line = next(n for n, s in enumerate(lines, 1) if s.startswith("    quote: "))
    fact = [s.split("id: ")[1] for s in lines[:line] if s.startswith("  - id: ")][-1]
    _replace(kb_copy, FACTS, "    quote: ", "    quote: 另一句话\n    quote: ")
    (problem,) = _problems(kb_copy)
    assert problem == KBProblem(
        FACTS,
        f"malformed YAML at line {line + 1}, column 5: 'quote' appears twice in the same mapping",
        fact,
    )


def test_escape_for_half_a_character_is_refused(kb_copy: Path) -> None:
    """An "\\ud800" escape in a quoted YAML string is half of a UTF-16 pair, no character:
    loaded, every answer showing it failed to print (`ask` died with UnicodeEncodeError) or to
    send. The file and line are named instead."""
    text = (kb_copy / FACTS).read_text(encoding="utf-8")
    line = next(n for n, s in enumerate(text.splitlines(), 1) if s.startswith("    title: "))
    _replace(kb_copy, FACTS, "    title: ", '    title: "\\ud800"\n    titlex: ')
    (problem,) = _problems(kb_copy)
    assert problem.file == FACTS
    assert problem.message.startswith(f"malformed YAML at line {line}, column 12: ")
    assert "half of a character" in problem.message


def test_huge_stray_file_beside_a_seed_costs_no_memory(kb_copy: Path, tmp_path: Path) -> None:
    """A 3 GB scan left in seeds/ (sparse here: no disk used) is no part of the knowledge base,
    yet the digest naming the cached KB read every file whole: the bot died at start with
    MemoryError (and a reload would too). It answers within a bounded address space."""
    with (kb_copy / "seeds" / "original-scan.pdf").open("wb") as scan:
        scan.truncate(3 * 1024**3)
    run = subprocess.run(
        [sys.executable, "-m", "bot", "--kb-root", str(kb_copy), "ask", "会太多怎么办"],
        capture_output=True, text=True, cwd=PROJECT, timeout=120, preexec_fn=_cap_memory,
        env={**os.environ, "OPENBLAS_NUM_THREADS": "1", "JIANFU_CACHE_DIR": str(tmp_path)},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.startswith("【")


def test_file_named_in_gbk_beside_a_seed_does_not_stop_the_bot(
    kb_copy: Path, tmp_path: Path
) -> None:
    """A file whose name is not UTF-8 (unzipped from an archive made on a Chinese Windows, its
    name in GBK) sits in seeds/: the digest naming the cached knowledge base could not encode
    the name, and the bot died at start with UnicodeEncodeError. It answers, and the watcher
    can tell which knowledge base it serves."""
    (kb_copy / "seeds" / os.fsdecode("原文扫描.pdf".encode("gbk"))).write_bytes(b"%PDF")
    service = Service(kb_copy, cache_dir=tmp_path)
    assert service.ask("会太多怎么办").facts
    assert KBWatcher(service, interval=1.0).version


async def test_unreadable_file_beside_the_facts_stops_neither_start_nor_reload(
    kb_copy: Path, tmp_path: Path
) -> None:
    """A file under responses/ the bot cannot read, say the swap file (mode 0600) of a curator
    editing a fact in vim on the server, made the digest raise: the bot could not start, and
    every reload failed until the editor closed. Here the read fails with EIO (as root, a
    mode cannot stop a read), through a link to /proc/self/mem. The bot starts, and an edit
    saved meanwhile is loaded."""
    (kb_copy / "responses" / "facts" / ".meetings.yaml.swp").symlink_to("/proc/self/mem")
    service = Service(kb_copy, cache_dir=tmp_path)
    watcher = KBWatcher(service, interval=1.0)
    title = service.ask("会太多怎么办").facts[0].title
    _replace(kb_copy, FACTS, f"title: {title}", "title: 会议一月最多两次")
    assert await watcher.check_once() is True
    assert service.ask("会太多怎么办").facts[0].title == "会议一月最多两次"
