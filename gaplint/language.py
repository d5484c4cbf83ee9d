"""A cheap check that a document is written in the rule pack's language (English)."""

from __future__ import annotations

import unicodedata

from spacy.lang.en.stop_words import STOP_WORDS

_SCRIPTS = (
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("HANGUL", "ko"),
    ("CJK", "zh"),
    ("CYRILLIC", "ru"),
    ("ARABIC", "ar"),
    ("HEBREW", "he"),
    ("GREEK", "el"),
    ("DEVANAGARI", "hi"),
    ("THAI", "th"),
)


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    for prefix, code in _SCRIPTS:
        if name.startswith(prefix):
            return code
    return None


def detect_language(text: str, sample: int = 20_000) -> str:
    """Return "en", another ISO code where the script tells it, or "und" when undetermined."""
    text = text[:sample]
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return "und"
    scripts: dict[str, int] = {}
    for char in letters:
        if not char.isascii():
            code = _script(char)
            if code:
                scripts[code] = scripts.get(code, 0) + 1
    non_latin = sum(scripts.values())
    if non_latin > len(letters) * 0.3:
        # Japanese text mixes kana with CJK ideographs; any kana means Japanese.
        return "ja" if "ja" in scripts else max(scripts, key=lambda code: scripts[code])
    words = [word.strip(".,;:()[]\"'").lower() for word in text.split()]
    words = [word for word in words if word.isalpha()]
    if not words:
        return "und"
    stop_share = sum(1 for word in words if word in STOP_WORDS) / len(words)
    return "en" if stop_share >= 0.2 else "und"
