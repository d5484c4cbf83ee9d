"""PyStemmer and the pure-Python Snowball stemmer give the same stems; the fallback works."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from gaplint.stemmer import english_stemmer

REPO = Path(__file__).resolve().parents[2]
# Forms the English Snowball algorithm treats specially, beside every word of the rule pack
# and of the bundled example policies.
TRICKY = [
    "generously", "generous", "news", "skies", "dying", "lying", "tying", "innings",
    "outing", "canning", "proceed", "exceed", "succeed", "communism", "arsenal", "gently",
    "singly", "early", "only", "howe", "atlas", "cosmos", "bias", "andes", "consign",
    "consigned", "consigning", "consignment", "knightly", "posted", "posting", "posts",
    "employee's", "a", "i", "yy", "yoyo",
]  # fmt: skip


def _word_list() -> list[str]:
    words = set(TRICKY)
    sources = [*(REPO / "rules").glob("*.yaml"), *(REPO / "corpus").glob("*.md")]
    for path in sources:
        words.update(re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower()))
    return sorted(words)


def test_compiled_and_pure_python_stemmers_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("Stemmer")
    compiled = english_stemmer()
    monkeypatch.setitem(sys.modules, "Stemmer", None)  # `import Stemmer` now fails
    fallback = english_stemmer()
    assert (compiled.name, fallback.name) == ("pystemmer", "snowballstemmer")
    words = _word_list()
    assert len(words) > 2000
    assert [compiled.stem(w) for w in words] == [fallback.stem(w) for w in words]


def test_pure_python_fallback_when_pystemmer_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "Stemmer", None)
    stemmer = english_stemmer()
    assert stemmer.name == "snowballstemmer"
    assert [stemmer.stem(w) for w in ["posted", "posting", "generously"]] == [
        "post", "post", "generous",
    ]  # fmt: skip
