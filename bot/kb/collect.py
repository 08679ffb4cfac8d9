"""Reading the knowledge base's files safely, and collecting every problem found in them.

Files are bounded in size, must be UTF-8 and YAML may not use aliases, so no edit can make a
check crash or eat the machine's memory; messages quote at most a short preview of any value.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from bot.errors import KBProblem

# Far above any real article or facts file; a bigger one is a mistake, and reading it costs.
MAX_FILE_BYTES = 2 * 1024 * 1024
PREVIEW_CHARS = 80  # how much of a curator's value a message quotes
GROUP_SHOWN = 5  # fact ids named in a problem many facts share
_SURROGATE = re.compile("[\ud800-\udfff]")


def clip(text: str, limit: int = PREVIEW_CHARS) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def preview(value: Any) -> str:
    """A value as a problem message may show it: bounded, whatever the value is."""
    if isinstance(value, str):
        return repr(clip(value))
    if isinstance(value, bool | int | float) or value is None:
        return clip(repr(value))  # an int may have thousands of digits
    return f"a {type(value).__name__}"  # a list or mapping could be any size: never repr it


def text_problem(value: Any) -> str | None:
    """What is wrong with a required text field's value, if anything."""
    if value is None:
        return "is missing"
    if not isinstance(value, str):
        return f"must be text, not {preview(value)} (put it in quotes)"
    return None if value.strip() else "is empty"


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML without aliases: nested `*name` references can grow a small file into
    gigabytes, and the knowledge base never needs them."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed; write the value out in full",
                self.peek_event().start_mark,  # type: ignore[no-untyped-call]  # untyped in the stubs
            )  # fmt: skip
        return super().compose_node(parent, index)

    def construct_scalar(self, node: yaml.ScalarNode | yaml.MappingNode) -> str:
        """A "\\ud800" escape is half of a UTF-16 pair, no character: a text holding one cannot
        be printed or sent, so every answer showing it would fail. Refuse it here, located."""
        value = super().construct_scalar(node)
        if _SURROGATE.search(value):
            raise yaml.constructor.ConstructorError(
                None, None, "an escape like \\ud800 is half of a character; write the character",
                node.start_mark,
            )  # fmt: skip
        return value

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """A key written twice would silently keep only its last value: refuse it instead."""
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"'{clip(str(key))}' appears twice in the same mapping",
                    key_node.start_mark,
                )  # fmt: skip
            seen.add(key)
        return super().construct_mapping(node, deep)


class Collector:
    """Gathers problems so one run reports every broken file and fact at once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[KBProblem] = []
        self.warnings: list[KBProblem] = []  # worth a look, but the knowledge base still loads
        # (message, field) -> (file, fact id) of each fact it is about: one line for them all
        self._grouped: dict[tuple[str, str], list[tuple[Path, str]]] = {}

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def add(
        self, path: Path, message: str, fact_id: str | None = None, fld: str | None = None
    ) -> None:
        self.problems.append(KBProblem(self.rel(path), message, fact_id, fld))

    def add_shared(self, path: Path, message: str, fact_id: str, fld: str) -> None:
        """A problem other facts may share (a missing seed): reported once, by flush_shared."""
        self._grouped.setdefault((message, fld), []).append((path, fact_id))

    def flush_shared(self) -> None:
        for (message, fld), where in self._grouped.items():
            if len(where) == 1:
                self.add(where[0][0], message, where[0][1], fld)
                continue
            paths = list(dict.fromkeys(path for path, _ in where))
            ids = [fact_id for _, fact_id in where]
            named = ", ".join(ids[:GROUP_SHOWN])
            more = f" and {len(ids) - GROUP_SHOWN} more" if len(ids) > GROUP_SHOWN else ""
            in_files = "" if len(paths) == 1 else " in " + ", ".join(p.name for p in paths)
            self.add(
                paths[0] if len(paths) == 1 else paths[0].parent,
                f"{message} ({len(ids)} facts{in_files}: {named}{more})", fld=fld,
            )  # fmt: skip
        self._grouped.clear()

    def warn(self, path: Path, message: str) -> None:
        self.warnings.append(KBProblem(self.rel(path), message))

    def read_text(self, path: Path) -> str | None:
        """A file's UTF-8 text, or None with the reason recorded (missing, folder, size, bytes)."""
        if path.is_dir():
            self.add(path, "is a folder, but a file is expected here")
            return None
        if not path.is_file():
            self.add(path, "file is missing")
            return None
        try:
            with path.open("rb") as stream:
                data = stream.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            self.add(path, f"cannot be read: {exc.strerror}")
            return None
        if len(data) > MAX_FILE_BYTES:
            self.add(path, f"is larger than {MAX_FILE_BYTES // 1024 // 1024} MB; split it up")
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            self.add(path, f"line {line}: not UTF-8 text ({exc.reason}); save the file as UTF-8")
            return None

    def read_yaml(self, path: Path, *, entry_ids: bool = False) -> Any:
        """The file's YAML. `entry_ids`: a list of entries with ids (a facts file), so that
        malformed YAML names the entry it is in: the curator's eye goes to the fact edited."""
        text = self.read_text(path)
        if text is None:
            return None
        try:
            return yaml.load(text, Loader=_NoAliasLoader)  # a SafeLoader subclass
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc)
            entry = _entry_at(text, exc) if entry_ids else None
            self.add(path, f"malformed YAML{where}: {problem[:200]}", entry)
        except RecursionError:
            self.add(path, "malformed YAML: nested too deeply")
        except (ValueError, OverflowError) as exc:  # a value YAML parses but Python refuses
            self.add(path, f"malformed YAML: {str(exc)[:200]}")
        return None


_ID_LINE = re.compile(r"^\s*(?:-\s+)?id:(.*)$")
_ID_VALUE = re.compile(r"""^\s*(['"]?)([a-z0-9-]{2,40})\1\s*(?:#.*)?$""")


def _entry_at(text: str, exc: yaml.YAMLError) -> str | None:
    """The id of the entry a YAML error is in: the last `id:` line at or above where the
    parser stopped, or, when it stopped scanning a text (a quote left open is noticed only
    lines or facts later), where that text began."""
    context = str(getattr(exc, "context", None) or "")
    mark = getattr(exc, "context_mark" if "scalar" in context else "problem_mark", None)
    for line in reversed(text.splitlines()[: mark.line + 1] if mark else ()):
        if found := _ID_LINE.match(line):  # the entry's id; one itself broken names nothing
            value = _ID_VALUE.match(found.group(1))
            return value.group(2) if value else None
    return None


def read_word_map(
    col: Collector, path: Path, *, mapping: str, entry: str, item: str, optional: bool = False
) -> list[tuple[str, list[str]]]:
    """A file mapping each word to a list of words (synonyms.yaml, regional_words.yaml): every
    well-formed entry's head and its items, stripped, in file order. A file that is no mapping,
    an entry not shaped as `entry` and an empty item are each reported (`mapping` says what the
    file maps, `item` what an item is) and left out. `optional`: a file a knowledge base may
    leave out (older ones predate it), which gives no entries when absent."""
    if optional and not path.is_file():
        return []
    data = col.read_yaml(path)
    if data is None:
        return []
    if not isinstance(data, dict):
        col.add(path, f"must map each {mapping}")
        return []
    entries: list[tuple[str, list[str]]] = []
    for head, items in data.items():
        if not isinstance(head, str) or not head.strip() or not isinstance(items, list):
            col.add(path, f"entry {preview(head)} must be '{entry}'")
            continue
        kept: list[str] = []
        for word in items:
            if isinstance(word, str) and word.strip():
                kept.append(word.strip())
            else:
                col.add(path, f"entry {preview(head)} has an empty {item}")
        entries.append((head.strip(), kept))
    return entries


def read_named_lists(
    col: Collector, path: Path, names: tuple[str, ...], *, mapping: str, entry: str, item: str,
    named: str,
) -> dict[str, tuple[str, ...]]:  # fmt: skip
    """An optional file mapping each of a fixed set of `names` to a list of words
    (purpose_words.yaml, complaint_words.yaml): each name's words as written; a head not among
    `names` is reported as no `named` and left out."""
    entries = read_word_map(col, path, mapping=mapping, entry=entry, item=item, optional=True)
    words: dict[str, tuple[str, ...]] = {}
    for name, listed in entries:
        if name not in names:
            col.add(path, f"'{name}' is no {named} (one of: {', '.join(names)})")
        else:
            words[name] = tuple(listed)
    return words
