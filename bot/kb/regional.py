"""responses/regional_words.yaml: wording typed outside the mainland usage the facts are
written in (Taiwan's 群組, 範本, 評鑑; Hong Kong's and Cantonese 點算, 影相, 有冇), each
mapped to the mainland word that says the same, so the synonyms and cues already curated
for that word apply to it too."""

from __future__ import annotations

from bot.kb.collect import Collector, preview

REGIONAL_FILE = "regional_words.yaml"


def load_regional_words(col: Collector) -> dict[str, str]:
    """Regional form -> mainland form, as written (the search layer normalises both);
    empty when the knowledge base has no such file (older ones predate it)."""
    path = col.root / "responses" / REGIONAL_FILE
    if not path.is_file():
        return {}
    data = col.read_yaml(path)
    mainland_of: dict[str, str] = {}
    if data is None:
        return mainland_of
    if not isinstance(data, dict):
        col.add(path, "must map each mainland word to a list of regional forms")
        return mainland_of
    for mainland, forms in data.items():
        if not isinstance(mainland, str) or not mainland.strip() or not isinstance(forms, list):
            col.add(path, f"entry {preview(mainland)} must be 'mainland word: [form, ...]'")
            continue
        for form in forms:
            if not isinstance(form, str) or not form.strip():
                col.add(path, f"entry {preview(mainland)} has an empty form")
                continue
            key, word = form.strip(), mainland.strip()
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
