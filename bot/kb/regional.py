"""responses/regional_words.yaml: wording typed outside the mainland usage the facts are
written in (Taiwan's 群組, 範本, 評鑑; Hong Kong's and Cantonese 點算, 影相, 有冇), each
mapped to the mainland word that says the same, so the synonyms and cues already curated
for that word apply to it too."""

from __future__ import annotations

from bot.kb.collect import Collector, preview, read_word_map

REGIONAL_FILE = "regional_words.yaml"


def load_regional_words(col: Collector) -> dict[str, str]:
    """Regional form -> mainland form, as written (the search layer normalises both);
    empty when the knowledge base has no such file (older ones predate it)."""
    path = col.root / "responses" / REGIONAL_FILE
    mainland_of: dict[str, str] = {}
    entries = read_word_map(
        col, path, mapping="mainland word to a list of regional forms",
        entry="mainland word: [form, ...]", item="form", optional=True,
    )  # fmt: skip
    for word, forms in entries:
        for key in forms:
            if key == word:
                col.add(path, f"{preview(key)} is listed as a form of itself")
            elif mainland_of.get(key, word) != word:
                col.add(
                    path,
                    f"{preview(key)} is listed under both {preview(mainland_of[key])}"
                    f" and {preview(word)}",
                )
            else:
                mainland_of[key] = word
    return mainland_of
