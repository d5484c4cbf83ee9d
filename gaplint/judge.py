"""Turns the engine's hits into a DocumentReport: sub-point and element status, evidence,
findings. The judge sees only plain data (gaplint.hits) and the rule pack's models; it never
calls back into the engine, so it needs no spaCy."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from gaplint.document import BlockKind, Document
from gaplint.hits import DocumentHits, RuleHit
from gaplint.report import (
    Confidence,
    DocumentJurisdiction,
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

if TYPE_CHECKING:
    from gaplint.nlp import Sentence

MAX_EVIDENCE = 3
OCR = "ocr"  # Block.source / Evidence.source of text read by OCR


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
        source="ocr" if s.source == OCR else None,
    )


def _element_status(covered: int, total: int) -> ElementStatus:
    if total and covered == total:
        return ElementStatus.COVERED
    return ElementStatus.PARTIAL if covered else ElementStatus.MISSING


def chosen_rules(pack: RulePack, selection: Selection) -> list[str]:
    """The sub-points the engine must match for this selection."""
    return [sub.id for _, sub in pack.subpoints() if _selected(selection, sub.id)]


def _selected(selection: Selection, rule_id: str) -> bool:
    """selection.selected(rule_id), asked once per rule and selection: every document
    asks it of every rule, and each answer is a search of the prefixes."""
    return _selected_by(selection.select, selection.ignore, rule_id)


@lru_cache(maxsize=4096)
def _selected_by(select: tuple[str, ...], ignore: tuple[str, ...], rule_id: str) -> bool:
    return Selection(select=select, ignore=ignore).selected(rule_id)


def judge(
    pack: RulePack,
    document: Document,
    hits: DocumentHits,
    selection: Selection | None = None,
    jurisdiction: DocumentJurisdiction | None = None,
) -> DocumentReport:
    """`hits` must cover chosen_rules(pack, selection); gaps are worded for `jurisdiction`."""
    selection = selection or Selection()
    words = document.word_count  # a split of every block: counted once
    doubt = None if selection.judge_all else _not_a_policy(document, hits, words)
    if doubt:
        return _unjudged(document, "en", Notice(code="not-a-policy", message=doubt), words)
    chosen = [(e, s) for e, s in pack.subpoints() if _selected(selection, s.id)]
    scanned = any(block.source == OCR for block in document.blocks)
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
        results = [
            _judge_subpoint(sub, hits.rules[sub.id], selection, heading, hits.near_misses, scanned)
            for sub in subs
        ]
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
        if status is ElementStatus.MISSING and _selected(selection, element.id):
            findings.append(
                Finding(
                    rule=element.id,
                    kind=FindingKind.ELEMENT_MISSING,
                    severity=selection.severity(element.id, element.severity),
                    message=element.missing_message,
                    recommendation=element.missing_recommendation,
                    confidence=_least(r.confidence for r in results),
                    location=where,
                )
            )
        for sub, result in zip(subs, results):
            if result.status is SubpointStatus.MISSING:
                worded = sub.localised(jurisdiction.code if jurisdiction else None)
                findings.append(_gap_finding(document, worded, result, where))
    total = sum(len(e.subpoints) for e in elements)
    covered_total = sum(
        1 for e in elements for s in e.subpoints if s.status is SubpointStatus.COVERED
    )
    return DocumentReport(
        **_identity(document, words),
        language="en",
        coverage=round(covered_total / total, 4) if total else None,
        jurisdiction=jurisdiction,
        elements=elements,
        findings=findings,
        notices=_reading_notices(document),
    )


def _judge_subpoint(
    sub: Subpoint,
    matches: list[RuleHit],
    selection: Selection,
    heading: Sentence | None,
    near_misses: dict[str, int],
    scanned: bool = False,
) -> SubpointResult:
    excluded: Evidence | None = None
    supporting: list[RuleHit] = []
    for hit in matches:
        if hit.excluded and not sub.exclusion_counts:
            excluded = excluded or _evidence(hit, f"{sub.id}: {hit.label}")
            continue
        supporting.append(hit)
    supporting.sort(key=lambda hit: _evidence_rank(hit, heading))
    evidence = [_evidence(hit, f"{sub.id}: {hit.label}") for hit in _distinct(supporting)]
    confidence, reason = _confidence(
        supporting, heading, near_misses.get(sub.id, 0), excluded is not None
    )
    if scanned:
        deciding = evidence or ([excluded] if excluded else [])
        confidence, reason = _read_by_ocr(deciding, confidence, reason)
    return SubpointResult(
        id=sub.id,
        title=sub.title,
        status=SubpointStatus.COVERED if evidence else SubpointStatus.MISSING,
        severity=selection.severity(sub.id, sub.severity),
        evidence=evidence,
        excluded_by=excluded if not evidence else None,
        confidence=confidence,
        confidence_reason=reason,
    )


def _least(confidences: Iterable[Confidence | None]) -> Confidence:
    return Confidence.WEAK if Confidence.WEAK in set(confidences) else Confidence.STRONG


MAX_LABEL_WORDS = 5
_WORDS = re.compile(r"\w+")
MAX_CELL_LABEL_WORDS = 3  # "Tool name", "Approved": a table's header or a one-word value


def _statement_key(hit: RuleHit) -> str:
    """A sentence's words, lower-cased: the same statement however it is punctuated."""
    return " ".join(_WORDS.findall(hit.sentence.text.casefold()))


def _distinct(ranked: list[RuleHit]) -> list[RuleHit]:
    """The first MAX_EVIDENCE hits with different text: a table that repeats one cell in
    every row states it once."""
    seen: set[str] = set()
    chosen: list[RuleHit] = []
    for hit in ranked:
        key = _statement_key(hit)
        if key not in seen:
            seen.add(key)
            chosen.append(hit)
            if len(chosen) == MAX_EVIDENCE:
                break
    return chosen


def _is_heading(hit: RuleHit) -> bool:
    """A heading, a label that introduces what follows ("Be Respectful:"), or a table cell of a
    word or three (a column's header): it names the topic, the sentences after it state the
    rule."""
    sentence = hit.sentence
    if sentence.kind is BlockKind.HEADING:
        return True
    text = sentence.text.rstrip()
    if sentence.kind is BlockKind.TABLE_CELL and len(text.split()) <= MAX_CELL_LABEL_WORDS:
        return True
    return text.endswith(":") and len(text.split()) <= MAX_LABEL_WORDS


def _evidence_rank(hit: RuleHit, heading: Sentence | None) -> tuple[bool, bool, bool, bool, int]:
    """What reads alone before what leans on the sentence before it ("If so, install it."
    says nothing to a reader of the report), a statement before a heading, one in the
    element's own section before one elsewhere, a whole statement before a list's lead-in
    ("Typical settings include:" introduces the rule, its items state it), then where most
    of the rule's terms meet; ties keep document order. Then the cap."""
    lead_in = hit.sentence.text.rstrip().endswith(":")
    return (hit.leans_back, _is_heading(hit), not _in_section(hit, heading), lead_in, -hit.terms)


def _in_section(hit: RuleHit, heading: Sentence | None) -> bool:
    """Whether the sentence stands under the heading of the element's own section."""
    if heading is None:
        return False
    below = (*heading.section, heading.text)
    return hit.sentence.section[: len(below)] == below


def _confidence(
    supporting: list[RuleHit], heading: Sentence | None, near_misses: int, excluded: bool
) -> tuple[Confidence, str]:
    """How sure a reader can be of the decision, and why, from the hits alone."""
    if supporting:
        statements = {_statement_key(hit) for hit in supporting if not _is_heading(hit)}
        count = len(statements)
        if not count:
            return Confidence.WEAK, "only a heading names it"
        if all(hit.leans_back for hit in supporting if not _is_heading(hit)):
            return Confidence.WEAK, "only read with the sentence or question before it"
        in_section = any(_in_section(hit, heading) for hit in supporting)
        # Two sentences elsewhere can share a word sense that is not this one (news media,
        # office equipment): two are enough only if both are about social media.
        on_subject = all(hit.on_subject for hit in supporting if not _is_heading(hit))
        if count >= 3 or (count == 2 and (in_section or on_subject)):
            return Confidence.STRONG, f"{count} sentences state it"
        if in_section:
            return Confidence.STRONG, "stated in the element's own section"
        if count == 2:
            reason = "two sentences, not both about social media, outside its section"
            return Confidence.WEAK, reason
        return Confidence.WEAK, "one sentence, outside the element's section"
    if excluded:
        return Confidence.STRONG, "the policy explicitly excludes it"
    if near_misses:
        return Confidence.WEAK, f"{near_misses} sentence(s) use its terms without stating it"
    if heading is not None:
        return Confidence.WEAK, "the policy has a section on this element"
    return Confidence.STRONG, "no sentence comes close"


def _read_by_ocr(
    evidence: list[Evidence], confidence: Confidence, reason: str
) -> tuple[Confidence, str]:
    """OCR misreads words: a decision resting on OCR text, or a gap in a document partly read
    by OCR (the sentence may be there, misread), is worth a reader's check."""
    if evidence and all(item.source != OCR for item in evidence):
        return confidence, reason
    return Confidence.WEAK, f"read by OCR; {reason}"


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
            confidence=result.confidence,
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
        confidence=result.confidence,
        location=where,
    )


def _identity(document: Document, words: int | None = None) -> dict[str, Any]:
    """The fields every document report carries, judged or not."""
    return {
        "path": document.path,
        "title": _clip((document.metadata.title or "").strip() or _first_heading(document), 200)
        or None,
        "metadata": document.metadata.model_dump(),
        "format": document.format.value,
        "sha256": document.sha256,
        "pages": document.pages,
        "words": document.word_count if words is None else words,
    }


def _first_heading(document: Document) -> str:
    return next((b.text for b in document.blocks if b.kind is BlockKind.HEADING), "")


def _reading_notices(document: Document) -> list[Notice]:
    """What the reader overruled (a mismatched type) goes into the report, cached with it."""
    return [Notice(code=w.code, message=w.message) for w in document.warnings]


def _clip(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def not_judged(document: Document, language: str, pack_language: str) -> DocumentReport:
    """A document in another language gets a notice, not 38 false gaps."""
    return _unjudged(
        document,
        language,
        Notice(
            code="language-mismatch",
            message=f"document language looks like '{language}', but the rule pack is "
            f"written for '{pack_language}'; it was not judged",
        ),
    )


# Below both, a document is too thin to be a policy: a README, a changelog, a note.
MIN_POLICY_WORDS = 250
MIN_POLICY_POINTS = 3


def _not_a_policy(document: Document, hits: DocumentHits, words: int) -> str | None:
    """Why the document does not read as a policy on the pack's subject, or None if it does.
    Only a pack that names its subject (a `subject` concept) can tell; others judge all."""
    if hits.subject_mentions is None:
        return None
    if hits.subject_mentions == 0:
        return (
            f"it never mentions social media ({words:,} words), so it does not read as a "
            "social media policy; it was not judged (judge-all = true judges it anyway)"
        )
    points = sum(1 for found in hits.rules.values() if any(not hit.excluded for hit in found))
    # A short text that calls itself a policy is judged: a policy cut down to a line must
    # still fail, not pass as "not a policy".
    if words < MIN_POLICY_WORDS and points < MIN_POLICY_POINTS and not hits.titled_as_policy:
        return (
            f"only {words:,} words address {points} of {len(hits.rules)} sub-points, so it does "
            "not read as a social media policy; it was not judged (judge-all = true judges it "
            "anyway)"
        )
    return None


def _unjudged(
    document: Document, language: str, notice: Notice, words: int | None = None
) -> DocumentReport:
    return DocumentReport(
        **_identity(document, words),
        language=language,
        judged=False,
        notices=[notice, *_reading_notices(document)],
    )
