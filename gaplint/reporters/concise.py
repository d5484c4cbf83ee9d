"""One line per finding, `path:line: RULE message`, for editors and grep.

The line is the sentence's (or, for a gap, its element's section heading's) source line in
Markdown, text and HTML. PDF and DOCX have no lines: `path: RULE message` then, rather than an
invented line 1."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from gaplint.neutralise import terminal
from gaplint.report import DocumentReport, Finding, Location, Report, SetReport
from gaplint.reporters import RenderContext, open_findings, render_chunks


def _lines(doc: DocumentReport, gaps: bool = True) -> Iterator[str]:
    """Its error, or its notices and (unless it is a set member) its open gaps."""
    path = terminal(doc.path)
    if doc.error is not None:
        yield f"{path}: error[{doc.error.code}] {terminal(doc.error.message)}"
        return
    for notice in doc.notices:
        yield f"{path}: note[{notice.code}] {terminal(notice.message)}"
    if gaps:
        yield from (_line(path, finding) for finding in open_findings(doc))


def piece(doc: DocumentReport, context: RenderContext) -> str:
    return "".join(line + "\n" for line in _lines(doc))


def assemble(header: Report, pieces: Iterable[str], context: RenderContext) -> Iterator[str]:
    return iter(pieces)


def member_piece(doc: DocumentReport, context: RenderContext) -> str:
    """A policy set's member: its error or notices; its gaps are its set's (set_pieces)."""
    return "".join(line + "\n" for line in _lines(doc, gaps=False))


def set_pieces(sets: Sequence[SetReport], context: RenderContext) -> list[str]:
    return [
        "".join(
            _line(terminal(f.location.path), f, policy_set.name) + "\n"
            for f in open_findings(policy_set)
        )
        for policy_set in sets
    ]


def render(report: Report, context: RenderContext) -> str:
    return "".join(render_chunks("concise", report, report.documents, context))


def _line(path: str, finding: Finding, policy_set: str | None = None) -> str:
    in_set = f" (set {terminal(policy_set)})" if policy_set is not None else ""
    return f"{_place(path, finding.location)} {finding.rule} {terminal(finding.message)}{in_set}"


def _place(path: str, location: Location) -> str:
    if location.line is not None:
        return f"{path}:{location.line}:"
    return f"{path}:"
