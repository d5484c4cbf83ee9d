"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

A gap is an absence, so a result points at the heading of the element's section, and an
excluded topic at the sentence that excludes it. A policy set's gaps replace its members'
own: each is on the member with the element's section heading, otherwise the first member,
with `properties.set` naming the set. GitHub code scanning needs a
`region.startLine` on every result: where the source has no lines (PDF, DOCX) the region is
line 1, and the page or paragraph goes into the location's message and properties.
Fingerprints come from the path and the rule, so editing the policy does not reopen alerts.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gaplint import __version__
from gaplint.neutralise import json_text, sarif_text
from gaplint.paths import inside
from gaplint.report import DocumentJurisdiction, DocumentReport, Finding, Report, SetReport
from gaplint.reporters import Documents, RenderContext, splice_array
from gaplint.rules import RuleInfo

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule(info: RuleInfo) -> dict[str, Any]:
    text = [info.rationale, f"Recommendation: {info.recommendation}"]
    markdown = [
        f"**{info.title}** ({info.id})",
        "",
        f"**Why it matters.** {info.rationale}",
        "",
        f"**Recommendation.** {info.recommendation}",
    ]
    if info.example_clause:
        text.append(f"Example clause: {info.example_clause}")
        markdown += ["", "**Example clause.**", "", f"> {info.example_clause}"]
    return {
        "id": info.id,
        "name": info.name or info.id,
        "shortDescription": {"text": info.title or info.id},
        "fullDescription": {"text": info.rationale or info.title or info.id},
        "help": {"text": "\n\n".join(t for t in text if t), "markdown": "\n".join(markdown)},
        "defaultConfiguration": {"level": LEVEL.get(info.severity, "warning")},
        "properties": {
            "tags": ["policy", "gaplint", f"element-{info.element}"],
            "precision": "medium",
        },
    }


def uri_for(shown: str, root: Path) -> str:
    """The document's path relative to the repository root, or a file: URI outside it."""
    return inside(shown, root) or Path(os.path.abspath(shown)).as_uri()


def _fingerprint(uri: str, rule: str) -> str:
    return hashlib.sha256(f"{uri}\0{rule}".encode()).hexdigest()[:32]


def _location(finding: Finding, uri: str) -> dict[str, Any]:
    where = finding.location
    artifact: dict[str, Any] = {"uri": uri}
    if not uri.startswith("file:"):
        artifact["uriBaseId"] = SRCROOT
    physical: dict[str, Any] = {
        "artifactLocation": artifact,
        "region": {"startLine": where.line if where.line and where.line >= 1 else 1},
    }
    location: dict[str, Any] = {"physicalLocation": physical}
    said = [f"page {where.page}"] if where.page is not None else []
    said += [f"paragraph {where.paragraph}"] if where.paragraph is not None else []
    said += ["section: " + " › ".join(where.section)] if where.section else []
    if said:
        location["message"] = {"text": sarif_text(", ".join(said))}
    extra = {"page": where.page, "paragraph": where.paragraph}
    if any(value is not None for value in extra.values()):
        location["properties"] = {k: v for k, v in extra.items() if v is not None}
    return location


def _jurisdiction(jurisdiction: DocumentJurisdiction | None) -> dict[str, str]:
    """Whose laws the recommendation follows, and why gaplint thinks so."""
    if jurisdiction is None:
        return {}
    reason = sarif_text(jurisdiction.reason)
    return {"jurisdiction": jurisdiction.code, "jurisdictionReason": reason}


def _result(
    finding: Finding,
    uri: str,
    index: dict[str, int],
    jurisdiction: DocumentJurisdiction | None = None,
    policy_set: str | None = None,
) -> dict[str, Any]:
    text = finding.message
    if finding.recommendation:
        text += f" Recommendation: {finding.recommendation}"
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVEL[finding.severity.value],
        "kind": "fail",
        "message": {"text": sarif_text(text)},
        "locations": [_location(finding, uri)],
        "partialFingerprints": {"gaplintGap/v1": _fingerprint(uri, finding.rule)},
        "properties": {
            "findingKind": finding.kind.value,
            **({"confidence": finding.confidence.value} if finding.confidence else {}),
            **_jurisdiction(jurisdiction),
            **({"set": policy_set} if policy_set is not None else {}),
        },
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if finding.waived or finding.baselined:
        result["suppressions"] = [_suppression(finding)]
    return result


def _suppression(finding: Finding) -> dict[str, str]:
    waiver = finding.waiver
    if not finding.waived:
        return {"kind": "external", "justification": "recorded in the gaplint baseline"}
    if waiver is not None and waiver.in_document:
        # SARIF's inSource: suppressed by a comment in the scanned document itself.
        return {"kind": "inSource", "justification": sarif_text(waiver.reason)}
    reason = f": {sarif_text(waiver.reason)}" if waiver is not None else ""
    return {"kind": "external", "justification": f"waived in gaplint configuration{reason}"}


def _uri(shown: str, root: Path) -> str:
    return uri_for(shown, root) if shown != "-" else "-"


def _set_notifications(policy_set: SetReport) -> list[dict[str, Any]]:
    """A set's own notes: a member not judged, a member that could not be read (whose
    error is already an error notification of its own)."""
    said = [(n.code, n.message) for n in policy_set.notices]
    if policy_set.error is not None:
        said.append((policy_set.error.code, policy_set.error.message))
    return [
        {
            "level": "note",
            "message": {"text": sarif_text(f"set {policy_set.name}: {message}")},
            "descriptor": {"id": code},
        }
        for code, message in said
    ]


def _notifications(doc: DocumentReport, uri: str) -> list[dict[str, Any]]:
    """An unreadable document's error, or a read document's notices."""
    if doc.error is not None:
        return [
            {
                "level": "error",
                "message": {
                    "text": f"{sarif_text(doc.path)}: error[{doc.error.code}]: "
                    + sarif_text(doc.error.message)
                },
                "descriptor": {"id": doc.error.code},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": uri, "uriBaseId": SRCROOT}}}
                ],
            }
        ]
    return [
        {
            "level": "note",
            "message": {"text": sarif_text(f"{doc.path}: {notice.message}")},
            "descriptor": {"id": notice.code},
        }
        for notice in doc.notices
    ]


def _results(doc: DocumentReport, uri: str, index: dict[str, int]) -> list[dict[str, Any]]:
    if doc.error is not None:
        return []
    return [_result(f, uri, index, doc.jurisdiction) for f in doc.findings]


def _rules(context: RenderContext) -> tuple[list[dict[str, Any]], dict[str, int]]:
    rules = [_rule(info) for info in context.pack.rules()]
    return rules, {rule["id"]: number for number, rule in enumerate(rules)}


def _log(
    documents: Documents,
    context: RenderContext,
    rules: list[dict[str, Any]],
    results: list[dict[str, Any]],
    sets: list[SetReport],
) -> dict[str, Any]:
    notifications: list[dict[str, Any]] = []
    for doc in documents:
        notifications += _notifications(doc, _uri(doc.path, context.root))
    for policy_set in sets:
        notifications += _set_notifications(policy_set)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "gaplint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": context.root.as_uri().rstrip("/") + "/"}},
                "invocations": [
                    {
                        "executionSuccessful": not any(
                            n["level"] == "error" for n in notifications
                        ),
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": results,
            }
        ],
    }


def _all_results(
    documents: Documents, context: RenderContext, index: dict[str, int], sets: list[SetReport]
) -> Iterator[dict[str, Any]]:
    members = {path for policy_set in sets for path in policy_set.paths}
    for doc in documents:
        if doc.path not in members:  # a member's gaps are its set's, below
            yield from _results(doc, _uri(doc.path, context.root), index)
    for policy_set in sets:
        for finding in policy_set.findings:
            uri = _uri(finding.location.path, context.root)
            yield _result(finding, uri, index, policy_set=policy_set.name)


def build(report: Report, context: RenderContext) -> dict[str, Any]:
    """The SARIF log as one dictionary."""
    rules, index = _rules(context)
    results = list(_all_results(report.documents, context, index, report.sets))
    return _log(report.documents, context, rules, results, report.sets)


def chunks(header: Report, documents: Documents, context: RenderContext) -> Iterator[str]:
    # Two passes over the documents: the notifications come before the results in the log
    # and decide executionSuccessful; the results (most of the log) are then streamed.
    rules, index = _rules(context)
    skeleton = json.dumps(
        _log(documents, context, rules, [], header.sets), indent=2, ensure_ascii=False
    )
    items = (
        json.dumps(result, indent=2, ensure_ascii=False)
        for result in _all_results(documents, context, index, header.sets)
    )
    yield from map(json_text, splice_array(skeleton, "results", items, depth=3))
    yield "\n"


def render(report: Report, context: RenderContext) -> str:
    return "".join(chunks(report, report.documents, context))
