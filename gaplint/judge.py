"""Turns the engine's hits into a DocumentReport: sub-point and element status, evidence,
findings. The judge sees only plain data (gaplint.hits) and the rule pack's models; it never
calls back into the engine, so it needs no spaCy."""

from __future__ import annotations

from typing import Any

from gaplint.document import Document
from gaplint.hits import DocumentHits, RuleHit
from gaplint.report import (
    DocumentReport,
    ElementResult,
    ElementStatus,
    Evidence,
    Finding,
    FindingKind,
    Location,
    Notice,
    SubpointResult,
    SubpointStatus,
)
from gaplint.rules import RulePack, Subpoint
from gaplint.selection import Selection

MAX_EVIDENCE = 3


def _evidence(hit: RuleHit, pattern: str) -> Evidence:
    s = hit.sentence
    return Evidence(
        text=s.text,
        page=s.page,
        line=s.line,
        paragraph=s.paragraph,
        section=list(s.section),
        start=s.start,
        end=s.end,
        pattern=pattern,
    )


def _element_status(covered: int, total: int) -> ElementStatus:
    if total and covered == total:
        return ElementStatus.COVERED
    return ElementStatus.PARTIAL if covered else ElementStatus.MISSING


def chosen_rules(pack: RulePack, selection: Selection) -> list[str]:
    """The sub-points the engine must match for this selection."""
    return [sub.id for _, sub in pack.subpoints() if selection.selected(sub.id)]


def judge(
    pack: RulePack,
    document: Document,
    hits: DocumentHits,
    selection: Selection | None = None,
) -> DocumentReport:
    """`hits` must cover chosen_rules(pack, selection)."""
    selection = selection or Selection()
    chosen = [(e, s) for e, s in pack.subpoints() if selection.selected(s.id)]
    elements: list[ElementResult] = []
    findings: list[Finding] = []
    for element in pack.elements:
        subs = [s for e, s in chosen if e is element]
        if not subs:
            continue
        heading = hits.headings.get(element.id)
        where = Location(
            path=document.path,
            page=heading.page if heading else None,
            line=heading.line if heading else None,
            paragraph=heading.paragraph if heading else None,
            section=[*heading.section, heading.text] if heading else [],
        )
        results = [_judge_subpoint(sub, hits.rules[sub.id], selection) for sub in subs]
        covered = sum(1 for r in results if r.status is SubpointStatus.COVERED)
        status = _element_status(covered, len(results))
        elements.append(
            ElementResult(
                id=element.id,
                title=element.title,
                status=status,
                coverage=round(covered / len(results), 4),
                section=where.section,
                subpoints=results,
            )
        )
        if status is ElementStatus.MISSING and selection.selected(element.id):
            findings.append(
                Finding(
                    rule=element.id,
                    kind=FindingKind.ELEMENT_MISSING,
                    severity=selection.severity(element.id, element.severity),
                    message=element.missing_message,
                    recommendation=element.missing_recommendation,
                    location=where,
                )
            )
        for sub, result in zip(subs, results):
            if result.status is SubpointStatus.MISSING:
                findings.append(_gap_finding(document, sub, result, where))
    total = sum(len(e.subpoints) for e in elements)
    covered_total = sum(
        1 for e in elements for s in e.subpoints if s.status is SubpointStatus.COVERED
    )
    return DocumentReport(
        **_identity(document),
        language="en",
        coverage=round(covered_total / total, 4) if total else None,
        elements=elements,
        findings=findings,
        notices=_reading_notices(document),
    )


def _judge_subpoint(sub: Subpoint, matches: list[RuleHit], selection: Selection) -> SubpointResult:
    excluded: Evidence | None = None
    supporting: list[RuleHit] = []
    for hit in matches:
        if hit.excluded and not sub.exclusion_counts:
            excluded = excluded or _evidence(hit, f"{sub.id}: {hit.label}")
            continue
        supporting.append(hit)
    # Cite the sentences where most of the rule's terms meet; ties keep document order.
    supporting.sort(key=lambda hit: -hit.terms)
    evidence = [_evidence(hit, f"{sub.id}: {hit.label}") for hit in supporting[:MAX_EVIDENCE]]
    return SubpointResult(
        id=sub.id,
        title=sub.title,
        status=SubpointStatus.COVERED if evidence else SubpointStatus.MISSING,
        severity=selection.severity(sub.id, sub.severity),
        evidence=evidence,
        excluded_by=excluded if not evidence else None,
    )


def _gap_finding(
    document: Document, sub: Subpoint, result: SubpointResult, where: Location
) -> Finding:
    if result.excluded_by is not None:
        ex = result.excluded_by
        return Finding(
            rule=sub.id,
            kind=FindingKind.EXCLUDED,
            severity=result.severity,
            message=f"{sub.title}: the policy explicitly excludes this topic "
            f'("{_clip(ex.text)}"), so it is not covered.',
            recommendation=sub.recommendation,
            location=Location(
                path=document.path,
                page=ex.page,
                line=ex.line,
                paragraph=ex.paragraph,
                section=ex.section,
                start=ex.start,
                end=ex.end,
            ),
        )
    return Finding(
        rule=sub.id,
        kind=FindingKind.GAP,
        severity=result.severity,
        message=f"{sub.title}: not addressed. {sub.rationale.split('. ')[0].rstrip('.')}.",
        recommendation=sub.recommendation,
        location=where,
    )


def _identity(document: Document) -> dict[str, Any]:
    """The fields every document report carries, judged or not."""
    return {
        "path": document.path,
        "format": document.format.value,
        "sha256": document.sha256,
        "pages": document.pages,
        "words": document.word_count,
    }


def _reading_notices(document: Document) -> list[Notice]:
    """What the reader overruled (a mismatched type) goes into the report, cached with it."""
    return [Notice(code=w.code, message=w.message) for w in document.warnings]


def _clip(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def not_judged(document: Document, language: str, pack_language: str) -> DocumentReport:
    """A document in another language gets a notice, not 38 false gaps."""
    return DocumentReport(
        **_identity(document),
        language=language,
        judged=False,
        notices=[
            Notice(
                code="language-mismatch",
                message=f"document language looks like '{language}', but the rule pack is "
                f"written for '{pack_language}'; it was not judged",
            ),
            *_reading_notices(document),
        ],
    )
