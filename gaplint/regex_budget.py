"""Rule regexes run with a time budget, so a catastrophic pattern in a user pack cannot hang.

Python's `re` backtracks exponentially on patterns such as `(\\w+\\s*)*@`: 22 letters take
2 s, a 40-letter word would take days. The `regex` package is compatible with `re` (its
default V0 syntax), short-cuts these nested repeats, and takes a timeout as a backstop for
the patterns it cannot short-cut.
"""

from __future__ import annotations

from typing import Any

import regex

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


def find_spans(pattern: Pattern, text: str) -> list[tuple[int, int, str]]:
    """Every match of `pattern` in `text` as (start, end, matched text), within the budget."""
    try:
        return [
            (m.start(), m.end(), m.group())
            for m in pattern.finditer(text, timeout=REGEX_BUDGET_SECONDS)
        ]
    except TimeoutError:
        raise RegexBudgetExceeded(pattern.pattern) from None
