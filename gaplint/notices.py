"""Batch notices: lines that say why a run failed or what the configuration did not touch.

Plain functions of the configuration and the reports; gaplint.run adds them to its notes,
which the CLI prints on standard error as `gaplint: ...`.
"""

from __future__ import annotations

from collections.abc import Iterable

from gaplint.discover import glob_match
from gaplint.report import DocumentReport, SetReport
from gaplint.selection import SelectionSpec


def below_min_coverage(
    reports: Iterable[DocumentReport | SetReport], minimum: float | None
) -> list[str]:
    """One line per document (or set) whose coverage fails `min-coverage`: the reason for
    exit 1."""
    if minimum is None:
        return []
    return [
        f"{_name(doc)}: coverage {doc.coverage:.0%} is below min-coverage {minimum:.0%}"
        for doc in reports
        if doc.coverage is not None and doc.coverage < minimum
    ]


def unmatched_per_file_ignores(spec: SelectionSpec, checked: Iterable[str]) -> list[str]:
    """A warning per per-file-ignores pattern that matches none of the checked files (paths
    relative to the configuration file), which is most often a typo in the pattern."""
    rels = list(checked)
    return [
        f"warning: per-file-ignores pattern {pattern!r} matches no checked file"
        for pattern, _ in spec.per_file_ignores
        if not any(glob_match(rel, pattern) for rel in rels)
    ]


def _name(judged: DocumentReport | SetReport) -> str:
    return judged.path if isinstance(judged, DocumentReport) else f"set {judged.name!r}"
