"""CSV: one row per document x sub-point, for spreadsheets and dashboards, then one per
policy set x sub-point (format `set`, the set's name as path, and the member each evidence
sentence is in as `evidence_document`).

A document that was not judged (unreadable, other language) has no sub-points; it gets
one row with status `error` or `not-judged` so it is not silently absent.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from itertools import chain

from gaplint.report import DocumentReport, MemberEvidence, Report, SetReport
from gaplint.reporters import Documents, RenderContext

COLUMNS = [
    "path",
    "format",
    "sha256",
    "element",
    "element_title",
    "element_status",
    "subpoint",
    "subpoint_title",
    "status",
    "severity",
    "waived",
    "evidence_text",
    "evidence_page",
    "evidence_section",
    "recommendation",
    "evidence_document",
]

# Spreadsheets run cells starting with these as formulas; policy text is untrusted (OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _recommendation(doc: DocumentReport | SetReport, rule: str) -> str:
    # Every missing sub-point has a gap (or exclusion) finding that carries the advice.
    return next((f.recommendation for f in doc.findings if f.rule == rule), "")


def _rows(doc: DocumentReport | SetReport) -> list[dict[str, str]]:
    if isinstance(doc, SetReport):
        base = {"path": _cell(doc.name), "format": "set", "sha256": ""}
    else:
        base = {"path": _cell(doc.path), "format": doc.format or "", "sha256": doc.sha256 or ""}
    if not doc.elements:
        status = "error" if doc.error is not None else "not-judged"
        return [{**base, "status": status}]
    rows = []
    for element in doc.elements:
        for sub in element.subpoints:
            covered = sub.status.value == "covered"
            evidence = sub.evidence[0] if sub.evidence else None
            rows.append(
                {
                    **base,
                    "element": element.id,
                    "element_title": element.title,
                    "element_status": element.status.value,
                    "subpoint": sub.id,
                    "subpoint_title": sub.title,
                    "status": sub.status.value,
                    "severity": sub.severity.value,
                    "waived": "true" if sub.waiver is not None else "false",
                    "evidence_text": _cell(evidence.text) if evidence else "",
                    "evidence_page": ""
                    if evidence is None or evidence.page is None
                    else str(evidence.page),
                    "evidence_section": _cell(" › ".join(evidence.section)) if evidence else "",
                    "recommendation": "" if covered else _recommendation(doc, sub.id),
                    "evidence_document": _cell(evidence.document)
                    if isinstance(evidence, MemberEvidence)
                    else "",
                }
            )
    return rows


def chunks(header: Report, documents: Documents, context: RenderContext) -> Iterator[str]:
    """The header row, then each document's rows (read one at a time), then each set's."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    # The csv module quotes a field holding the line terminator, "\n", but not a lone CR,
    # which ends a record for spreadsheets: a row with one (in a file name) is all quoted.
    quoted = csv.DictWriter(
        out, fieldnames=COLUMNS, restval="", lineterminator="\n", quoting=csv.QUOTE_ALL
    )
    writer.writeheader()
    entries: Iterable[DocumentReport | SetReport] = chain(documents, header.sets)
    for entry in entries:
        for row in _rows(entry):
            (quoted if any("\r" in value for value in row.values()) else writer).writerow(row)
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()


def render(report: Report, context: RenderContext) -> str:
    """The report as CSV text; rows end in \\n, which text-mode files adapt to the platform."""
    return "".join(chunks(report, report.documents, context))
