"""Only the closing summary line, for long batches: `--format summary` or `check -qq`.

Unreadable files are still named on standard error by the CLI, so nothing goes unseen."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from gaplint.report import DocumentReport, Report
from gaplint.reporters import RenderContext
from gaplint.reporters.text import summary_line


def piece(doc: DocumentReport, context: RenderContext) -> str:
    return ""


def assemble(header: Report, pieces: Iterable[str], context: RenderContext) -> Iterator[str]:
    yield summary_line(header.summary) + "\n"


def render(report: Report, context: RenderContext) -> str:
    return summary_line(report.summary) + "\n"
