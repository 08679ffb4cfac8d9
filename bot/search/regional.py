"""Regional wording read as the mainland words the facts use: 群组 → 群, 范本 → 模板,
点算 → 怎么办 (the curated table is responses/regional_words.yaml).

Applied to normalised text, before any other step, so the synonyms, cue words and ask
patterns of the mainland word serve the regional one too; longer forms are replaced first
(使唔使 before 唔)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.search.normalize import normalize


class Regional:
    """Rewrites normalised text in mainland wording; immutable once built."""

    def __init__(self, mainland_of: Mapping[str, str]) -> None:
        # Both sides in normal form: a form may be written in traditional characters.
        self._to = {normalize(k): normalize(v) for k, v in mainland_of.items() if normalize(k)}
        forms = sorted(self._to, key=lambda f: (-len(f), f))
        self._pattern = re.compile("|".join(map(re.escape, forms))) if forms else None

    def mainland(self, normalized: str) -> str:
        """`normalized` with each regional form replaced by its mainland word."""
        if self._pattern is None:
            return normalized
        return self._pattern.sub(lambda found: self._to[found.group(0)], normalized)
