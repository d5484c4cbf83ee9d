"""Which rules run on a document and at what severity: plain data, picklable for workers.

Selection works as in ruff: rules are chosen by prefix ("GL5", "GL502", "GL" for all) and,
when a rule matches both a selected and an ignored prefix, the longer prefix wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gaplint.discover import glob_match
from gaplint.report import Severity


def _longest(rule_id: str, prefixes: tuple[str, ...]) -> int:
    return max((len(p) for p in prefixes if rule_id.startswith(p)), default=-1)


@dataclass(frozen=True)
class Selection:
    """The rules chosen for one document; the default selects every rule as written."""

    select: tuple[str, ...] = ("",)
    ignore: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)
    judge_all: bool = False
    """Judge a document even if it does not read as a policy on the pack's subject."""
    jurisdiction: str | None = None
    """us, uk, ca, au, nz or generic; None: detected from each document."""

    def selected(self, rule_id: str) -> bool:
        return _longest(rule_id, self.select) > _longest(rule_id, self.ignore)

    def severity(self, rule_id: str, default: Severity) -> Severity:
        return self.severities.get(rule_id, default)


@dataclass(frozen=True)
class SelectionSpec:
    """The configuration's selection for the whole batch, from which each file's is built."""

    select: tuple[str, ...]
    ignore: tuple[str, ...]
    severities: tuple[tuple[str, str], ...]
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    judge_all: bool = False
    jurisdiction: str | None = None

    def ignores_for(self, rel: str) -> tuple[str, ...]:
        extra = [p for glob, prefixes in self.per_file_ignores if glob_match(rel, glob)
                 for p in prefixes]  # fmt: skip
        return self.ignore + tuple(extra)

    def for_path(self, rel: str) -> Selection:
        """The Selection for the document at `rel` (relative to the configuration file)."""
        severities = {rule: Severity(level) for rule, level in self.severities}
        return Selection(
            select=self.select,
            ignore=self.ignores_for(rel),
            severities=severities,
            judge_all=self.judge_all,
            jurisdiction=self.jurisdiction,
        )
