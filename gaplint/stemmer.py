"""The English Snowball stemmer: PyStemmer's compiled one, or the pure-Python one without it.

Both implement the same Snowball algorithm and give the same stems (tests/engine/
test_stemmer.py checks it on a word list); the compiled one is about a hundred times faster,
which is most of the cost of stemming a rule pack's vocabulary at start-up. The fallback
imports only the English stemmer: `snowballstemmer.stemmer()` would import all forty
languages when PyStemmer is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple


class Stemmer(NamedTuple):
    name: str
    """Which implementation: part of the compiled-pack cache key."""
    stem: Callable[[str], str]


def english_stemmer() -> Stemmer:
    try:
        import Stemmer as compiled  # PyStemmer
    except ImportError:
        from snowballstemmer.english_stemmer import EnglishStemmer

        return Stemmer("snowballstemmer", EnglishStemmer().stemWord)
    return Stemmer("pystemmer", compiled.Stemmer("english").stemWord)
