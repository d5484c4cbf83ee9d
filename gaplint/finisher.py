"""A batch's end of the line for each finished document: suppressions, waivers, baseline,
its share of the summary and exit status, then onto the spool; and the exit status of one
document (or policy set) from its facts.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from gaplint.baseline import Key, mark_baselined, open_gaps
from gaplint.cache import Cache
from gaplint.config import Config, LoadedConfig
from gaplint.notices import coverage_shortfall
from gaplint.paths import STDIN, repo_relative
from gaplint.report import DocumentFacts, DocumentReport, Severity, SummaryTally
from gaplint.set_batch import SetRecords
from gaplint.sets import declarations
from gaplint.spool import DocumentSpool, Spool
from gaplint.suppressions import Suppression, mark_suppressed
from gaplint.waivers import apply_waivers, finding_order

if TYPE_CHECKING:
    from gaplint.run import RunOptions


class Finisher:
    """Each finished document's last steps, one at a time in the order they finish:
    suppressions, waivers, baseline, the summary and exit status, then onto the spool.
    Nothing of a document stays in memory after it but what the batch's end needs (and,
    in a run with policy sets, a member's compact record waits on disk for its set)."""

    def __init__(
        self,
        options: RunOptions,
        loaded: LoadedConfig,
        baseline: set[Key] | None,
        root: Path,
        output: tuple[Callable[[DocumentReport], str], str] | None,
    ) -> None:
        self.options = options
        self.config = loaded.config
        self.waivers = [w.to_waiver() for w in loaded.config.waivers]
        self.threshold = (
            None if self.config.fail_on == "never" else Severity(self.config.fail_on).rank
        )
        self.root = root
        self.baseline = baseline
        self.keep_gaps = baseline is not None or options.write_baseline is not None
        self.open_gaps: set[Key] = set()
        self.judged: set[str] = set()
        self.shortfalls: list[tuple[str, int, str]] = []
        self.tally = SummaryTally()
        self.piece: Callable[[DocumentReport], str] | None = output[0] if output else None
        self.variant = output[1] if output else ""
        self.rendered = Spool() if output is not None else None
        keep = output is None or options.keep_documents
        self.documents = DocumentSpool() if keep else None
        declared = declarations(loaded)
        self.sets = SetRecords(declared, loaded.root) if declared else None
        self.count = 0
        self.failed: list[tuple[str, DocumentReport]] = []
        self.exit_code = 0
        # Nothing after the cache changes a report: its rendered piece can be cached too.
        # A policy set's member needs its report for the set (and renders as its set shows it).
        self.plain = not (
            self.waivers
            or self.keep_gaps
            or options.absolute_paths
            or self.documents is not None
            or self.sets is not None
        )

    def reusable(self, suppressions: list[Suppression]) -> bool:
        """Whether a cached document's rendered piece stands for it in this run."""
        return self.plain and self.piece is not None and not suppressions

    def finish(
        self,
        doc: DocumentReport,
        rel: str,
        suppressions: list[Suppression],
        cache: tuple[Cache, str] | None = None,
    ) -> None:
        """`cache` (the cache and the entry's key): keep the rendered piece there too."""
        mark_suppressed(doc, suppressions)
        apply_waivers(doc, self.waivers, rel, self.options.today)
        doc.findings.sort(key=finding_order)
        keyed = repo_relative(doc.path, self.root)
        if self.keep_gaps:
            self.open_gaps |= open_gaps(doc, keyed)
            if doc.judged:
                self.judged.add(keyed)
        if self.baseline is not None:
            mark_baselined(doc, keyed, self.baseline)
        facts = DocumentFacts.of(doc)
        if self.options.absolute_paths:
            make_absolute(doc)
        if doc.error is not None:
            self.failed.append((facts.path, doc))
        if self.documents is not None:
            self.documents.add(doc, facts.path)
        if self.sets is not None:
            self.sets.add(doc, facts)
        piece = self.piece(doc) if self.piece is not None else None
        if cache is not None and piece is not None and self.reusable(suppressions):
            cache[0].put_rendered(cache[1], self.variant, facts, piece)
        self.finish_facts(facts, piece)

    def finish_facts(self, facts: DocumentFacts, piece: str | None) -> None:
        """A document's share of the batch's end, from its facts and rendered piece."""
        key = facts.path
        shortfall = coverage_shortfall(facts, self.config.min_coverage)
        if shortfall is not None:
            self.shortfalls.append((key, len(self.shortfalls), shortfall))
        self.tally.add(facts, key)
        self.exit_code = max(self.exit_code, document_status(facts, self.config, self.threshold))
        self.count += 1
        if self.rendered is not None and piece is not None:
            self.rendered.add(piece, key)

    def notes(self) -> list[str]:
        return [line for _, _, line in sorted(self.shortfalls)]


def make_absolute(doc: DocumentReport) -> None:
    """--absolute-paths: the document's and its findings' paths made absolute (standard
    input, which has no path, stays `-`). Applied after the cache, whose entries stay
    relative."""
    doc.path = _absolute(doc.path)
    for finding in doc.findings:
        finding.location.path = _absolute(finding.location.path)


def _absolute(shown: str) -> str:
    return shown if shown == STDIN else Path(os.path.abspath(shown)).as_posix()


def document_status(doc: DocumentFacts, config: Config, threshold: int | None) -> int:
    """This document's part of the exit status: 2 not read or checked, 1 a gap at or above
    `threshold` that counts (neither waived nor baselined) or coverage below min-coverage."""
    if doc.error:
        return 2
    if coverage_shortfall(doc, config.min_coverage) is not None:
        return 1
    if threshold is None:
        return 0
    failing = (Severity(severity).rank >= threshold for severity, n in doc.open.items() if n)
    return 1 if any(failing) else 0
