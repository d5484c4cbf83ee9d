"""One line per finding, `path:line: RULE message`, for editors and grep.

The line is the sentence's (or, for a gap, its element's section heading's) source line in
Markdown, text and HTML. PDF and DOCX have no lines: `path: RULE message` then, rather than an
invented line 1."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from gaplint.neutralise import terminal
from gaplint.report import DocumentReport, Location, Report
from gaplint.reporters import RenderContext, open_findings


def _lines(doc: DocumentReport) -> Iterator[str]:
    path = terminal(doc.path)
    if doc.error is not None:
        yield f"{path}: error[{doc.error.code}] {terminal(doc.error.message)}"
        return
    for notice in doc.notices:
        yield f"{path}: note[{notice.code}] {terminal(notice.message)}"
    for finding in open_findings(doc):
        place = _place(path, finding.location)
        yield f"{place} {finding.rule} {terminal(finding.message)}"


def piece(doc: DocumentReport, context: RenderContext) -> str:
    return "".join(line + "\n" for line in _lines(doc))


def assemble(header: Report, pieces: Iterable[str], context: RenderContext) -> Iterator[str]:
    return iter(pieces)


def render(report: Report, context: RenderContext) -> str:
    return "".join(piece(doc, context) for doc in report.documents)


def _place(path: str, location: Location) -> str:
    if location.line is not None:
        return f"{path}:{location.line}:"
    return f"{path}:"
