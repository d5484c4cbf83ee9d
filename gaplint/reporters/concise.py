"""One line per finding, `path:line: RULE message`, for editors and grep.

The line is the sentence's (or, for a gap, its element's section heading's) source line in
Markdown, text and HTML. PDF and DOCX have no lines: `path: RULE message` then, rather than an
invented line 1."""

from __future__ import annotations

from gaplint.neutralise import terminal
from gaplint.report import Location, Report
from gaplint.reporters import RenderContext, open_findings


def render(report: Report, context: RenderContext) -> str:
    lines: list[str] = []
    for doc in report.documents:
        path = terminal(doc.path)
        if doc.error is not None:
            lines.append(f"{path}: error[{doc.error.code}] {terminal(doc.error.message)}")
            continue
        for notice in doc.notices:
            lines.append(f"{path}: note[{notice.code}] {terminal(notice.message)}")
        for finding in open_findings(doc):
            place = _place(path, finding.location)
            lines.append(f"{place} {finding.rule} {terminal(finding.message)}")
    return "".join(line + "\n" for line in lines)


def _place(path: str, location: Location) -> str:
    if location.line is not None:
        return f"{path}:{location.line}:"
    return f"{path}:"
