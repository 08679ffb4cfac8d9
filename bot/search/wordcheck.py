"""Whether each curated word can fire as written (`jianfu kb check`).

A word is looked for in a question after the question is read: put in normal form, a character
typed twice undone, regional wording made mainland, a measure word taken out, then cut by jieba.
A word that reading changes (清一清 read as 清 by the normal form) is never found, and a curator
cannot see it: each word is read here as a question is, alone. A word the slip reading undoes
(一遍遍 read as 一遍) is only a warning: a question typed in pinyin is read by sound, and that
reading may still find it.

An error: the reading changes the word's text, so no question can ever hold it as written. A
warning: the text survives, but the cut or the lists read it otherwise than as the word (a
synonym cut in two, or listed as a stopword too): it may still fire inside a longer question.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.errors import KBProblem
from bot.search.curatedwords import listed_words
from bot.search.matcher import Matcher
from bot.search.normalize import normalize

# Lists looked for in the text as read (a pattern over it), not among the cut words: only the
# reading of the text can lose them. The readers of the first two put their words in normal form
# (好几回 looked for as 好几次); the others look for each word as written.
NORMAL_FORM_LISTS = frozenset({"complaint_words.yaml", "load_objects.yaml"})
TEXT_LISTS = frozenset(
    {
        "complaint_words.yaml",
        "load_objects.yaml",
        "purpose_words.yaml",
        "occasion_marks.txt",
        "hearsay_asks.txt",
        "heard_in_marks.txt",
        "setaside_marks.txt",
        "place_words.txt",
        "setting_words.txt",
    }
)

# Lists read as words of the cut that name no term: each word read must be one of its own kind.
TOKEN_LISTS = frozenset(
    {
        "stopwords.txt",
        "request_words.txt",
        "intent_cues.txt",
        "offtopic_cues.txt",
        "measure_asks.txt",
        "occasion_words.txt",
    }
)


@dataclass(frozen=True)
class WordReport:
    """The words that cannot fire as written: errors and warnings, each naming file and word."""

    errors: tuple[KBProblem, ...]
    warnings: tuple[KBProblem, ...]


def _read(
    word: str, steps: Iterable[tuple[str, Callable[[str], str]]], from_raw: bool
) -> tuple[str, str]:
    """The word as the reading leaves it, and the first step that changed it ("" if none);
    `from_raw`: the word is looked for as written, so its normal form is a change too."""
    text = normalize(word)
    changed_by = "the normal form (normalize.py)" if from_raw and text != word.lower() else ""
    for name, step in steps:
        after = step(text)
        if after != text and not changed_by:
            changed_by = name
        text = after
    return text, changed_by


def _misread(matcher: Matcher, file: str, word: str, text: str) -> str:
    """Why the word, read as `text`, does not stand for itself ("" when it does)."""
    analyzer = matcher.analyzer
    if file in TEXT_LISTS:
        wanted = normalize(word) if file in NORMAL_FORM_LISTS else word.lower()
        return "" if text == wanted else "changed"
    cut = analyzer.tokens(text)
    if file == "userdict.txt":  # a word for the cut: found only whole
        return "" if len(cut) == 1 else f"cut as {' / '.join(cut)}"
    if file in TOKEN_LISTS:  # 上星期 read as 上周 is still a stopword
        alike = analyzer.is_stop if file in {"stopwords.txt", "request_words.txt"} else None
        if alike is not None and all(alike(t) for t in cut):
            return ""
        if alike is None and (len(cut) == 1 or analyzer.analyze(text).cues):
            return ""
        return f"cut as {' / '.join(cut)}"
    analysis = analyzer.analyze(text)
    terms = [t.term for t in analysis.terms]
    if file == "synonyms.yaml":
        want = {analyzer.canonical(word.lower())}
    else:  # a fact's keyword: the terms its own text gives the index
        want = set(analyzer.document_terms(normalize(word)))
    if want & set(terms) or not want:
        return ""
    if not terms:
        kind = "a cue" if analysis.cues else "a stopword or no term"
        return f"read as {kind}, not as {' / '.join(sorted(want))}"
    return f"read as {' / '.join(terms)}, not as {' / '.join(sorted(want))}"


def check_words(matcher: Matcher, words: Iterable[tuple[str, str]] | None = None) -> WordReport:
    """Each curated word (file, word) read as a question is; `words`: every listed word of the
    matcher's knowledge base unless given."""
    steps = matcher.reading_steps  # the question's reading after normalize, step by step
    slip_reading = next(name for name, step in steps if step is matcher.stutter)
    errors: list[KBProblem] = []
    warnings: list[KBProblem] = []
    for file, word in words if words is not None else listed_words(matcher.kb):
        text, changed_by = _read(word, steps, from_raw=file not in NORMAL_FORM_LISTS)
        reason = _misread(matcher, file, word, text)
        if not reason:
            continue
        if changed_by == slip_reading:
            # a doubled word typed in characters is undone, but the readings by sound (pinyin)
            # may still find it: taking the ten such words out moved the typing variants (round 24)
            message = (
                f"read as {text!r} when typed in characters, by {changed_by}; only a reading "
                "by sound (pinyin) may find it as written"
            )
            warnings.append(KBProblem(file, f"{word!r} {message}"))
        elif changed_by:  # the text a question would need never reaches the matcher
            message = f"can never match as written: read as {text!r} by {changed_by}"
            errors.append(KBProblem(file, f"{word!r} {message}"))
        else:
            warnings.append(KBProblem(file, f"{word!r} may not match as written: {reason}"))
    return WordReport(tuple(errors), tuple(warnings))
