"""One line per finding, `path:line: RULE message`, for editors and grep."""

from __future__ import annotations

from gaplint.report import Report
from gaplint.reporters import RenderContext, heading_line, open_findings


def render(report: Report, context: RenderContext) -> str:
    lines: list[str] = []
    for doc in report.documents:
        if doc.error is not None:
            lines.append(f"{doc.path}:1: error[{doc.error.code}] {doc.error.message}")
            continue
        for notice in doc.notices:
            lines.append(f"{doc.path}:1: note[{notice.code}] {notice.message}")
        for finding in open_findings(doc):
            line = heading_line(doc, finding, context) or 1
            lines.append(f"{doc.path}:{line}: {finding.rule} {finding.message}")
    return "".join(line + "\n" for line in lines)
