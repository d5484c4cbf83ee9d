"""Batch notices: lines that say why a run failed or what the configuration did not touch.

Plain functions of the configuration and the reports; gaplint.run adds them to its notes,
which the CLI prints on standard error as `gaplint: ...`.
"""

from __future__ import annotations

from collections.abc import Iterable

from gaplint.discover import glob_match
from gaplint.report import DocumentFacts
from gaplint.selection import SelectionSpec


def coverage_shortfall(doc: DocumentFacts, minimum: float | None) -> str | None:
    """The line saying that this document fails `min-coverage`, if it does."""
    if minimum is None or doc.coverage is None or doc.coverage >= minimum:
        return None
    return f"{doc.path}: coverage {doc.coverage:.0%} is below min-coverage {minimum:.0%}"


def unmatched_per_file_ignores(spec: SelectionSpec, checked: Iterable[str]) -> list[str]:
    """A warning per per-file-ignores pattern that matches none of the checked files (paths
    relative to the configuration file), which is most often a typo in the pattern."""
    rels = list(checked)
    return [
        f"warning: per-file-ignores pattern {pattern!r} matches no checked file"
        for pattern, _ in spec.per_file_ignores
        if not any(glob_match(rel, pattern) for rel in rels)
    ]
