"""Reading and checking the files of the knowledge base, collecting every problem found.

Each loader reports problems to a Collector instead of raising, so one `jianfu kb check` names
every broken file, fact and field at once; bot.kb.load_kb decides what to do with them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.kb.collect import Collector, clip, preview, read_word_map, text_problem
from bot.kb.model import PERIOD_SPANS, Fact, QuantityWords, Seed, Topic, span_of

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
            if problem := text_problem(meta.get(key)):
                col.add(meta_path, problem, fld=key)
                bad = True
        for key in set(meta) - set(SEED_META_REQUIRED) - set(SEED_META_OPTIONAL):
            col.add(meta_path, "unknown metadata field", fld=clip(str(key)))
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
        missing = [k for k in ("name", "emoji", "summary") if text_problem(item.get(k))]
        for key in missing:
            col.add(path, f"topic '{tid}' {text_problem(item.get(key))}", fld=key)
        lead = item.get("lead", "")
        if not isinstance(lead, str) or (lead and not ID_PATTERN.match(lead)):
            col.add(path, f"topic '{tid}' lead must be a fact id", fld="lead")
            lead = ""
        if tid in topics:
            col.add(path, f"topic id '{tid}' is used twice")
        elif not missing:
            topics[tid] = Topic(tid, item["name"], item["emoji"], item["summary"], lead)
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
        col.add(path, "is not a known field (typo?)", fid, clip(str(key)))
        ok = False
    if not ok:
        return None
    for key in ("topic", "title", "measure", "example", "quote", "seed", *FACT_FIELDS_OPTIONAL):
        if key not in raw:
            continue
        if key in FACT_FIELDS_REQUIRED:
            problem = text_problem(raw[key])
        else:  # optional: may be left blank, but must be text
            problem = (
                None if isinstance(raw[key], str) else f"must be text, not {preview(raw[key])}"
            )
        if problem:
            col.add(path, problem, fid, key)
            ok = False
    ok = _str_list(col, path, fid, "keywords", raw["keywords"], MIN_KEYWORDS) and ok
    ok = _str_list(col, path, fid, "questions", raw["questions"], MIN_QUESTIONS) and ok
    if raw.get("problems") is not None:
        ok = _str_list(col, path, fid, "problems", raw["problems"], 0) and ok
    if not ok:
        return None
    if raw["topic"] not in topics:
        col.add_shared(
            path, f"topic {preview(raw['topic'])} is not defined in responses/topics.yaml (or is"
            " broken there)", fid, "topic",
        )  # fmt: skip
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
        col.add_shared(
            path, f"seed file seeds/{clip(raw['seed'])} does not exist (or has no metadata)", fid,
            "seed",
        )  # fmt: skip
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
        known = len(col.problems)
        data = col.read_yaml(path, entry_ids=True)
        if len(col.problems) > known:
            continue
        if data is None or data == {"facts": []}:
            col.warn(path, "has no facts; add some or delete the file")
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
    col.flush_shared()
    return facts


def load_synonyms(col: Collector) -> dict[str, str]:
    path = col.root / "responses" / "synonyms.yaml"
    variants: dict[str, str] = {}
    entries = read_word_map(
        col, path, mapping="canonical term to a list of variants",
        entry="term: [variant, ...]", item="variant",
    )  # fmt: skip
    for canonical, items in entries:
        term = canonical.lower()
        for key in [term, *(item.lower() for item in items)]:
            if key in variants and variants[key] != term:
                col.add(
                    path,
                    f"{preview(key)} is listed under both {preview(variants[key])}"
                    f" and {preview(canonical)}",
                )
                continue
            variants[key] = term
    return variants


QUANTITY_GROUPS = ("units", "phrases", "asks")
QUANTITY_LISTS = ("periods", "vague", "once", "drops", "near")
QUANTITY_NUMBERS = ("scales", "values")  # a word -> a positive number


def load_quantities(col: Collector) -> QuantityWords:
    """responses/quantities.yaml, when there is one: word groups and the periods."""
    path = col.root / "responses" / "quantities.yaml"
    if not path.is_file():
        return QuantityWords()
    data = col.read_yaml(path)
    if data is None:
        return QuantityWords()
    known = {*QUANTITY_GROUPS, *QUANTITY_LISTS, *QUANTITY_NUMBERS}
    if not isinstance(data, dict) or set(data) - known:
        names = ", ".join((*QUANTITY_GROUPS, *QUANTITY_LISTS, *QUANTITY_NUMBERS))
        col.add(path, f"must map {names} to word lists")
        return QuantityWords()
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    for key in QUANTITY_GROUPS:
        groups = data.get(key) or {}
        if not isinstance(groups, dict):
            col.add(path, f"'{key}' must map each group to a list of words", fld=key)
            groups = {}
        found[key] = {}
        for group, words in groups.items():
            if not _nonempty_str(group) or not _word_list(words):
                col.add(path, f"'{key}' group {preview(group)} must be a list of words", fld=key)
                continue
            found[key][str(group)] = tuple(str(w).strip().lower() for w in words)
    seen: dict[str, str] = {}
    for group, units in found["units"].items():
        for unit in units:
            if seen.setdefault(unit, group) != group:
                col.add(
                    path, f"unit {preview(unit)} is in both {seen[unit]} and {group}", fld="units"
                )
    lists: dict[str, tuple[str, ...]] = {}
    for key in QUANTITY_LISTS:
        words = data.get(key) or []
        if not _word_list(words):
            col.add(path, f"'{key}' must be a list of words", fld=key)
            words = []
        lists[key] = tuple(str(w).strip().lower() for w in words)
    for period in lists["periods"]:
        if not span_of(period):  # a rate asked in it could not be read in any span
            named = ", ".join(w for _, words in PERIOD_SPANS for w in words)
            col.add(path, f"period {preview(period)} names no span ({named})", fld="periods")
    numbers = {key: _word_numbers(col, path, key, data.get(key)) for key in QUANTITY_NUMBERS}
    return QuantityWords(
        found["units"], found["phrases"], found["asks"], lists["periods"], lists["vague"],
        lists["once"], lists["drops"], lists["near"], numbers["scales"], numbers["values"],
    )  # fmt: skip


def _word_numbers(col: Collector, path: Path, key: str, raw: object) -> dict[str, float]:
    """A mapping of words to positive numbers (小时: 60), every bad entry named."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        col.add(path, f"'{key}' must map words to numbers", fld=key)
        return {}
    found: dict[str, float] = {}
    for word, number in raw.items():
        good = isinstance(number, int | float) and not isinstance(number, bool) and number > 0
        if not _nonempty_str(word) or not good:
            col.add(path, f"'{key}' entry {preview(word)} must be a word and a number > 0", fld=key)
            continue
        found[str(word).strip().lower()] = float(number)
    return found


def _word_list(value: Any) -> bool:
    return isinstance(value, list) and all(_nonempty_str(v) for v in value)


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


def read_userdict(path: Path, default_freq: int) -> list[tuple[str, int]]:
    """(word, frequency) from a jieba user dictionary: 'word [freq] [tag]', # comments; a word
    without a frequency gets `default_freq`."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if parts:
            freq = int(parts[1]) if len(parts) > 1 and is_frequency(parts[1]) else default_freq
            entries.append((parts[0].lower(), freq))
    return entries
