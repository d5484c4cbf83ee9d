"""One line per finding, `path:line: RULE message`, for editors and grep."""

from __future__ import annotations

from gaplint.neutralise import terminal
from gaplint.report import Report
from gaplint.reporters import RenderContext, heading_line, open_findings


def render(report: Report, context: RenderContext) -> str:
    lines: list[str] = []
    for doc in report.documents:
        path = terminal(doc.path)
        if doc.error is not None:
            lines.append(f"{path}:1: error[{doc.error.code}] {terminal(doc.error.message)}")
            continue
        for notice in doc.notices:
            lines.append(f"{path}:1: note[{notice.code}] {terminal(notice.message)}")
        for finding in open_findings(doc):
            line = heading_line(doc, finding) or 1
            lines.append(f"{path}:{line}: {finding.rule} {terminal(finding.message)}")
    return "".join(line + "\n" for line in lines)
