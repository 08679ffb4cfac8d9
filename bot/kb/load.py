"""Load and validate the curated knowledge base in responses/ and its sources in seeds/.

Loading is all-or-nothing: every problem in every file is collected, and if there is any,
a KBError lists them all and no KnowledgeBase object is produced.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from bot.errors import KBError
from bot.kb import files
from bot.kb.collect import MAX_FILE_BYTES, Collector
from bot.kb.complaints import load_complaint_words
from bot.kb.loadobjects import load_load_objects
from bot.kb.model import KnowledgeBase
from bot.kb.purpose import load_purpose_words
from bot.kb.regional import REGIONAL_FILE, load_regional_words
from bot.kb.siblings import load_sibling_marks
from bot.kb.texts import check_texts


def default_root() -> Path:
    """The project checkout's responses/ and seeds/ (Settings.kb_root says which to use)."""
    return Path(__file__).resolve().parent.parent.parent


def load_kb(root: Path | None = None) -> KnowledgeBase:
    """Load and validate everything; raise KBError listing every problem, or return the KB."""
    root = (root or default_root()).resolve()
    col = Collector(root)
    seeds = files.load_seeds(col)
    if not seeds:
        col.add(root / "seeds", "no seed articles (*.txt with a .yaml metadata file beside it)")
    topics = files.load_topics(col)
    facts = files.load_facts(col, topics, seeds)
    sibling_marks = load_sibling_marks(col, {f.id for f in facts})  # beside the facts it names
    load_objects = load_load_objects(col, topics)  # 材料: inspections, in a burden told
    synonyms = files.load_synonyms(col)
    stopwords = files.load_word_list(col, root / "responses" / "stopwords.txt")
    cues = files.load_word_list(col, root / "responses" / "offtopic_cues.txt")
    requests = _optional_list(col, root / "responses" / "request_words.txt")
    intents = _optional_list(col, root / "responses" / "intent_cues.txt")
    measure_asks = _optional_list(col, root / "responses" / "measure_asks.txt")
    occasion_words = _optional_list(col, root / "responses" / "occasion_words.txt")
    occasion_marks = _optional_list(col, root / "responses" / "occasion_marks.txt")
    hearsay_asks = _optional_list(col, root / "responses" / "hearsay_asks.txt")
    avoid_marks = _optional_list(col, root / "responses" / "avoid_marks.txt")
    setaside_marks = _optional_list(col, root / "responses" / "setaside_marks.txt")
    heard_in_marks = _optional_list(col, root / "responses" / "heard_in_marks.txt")
    unheld_asks = _optional_list(col, root / "responses" / "unheld_asks.txt")
    setting_words = _optional_list(col, root / "responses" / "setting_words.txt")
    place_names = _optional_list(col, root / "responses" / "place_names.txt")
    place_words = _optional_list(col, root / "responses" / "place_words.txt")
    regional_words = load_regional_words(col)
    purpose_words = load_purpose_words(col)
    complaint_words = load_complaint_words(col)
    initials = _initials(col, root / "responses" / INITIALS_FILE)
    neutral = stopwords | requests
    for form, mainland in sorted(regional_words.items()):
        # 公文 and 几时 are cues as they stand: read as 文件, 什么时候 they would ask nothing.
        role, read_as = (
            _role(form, cues | intents, neutral),
            _role(mainland, cues | intents, neutral),
        )
        if role and role != read_as:
            col.add(
                root / "responses" / REGIONAL_FILE, f"'{form}' is {role}; as '{mainland}' it is not"
            )
    for word in sorted(cues & stopwords):
        col.add(root / "responses" / "offtopic_cues.txt", f"'{word}' is also a stopword")
    # A word is either neutral (stopword, request word) or counts against a match (cue).
    for word in sorted(intents & (stopwords | requests)):
        col.add(root / "responses" / "intent_cues.txt", f"'{word}' is also a neutral word")
    for entry in sorted(intents):
        problem = _pattern_problem(entry)
        if problem:
            col.add(root / "responses" / "intent_cues.txt", f"pattern '{entry}' {problem}")
    quantities = files.load_quantities(col)
    for ask in sorted({a for asks in quantities.asks.values() for a in asks}):
        problem = _pattern_problem(ask)
        if problem:
            col.add(root / "responses" / "quantities.yaml", f"pattern '{ask}' {problem}")
    userdict = root / "responses" / "userdict.txt"
    files.check_userdict(col, userdict)
    texts = files.load_texts(col)
    for problem in check_texts(texts):
        col.add(root / "responses" / "texts.yaml", problem)
    topic_of = {f.id: f.topic for f in facts}
    for topic in topics.values():
        found = topic_of.get(topic.lead)
        # A lead missing because its facts file is broken is that file's problem only.
        if topic.lead and found != topic.id and (found or not col.problems):
            col.add(
                root / "responses" / "topics.yaml",
                f"topic '{topic.id}' lead '{topic.lead}' is not one of its facts",
                fld="lead",
            )
    for topic_id in topics:
        if not any(f.topic == topic_id for f in facts) and not col.problems:
            col.add(root / "responses" / "topics.yaml", f"topic '{topic_id}' has no facts")
    if col.problems:
        raise KBError(col.problems, col.warnings)
    return KnowledgeBase(
        root=root,
        facts=tuple(facts),
        topics=topics,
        seeds=seeds,
        texts=texts,
        synonyms=synonyms,
        stopwords=stopwords,
        offtopic_cues=cues,
        userdict_path=userdict,
        request_words=requests,
        intent_cues=intents,
        measure_asks=measure_asks,
        occasion_words=occasion_words,
        occasion_marks=occasion_marks,
        hearsay_asks=hearsay_asks,
        avoid_marks=avoid_marks,
        setaside_marks=setaside_marks,
        heard_in_marks=heard_in_marks,
        unheld_asks=unheld_asks,
        setting_words=setting_words,
        place_names=place_names,
        place_words=place_words,
        regional_words=regional_words,
        purpose_words=purpose_words,
        complaint_words=complaint_words,
        initials=initials,
        sibling_marks=sibling_marks,
        load_objects=load_objects,
        quantities=quantities,
        by_id={f.id: f for f in facts},
        warnings=tuple(col.warnings),
    )


def _role(word: str, cues: frozenset[str], neutral: frozenset[str]) -> str | None:
    """What a curated list makes of a word: a cue, a neutral word, or nothing."""
    word = word.lower()
    return "a cue" if word in cues else "neutral" if word in neutral else None


def _optional_list(col: Collector, path: Path) -> frozenset[str]:
    """A word list a knowledge base may leave out (older ones predate it)."""
    return files.load_word_list(col, path) if path.is_file() else frozenset()


INITIALS_FILE = "initials.txt"
# Two to four letters: a run of initials (hy, gzq; af for 暗访, whose first syllable opens
# with a vowel).
_INITIALS = re.compile(r"^[a-z]{2,4}$")


def _initials(col: Collector, path: Path) -> dict[str, tuple[str, ...]]:
    """responses/initials.txt: `letters word [rival …]` a line (yj 迎检; jc 检查 基层)."""
    found: dict[str, tuple[str, ...]] = {}
    for entry in sorted(_optional_list(col, path)):
        letters, *words = entry.split()
        if not _INITIALS.match(letters) or not words:
            col.add(path, f"'{entry}': expected 2 to 4 letters, then the word they stand for")
        elif any(_initials_of(word) != letters for word in words):
            col.add(path, f"'{entry}': a word's initials are not '{letters}'")
        else:
            found[letters] = tuple(words)
    return found


def _initials_of(word: str) -> str:
    from pypinyin import Style, lazy_pinyin  # loaded only when the file has entries

    return "".join(lazy_pinyin(word, style=Style.FIRST_LETTER))


def _pattern_problem(entry: str) -> str | None:
    """What is wrong with a cue pattern (怎么|咋…撤回, ~在哪个, 怎么|咋 + ?), if anything.

    The search stage reads these patterns (bot/search/cues.py, ask slots askslots.py); a
    knowledge base that loads must give it none it would refuse."""
    if not (entry.startswith("~") or "…" in entry or "+" in entry):
        return None
    slot = "+" in entry
    parts = entry.removeprefix("~").replace("+", "…").split("…")
    if any(not [w for w in part.split("|") if w.strip()] for part in parts):
        return "has an empty part"
    if slot and (len(parts) < 2 or all(p.strip() in ("?", "*") for p in parts)):
        return "must name words and what stands beside them"
    return None


def content_digest(root: Path) -> str:
    """A short digest of every file's path and bytes under responses/ and seeds/: equal
    digests, equal knowledge bases."""
    digest = hashlib.sha256()
    for folder in ("responses", "seeds"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                # The name's own bytes: one that is not UTF-8 (a GBK name from a Windows
                # archive) cannot be .encode()d, and the bot would not start.
                digest.update(os.fsencode(path.relative_to(root)) + b"\0")
                digest.update(_digested(path) + b"\0")
    return digest.hexdigest()[:24]


def _digested(path: Path) -> bytes:
    """A file's bytes; for one larger than the loader reads (a scan left beside a seed), its
    size and time instead: read whole it could exhaust memory, and no knowledge base that
    loads depends on its bytes (a KB file that large is refused). A file we cannot read (a
    curator's editor swap file, gone or private) is named as such: the loader reports it if
    it is part of the knowledge base, and the bot must start and reload regardless."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
        if len(data) <= MAX_FILE_BYTES:
            return data
        stat = path.stat()
    except OSError as exc:
        return f"unreadable: {exc.errno}".encode()
    return f"larger than the loader reads: {stat.st_size} bytes, {stat.st_mtime_ns}".encode()


def code_digest() -> str:
    """A digest of the code that reads and checks the files: a cached KB from older code
    is never used."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]
