"""A batch's policy sets: while the batch streams, each member is kept as a compact record
(on the spool, not in memory) and every document's facts; at the end the sets are judged
from those records, and what fails the run is counted through them.

A set is judged from all its members at once, so they must wait for the batch's end; but
only what the set judgement reads of them waits (see compact_member), never their whole
reports, and the reports themselves are rendered as they finish, like any document's.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gaplint.config import Config
from gaplint.notices import coverage_shortfall
from gaplint.report import DocumentFacts, DocumentReport, SetReport, Summary
from gaplint.sets import MAX_EVIDENCE, SetDeclaration
from gaplint.spool import DocumentSpool


class Members:
    """Whether a document (by the path its report shows) belongs to a declared set."""

    def __init__(self, declared: Sequence[SetDeclaration], root: Path) -> None:
        self.declared = declared
        self.root = root

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and any(d.matches_path(path, self.root) for d in self.declared)


def compact_member(doc: DocumentReport) -> DocumentReport:
    """What judge_set reads of a member: its status, notices, findings and judged elements
    with at most the evidence a set cites; not its metadata, jurisdiction or counts."""
    elements = [
        element.model_copy(
            update={
                "subpoints": [
                    sub.model_copy(update={"evidence": sub.evidence[:MAX_EVIDENCE]})
                    for sub in element.subpoints
                ]
            }
        )
        for element in doc.elements
    ]
    return DocumentReport(
        path=doc.path,
        title=doc.title,
        judged=doc.judged,
        coverage=doc.coverage,
        error=doc.error,
        notices=doc.notices,
        elements=elements,
        findings=doc.findings,
    )


class SetRecords:
    """The members' compact records and every document's facts, as the batch finishes them."""

    def __init__(self, declared: Sequence[SetDeclaration], root: Path) -> None:
        self.members = Members(declared, root)
        self.records = DocumentSpool()
        self._facts: list[tuple[str, int, str, DocumentFacts]] = []

    def add(self, doc: DocumentReport, facts: DocumentFacts) -> None:
        """`facts` were taken before --absolute-paths; `doc.path` is as shown."""
        self._facts.append((facts.path, len(self._facts), doc.path, facts))
        if doc.path in self.members:
            self.records.add(compact_member(doc), facts.path)

    def gated(self, sets: Sequence[SetReport]) -> list[DocumentFacts]:
        """What fails the run, as report.gated orders it: each document outside every set
        (in path order, named as shown), then each set."""
        in_sets = {path for policy_set in sets for path in policy_set.paths}
        outside = [
            facts.model_copy(update={"path": shown})
            for _, _, shown, facts in sorted(self._facts, key=lambda row: row[:2])
            if shown not in in_sets
        ]
        return [*outside, *(DocumentFacts.of(policy_set) for policy_set in sets)]


def shortfalls_through_sets(gated: Sequence[DocumentFacts], config: Config) -> list[str]:
    """The min-coverage notes of what fails the run (a set, not its members)."""
    lines = (coverage_shortfall(facts, config.min_coverage) for facts in gated)
    return [line for line in lines if line is not None]


def summary_through_sets(summary: Summary, gated: Sequence[DocumentFacts], sets: int) -> Summary:
    """The batch's summary with the findings counted as they fail the run: a member's
    through its set (report.summarize's rule), documents and coverage as they were."""
    counts = dict.fromkeys(summary.findings, 0)
    waived = baselined = 0
    for facts in gated:
        waived += facts.waived
        baselined += facts.baselined
        for severity, count in facts.open.items():
            counts[severity] += count
    return summary.model_copy(
        update={"findings": counts, "waived": waived, "baselined": baselined, "sets": sets}
    )
