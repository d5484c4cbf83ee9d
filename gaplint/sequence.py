"""A small matcher for the token patterns rule packs use most, much cheaper than spaCy's.

spaCy's Matcher walks every token through every pattern's states, so its cost grows with
patterns × tokens even where nothing matches. Rule patterns are nearly all "a required word
from a list, then a few optional tokens, then another word": here each pattern is tried only
where its first required word occurs, found with one dictionary look-up per token. Patterns
with anything else (other attributes or operators) are left to spaCy's Matcher, so the
results are the same either way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import IS_PUNCT, IS_SPACE, IS_TITLE, LOWER, NORM
from spacy.strings import StringStore
from spacy.tokens import Doc

# IS_SPACE last: whitespace tokens only occur between the blocks of a whole-document Doc, and
# a pattern never matches across them (as it could not when each block was its own Doc).
_COLUMNS = (LOWER, NORM, IS_PUNCT, IS_TITLE, IS_SPACE)
_SPACE = 4
_WORD_ATTRS = {"LOWER": 0, "NORM": 1}
_FLAG_ATTRS = {"IS_PUNCT": 2, "IS_TITLE": 3}
_OPS = {None, "?"}

Row = list[int]  # LOWER, NORM, IS_PUNCT, IS_TITLE, IS_SPACE of one token
Test = Callable[[Row], bool]


@dataclass(frozen=True)
class _Spec:
    test: Test
    optional: bool


@dataclass(frozen=True)
class _Pattern:
    atom: int
    specs: tuple[_Spec, ...]
    # Word sets (LOWER or NORM hashes) of the later required tokens: a block holding no word
    # of one of them cannot match, which rules out most candidates without walking the pattern.
    required: tuple[frozenset[int], ...] = ()


class SequenceMatcher:
    def __init__(self, strings: StringStore) -> None:
        self._strings = strings
        self._index: tuple[dict[int, list[_Pattern]], dict[int, list[_Pattern]]] = ({}, {})
        self._everywhere: list[_Pattern] = []  # no word to look up: tried at every token

    def __len__(self) -> int:
        indexed = sum(len(patterns) for index in self._index for patterns in index.values())
        return indexed + len(self._everywhere)

    def add(self, atom: int, pattern: list[dict[str, Any]]) -> bool:
        """Take the pattern if it is a supported shape; False leaves it to spaCy's Matcher."""
        specs: list[_Spec] = []
        for spec in pattern:
            compiled = self._compile(spec)
            if compiled is None:
                return False
            specs.append(compiled)
        if specs[0].optional:
            return False
        compiled_pattern = _Pattern(atom, tuple(specs), self._required(pattern[1:]))
        first = pattern[0]
        attr = next((a for a in _WORD_ATTRS if a in first), None)
        words = None if attr is None else first[attr]
        words = [words] if isinstance(words, str) else (words or {}).get("IN")
        if attr is None or not isinstance(words, list):
            self._everywhere.append(compiled_pattern)
            return True
        index = self._index[_WORD_ATTRS[attr]]
        for word in words:
            index.setdefault(self._strings.add(word), []).append(compiled_pattern)
        return True

    def _required(self, specs: list[dict[str, Any]]) -> tuple[frozenset[int], ...]:
        required = []
        for spec in specs:
            if spec.get("OP") is not None:
                continue
            for attr in _WORD_ATTRS:
                value = spec.get(attr)
                words = [value] if isinstance(value, str) else None
                if isinstance(value, dict) and list(value) == ["IN"]:
                    words = value["IN"]
                if words:
                    required.append(frozenset(self._strings.add(str(w)) for w in words))
        return tuple(required)

    def _compile(self, spec: dict[str, Any]) -> _Spec | None:
        if spec.get("OP") not in _OPS:
            return None
        tests: list[Test] = []
        for key, value in spec.items():
            if key == "OP":
                continue
            if key in _FLAG_ATTRS and isinstance(value, bool):
                tests.append(_flag_test(_FLAG_ATTRS[key], value))
            elif key in _WORD_ATTRS:
                test = self._word_test(_WORD_ATTRS[key], value)
                if test is None:
                    return None
                tests.append(test)
            else:
                return None
        return _Spec(_all(tests), optional=spec.get("OP") == "?")

    def _word_test(self, column: int, value: Any) -> Test | None:
        if isinstance(value, str):
            wanted = self._strings.add(value)
            return lambda row: row[column] == wanted
        if isinstance(value, dict) and len(value) == 1:
            ((op, words),) = value.items()
            if op in ("IN", "NOT_IN") and isinstance(words, list):
                hashes = frozenset(self._strings.add(str(word)) for word in words)
                if op == "IN":
                    return lambda row: row[column] in hashes
                return lambda row: row[column] not in hashes
        return None

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        """(atom, start token) for every pattern that matches somewhere starting there."""
        if not len(doc):
            return []
        rows: list[Row] = doc.to_array(list(_COLUMNS)).tolist()
        words: set[int] = set()  # the block's LOWER and NORM hashes, built when first needed
        possible: dict[int, bool] = {}  # per pattern, for this block

        def could_match(pattern: _Pattern) -> bool:
            key = id(pattern)
            if key not in possible:
                if not words:
                    words.update(value for row in rows for value in row[:2])
                possible[key] = all(not need.isdisjoint(words) for need in pattern.required)
            return possible[key]

        lower_index, norm_index = self._index
        found: list[tuple[int, int]] = []
        for start, row in enumerate(rows):
            for pattern in self._everywhere:
                # Reject on the first token before paying for the full match.
                if pattern.specs[0].test(row) and _matches(pattern.specs, rows, start):
                    found.append((pattern.atom, start))
            for index, key in ((lower_index, row[0]), (norm_index, row[1])):
                for pattern in index.get(key, ()):
                    if could_match(pattern) and _matches(pattern.specs, rows, start):
                        found.append((pattern.atom, start))
        return found


def _flag_test(column: int, value: bool) -> Test:
    return lambda row: bool(row[column]) == value


def _all(tests: list[Test]) -> Test:
    if not tests:
        return lambda row: True
    if len(tests) == 1:
        return tests[0]
    first, rest = tests[0], _all(tests[1:])
    return lambda row: first(row) and rest(row)


def _matches(specs: tuple[_Spec, ...], rows: list[Row], position: int) -> bool:
    """Does the sequence of specs match from this position? Tracks the set of positions the
    pattern can have reached, so chains of optional tokens cost no backtracking."""
    reached = {position}
    length = len(rows)
    for spec in specs:
        advanced = {
            p + 1 for p in reached if p < length and not rows[p][_SPACE] and spec.test(rows[p])
        }
        reached = advanced | reached if spec.optional else advanced
        if not reached:
            return False
    return True
