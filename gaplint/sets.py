"""Policy sets: documents that together make one policy (an employee-use policy, a comment
policy, staff terms), judged as one from their members' DocumentReports.

A sub-point is covered by the set when any member covers it. Each member is judged on its own
first, with its own waivers, suppressions and baseline; the union comes after, so a member's
waived (or baselined) gap leaves the set's gap waived (or baselined) when no member covers it.
The set's decision is as sure as its best member's. A member that could not be read makes
the set incomplete (`complete: false`, `error`), and one that was not judged (not a policy,
another language) adds nothing and is named in the set's notices.

Plain data in, plain data out: no spaCy, no files. `judge_set` is the API for any caller
that has DocumentReports (a batch, a web page naming uploaded files as one set).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gaplint.discover import DEFAULT_INCLUDE, Walker, glob_match
from gaplint.paths import STDIN, display_path, relative_to
from gaplint.report import (
    Confidence,
    DocumentError,
    DocumentReport,
    ElementStatus,
    Evidence,
    Finding,
    FindingKind,
    MemberEvidence,
    Notice,
    SetElementResult,
    SetMember,
    SetReport,
    SetSubpointResult,
    SubpointResult,
    SubpointStatus,
)

if TYPE_CHECKING:
    from gaplint.config import LoadedConfig
    from gaplint.rules import RulePack

MAX_EVIDENCE = 3
MEMBER_UNREADABLE = "member-unreadable"
MEMBER_NOT_JUDGED = "member-not-judged"
GAP_KINDS = (FindingKind.GAP, FindingKind.EXCLUDED)


@dataclass(frozen=True)
class SetDeclaration:
    name: str
    globs: tuple[str, ...] | None
    """Globs relative to the configuration file; None: every document of the run (--set)."""

    def matches(self, doc: DocumentReport, root: Path) -> bool:
        return self.matches_path(doc.path, root)

    def matches_path(self, shown: str, root: Path) -> bool:
        """Whether the document its report shows as `shown` is a member."""
        if self.globs is None:
            return True
        rel = relative_to(shown, root)
        return any(glob_match(rel, glob) for glob in self.globs)


def declarations(loaded: LoadedConfig) -> list[SetDeclaration]:
    """The configuration's `[[tool.gaplint.sets]]`, then `--set NAME`, which replaces a
    configured set of the same name."""
    named = loaded.cli.set_name
    found = [SetDeclaration(s.name, tuple(s.paths)) for s in loaded.config.sets if s.name != named]
    if named is not None:
        found.append(SetDeclaration(named, None))
    return found


def with_members(paths: Sequence[str], loaded: LoadedConfig) -> tuple[str, ...]:
    """`paths` and every member of each configured set that one of them names or holds:
    pre-commit passes only the files staged, and a member is judged through its set, so
    its siblings must be read too. Nothing is added when no configured set is touched."""
    if not loaded.config.sets:
        return tuple(paths)
    named = [os.path.realpath(p) for p in paths if p != STDIN]
    config = loaded.config
    walker = Walker(
        root=Path(os.path.abspath(loaded.root)),
        include=tuple(config.include) if config.include is not None else DEFAULT_INCLUDE,
        exclude=tuple(config.exclude),
    )
    added: list[str] = []
    for declared in config.sets:
        members = _files_matching(walker, declared.paths)
        if any(_names(named, os.path.realpath(member)) for member in members):
            added += [display_path(member) for member in members]
    return tuple(dict.fromkeys([*paths, *added]))


def _names(named: list[str], member: str) -> bool:
    return any(member == p or member.startswith(p.rstrip(os.sep) + os.sep) for p in named)


def _files_matching(walker: Walker, globs: list[str]) -> list[Path]:
    """The documents under the configuration's folder whose path relative to it matches a
    glob: those a folder check would find (`include`, not `exclude`, no hidden folders)."""
    found = []
    for folder, dirs, files in os.walk(walker.root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            rel = relative_to(path, walker.root)
            if walker.excluded(path) or not walker.included(path):
                continue
            if any(glob_match(rel, g) for g in globs):
                found.append(path)
    return found


def judge_sets(
    documents: Sequence[DocumentReport], loaded: LoadedConfig, pack: RulePack | None = None
) -> list[SetReport]:
    """Every declared set that has a member among `documents`, judged from them."""
    sets = []
    for declaration in declarations(loaded):
        members = [doc for doc in documents if declaration.matches(doc, loaded.root)]
        if members:
            sets.append(judge_set(declaration.name, members, pack))
    return sets


def judge_set(
    name: str, members: Sequence[DocumentReport], pack: RulePack | None = None
) -> SetReport:
    """The set's report from its members' reports (after their waivers and baseline).
    `pack`, when given, orders elements and sub-points as the checklist does."""
    judged = [doc for doc in members if doc.judged and doc.error is None]
    report = SetReport(
        name=name,
        members=[_member(doc) for doc in members],
        judged=bool(judged),
        notices=_member_notices(members),
    )
    unreadable = [doc for doc in members if doc.error is not None]
    if unreadable:
        report.complete = False
        report.error = DocumentError(
            code=MEMBER_UNREADABLE,
            message="; ".join(
                f"{doc.path}: error[{doc.error.code}]: {doc.error.message}"
                for doc in unreadable
                if doc.error is not None
            )
            + "; the set's verdict leaves out what it covers",
        )
    if not judged:
        return report
    report.elements = _elements(judged, pack)
    report.findings = _findings(judged, report.elements)
    subs = [s for e in report.elements for s in e.subpoints]
    covered = sum(1 for s in subs if s.status is SubpointStatus.COVERED)
    report.coverage = round(covered / len(subs), 4) if subs else None
    return report


def _member(doc: DocumentReport) -> SetMember:
    return SetMember(
        path=doc.path,
        title=doc.title,
        judged=doc.judged,
        coverage=doc.coverage,
        error=doc.error,
        notices=doc.notices,
    )


def _member_notices(members: Sequence[DocumentReport]) -> list[Notice]:
    notices = []
    for doc in members:
        if doc.error is None and not doc.judged:
            reason = doc.notices[0].message if doc.notices else "not judged"
            notices.append(
                Notice(
                    code=MEMBER_NOT_JUDGED,
                    message=f"{doc.path} was not judged ({reason}); it adds nothing to the set",
                )
            )
    return notices


def _order(pack: RulePack | None, seen: Iterable[str]) -> list[str]:
    ids = list(dict.fromkeys(seen))
    if pack is None:
        return ids
    rank = {rule_id: i for i, rule_id in enumerate(pack.ids())}
    return sorted(ids, key=lambda rule_id: rank.get(rule_id, len(rank)))


def _elements(judged: list[DocumentReport], pack: RulePack | None) -> list[SetElementResult]:
    element_ids = _order(pack, (e.id for doc in judged for e in doc.elements))
    results = []
    for element_id in element_ids:
        parts = [(doc, e) for doc in judged for e in doc.elements if e.id == element_id]
        sub_ids = _order(pack, (s.id for _, e in parts for s in e.subpoints))
        subpoints = [
            _subpoint([(doc, s) for doc, e in parts for s in e.subpoints if s.id == sub_id])
            for sub_id in sub_ids
        ]
        covered = sum(1 for s in subpoints if s.status is SubpointStatus.COVERED)
        headed = next(((doc, e) for doc, e in parts if e.section), None)
        results.append(
            SetElementResult(
                id=element_id,
                title=parts[0][1].title,
                status=_element_status(covered, len(subpoints)),
                coverage=round(covered / len(subpoints), 4) if subpoints else 0.0,
                section=headed[1].section if headed else [],
                section_document=headed[0].path if headed else None,
                subpoints=subpoints,
            )
        )
    return results


def _element_status(covered: int, total: int) -> ElementStatus:
    if total and covered == total:
        return ElementStatus.COVERED
    return ElementStatus.PARTIAL if covered else ElementStatus.MISSING


def _strong_first(
    results: list[tuple[DocumentReport, SubpointResult]],
) -> list[tuple[DocumentReport, SubpointResult]]:
    # Stable: among equally sure members, the set's member order.
    return sorted(results, key=lambda pair: pair[1].confidence is not Confidence.STRONG)


def _cite(doc: DocumentReport, evidence: Evidence) -> MemberEvidence:
    return MemberEvidence(**evidence.model_dump(), document=doc.path)


def _subpoint(results: list[tuple[DocumentReport, SubpointResult]]) -> SetSubpointResult:
    """One sub-point over the members that judged it: covered when any covers it, as sure
    as the surest member that decides it so."""
    first = results[0][1]
    covering = [(doc, s) for doc, s in results if s.status is SubpointStatus.COVERED]
    deciding = _strong_first(covering or results)
    best_doc, best = deciding[0]
    severity = max((s.severity for _, s in results), key=lambda level: level.rank)
    reason = f"{best_doc.path}: {best.confidence_reason}" if best.confidence_reason else ""
    if covering:
        evidence = [_cite(doc, ev) for doc, s in deciding for ev in s.evidence][:MAX_EVIDENCE]
        return SetSubpointResult(
            id=first.id,
            title=first.title,
            status=SubpointStatus.COVERED,
            severity=severity,
            evidence=evidence,
            confidence=best.confidence,
            confidence_reason=reason,
            covered_by=[doc.path for doc, _ in covering],
        )
    excluded = next(((doc, s.excluded_by) for doc, s in results if s.excluded_by), None)
    return SetSubpointResult(
        id=first.id,
        title=first.title,
        status=SubpointStatus.MISSING,
        severity=severity,
        excluded_by=_cite(*excluded) if excluded else None,
        confidence=best.confidence,
        confidence_reason=reason,
        waiver=next((s.waiver for _, s in results if s.waiver is not None), None),
    )


def _findings(judged: list[DocumentReport], elements: list[SetElementResult]) -> list[Finding]:
    """The set's gaps, each a member's own finding: the excluding sentence for an excluded
    topic, else the member with the element's section heading, else the first member."""
    findings: list[Finding] = []
    for element in elements:
        if element.status is ElementStatus.MISSING:
            chosen = _located(judged, element.id, (FindingKind.ELEMENT_MISSING,))
            if chosen is not None:
                sure = {s.confidence for s in element.subpoints}
                chosen.confidence = (
                    Confidence.WEAK if Confidence.WEAK in sure else Confidence.STRONG
                )
                findings.append(chosen)
        for sub in element.subpoints:
            if sub.status is SubpointStatus.MISSING:
                chosen = _located(judged, sub.id, GAP_KINDS)
                if chosen is not None:
                    chosen.confidence = sub.confidence
                    findings.append(chosen)
    seen: set[tuple[str, str]] = set()
    for doc in judged:  # an expired waiver still counts, on the member it was written for
        for finding in doc.findings:
            key = (finding.rule, finding.message)
            if finding.kind is FindingKind.EXPIRED_WAIVER and key not in seen:
                seen.add(key)
                findings.append(finding.model_copy(deep=True))
    findings.sort(key=lambda f: (f.rule, f.kind is FindingKind.EXPIRED_WAIVER))
    return findings


def _located(
    judged: list[DocumentReport], rule: str, kinds: tuple[FindingKind, ...]
) -> Finding | None:
    candidates = [f for doc in judged for f in doc.findings if f.rule == rule and f.kind in kinds]
    if not candidates:
        return None  # the rule is not selected for its element (only its sub-points)
    excluded = [f for f in candidates if f.kind is FindingKind.EXCLUDED]
    headed = [f for f in candidates if f.location.section or f.location.line is not None]
    chosen = (excluded or headed or candidates)[0].model_copy(deep=True)
    # Each member's waivers and baseline apply before the union: one accepted gap is enough.
    waived = next((f for f in candidates if f.waived), None)
    chosen.waived, chosen.waiver = (True, waived.waiver) if waived else (False, None)
    chosen.baselined = any(f.baselined for f in candidates)
    return chosen
