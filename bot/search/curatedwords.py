"""The words a curator writes into responses/, by the file they are written in.

Every plain word list the analyzer and its readers know: synonyms, the user dictionary, words of
complaint, load words, setting words, stopwords, request words, cues and marks, purpose words,
place words and the facts' keywords. A pattern (a line holding … or | or a regular expression)
is no plain word and is left out. `jianfu kb check` reads each word as a question is read
(wordcheck.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.kb.files import read_userdict
from bot.kb.model import KnowledgeBase

# A plain word: characters, letters and digits only (no pattern, no blank, no mark)
PLAIN_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")
UNUSED = 1  # the count read_userdict gives a word written without one: any but 0


def _each(file: str, words: Iterable[str]) -> Iterator[tuple[str, str]]:
    return ((file, w) for w in sorted(set(words)) if PLAIN_WORD.fullmatch(w))


def listed_words(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(file, word) for every plain curated word, as written; a user dictionary entry of
    count 0 (会开 0) is a word never to join, and is left out."""
    found: list[tuple[str, str]] = []
    found += _each("synonyms.yaml", [*kb.synonyms, *kb.synonyms.values()])
    entries = read_userdict(kb.userdict_path, UNUSED)
    found += _each("userdict.txt", [word for word, freq in entries if freq])
    found += _each("complaint_words.yaml", [w for ws in kb.complaint_words.values() for w in ws])
    found += _each("load_objects.yaml", [w for ws in kb.load_objects.values() for w in ws])
    found += _each("purpose_words.yaml", [w for ws in kb.purpose_words.values() for w in ws])
    plain_lists = {
        "setting_words.txt": kb.setting_words,
        "stopwords.txt": kb.stopwords,
        "request_words.txt": kb.request_words,
        "intent_cues.txt": kb.intent_cues,
        "offtopic_cues.txt": kb.offtopic_cues,
        "measure_asks.txt": kb.measure_asks,
        "occasion_words.txt": kb.occasion_words,
        "occasion_marks.txt": kb.occasion_marks,
        "hearsay_asks.txt": kb.hearsay_asks,
        "heard_in_marks.txt": kb.heard_in_marks,
        "setaside_marks.txt": kb.setaside_marks,
        "place_words.txt": kb.place_words,
    }
    for file, words in plain_lists.items():
        found += _each(file, words)
    for fact in kb.facts:
        found += _each(fact.source_file or "facts", fact.keywords)
    return found
