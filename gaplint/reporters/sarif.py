"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

A gap is an absence, so a result points at the document, and at the heading of the
element's section only when that heading has a real line in a line-based source file.
Fingerprints come from the path and the rule, so editing the policy does not reopen alerts.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from gaplint import __version__
from gaplint.catalog import RuleInfo
from gaplint.neutralise import sarif_text
from gaplint.report import DocumentReport, Finding, Report
from gaplint.reporters import RenderContext, heading_line

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
    """The document's path relative to the repository root, as a URI reference."""
    absolute = Path(os.path.abspath(shown))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_uri()


def _fingerprint(uri: str, rule: str) -> str:
    return hashlib.sha256(f"{uri}\0{rule}".encode()).hexdigest()[:32]


def _location(doc: DocumentReport, finding: Finding, uri: str) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": uri}
    if not uri.startswith("file:"):
        artifact["uriBaseId"] = SRCROOT
    physical: dict[str, Any] = {"artifactLocation": artifact}
    line = heading_line(doc, finding)
    if line is not None and line >= 1:
        physical["region"] = {"startLine": line}
    location: dict[str, Any] = {"physicalLocation": physical}
    if finding.location.section:
        section = " › ".join(finding.location.section)
        location["message"] = {"text": "section: " + sarif_text(section)}
    return location


def _result(
    doc: DocumentReport, finding: Finding, uri: str, index: dict[str, int]
) -> dict[str, Any]:
    text = finding.message
    if finding.recommendation:
        text += f" Recommendation: {finding.recommendation}"
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVEL[finding.severity.value],
        "kind": "fail",
        "message": {"text": sarif_text(text)},
        "locations": [_location(doc, finding, uri)],
        "partialFingerprints": {"gaplintGap/v1": _fingerprint(uri, finding.rule)},
        "properties": {"findingKind": finding.kind.value},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if finding.waived or finding.baselined:
        result["suppressions"] = [
            {
                "kind": "external",
                "justification": "waived in gaplint configuration"
                if finding.waived
                else "recorded in the gaplint baseline",
            }
        ]
    return result


def build(report: Report, context: RenderContext) -> dict[str, Any]:
    rules = [_rule(info) for info in context.catalog.rules()]
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for doc in report.documents:
        uri = uri_for(doc.path, context.root) if doc.path != "-" else "-"
        if doc.error is not None:
            notifications.append(
                {
                    "level": "error",
                    "message": {
                        "text": f"{sarif_text(doc.path)}: error[{doc.error.code}]: "
                        + sarif_text(doc.error.message)
                    },
                    "descriptor": {"id": doc.error.code},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": uri, "uriBaseId": SRCROOT}
                            }
                        }
                    ],
                }
            )
            continue
        for notice in doc.notices:
            notifications.append(
                {
                    "level": "note",
                    "message": {"text": sarif_text(f"{doc.path}: {notice.message}")},
                    "descriptor": {"id": notice.code},
                }
            )
        results += [_result(doc, finding, uri, index) for finding in doc.findings]
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


def render(report: Report, context: RenderContext) -> str:
    return json.dumps(build(report, context), indent=2, ensure_ascii=False) + "\n"
