"""A small matcher for the token patterns rule packs use most, much cheaper than spaCy's.

spaCy's Matcher walks every token through every pattern's states in Python-visible steps,
so its cost grows with patterns × tokens even where nothing matches. Rule patterns are nearly
all "a required word from a list, then a few optional tokens, then another word". Here every
token test is a row of booleans over the Doc's token columns (word-list membership from one
sorted look-up per column), and each pattern is matched at every position at once, from its
last token back to its first: "the rest of the pattern matches from position p" is one array
per pattern, so the cost is a few array operations per pattern token, not Python per token.
Patterns with anything else (other attributes or operators) are left to spaCy's Matcher, so
the results are the same either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy
from numpy.typing import NDArray
from spacy.attrs import IS_PUNCT, IS_SPACE, IS_TITLE, LOWER, NORM
from spacy.strings import StringStore
from spacy.tokens import Doc

_COLUMNS = (LOWER, NORM, IS_PUNCT, IS_TITLE, IS_SPACE)
_WORD_ATTRS = {"LOWER": 0, "NORM": 1}
_FLAG_ATTRS = {"IS_PUNCT": 2, "IS_TITLE": 3}
# IS_SPACE: whitespace tokens only occur between the blocks of a whole-document Doc, and a
# pattern never matches across them (as it could not when each block was its own Doc).
_SPACE = 4
_OPS = {None, "?"}
# Tokens matched per array pass: bounds memory (patterns × tokens booleans) on a huge Doc.
CHUNK_TOKENS = 1 << 16

# A token test is a conjunction of conditions, each plain data:
#   ("word", column, word set id, negated)  LOWER/NORM in (or not in) a word set
#   ("flag", column, wanted)                IS_PUNCT/IS_TITLE equals wanted
Condition = tuple[Any, ...]
Test = tuple[Condition, ...]

BoolArray = NDArray[numpy.bool_]


@dataclass
class _Tables:
    """What matching needs as arrays, built from the patterns when first used."""

    keys: list[NDArray[numpy.uint64]]  # per word column: every hash in any of its word sets
    members: list[BoolArray]  # per word column: [word set, key] -> member; last key: none
    tests: list[Test]
    steps: NDArray[numpy.intp]  # [pattern, step] -> test id; padding: the never-true test
    optional: BoolArray  # [pattern, step]; padding is optional, so it changes nothing
    atoms: NDArray[numpy.intp]


@dataclass
class SequenceMatcher:
    _strings: StringStore
    _patterns: list[tuple[int, list[tuple[int, bool]]]] = field(default_factory=list)
    _word_sets: list[dict[frozenset[int], int]] = field(default_factory=lambda: [{}, {}])
    _tests: dict[Test, int] = field(default_factory=dict)
    _tables: _Tables | None = None

    def __len__(self) -> int:
        return len(self._patterns)

    def add(self, atom: int, pattern: list[dict[str, Any]]) -> bool:
        """Take the pattern if it is a supported shape; False leaves it to spaCy's Matcher."""
        steps: list[tuple[int, bool]] = []
        for spec in pattern:
            test = self._compile(spec)
            if test is None:
                return False
            steps.append((self._tests.setdefault(test, len(self._tests)), spec.get("OP") == "?"))
        if not steps or steps[0][1]:
            return False
        self._patterns.append((atom, steps))
        self._tables = None
        return True

    def _compile(self, spec: dict[str, Any]) -> Test | None:
        if spec.get("OP") not in _OPS:
            return None
        conditions: list[Condition] = []
        for key, value in spec.items():
            if key == "OP":
                continue
            if key in _FLAG_ATTRS and isinstance(value, bool):
                conditions.append(("flag", _FLAG_ATTRS[key], value))
            elif key in _WORD_ATTRS:
                condition = self._word_condition(_WORD_ATTRS[key], value)
                if condition is None:
                    return None
                conditions.append(condition)
            else:
                return None
        return tuple(conditions)

    def _word_condition(self, column: int, value: Any) -> Condition | None:
        if isinstance(value, str):
            words, negated = [value], False
        elif isinstance(value, dict) and len(value) == 1:
            ((op, words),) = value.items()
            if op not in ("IN", "NOT_IN") or not isinstance(words, list):
                return None
            negated = op == "NOT_IN"
        else:
            return None
        hashes = frozenset(self._strings.add(str(word)) for word in words)
        sets = self._word_sets[column]
        return ("word", column, sets.setdefault(hashes, len(sets)), negated)

    def _build(self) -> _Tables:
        keys, members = [], []
        for sets in self._word_sets:
            column_keys = numpy.array(sorted(set().union(*sets)), dtype=numpy.uint64)
            member = numpy.zeros((len(sets), len(column_keys) + 1), dtype=bool)
            for hashes, set_id in sets.items():
                wanted = numpy.array(sorted(hashes), dtype=numpy.uint64)
                member[set_id, numpy.searchsorted(column_keys, wanted)] = True
            keys.append(column_keys)
            members.append(member)
        tests = list(self._tests)
        never = len(tests)
        length = max((len(steps) for _, steps in self._patterns), default=0)
        step_tests = numpy.full((len(self._patterns), length), never, dtype=numpy.intp)
        optional = numpy.ones((len(self._patterns), length), dtype=bool)
        for row, (_, steps) in enumerate(self._patterns):
            for column, (test, is_optional) in enumerate(steps):
                step_tests[row, column] = test
                optional[row, column] = is_optional
        atoms = numpy.array([atom for atom, _ in self._patterns], dtype=numpy.intp)
        return _Tables(keys, members, tests, step_tests, optional, atoms)

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        """(atom, start token) for every pattern that matches somewhere starting there."""
        atoms, starts = self.find(doc)
        return list(zip(atoms.tolist(), starts.tolist()))

    def find(self, doc: Doc) -> tuple[NDArray[numpy.intp], NDArray[numpy.intp]]:
        """The same as arrays: atoms[i] matches starting at token starts[i], by start."""
        if not len(doc) or not self._patterns:
            empty = numpy.zeros(0, dtype=numpy.intp)
            return empty, empty
        if self._tables is None:
            self._tables = self._build()
        tables = self._tables
        columns = numpy.asarray(doc.to_array(list(_COLUMNS)), dtype=numpy.uint64)
        overlap = tables.steps.shape[1]
        found_atoms, found_starts = [], []
        for begin in range(0, len(doc), CHUNK_TOKENS):
            # A match starting in this chunk reads at most `overlap` tokens past it.
            window = columns[begin : begin + CHUNK_TOKENS + overlap]
            rows, starts = _match_window(tables, window)
            inside = starts < CHUNK_TOKENS
            found_atoms.append(tables.atoms[rows[inside]])
            found_starts.append(starts[inside] + begin)
        atoms, starts = numpy.concatenate(found_atoms), numpy.concatenate(found_starts)
        order = numpy.argsort(starts, kind="stable")
        return atoms[order], starts[order]


def _test_rows(tables: _Tables, columns: NDArray[numpy.uint64]) -> BoolArray:
    """[test, token] -> the token passes the test; one more row, never true, for padding."""
    count = len(columns)
    membership = []
    for column, keys in enumerate(tables.keys):
        values = columns[:, column]
        where = numpy.searchsorted(keys, values)
        known = where < len(keys)
        known[known] = keys[where[known]] == values[known]
        where[~known] = len(keys)  # the members table's last column: in no word set
        membership.append(tables.members[column][:, where])
    not_space = columns[:, _SPACE] == 0
    rows = numpy.zeros((len(tables.tests) + 1, count), dtype=bool)
    for index, test in enumerate(tables.tests):
        row = not_space.copy()
        for condition in test:
            if condition[0] == "word":
                _, column, set_id, negated = condition
                in_set = membership[column][set_id]
                row &= ~in_set if negated else in_set
            else:
                _, column, wanted = condition
                row &= (columns[:, column] != 0) == wanted
        rows[index] = row
    return rows


def _match_window(
    tables: _Tables, columns: NDArray[numpy.uint64]
) -> tuple[NDArray[numpy.intp], NDArray[numpy.intp]]:
    """(pattern row, start) of every match in these tokens, by pattern."""
    passes = _test_rows(tables, columns)
    count = len(columns)
    # rest[pattern, p]: the pattern's remaining steps match from token p (p == count: the
    # end of the tokens). After the last step anything may follow, so it starts all true.
    rest = numpy.ones((len(tables.atoms), count + 1), dtype=bool)
    for step in range(tables.steps.shape[1] - 1, -1, -1):
        consumed = numpy.zeros_like(rest)
        consumed[:, :count] = passes[tables.steps[:, step]] & rest[:, 1:]
        optional = tables.optional[:, step]
        consumed[optional] |= rest[optional]
        rest = consumed
    rows, starts = numpy.nonzero(rest[:, :count])
    return rows, starts
