"""One line per finding, `path:line: RULE message`, for editors and grep.

The line is the sentence's (or, for a gap, its element's section heading's) source line in
Markdown, text and HTML. PDF and DOCX have no lines: `path: RULE message` then, rather than an
invented line 1."""

from __future__ import annotations

from gaplint.neutralise import terminal
from gaplint.report import Finding, Location, Report
from gaplint.reporters import RenderContext, open_findings


def render(report: Report, context: RenderContext) -> str:
    lines: list[str] = []
    members = {path for policy_set in report.sets for path in policy_set.paths}
    for doc in report.documents:
        path = terminal(doc.path)
        if doc.error is not None:
            lines.append(f"{path}: error[{doc.error.code}] {terminal(doc.error.message)}")
            continue
        for notice in doc.notices:
            lines.append(f"{path}: note[{notice.code}] {terminal(notice.message)}")
        if doc.path not in members:  # a member's gaps are its set's, below
            lines += [_line(path, finding) for finding in open_findings(doc)]
    for policy_set in report.sets:
        lines += [
            _line(terminal(f.location.path), f, policy_set.name) for f in open_findings(policy_set)
        ]
    return "".join(line + "\n" for line in lines)


def _line(path: str, finding: Finding, policy_set: str | None = None) -> str:
    in_set = f" (set {terminal(policy_set)})" if policy_set is not None else ""
    return f"{_place(path, finding.location)} {finding.rule} {terminal(finding.message)}{in_set}"


def _place(path: str, location: Location) -> str:
    if location.line is not None:
        return f"{path}:{location.line}:"
    return f"{path}:"
