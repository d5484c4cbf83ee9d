"""Which rule regexes can run on the standard library's `re` without a time budget.

`re` backtracks, so a pattern runs in linear time only if no backtracking can multiply: a
pattern is *linear* here when it has no backreference, no repeat inside a repeat and no
alternation inside a repeat, and every unbounded repeat is of one character class C that
is fenced on both sides: the item before it cannot end with a C character (or is a line
start, with newline not in C), and the item after it cannot start with one (or the pattern
ends there). Then each run of C is entered at one place and, once left, never re-entered
shorter to any effect, so every text position is scanned a bounded number of times.
Anything the analysis does not know (negated classes, unknown categories) is not linear.

`re` is also not always faster: the `regex` package finds a required literal ("without",
"(s)") or a rare first character (digits) by a fast search and skips most of the text. A
linear pattern is run on `re` only where it has neither; see `prefers_stdlib`.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

try:  # Python 3.11+
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

Item = tuple[Any, Any]
# A character set: explicit characters and category names (sre's CATEGORY_SPACE, ...).
Chars = tuple[frozenset[str], frozenset[str]]

_CATEGORY_PATTERNS = {
    "CATEGORY_SPACE": re.compile(r"\s"),
    "CATEGORY_NOT_SPACE": re.compile(r"\S"),
    "CATEGORY_DIGIT": re.compile(r"\d"),
    "CATEGORY_WORD": re.compile(r"\w"),
}
# Category pairs no character is in both of.
_DISJOINT = {
    frozenset({"CATEGORY_SPACE", "CATEGORY_DIGIT"}),
    frozenset({"CATEGORY_SPACE", "CATEGORY_WORD"}),
    frozenset({"CATEGORY_SPACE", "CATEGORY_NOT_SPACE"}),
}
# A bounded repeat of a sequence holding a run ("(\S+[ \t]+){0,7}": up to 8 words) is
# tried at most this many times over from one place.
MAX_SEQUENCE_REPEAT = 16
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)} - {None}
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
MAX_RANGE = 256  # a class range wider than this is not expanded (and so not known)
MAX_FIRST_CHARS = 4  # `regex` skips ahead to a first character this rare
MIN_REQUIRED_LITERAL = 3  # `regex` searches for a required literal this long


def parse(source: str) -> Any | None:
    try:
        with warnings.catch_warnings():  # "possible nested set" and the like: not ours to say
            warnings.simplefilter("ignore")
            return sre_parse.parse(source)
    except (re.error, OverflowError, RecursionError):
        return None


def compile_stdlib(source: str, where_faster: bool = True) -> re.Pattern[str] | None:
    """`source` compiled by `re` (case-sensitive) where `prefers_stdlib`, else None; with
    `where_faster` False, wherever it `runs_alike` (for trying it at a few places, where
    `regex`'s own skipping does not come in)."""
    if not (prefers_stdlib(source) if where_faster else runs_alike(source)):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return re.compile(source)
    except (re.error, OverflowError, RecursionError):
        return None


# Syntax the `regex` package reads differently from `re` (POSIX and nested classes, Unicode
# properties, fuzzy matching): such a pattern stays on `regex`.
REGEX_ONLY_SYNTAX = re.compile(r"\[[:\[]|\\[pPXmM]|\{(?!\d*,?\d*\})")


@lru_cache(maxsize=1024)
def is_linear(source: str) -> bool:
    """True when `source` cannot backtrack super-linearly on `re` (see the module doc)."""
    parsed = parse(source)
    return parsed is not None and _linear_sequence(list(parsed), [], [])


@lru_cache(maxsize=1024)
def runs_alike(source: str) -> bool:
    """Linear, read alike by both engines, case-sensitive (case folding differs outside
    ASCII), never an empty match (the engines place empty matches differently)."""
    if REGEX_ONLY_SYNTAX.search(source) or not is_linear(source):
        return False
    parsed = parse(source)
    return not (
        parsed is None or parsed.state.flags & re.IGNORECASE or parsed.getwidth()[0] == 0
    )


@lru_cache(maxsize=1024)
def prefers_stdlib(source: str) -> bool:
    """`runs_alike`, with no required literal or rare first character for `regex` to skip
    ahead by."""
    parsed = parse(source) if runs_alike(source) else None
    if parsed is None:
        return False
    items = list(parsed)
    if required_literal(items) >= MIN_REQUIRED_LITERAL:
        return False
    first = _first_chars(items)
    return first is None or bool(first[1]) or len(first[0]) > MAX_FIRST_CHARS


def _linear_sequence(items: Sequence[Item], before: list[Item], after: list[Item]) -> bool:
    """`before` and `after`: what the enclosing pattern matches around this sequence (empty
    `after`: the pattern ends here)."""
    for index, (op, value) in enumerate(items):
        here_before = before + list(items[:index])
        here_after = list(items[index + 1 :]) + after
        if op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
            return False
        if op in _REPEATS:
            _, high, body = value
            body = list(body)
            if high == 1:  # optional: when present, it stands between the same neighbours
                linear = _linear_sequence(body, here_before, here_after)
            elif high != sre.MAXREPEAT and _contains(body, _REPEATS):
                linear = _repeated_sequence_linear(body, high, here_before, here_after)
            else:
                linear = not _contains(body, _REPEATS | {sre.BRANCH})
                linear = linear and _linear_sequence(body, [], [])
                if high == sre.MAXREPEAT:
                    linear = linear and _fenced(here_before, body, here_after)
            if not linear:
                return False
        elif op is sre.SUBPATTERN:
            if not _linear_sequence(list(value[-1]), here_before, here_after):
                return False
        elif op is sre.BRANCH:
            for branch in value[1]:
                if not _linear_sequence(list(branch), here_before, here_after):
                    return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            # A lookaround of bounded width costs a bounded time at each position.
            inner = list(value[1])
            if _unbounded(inner) or not _linear_sequence(inner, [], []):
                return False
        elif op not in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY, sre.AT):
            return False  # atomic groups, conditionals, anything not analysed
    return True


def _repeated_sequence_linear(
    body: list[Item], high: int, before: list[Item], after: list[Item]
) -> bool:
    """A bounded repeat of a sequence with runs in it: linear when each run is fenced
    whatever stands around the body (the text before the repeat or the previous round,
    the text after it or the next round), so every round matches one way and backtracking
    only tries fewer rounds, at most `high` of them. The body must match something, hold
    no alternation, and repeat nothing but single characters."""
    if high > MAX_SEQUENCE_REPEAT or _can_be_empty(body) or _contains(body, {sre.BRANCH}):
        return False
    if any(_contains(value[2], _REPEATS) for op, value in _walk(body) if op in _REPEATS):
        return False
    return all(
        _linear_sequence(body, around_before, around_after)
        for around_before in (before, before + body)
        for around_after in (after, body + after)
    )


def _walk(items: Iterable[Item]) -> Iterable[Item]:
    """Every item of a sequence, and of its groups, at any depth."""
    for op, value in items:
        yield op, value
        if op is sre.SUBPATTERN:
            yield from _walk(value[-1])
        elif op in _REPEATS:
            yield from _walk(value[2])
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from _walk(value[1])


def _contains(items: Iterable[Item], ops: set[Any]) -> bool:
    for op, value in items:
        if op in ops:
            return True
        if op is sre.SUBPATTERN and _contains(value[-1], ops):
            return True
        if op is sre.BRANCH and any(_contains(branch, ops) for branch in value[1]):
            return True
        if op in _REPEATS and _contains(value[2], ops):
            return True
        if op in (sre.ASSERT, sre.ASSERT_NOT) and _contains(value[1], ops):
            return True
    return False


def _fenced(before: list[Item], body: list[Item], after: list[Item]) -> bool:
    """Whether an unbounded repeat of `body` between `before` and `after` is fenced."""
    if len(body) != 1:
        return False
    repeated = _item_chars(body[0])
    if repeated is None or not _fenced_beside(before, repeated, after=False):
        return False
    following = [item for item in after if item[0] not in (sre.ASSERT, sre.ASSERT_NOT)]
    if not following:
        return True  # the pattern ends with the repeat: its greedy run is the match
    return _fenced_beside(following, repeated, after=True)


def _fenced_beside(neighbours: list[Item], repeated: Chars, after: bool) -> bool:
    """Whether the character next to a run (before it, or with `after` after it) can never
    be one of the run's: walking away from the run over what may match empty ("^[ \\t]*"
    before "\\S+", "[ \\t]*$" after it), each item's edge characters and, at a line start
    or end, the newline must be outside the run's class."""
    line_edge = sre.AT_END if after else sre.AT_BEGINNING
    for op, value in neighbours if after else reversed(neighbours):
        if op is sre.AT and value is line_edge:
            return _disjoint(repeated, _NEWLINE)
        if op in _ZERO_WIDTH:
            continue
        if op is sre.SUBPATTERN:
            inner = list(value[-1])
        elif op in _REPEATS:
            inner = list(value[2])
        else:
            inner = [(op, value)]
        edge = _edge_chars(inner, from_end=not after)
        if edge is None or not _disjoint(repeated, edge):
            return False
        if not _can_be_empty([(op, value)]):
            return True
    return False


_NEWLINE: Chars = (frozenset("\n"), frozenset())


def _item_chars(item: Item) -> Chars | None:
    """The characters one single-character item matches, or None if not known."""
    op, value = item
    if op is sre.LITERAL:
        return frozenset(chr(value)), frozenset()
    if op is not sre.IN:
        return None  # ANY, NOT_LITERAL: nearly everything
    chars: set[str] = set()
    categories: set[str] = set()
    for kind, member in value:
        if kind is sre.LITERAL:
            chars.add(chr(member))
        elif kind is sre.RANGE and member[1] - member[0] <= MAX_RANGE:
            chars.update(map(chr, range(member[0], member[1] + 1)))
        elif kind is sre.CATEGORY and str(member) in _CATEGORY_PATTERNS:
            categories.add(str(member))
        else:
            return None  # NEGATE, wide ranges, negated categories
    return frozenset(chars), frozenset(categories)


def _union(sets: Iterable[Chars | None]) -> Chars | None:
    chars: set[str] = set()
    categories: set[str] = set()
    for found in sets:
        if found is None:
            return None
        chars |= found[0]
        categories |= found[1]
    return frozenset(chars), frozenset(categories)


def _first_chars(items: Sequence[Item]) -> Chars | None:
    """The characters a match of the sequence can start with (None: not known)."""
    return _edge_chars(items, from_end=False)


def _last_chars(items: Sequence[Item]) -> Chars | None:
    """The characters a match of the sequence can end with (None: not known)."""
    return _edge_chars(items, from_end=True)


def _edge_chars(items: Sequence[Item], from_end: bool) -> Chars | None:
    """The characters a match can start (or end) with; one walk for both directions."""
    found: list[Chars | None] = []
    for op, value in reversed(items) if from_end else items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.SUBPATTERN:
            inner = list(value[-1])
            found.append(_edge_chars(inner, from_end))
            if _can_be_empty(inner):
                continue
            return _union(found)
        if op is sre.BRANCH:
            found.append(_union(_edge_chars(list(branch), from_end) for branch in value[1]))
            if any(_can_be_empty(list(branch)) for branch in value[1]):
                continue
            return _union(found)
        if op in _REPEATS:
            found.append(_edge_chars(list(value[2]), from_end))
            if value[0] == 0 or _can_be_empty(list(value[2])):
                continue
            return _union(found)
        found.append(_item_chars((op, value)))
        return _union(found)
    return None  # the sequence can match empty: what lies beyond it is not known here


def width(items: list[Item]) -> tuple[int, int]:
    low, high = sre_parse.SubPattern(sre_parse.State(), items).getwidth()
    return int(low), int(high)


def _can_be_empty(items: list[Item]) -> bool:
    return width(items)[0] == 0


def _unbounded(items: list[Item]) -> bool:
    return bool(width(items)[1] >= sre.MAXREPEAT)


def _disjoint(one: Chars, other: Chars) -> bool:
    if one[0] & other[0]:
        return False
    for chars, categories in ((one[0], other[1]), (other[0], one[1])):
        for category in categories:
            pattern = _CATEGORY_PATTERNS[category]
            if any(pattern.fullmatch(char) for char in chars):
                return False
    return all(frozenset({a, b}) in _DISJOINT for a in one[1] for b in other[1])


def required_literal(items: list[Item]) -> int:
    """The longest run of literal characters every match has, at the top level."""
    longest = run = 0
    for op, _ in items:
        run = run + 1 if op is sre.LITERAL else 0
        longest = max(longest, run)
    return longest


def agrees_on(text: str) -> bool:
    """Whether `re` and `regex` read every character of `text` alike: `\\w`, `\\s` and `\\d`
    (so `\\b` too) come from different Unicode tables (and `re` counts the ASCII separators
    \\x1c-\\x1f as whitespace), so each character outside ASCII is checked once against both."""
    if _ascii_disagreeing().search(text):
        return False
    return text.isascii() or all(_agrees(char) for char in set(_NOT_ASCII.findall(text)))


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _agrees(char: str) -> bool:
    import regex

    return all(
        bool(pattern.match(char)) == bool(regex.match(pattern.pattern, char))
        for pattern in _CATEGORY_PATTERNS.values()
    )


@lru_cache(maxsize=1)
def _ascii_disagreeing() -> re.Pattern[str]:
    """The ASCII characters the engines read differently (a class that matches nothing if
    there are none)."""
    codes = [code for code in range(128) if not _agrees(chr(code))]
    return re.compile(
        "[" + "".join(re.escape(chr(code)) for code in codes) + "]" if codes else "(?!)"
    )
