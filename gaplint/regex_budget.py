"""Rule regexes run with a time budget, so a catastrophic pattern in a user pack cannot hang.

Python's `re` backtracks exponentially on patterns such as `(\\w+\\s*)*@`: 22 letters take
2 s, a 40-letter word would take days. The `regex` package is compatible with `re` (its
default V0 syntax), short-cuts these nested repeats, and takes a timeout as a backstop for
the patterns it cannot short-cut.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

import regex

from gaplint.linear_regex import compile_stdlib
from gaplint.regex_anchors import Anchor, LiteralPositions, anchors

# Per pattern and document; a built-in pattern over a 1,000,000-character handbook takes
# about 0.02 s, so only a runaway pattern reaches it.
REGEX_BUDGET_SECONDS = 1.0

Pattern = Any  # regex.Pattern, which the package does not type


class RegexBudgetExceeded(Exception):
    """A rule regex ran past its budget on one document."""

    def __init__(self, pattern: str) -> None:
        super().__init__(
            f"rule regex /{pattern}/ ran for over {REGEX_BUDGET_SECONDS:g} s on one document "
            "(catastrophic backtracking?); simplify it"
        )
        self.pattern = pattern


def compile_rule_regex(pattern: str, ignore_case: bool) -> Pattern:
    return regex.compile(pattern, regex.IGNORECASE if ignore_case else 0)


@dataclass(frozen=True)
class RulePattern:
    """A rule regex on `regex` with the time budget, and, where it provably runs in linear
    time and `re` scans it faster (gaplint.linear_regex), on `re` with no budget needed."""

    budgeted: Pattern
    stdlib: re.Pattern[str] | None = None
    anchors: tuple[Anchor, ...] | None = None
    """Literals every match holds near its start (gaplint.regex_anchors); only for a
    pattern run case-sensitively, on lower-cased text."""
    anchored_stdlib: re.Pattern[str] | None = None
    """For an anchored pattern, `re` where it runs alike, even where `regex` scans a whole
    text faster: tried at a few places, `re` costs a sixth (`regex`'s time budget alone
    costs 2.4 us a call). Linear, so no budget is needed: the places tried are a subset
    of those a whole scan tries."""

    @classmethod
    def compile(cls, source: str, ignore_case: bool) -> RulePattern:
        # Case folding differs between the engines outside ASCII: `re` only case-sensitive.
        stdlib = None if ignore_case else compile_stdlib(source)
        found = None if ignore_case else anchors(source)
        anchored = (stdlib or compile_stdlib(source, where_faster=False)) if found else None
        return cls(compile_rule_regex(source, ignore_case), stdlib, found, anchored)

    def spans_in(
        self, text: str, literals: LiteralPositions, stdlib_reads_alike: bool
    ) -> list[tuple[int, int, str]]:
        """The same as `spans`, trying the pattern only where a match could start:
        `literals` are those of `text` itself (a lower-cased text: see `anchors`)."""
        if self.anchors is None:
            return self.spans(text, stdlib_reads_alike)
        starts = literals.starts(self.anchors)
        if self.anchored_stdlib is not None and stdlib_reads_alike:
            return _spans_at(self.anchored_stdlib.match, text, starts)
        budgeted = self.budgeted.match
        deadline = time.monotonic() + REGEX_BUDGET_SECONDS

        def match(text: str, start: int) -> Any:
            return budgeted(text, start, timeout=max(deadline - time.monotonic(), 0.0))

        try:
            return _spans_at(match, text, starts)
        except TimeoutError:
            raise RegexBudgetExceeded(self.budgeted.pattern) from None

    def spans(self, text: str, stdlib_reads_alike: bool) -> list[tuple[int, int, str]]:
        """Every match, as find_spans gives it; `re` only when `stdlib_reads_alike` (see
        gaplint.linear_regex.agrees_on), so both engines find the same."""
        if self.stdlib is not None and stdlib_reads_alike:
            return [(m.start(), m.end(), m.group()) for m in self.stdlib.finditer(text)]
        return find_spans(self.budgeted, text)


def _spans_at(match: Any, text: str, starts: list[int]) -> list[tuple[int, int, str]]:
    """What `finditer` finds when no match can start outside `starts` (sorted): the
    first that matches from each place the last match left off."""
    found = []
    end = 0
    for start in starts:
        if start < end:
            continue
        matched = match(text, start)
        if matched is not None:
            found.append((start, matched.end(), matched.group()))
            end = matched.end()
    return found


def find_spans(pattern: Pattern, text: str) -> list[tuple[int, int, str]]:
    """Every match of `pattern` in `text` as (start, end, matched text), within the budget."""
    try:
        return [
            (m.start(), m.end(), m.group())
            for m in pattern.finditer(text, timeout=REGEX_BUDGET_SECONDS)
        ]
    except TimeoutError:
        raise RegexBudgetExceeded(pattern.pattern) from None
