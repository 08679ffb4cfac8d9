"""`jianfu kb check` reads each curated word as a question is read (wordcheck.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.search.matcher import Matcher
from bot.search.normalize import normalize
from bot.search.story import Complaints
from bot.search.wordcheck import check_words


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_words_all_fire(matcher: Matcher) -> None:
    assert check_words(matcher).errors == ()


def test_each_reading_step_is_named(matcher: Matcher) -> None:
    report = check_words(
        matcher,
        [
            ("synonyms.yaml", "清一清"),  # a verb tried: read as 清, not 清理
            ("complaint_words.yaml", "拍个照"),  # a measure word taken out: 拍照
            ("synonyms.yaml", "一遍遍"),  # a pair the slip reading undoes: 一遍, a warning
            ("synonyms.yaml", "重复"),  # read as written
        ],
    )
    messages = [str(p) for p in report.errors]
    assert len(messages) == 2
    assert "synonyms.yaml: '清一清' can never match as written: read as '清'" in messages[0]
    assert "normalize.py" in messages[0]
    assert "complaint_words.yaml: '拍个照'" in messages[1]
    assert "classifiers.py" in messages[1]
    assert [str(p) for p in report.warnings] == [
        "synonyms.yaml: '一遍遍' read as '一遍' when typed in characters, by the slip reading "
        "(stutter.py); only a reading by sound (pinyin) may find it as written"
    ]


def test_a_synonym_read_as_a_stopword_is_a_warning(matcher: Matcher) -> None:
    report = check_words(matcher, [("synonyms.yaml", "啥样")])
    assert report.errors == ()
    assert [str(w) for w in report.warnings] == [
        "synonyms.yaml: '啥样' may not match as written: read as a stopword or no term, not as 标准"
    ]


def test_kb_check_fails_on_a_word_that_can_never_match(
    kb_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken word list in a temporary knowledge base: named, with file, word and reason."""
    _edit(kb_copy, "responses/complaint_words.yaml", "again: [", "again: [拍个照, ")
    _edit(kb_copy, "responses/synonyms.yaml", "清理: [", "清理: [清一清, ")
    assert main(["--kb-root", str(kb_copy), "kb", "check"]) == 1
    err = capsys.readouterr().err
    assert "✗ complaint_words.yaml: '拍个照' can never match as written: read as '拍照'" in err
    assert "✗ synonyms.yaml: '清一清' can never match as written: read as '清'" in err
    assert "2 curated word(s) can never match as written." in err


def test_kb_check_passes_on_the_shipped_words(
    kb_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--kb-root", str(kb_copy), "kb", "check"]) == 0
    assert "every curated word read as written" in capsys.readouterr().out


def test_a_count_said_twice_is_no_verb_tried() -> None:
    assert normalize("一级一级往上报") == "一级一级往上报"
    assert normalize("一层一层检查") == "一层一层检查"
    assert normalize("能不能压一压") == "能不能压"  # a verb tried stays one


def test_complaint_words_are_looked_for_in_normal_form() -> None:
    """好几回 is read as 好几次 before any word is looked for."""
    complaints = Complaints({"again": ["好几回"]})
    assert complaints.said(normalize("同一个数填了好几回"))


def test_words_never_joined_across_a_boundary(matcher: Matcher) -> None:
    assert "月光" not in matcher.analyzer.tokens("一个月光开会就开了十几次")
    assert "管才" not in matcher.analyzer.tokens("谁管才合适")
