"""The knowledge base loads whole or not at all, and every problem is named precisely."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.errors import KBError, KBProblem
from bot.kb import load_kb

PROJECT = Path(__file__).resolve().parent.parent
FACTS = "responses/facts/meetings.yaml"


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(root: Path) -> list[KBProblem]:
    with pytest.raises(KBError) as caught:
        load_kb(root)
    return caught.value.problems


def test_shipped_kb_is_valid() -> None:
    """The knowledge base in the repo passes every check and covers all four topics."""
    kb = load_kb(PROJECT)
    assert len(kb.facts) >= 15
    assert set(kb.topics) == {"meetings", "forms", "inspections", "chat-groups"}
    assert all(kb.facts_in_topic(t) for t in kb.topics)


def test_every_quote_is_verbatim_in_its_seed() -> None:
    """Each fact's quote is an exact substring of the seed article it names."""
    kb = load_kb(PROJECT)
    for fact in kb.facts:
        assert fact.quote in kb.seeds[fact.seed].text, fact.id


def test_seed_is_the_shared_article_verbatim() -> None:
    """seeds/ holds the source article byte for byte, with metadata and no invented date."""
    kb = load_kb(PROJECT)
    (seed,) = kb.seeds.values()
    shared = PROJECT.parent / "shared" / "seeds" / "000_b01ac90a903e66ee.txt"
    if shared.is_file():
        assert seed.text == shared.read_text(encoding="utf-8")
    assert seed.title == "减负看得见 一线变化多"
    assert seed.publication == "人民日报"
    meta = (PROJECT / "seeds" / (Path(seed.file).stem + ".yaml")).read_text(encoding="utf-8")
    assert "date" not in meta


def test_malformed_yaml_names_file_and_line(kb_copy: Path) -> None:
    """A YAML syntax error is reported with the file and line, and nothing loads."""
    _edit(kb_copy, FACTS, "facts:", "facts: [unclosed")
    (problem,) = _problems(kb_copy)
    assert problem.file == FACTS
    assert problem.message.startswith("malformed YAML at line 2, column")


def test_missing_field_names_fact_and_field(kb_copy: Path) -> None:
    """A fact without its example is reported by file, fact id and field."""
    _edit(kb_copy, FACTS, "    example:", "    exampel:")
    problems = _problems(kb_copy)
    assert KBProblem(FACTS, "is missing", "meetings-one-topic-once", "example") in problems
    assert (
        KBProblem(FACTS, "is not a known field (typo?)", "meetings-one-topic-once", "exampel")
        in problems
    )


def test_quote_not_in_seed_is_caught(kb_copy: Path) -> None:
    """A quote altered by one character no longer matches the seed and is rejected."""
    kb = load_kb(kb_copy)
    fact = kb.by_id["meetings-twice-a-month"]
    altered = fact.quote.replace("两次", "三次")
    _edit(kb_copy, FACTS, f"quote: {fact.quote}", f"quote: {altered}")
    (problem,) = _problems(kb_copy)
    assert problem == KBProblem(
        FACTS,
        "quote does not appear verbatim in seeds/rmrb-jianfu-kandejian-yixian-bianhua-duo.txt",
        "meetings-twice-a-month",
        "quote",
    )


def test_duplicate_id_and_unknown_seed(kb_copy: Path) -> None:
    """Ids must be unique across files, and a fact's seed file must exist."""
    _edit(kb_copy, FACTS, "id: meetings-short-speeches", "id: meetings-one-topic-once")
    _edit(kb_copy, "responses/facts/forms.yaml", "seed: rmrb-", "seed: missing-")
    messages = [str(p) for p in _problems(kb_copy)]
    assert any("meetings-one-topic-once" in m and "already used" in m for m in messages)
    assert any("seeds/missing-" in m and "does not exist" in m for m in messages)


def test_all_problems_reported_at_once(kb_copy: Path) -> None:
    """Two broken files give two problems in one run, so a curator fixes everything in one go."""
    _edit(kb_copy, FACTS, "facts:", "facts: [unclosed")
    _edit(kb_copy, "responses/texts.yaml", "{suggestions}", "{suggestion}")
    files = {p.file for p in _problems(kb_copy)}
    assert files == {FACTS, "responses/texts.yaml"}


def test_kb_check_command_exit_codes(kb_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`jianfu kb check` exits 0 on a clean KB and 1 with the problem on stderr on a broken one."""
    kb = load_kb(kb_copy)
    assert main(["--kb-root", str(kb_copy), "kb", "check"]) == 0
    counts = f"{len(kb.facts)} facts in {len(kb.topics)} topics from {len(kb.seeds)} seed(s)"
    assert capsys.readouterr().out.startswith(f"ok: {counts}")
    _edit(kb_copy, FACTS, "    example:", "    exampel:")
    assert main(["--kb-root", str(kb_copy), "kb", "check"]) == 1
    err = capsys.readouterr().err
    assert f"✗ {FACTS} [fact meetings-one-topic-once] field 'example': is missing" in err
    assert "the knowledge base was not loaded" in err


def test_cue_that_is_also_a_stopword_is_refused(kb_copy: Path) -> None:
    """A word cannot both be ignored (stopword) and count against a match (off-topic cue)."""
    with (kb_copy / "responses" / "offtopic_cues.txt").open("a", encoding="utf-8") as f:
        f.write("怎么办\n")
    (problem,) = _problems(kb_copy)
    assert problem == KBProblem("responses/offtopic_cues.txt", "'怎么办' is also a stopword")


def test_intent_cue_that_is_also_neutral_is_refused(kb_copy: Path) -> None:
    """An intent cue cannot also be a request word: it cannot both count against and not count."""
    with (kb_copy / "responses" / "intent_cues.txt").open("a", encoding="utf-8") as f:
        f.write("经验\n")
    (problem,) = _problems(kb_copy)
    assert problem == KBProblem("responses/intent_cues.txt", "'经验' is also a neutral word")


def test_problems_must_be_a_list_of_texts(kb_copy: Path) -> None:
    """The optional `problems:` field is checked like `questions:`, naming its fact and field."""
    _edit(kb_copy, FACTS, "      - 一件事开好几个会，说的都差不多", "      - ''")
    (problem,) = _problems(kb_copy)
    assert problem == KBProblem(
        FACTS, "must be a list of non-empty texts", "meetings-one-topic-once", "problems"
    )


def test_topic_lead_must_be_one_of_its_facts(kb_copy: Path) -> None:
    """A topic's `lead` names a fact of that topic; another topic's fact is refused by name."""
    _edit(
        kb_copy, "responses/topics.yaml", "lead: meetings-twice-a-month", "lead: forms-weekly-cap"
    )
    (problem,) = _problems(kb_copy)
    assert problem == KBProblem(
        "responses/topics.yaml",
        "topic 'meetings' lead 'forms-weekly-cap' is not one of its facts",
        None,
        "lead",
    )


def test_initials_that_do_not_fit_their_word_are_refused(kb_copy: Path) -> None:
    """responses/initials.txt: two to four consonants, then words whose initials they are."""
    (kb_copy / "responses" / "initials.txt").write_text(
        "yj 迎检\njc 检查 基层\naf 暗访\nhy 检查\nab 暗访\nhuiyi 会议\n", encoding="utf-8"
    )
    with pytest.raises(KBError) as caught:
        load_kb(kb_copy)
    problems = "\n".join(str(p) for p in caught.value.problems)
    assert "'hy 检查'" in problems and "'ab 暗访'" in problems and "'huiyi 会议'" in problems
    assert "yj" not in problems and "jc" not in problems and "af 暗访" not in problems
