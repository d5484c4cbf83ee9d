"""Rule regexes run with a time budget, so a catastrophic pattern in a user pack cannot hang.

Python's `re` backtracks exponentially on patterns such as `(\\w+\\s*)*@`: 22 letters take
2 s, a 40-letter word would take days. The `regex` package is compatible with `re` (its
default V0 syntax), short-cuts these nested repeats, and takes a timeout as a backstop for
the patterns it cannot short-cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import regex

from gaplint.linear_regex import compile_stdlib

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

    @classmethod
    def compile(cls, source: str, ignore_case: bool) -> RulePattern:
        # Case folding differs between the engines outside ASCII: `re` only case-sensitive.
        stdlib = None if ignore_case else compile_stdlib(source)
        return cls(compile_rule_regex(source, ignore_case), stdlib)

    def spans(self, text: str, stdlib_reads_alike: bool) -> list[tuple[int, int, str]]:
        """Every match, as find_spans gives it; `re` only when `stdlib_reads_alike` (see
        gaplint.linear_regex.agrees_on), so both engines find the same."""
        if self.stdlib is not None and stdlib_reads_alike:
            return [(m.start(), m.end(), m.group()) for m in self.stdlib.finditer(text)]
        return find_spans(self.budgeted, text)


def find_spans(pattern: Pattern, text: str) -> list[tuple[int, int, str]]:
    """Every match of `pattern` in `text` as (start, end, matched text), within the budget."""
    try:
        return [
            (m.start(), m.end(), m.group())
            for m in pattern.finditer(text, timeout=REGEX_BUDGET_SECONDS)
        ]
    except TimeoutError:
        raise RegexBudgetExceeded(pattern.pattern) from None
