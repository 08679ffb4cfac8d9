"""Reading and checking the files of the knowledge base, collecting every problem found.

Each loader reports problems to a Collector instead of raising, so one `jianfu kb check` names
every broken file, fact and field at once; bot.kb.load_kb decides what to do with them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from bot.errors import KBProblem
from bot.kb.model import Fact, Seed, Topic

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
TITLE_MAX_CHARS = 16
FACT_FIELDS_REQUIRED = (
    "id", "topic", "title", "measure", "example", "quote", "seed", "keywords", "questions",
)  # fmt: skip
FACT_FIELDS_OPTIONAL = ("who", "where")
FACT_LISTS_OPTIONAL = ("problems",)  # symptoms as officials describe them
MIN_KEYWORDS = 3
MIN_QUESTIONS = 3
# Keeps every reply well inside Telegram's 4096-character message limit.
MAX_CHARS = {"measure": 300, "example": 600, "quote": 500}
SEED_META_REQUIRED = ("title", "publication")
SEED_META_OPTIONAL = ("subtitle", "series", "author", "date", "url")
# Far above any real article or facts file; a bigger one is a mistake, and reading it costs.
MAX_FILE_BYTES = 2 * 1024 * 1024
PREVIEW_CHARS = 40  # how much of a curator's value a message quotes


def preview(value: Any) -> str:
    """A value as a problem message may show it: bounded, whatever the value is."""
    if isinstance(value, str):
        return repr(value if len(value) <= PREVIEW_CHARS else value[:PREVIEW_CHARS] + "…")
    if isinstance(value, bool | int | float) or value is None:
        text = repr(value)  # an int may have thousands of digits
        return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"
    return f"a {type(value).__name__}"  # a list or mapping could be any size: never repr it


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


class Collector:
    """Gathers problems so one run reports every broken file and fact at once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[KBProblem] = []

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def add(
        self, path: Path, message: str, fact_id: str | None = None, fld: str | None = None
    ) -> None:
        self.problems.append(KBProblem(self.rel(path), message, fact_id, fld))

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

    def read_yaml(self, path: Path) -> Any:
        text = self.read_text(path)
        if text is None:
            return None
        try:
            return yaml.load(text, Loader=_NoAliasLoader)  # a SafeLoader subclass
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc)
            self.add(path, f"malformed YAML{where}: {problem[:200]}")
        except RecursionError:
            self.add(path, "malformed YAML: nested too deeply")
        except (ValueError, OverflowError) as exc:  # a value YAML parses but Python refuses
            self.add(path, f"malformed YAML: {str(exc)[:200]}")
        return None


def _nonempty_str(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def load_seeds(col: Collector) -> dict[str, Seed]:
    seeds: dict[str, Seed] = {}
    seed_dir = col.root / "seeds"
    for text_path in sorted(seed_dir.glob("*.txt")):
        meta_path = text_path.with_suffix(".yaml")
        meta = col.read_yaml(meta_path)
        if meta is None:
            continue
        if not isinstance(meta, dict):
            col.add(meta_path, "must be a mapping of metadata fields")
            continue
        bad = False
        for key in SEED_META_REQUIRED:
            if not _nonempty_str(meta.get(key)):
                col.add(meta_path, "missing or empty", fld=key)
                bad = True
        for key in set(meta) - set(SEED_META_REQUIRED) - set(SEED_META_OPTIONAL):
            col.add(meta_path, "unknown metadata field", fld=str(key))
            bad = True
        text = col.read_text(text_path)
        if text is not None and not bad:
            seeds[text_path.name] = Seed(
                file=text_path.name,
                text=text,
                title=meta["title"].strip(),
                publication=meta["publication"].strip(),
                series=str(meta.get("series") or "").strip(),
                subtitle=str(meta.get("subtitle") or "").strip(),
            )
    return seeds


def load_topics(col: Collector) -> dict[str, Topic]:
    path = col.root / "responses" / "topics.yaml"
    data = col.read_yaml(path)
    topics: dict[str, Topic] = {}
    if data is None:
        return topics
    items = data.get("topics") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        col.add(path, "needs a non-empty list under 'topics:'")
        return topics
    for i, item in enumerate(items):
        tid = item.get("id") if isinstance(item, dict) else None
        if not isinstance(item, dict) or not isinstance(tid, str) or not ID_PATTERN.match(tid):
            col.add(path, f"topic #{i + 1} needs an id of lowercase letters, digits and '-'")
            continue
        missing = [k for k in ("name", "emoji", "summary") if not _nonempty_str(item.get(k))]
        for key in missing:
            col.add(path, f"topic '{tid}' is missing '{key}'", fld=key)
        if tid in topics:
            col.add(path, f"topic id '{tid}' is used twice")
        elif not missing:
            topics[tid] = Topic(tid, item["name"], item["emoji"], item["summary"])
    return topics


def _str_list(col: Collector, path: Path, fid: str, key: str, value: Any, minimum: int) -> bool:
    if not isinstance(value, list) or not all(_nonempty_str(v) for v in value):
        col.add(path, "must be a list of non-empty texts", fid, key)
        return False
    if len(value) < minimum:
        col.add(path, f"needs at least {minimum} entries, has {len(value)}", fid, key)
        return False
    return True


def _check_fact(
    col: Collector, path: Path, raw: Any, index: int, topics: Mapping[str, Topic],
    seeds: Mapping[str, Seed],
) -> Fact | None:  # fmt: skip
    if not isinstance(raw, dict):
        col.add(path, f"entry #{index + 1} under 'facts:' is not a mapping of fields")
        return None
    fid = raw.get("id")
    if not isinstance(fid, str) or not ID_PATTERN.match(fid):
        col.add(
            path, f"entry #{index + 1}: id {preview(fid)} must be 2-40 of a-z, 0-9, '-'", fld="id"
        )
        return None
    ok = True
    for key in FACT_FIELDS_REQUIRED:
        if key not in raw or raw[key] is None or raw[key] == "":
            col.add(path, "is missing", fid, key)
            ok = False
    known = {*FACT_FIELDS_REQUIRED, *FACT_FIELDS_OPTIONAL, *FACT_LISTS_OPTIONAL}
    for key in sorted(set(raw) - known):
        col.add(path, "is not a known field (typo?)", fid, str(key))
        ok = False
    if not ok:
        return None
    for key in ("topic", "title", "measure", "example", "quote", "seed", *FACT_FIELDS_OPTIONAL):
        if key in raw and not isinstance(raw[key], str):
            col.add(path, "must be text", fid, key)
            ok = False
    ok = _str_list(col, path, fid, "keywords", raw["keywords"], MIN_KEYWORDS) and ok
    ok = _str_list(col, path, fid, "questions", raw["questions"], MIN_QUESTIONS) and ok
    if raw.get("problems") is not None:
        ok = _str_list(col, path, fid, "problems", raw["problems"], 0) and ok
    if not ok:
        return None
    if raw["topic"] not in topics:
        col.add(
            path,
            f"topic {preview(raw['topic'])} is not defined in responses/topics.yaml",
            fid,
            "topic",
        )
        ok = False
    if len(raw["title"]) > TITLE_MAX_CHARS:
        col.add(
            path, f"is {len(raw['title'])} characters; keep it to {TITLE_MAX_CHARS}", fid, "title"
        )
        ok = False
    for key, limit in MAX_CHARS.items():
        if len(raw[key]) > limit:
            col.add(path, f"is {len(raw[key])} characters; keep it to {limit}", fid, key)
            ok = False
    seed = seeds.get(raw["seed"])
    if seed is None:
        col.add(
            path,
            f"seed file {preview('seeds/' + raw['seed'])} does not exist (or has no metadata)",
            fid,
            "seed",
        )
        ok = False
    elif raw["quote"].strip() not in seed.text:
        col.add(path, f"quote does not appear verbatim in seeds/{raw['seed']}", fid, "quote")
        ok = False
    if not ok:
        return None
    return Fact(
        id=fid,
        topic=raw["topic"],
        title=raw["title"].strip(),
        measure=raw["measure"].strip(),
        example=raw["example"].strip(),
        quote=raw["quote"].strip(),
        seed=raw["seed"],
        keywords=tuple(k.strip() for k in raw["keywords"]),
        questions=tuple(q.strip() for q in raw["questions"]),
        who=str(raw.get("who") or "").strip(),
        where=str(raw.get("where") or "").strip(),
        source_file=col.rel(path),
        problems=tuple(p.strip() for p in raw.get("problems") or ()),
    )


def load_facts(
    col: Collector, topics: Mapping[str, Topic], seeds: Mapping[str, Seed]
) -> list[Fact]:
    facts: list[Fact] = []
    first_seen: dict[str, str] = {}
    fact_files = sorted((col.root / "responses" / "facts").glob("*.yaml"))
    if not fact_files:
        col.add(col.root / "responses" / "facts", "no fact files (*.yaml) found")
    for path in fact_files:
        data = col.read_yaml(path)
        if data is None:
            continue
        items = data.get("facts") if isinstance(data, dict) else None
        if not isinstance(items, list):
            col.add(path, "needs a list under 'facts:'")
            continue
        for i, raw in enumerate(items):
            fact = _check_fact(col, path, raw, i, topics, seeds)
            if fact is None:
                continue
            if fact.id in first_seen:
                col.add(path, f"id is already used in {first_seen[fact.id]}", fact.id, "id")
                continue
            first_seen[fact.id] = col.rel(path)
            facts.append(fact)
    return facts


def load_synonyms(col: Collector) -> dict[str, str]:
    path = col.root / "responses" / "synonyms.yaml"
    data = col.read_yaml(path)
    variants: dict[str, str] = {}
    if data is None:
        return variants
    if not isinstance(data, dict):
        col.add(path, "must map each canonical term to a list of variants")
        return variants
    for canonical, items in data.items():
        if not _nonempty_str(canonical) or not isinstance(items, list):
            col.add(path, f"entry {preview(canonical)} must be 'term: [variant, ...]'")
            continue
        for variant in [canonical, *items]:
            if not _nonempty_str(variant):
                col.add(path, f"entry {preview(canonical)} has an empty variant")
                continue
            key = str(variant).strip().lower()
            if key in variants and variants[key] != canonical:
                col.add(
                    path,
                    f"{preview(key)} is listed under both {preview(variants[key])}"
                    f" and {preview(canonical)}",
                )
                continue
            variants[key] = str(canonical).strip().lower()
    return variants


def load_word_list(col: Collector, path: Path) -> frozenset[str]:
    text = col.read_text(path)
    if text is None:
        return frozenset()
    words = set()
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word.lower())
    return frozenset(words)


def is_frequency(text: str) -> bool:
    """ASCII digits only: str.isdigit() also accepts '²', which int() refuses."""
    return text.isascii() and text.isdigit()


def check_userdict(col: Collector, path: Path) -> None:
    text = col.read_text(path)
    if text is None:
        return
    for n, line in enumerate(text.splitlines(), start=1):
        parts = line.split("#", 1)[0].split()  # as the analyzer reads it: comments end a line
        if len(parts) > 3 or (len(parts) >= 2 and not is_frequency(parts[1])):
            col.add(path, f"line {n}: expected 'word [frequency] [tag]', got {preview(line)}")


def load_texts(col: Collector) -> dict[str, Any]:
    path = col.root / "responses" / "texts.yaml"
    data = col.read_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        col.add(path, "must be a mapping of text names to texts")
        return {}
    return data
