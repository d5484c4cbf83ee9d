"""A small matcher for the token patterns rule packs use most, much cheaper than spaCy's.

spaCy's Matcher walks every token through every pattern's states in Python-visible steps,
so its cost grows with patterns × tokens even where nothing matches. Rule patterns are nearly
all "a required word from a list, then a few optional tokens, then another word". Here every
token test is a row of booleans over the Doc's token columns (word-list membership from one
sorted look-up per column), and each pattern is matched at every position at once, from its
last token back to its first: "the rest of the pattern matches from position p" is one array
per pattern, so the cost is a few array operations per pattern token, not Python per token.
A pattern of one word from a list (most phrase lists: every one-token term) needs no steps:
a table from word to atoms gives all its matches from one sorted look-up per column. A
phrase list's longer terms are found by a hash of each window of tokens, where a token pair
opens some term (the PhraseMatcher's matches, with no Python tuple per match). Every
look-up reads a bitmap of the keys' low hash bits first: most tokens are in no list.
Patterns with anything else (other attributes or operators) are left to spaCy's Matcher, so
the results are the same either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, IS_TITLE, LOWER, NORM
from spacy.strings import StringStore
from spacy.tokens import Doc

COLUMNS = (LOWER, NORM, IS_PUNCT, IS_TITLE, IS_SPACE)
"""The token columns matching reads, in this order (`find` takes them read already)."""
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

if TYPE_CHECKING:  # numpy.typing costs start-up time; annotations only
    from numpy.typing import NDArray

    BoolArray = NDArray[numpy.bool_]


@dataclass
class _Tables:
    """What matching needs as arrays, built from the patterns when first used."""

    keys: list[_Keys]  # per word column: every hash in any of its word sets
    # Per word column, [key, test]: a token with this word meets the test's condition on the
    # column (the last key stands for every other word); flags, [IS_PUNCT * 2 + IS_TITLE,
    # test]: a token with these flags meets its flag conditions.
    word_outcomes: list[BoolArray]
    flag_outcomes: BoolArray
    # Patterns longest first; longer[step]: how many of them are longer than `step`.
    steps: NDArray[numpy.intp]  # [pattern, step] -> test id
    optional: BoolArray  # [pattern, step]
    longer: list[int]
    atoms: NDArray[numpy.intp]
    word_lists: list[_WordLists]  # per word column
    phrases: list[_PhraseTable]  # per word column


@dataclass
class _WordLists:
    """One-word patterns on one column: a table from word hash to atoms."""

    keys: _Keys
    offsets: NDArray[numpy.intp]  # the atoms of key i: atoms[offsets[i] : offsets[i + 1]]
    atoms: NDArray[numpy.intp]

    @classmethod
    def build(cls, atoms_by_word: dict[int, list[int]]) -> _WordLists:
        keys = sorted(atoms_by_word)
        counts = numpy.array([len(atoms_by_word[key]) for key in keys], dtype=numpy.intp)
        return cls(
            _Keys.of(numpy.array(keys, dtype=numpy.uint64)),
            numpy.concatenate([[0], numpy.cumsum(counts)]).astype(numpy.intp),
            numpy.array([atom for key in keys for atom in atoms_by_word[key]], dtype=numpy.intp),
        )

    def find(
        self, values: NDArray[numpy.uint64], usable: BoolArray | None = None
    ) -> tuple[NDArray[numpy.intp], NDArray[numpy.intp]]:
        """(atoms, tokens) for every usable token whose value is one of the words."""
        where = self.keys.look_up(values)
        known = where < len(self.keys)
        tokens = numpy.flatnonzero(known if usable is None else known & usable)
        first, last = self.offsets[where[tokens]], self.offsets[where[tokens] + 1]
        counts = last - first
        # Expand each token to its atoms: positions first..last-1 of `atoms`, token repeated.
        ends = numpy.cumsum(counts)
        total = int(ends[-1]) if len(ends) else 0
        within = numpy.arange(total) - numpy.repeat(ends - counts, counts)
        return self.atoms[numpy.repeat(first, counts) + within], numpy.repeat(tokens, counts)


# Window hashes: a polynomial in this odd constant over the tokens' values, mod 2**64.
_HASH_BASE = numpy.uint64(0x9E3779B97F4A7C15)


@dataclass
class _PhraseTable:
    """Terms of two or more tokens on one column (a phrase list's longer terms), matched as
    a PhraseMatcher matches them but with no Python object per match. Where a token pair
    of the document opens some term, the hash of every window of a term's length from
    there is looked up at once among the terms' hashes; a term matches where its hash does
    and each of its tokens equals the document's (the hash only narrows the search)."""

    first_pairs: _Keys  # the hash of every term's first two tokens
    lengths: NDArray[numpy.intp]  # the term lengths there are, ascending
    terms: _WordLists  # hash of a term's tokens -> its entries
    tokens: NDArray[numpy.uint64]  # [entry, token]: each term's values, padded
    padding: BoolArray  # [entry, token]: past the term's end
    entry_lengths: NDArray[numpy.intp]
    atoms: NDArray[numpy.intp]  # entry -> atom

    @classmethod
    def build(cls, terms: dict[tuple[int, ...], list[int]]) -> _PhraseTable:
        entries = [(term, atom) for term, atoms in terms.items() for atom in atoms]
        longest = max((len(term) for term in terms), default=2)
        lengths = numpy.array([len(term) for term, _ in entries], dtype=numpy.intp)
        tokens = numpy.zeros((len(entries), longest), dtype=numpy.uint64)
        for row, (term, _) in enumerate(entries):
            tokens[row, : len(term)] = term
        hashes = _window_hashes(tokens.T)  # [length - 1, entry]: of the first 2, 3, ... tokens
        by_hash: dict[int, list[int]] = {}
        for entry, key in enumerate(hashes[lengths - 2, numpy.arange(len(entries))].tolist()):
            by_hash.setdefault(key, []).append(entry)
        return cls(
            _Keys.of(hashes[0]),
            numpy.unique(lengths),
            _WordLists.build(by_hash),
            tokens,
            numpy.arange(longest) >= lengths[:, None],
            lengths,
            numpy.array([atom for _, atom in entries], dtype=numpy.intp),
        )

    def find(self, values: NDArray[numpy.uint64]) -> tuple[NDArray[numpy.intp], ...]:
        """(atoms, first tokens) of every term that matches."""
        count = len(values)
        if count < 2 or not len(self.atoms):
            return _NO_MATCHES, _NO_MATCHES
        pairs = values[:-1] * _HASH_BASE + values[1:]
        starts = numpy.flatnonzero(self.first_pairs.look_up(pairs) < len(self.first_pairs))
        if not len(starts):
            return _NO_MATCHES, _NO_MATCHES
        # The tokens of the longest window from each start, [token, start]; past the end,
        # the last token stands in (such a window cannot match: see `fits`).
        longest = self.tokens.shape[1]
        reach = numpy.minimum(starts + numpy.arange(longest)[:, None], count - 1)
        windows = _window_hashes(values[reach])[self.lengths - 2]  # [length, start]
        entries, at = self.terms.find(windows.ravel())
        first = starts[at % len(starts)]
        fits = first + self.entry_lengths[entries] <= count
        entries, first = entries[fits], first[fits]
        positions = numpy.minimum(first[:, None] + numpy.arange(longest), count - 1)
        same = (values[positions] == self.tokens[entries]) | self.padding[entries]
        matched = same.all(axis=1)
        return self.atoms[entries[matched]], first[matched]


def _window_hashes(columns: NDArray[numpy.uint64]) -> NDArray[numpy.uint64]:
    """From [token in window, window] values, [length - 2, window]: the hash of each
    window's first 2, 3, ... tokens."""
    hashes = [columns[0] * _HASH_BASE + columns[1]]
    for row in columns[2:]:
        hashes.append(hashes[-1] * _HASH_BASE + row)
    return numpy.array(hashes, dtype=numpy.uint64)


_NO_MATCHES = numpy.zeros(0, dtype=numpy.intp)


# Bits of a hash a key set's filter is indexed by (spaCy's hashes are uniform in them).
_FILTER_BITS = 16
_FILTER_MASK = numpy.uint64((1 << _FILTER_BITS) - 1)


@dataclass
class _Keys:
    """A sorted set of hashes, and a bitmap of their low bits: most tokens are in no word
    list, and one bitmap read per token rules them out for less than a binary search into
    the sorted keys costs; only the rest are searched."""

    sorted: NDArray[numpy.uint64]
    filter: BoolArray

    @classmethod
    def of(cls, hashes: NDArray[numpy.uint64]) -> _Keys:
        keys = numpy.unique(numpy.asarray(hashes, dtype=numpy.uint64))
        bitmap = numpy.zeros(1 << _FILTER_BITS, dtype=bool)
        bitmap[keys & _FILTER_MASK] = True
        return cls(keys, bitmap)

    def __len__(self) -> int:
        return len(self.sorted)

    def look_up(self, values: NDArray[numpy.uint64]) -> NDArray[numpy.intp]:
        """The index of each value among the keys, or len(keys) where it is not one."""
        where = numpy.full(len(values), len(self.sorted), dtype=numpy.intp)
        maybe = numpy.flatnonzero(self.filter[values & _FILTER_MASK])
        if len(maybe):
            candidates = values[maybe]
            found = numpy.searchsorted(self.sorted, candidates)
            known = found < len(self.sorted)
            known[known] = self.sorted[found[known]] == candidates[known]
            where[maybe[known]] = found[known]
        return where


@dataclass
class SequenceMatcher:
    _strings: StringStore
    _patterns: list[tuple[int, list[tuple[int, bool]]]] = field(default_factory=list)
    _one_word: list[dict[int, list[int]]] = field(default_factory=lambda: [{}, {}])
    _one_word_patterns: int = 0
    _phrases: list[dict[tuple[int, ...], list[int]]] = field(default_factory=lambda: [{}, {}])
    _phrase_atoms: int = 0
    _word_sets: list[dict[frozenset[int], int]] = field(default_factory=lambda: [{}, {}])
    _tests: dict[Test, int] = field(default_factory=dict)
    _tables: _Tables | None = None

    def __len__(self) -> int:
        return len(self._patterns) + self._one_word_patterns + self._phrase_atoms

    def add_phrases(self, atom: int, attr: str, terms: list[list[int]]) -> None:
        """Terms of two or more tokens given as the LOWER or NORM hashes of their tokens
        (a phrase matcher's longer terms, as a stored pack keeps them)."""
        phrases = self._phrases[_WORD_ATTRS[attr]]
        for term in dict.fromkeys(tuple(term) for term in terms):
            if len(term) < 2:
                raise ValueError("a phrase term of one token is a word (add_words)")
            phrases.setdefault(term, []).append(atom)
        self._phrase_atoms += 1
        self._tables = None

    def add_words(self, atom: int, attr: str, hashes: list[int]) -> None:
        """A one-token pattern given as the LOWER or NORM hashes of its words (a phrase
        matcher's one-token terms, as a stored pack keeps them)."""
        self._add_one_word(atom, _WORD_ATTRS[attr], hashes)

    def _add_one_word(self, atom: int, column: int, hashes: list[int]) -> None:
        for key in dict.fromkeys(hashes):
            self._one_word[column].setdefault(key, []).append(atom)
        self._one_word_patterns += 1
        self._tables = None

    def add(self, atom: int, pattern: list[dict[str, Any]]) -> bool:
        """Take the pattern if it is a supported shape; False leaves it to spaCy's Matcher."""
        one_word = _one_word(pattern)
        if one_word is not None:
            column, words = one_word
            self._add_one_word(atom, column, [self._strings.add(word) for word in words])
            return True
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
        tests = list(self._tests)
        keys, word_outcomes = [], []
        for column, sets in enumerate(self._word_sets):
            column_keys = numpy.array(sorted(set().union(*sets)), dtype=numpy.uint64)
            # [word set, key]; one more set, every word, for a test with no word condition.
            member = numpy.zeros((len(sets) + 1, len(column_keys) + 1), dtype=bool)
            for hashes, set_id in sets.items():
                wanted = numpy.array(sorted(hashes), dtype=numpy.uint64)
                member[set_id, numpy.searchsorted(column_keys, wanted)] = True
            member[len(sets)] = True
            asked, negated = [len(sets)] * len(tests), [False] * len(tests)
            for index, test in enumerate(tests):
                for condition in test:
                    if condition[0] == "word" and condition[1] == column:
                        asked[index], negated[index] = condition[2], condition[3]
            outcome = member[asked] ^ numpy.array(negated, dtype=bool)[:, None]
            keys.append(_Keys.of(column_keys))
            word_outcomes.append(numpy.ascontiguousarray(outcome.T))
        flag_outcomes = numpy.ones((4, len(tests)), dtype=bool)
        for flags in range(4):
            on = {_FLAG_ATTRS["IS_PUNCT"]: flags >= 2, _FLAG_ATTRS["IS_TITLE"]: flags % 2 == 1}
            for index, test in enumerate(tests):
                flag_outcomes[flags, index] = all(
                    on[condition[1]] == condition[2] for condition in test if condition[0] == "flag"
                )
        patterns = sorted(self._patterns, key=lambda pattern: -len(pattern[1]))
        length = len(patterns[0][1]) if patterns else 0
        # Steps past a pattern's end are never looked at (see `longer`).
        step_tests = numpy.zeros((len(patterns), length), dtype=numpy.intp)
        optional = numpy.zeros((len(patterns), length), dtype=bool)
        for row, (_, steps) in enumerate(patterns):
            for column, (test_id, is_optional) in enumerate(steps):
                step_tests[row, column] = test_id
                optional[row, column] = is_optional
        longer = [sum(1 for _, steps in patterns if len(steps) > step) for step in range(length)]
        atoms = numpy.array([atom for atom, _ in patterns], dtype=numpy.intp)
        word_lists = [_WordLists.build(words) for words in self._one_word]
        phrases = [_PhraseTable.build(terms) for terms in self._phrases]
        return _Tables(
            keys,
            word_outcomes,
            flag_outcomes,
            step_tests,
            optional,
            longer,
            atoms,
            word_lists,
            phrases,
        )

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        """(atom, start token) for every pattern that matches somewhere starting there."""
        atoms, starts = self.find(doc)
        return list(zip(atoms.tolist(), starts.tolist()))

    def find(
        self, doc: Doc, columns: NDArray[numpy.uint64] | None = None
    ) -> tuple[NDArray[numpy.intp], NDArray[numpy.intp]]:
        """The same as arrays, in no particular order: atoms[i] matches from token starts[i].
        `columns`: the Doc's COLUMNS as uint64 (and any others after them), if read already."""
        if not len(doc) or not len(self):
            empty = numpy.zeros(0, dtype=numpy.intp)
            return empty, empty
        if self._tables is None:
            self._tables = self._build()
        tables = self._tables
        if columns is None:
            columns = numpy.asarray(doc.to_array(list(COLUMNS)), dtype=numpy.uint64)
        not_space = columns[:, _SPACE] == 0
        found_atoms, found_starts = [], []
        for column, word_lists in enumerate(tables.word_lists):
            atoms, starts = word_lists.find(columns[:, column], not_space)
            found_atoms.append(atoms)
            found_starts.append(starts)
            atoms, starts = tables.phrases[column].find(columns[:, column])
            found_atoms.append(atoms)
            found_starts.append(starts)
        overlap = tables.steps.shape[1]
        for begin in range(0, len(doc) if len(tables.atoms) else 0, CHUNK_TOKENS):
            # A match starting in this chunk reads at most `overlap` tokens past it.
            window = columns[begin : begin + CHUNK_TOKENS + overlap]
            rows, starts = _match_window(tables, window)
            inside = starts < CHUNK_TOKENS
            found_atoms.append(tables.atoms[rows[inside]])
            found_starts.append(starts[inside] + begin)
        return numpy.concatenate(found_atoms), numpy.concatenate(found_starts)


def _one_word(pattern: list[dict[str, Any]]) -> tuple[int, list[str]] | None:
    """(column, words) of a pattern that is one token: LOWER or NORM, one of some words."""
    if len(pattern) != 1 or len(pattern[0]) != 1:
        return None
    ((attr, value),) = pattern[0].items()
    if attr not in _WORD_ATTRS:
        return None
    words = [value] if isinstance(value, str) else None
    if isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list):
        words = [str(word) for word in value["IN"]]
    return None if words is None else (_WORD_ATTRS[attr], words)


def _test_rows(tables: _Tables, columns: NDArray[numpy.uint64]) -> BoolArray:
    """[test, token] -> the token passes the test: every test at once, from one row of
    outcomes per token and column."""
    punct, title = (columns[:, _FLAG_ATTRS[flag]] != 0 for flag in ("IS_PUNCT", "IS_TITLE"))
    rows = tables.flag_outcomes[punct * 2 + title]
    for column, keys in enumerate(tables.keys):
        rows &= tables.word_outcomes[column][keys.look_up(columns[:, column])]
    rows &= (columns[:, _SPACE] == 0)[:, None]
    return numpy.ascontiguousarray(rows.T)


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
        having = tables.longer[step]  # the patterns that have this step
        consumed = numpy.zeros((having, count + 1), dtype=bool)
        consumed[:, :count] = passes[tables.steps[:having, step]] & rest[:having, 1:]
        optional = tables.optional[:having, step]
        consumed[optional] |= rest[:having][optional]
        rest[:having] = consumed
    rows, starts = numpy.nonzero(rest[:, :count])
    return rows, starts
