"""Waivers: an agency accepts a gap knowingly, with a reason and a date to look at it again."""

from __future__ import annotations

from datetime import date

from gaplint.discover import glob_match
from gaplint.report import (
    DocumentReport,
    Finding,
    FindingKind,
    Location,
    Severity,
    Waiver,
)


def _applies(waiver: Waiver, rule_id: str, rel: str) -> bool:
    if not rule_id.startswith(waiver.rule):
        return False
    return not waiver.paths or any(glob_match(rel, glob) for glob in waiver.paths)


def apply_waivers(doc: DocumentReport, waivers: list[Waiver], rel: str, today: date) -> None:
    """Mark waived findings in place; an expired waiver waives nothing and becomes a finding.

    `rel` is the document's path relative to the configuration file, as waiver globs are.
    """
    if not doc.judged or not waivers:
        return
    expired_hits: dict[int, Waiver] = {}
    for finding in doc.findings:
        for number, waiver in enumerate(waivers):
            if not _applies(waiver, finding.rule, rel):
                continue
            if waiver.expires is not None and waiver.expires < today:
                expired_hits.setdefault(number, waiver)
                continue
            _waive(doc, finding, waiver)
            break
    for waiver in expired_hits.values():
        doc.findings.append(
            Finding(
                rule=waiver.rule,
                kind=FindingKind.EXPIRED_WAIVER,
                severity=Severity.WARNING,
                message=f"The waiver for {waiver.rule} expired on {waiver.expires} "
                f"(reason given: {waiver.reason}); the gap counts again.",
                recommendation="Close the gap, or renew the waiver with a new expiry date.",
                location=Location(path=doc.path),
            )
        )
    doc.findings.sort(key=finding_order)


def mark_waived(doc: DocumentReport, waiver: Waiver) -> bool:
    """Waive every open finding the waiver's rule prefix covers; whether there was one."""
    marked = False
    for finding in doc.findings:
        if finding.rule.startswith(waiver.rule) and not finding.waived:
            _waive(doc, finding, waiver)
            marked = True
    return marked


def _waive(doc: DocumentReport, finding: Finding, waiver: Waiver) -> None:
    finding.waived = True
    finding.waiver = waiver
    _mark_subpoint(doc, finding.rule, waiver)


def _mark_subpoint(doc: DocumentReport, rule_id: str, waiver: Waiver) -> None:
    for element in doc.elements:
        for sub in element.subpoints:
            if sub.id == rule_id:
                sub.waiver = waiver


def finding_order(finding: Finding) -> tuple[str, int]:
    """Findings by rule; an expired-waiver note right after the gap it no longer waives."""
    return (finding.rule, finding.kind is FindingKind.EXPIRED_WAIVER)
