"""Where a rule regex can match at all: the literals every match holds near its start.

Most rule regexes begin with a word from a list (`\\b(access|use)\\s+...`), so most of a
document holds no place a match could start. At compile time, `anchors` finds a literal
every match must hold at a bounded offset from its start (the first run of literal
characters, or one per branch of an alternation); at match time the lower-cased text is
searched for those literals with `str.find` (C, much faster than a regex scan), and the
regex is tried only at the few positions a match could start from. Trying those positions
in order, each from where the last match ended, finds exactly what `finditer` finds: a
match can start nowhere else, lookbehinds and `\\b` still see the text before the position,
and no anchored pattern can match empty.

Only for a pattern run case-sensitively on the lower-cased text (no `(?i)`: case folding is
wider than `str.lower`), and read by `re`'s parser as the `regex` package reads it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from gaplint.linear_regex import (
    MIN_REQUIRED_LITERAL,
    REGEX_ONLY_SYNTAX,
    parse,
    required_literal,
    width,
)

try:  # Python 3.11+
    from re import _constants as sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]

# An anchor: a literal, and the least and most characters a match holds before it.
Anchor = tuple[str, int, int]
# Offsets between least and most: a match is tried at each, so keep them few.
MAX_SPREAD = 4
# A class of at most this many single characters stands for that many one-letter literals.
MAX_CLASS_LITERALS = 4
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}


def anchors(source: str) -> tuple[Anchor, ...] | None:
    """The anchors of `source` (every match holds one of the literals at an offset in its
    range), or None when no such literal is known: the pattern then runs everywhere."""
    if REGEX_ONLY_SYNTAX.search(source):
        return None
    parsed = parse(source)
    if parsed is None or parsed.state.flags & re.IGNORECASE or _scoped_flags(list(parsed)):
        return None
    items = list(parsed)
    if required_literal(items) >= MIN_REQUIRED_LITERAL:
        return None  # `regex` searches for that literal itself, faster than trying places
    found = _sequence_anchors(items)
    return _without_redundant(found) if found else None


def _without_redundant(found: list[Anchor]) -> tuple[Anchor, ...]:
    """Less the anchors another implies: "rev" at offset 0 finds every "review" there."""
    distinct = set(found)
    return tuple(
        sorted(
            (literal, least, most)
            for literal, least, most in distinct
            if not any(
                other != literal and literal.startswith(other) and low <= least and most <= high
                for other, low, high in distinct
            )
        )
    )


def _scoped_flags(items: Sequence[Any]) -> bool:
    """Whether some group sets or clears a flag (`(?i:...)`): its literals are not plain."""
    for op, value in items:
        if op is sre.SUBPATTERN:
            if value[1] or value[2] or _scoped_flags(list(value[-1])):
                return True
        elif op is sre.BRANCH:
            if any(_scoped_flags(list(branch)) for branch in value[1]):
                return True
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if _scoped_flags(list(value[1])):
                return True
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and _scoped_flags(list(value[2])):
            return True
    return False


def _sequence_anchors(items: Sequence[Any]) -> list[Anchor] | None:
    """Anchors of a sequence, offsets from its start; None if none is at a bounded offset."""
    least = most = 0
    index = 0
    while index < len(items):
        op, value = items[index]
        if op is sre.LITERAL:
            run = []
            while index < len(items) and items[index][0] is sre.LITERAL:
                run.append(chr(items[index][1]))
                index += 1
            literal = "".join(run)
            # re's parser takes a prefix all branches share out ("d(o|id)"): put it back.
            after = _item_anchors(*items[index]) if index < len(items) else None
            if after and all(low == high == 0 for _, low, high in after):
                return [(literal + rest, least, most) for rest, _, _ in after]
            return [(literal, least, most)]
        inner = _item_anchors(op, value)
        if inner is not None:
            return [(literal, low + least, high + most) for literal, low, high in inner]
        if op not in _ZERO_WIDTH:
            low, high = width([(op, value)])
            least, most = least + low, most + high
            if most - least > MAX_SPREAD:
                return None
        index += 1
    return None


def _item_anchors(op: Any, value: Any) -> list[Anchor] | None:
    """Anchors of one group, alternation or small class, offsets from its start."""
    if op is sre.SUBPATTERN:
        return _sequence_anchors(list(value[-1]))
    if op is sre.BRANCH:
        branches = [_sequence_anchors(list(branch)) for branch in value[1]]
        if any(found is None for found in branches):
            return None
        return [anchor for found in branches if found is not None for anchor in found]
    small = op is sre.IN and len(value) <= MAX_CLASS_LITERALS
    if small and all(kind is sre.LITERAL for kind, _ in value):
        return [(chr(code), 0, 0) for _, code in value]
    return None


class LiteralPositions:
    """Where each literal occurs in one lower-cased text (overlapping occurrences too),
    found once per text however many patterns ask."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, list[int]] = {}

    def of(self, literal: str) -> list[int]:
        found = self._found.get(literal)
        if found is None:
            found = self._found[literal] = []
            find = self.text.find
            at = find(literal)
            while at >= 0:
                found.append(at)
                at = find(literal, at + 1)
        return found

    def starts(self, pattern_anchors: tuple[Anchor, ...]) -> list[int]:
        """Every position, in order, where a match of a pattern with these anchors could
        start."""
        starts: set[int] = set()
        for literal, least, most in pattern_anchors:
            found = self.of(literal)
            if not least and not most:  # the literal opens the match (most patterns)
                starts.update(found)
                continue
            for at in found:
                starts.update(range(max(at - most, 0), at - least + 1))
        return sorted(starts)
