"""The array check that lets most texts skip `tokenizable`'s two regex scans changes
nothing: the text comes back as the regexes alone would leave it."""

from __future__ import annotations

import random

import pytest

from gaplint.nlp import (
    _LONG_WORD,
    _PUNCTUATION_RUN,
    MAX_PUNCTUATION_RUN,
    MAX_WORD,
    _break_word,
    _cut_run,
    tokenizable,
)


def _by_regexes(text: str) -> str:
    if len(text) <= MAX_PUNCTUATION_RUN:
        return text
    return _LONG_WORD.sub(_break_word, _PUNCTUATION_RUN.sub(_cut_run, text))


@pytest.mark.parametrize("ascii_only", [True, False])
def test_bounded_as_the_regexes_bound_it(ascii_only: bool) -> None:
    rng = random.Random(ascii_only)
    pieces = ["!?", ".", "word", " ", "\n", "\t", "-" * 11, "x" * 120, "_", "7"]
    if not ascii_only:  # letters and spaces outside ASCII, separators \s only to re
        pieces += ["\u00e9" * 40, "\u00a0", "\u2003", "\x1c", "\u201c" * 9, "\ud800"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 120)))
        assert tokenizable(text) == _by_regexes(text), repr(text[:80])


@pytest.mark.parametrize(
    "text",
    [
        "a " + "!" * (MAX_PUNCTUATION_RUN + 1) + " b",  # one past the run limit
        "a " + "!" * MAX_PUNCTUATION_RUN + " b",  # at it
        "\u00e9" * (MAX_WORD + 1),  # a word of letters outside ASCII, one past the limit
        "x" * MAX_WORD + " y",
        "x" * (MAX_WORD + 1) + "\u2003y",  # then a space only Unicode calls one
        "\u201c" * (MAX_PUNCTUATION_RUN + 1),  # curly quotes are punctuation too
    ],
)
def test_edges(text: str) -> None:
    assert tokenizable(text) == _by_regexes(text)
