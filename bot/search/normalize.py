"""Turn whatever an official types into one canonical form before any matching.

Traditional → simplified, full-width → half-width, lowercase, emoji and punctuation → space.
The input is capped first, so a 5000-character message costs no more than a short one.
"""

from __future__ import annotations

import re
import unicodedata

import opencc

# Enough for any real question; longer messages are pasted documents, and the start says most.
MAX_INPUT_CHARS = 160

_converter = opencc.OpenCC("t2s")
# Letters, digits and CJK ideographs survive; everything else (emoji, punctuation, symbols) splits.
_NOT_WORD = re.compile(r"[^0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Digits stand apart from the words around them, so "190个群" and "190余个" share "190".
_DIGITS = re.compile(r"(?<=[^0-9 ])(?=[0-9])|(?<=[0-9])(?=[^0-9 ])")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def normalize(text: str) -> str:
    """Canonical form of a question: simplified, half-width, lowercase, single spaces."""
    text = text[: MAX_INPUT_CHARS * 2]  # cheap cap before any per-character work
    text = unicodedata.normalize("NFKC", text)
    text = _converter.convert(text)
    text = text.lower()
    text = _NOT_WORD.sub(" ", text).strip()
    text = _DIGITS.sub(" ", text)
    return text[:MAX_INPUT_CHARS].rstrip()


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None
