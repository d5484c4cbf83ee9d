"""Only the closing summary line, for long batches: `--format summary` or `check -qq`.

Unreadable files are still named on standard error by the CLI, so nothing goes unseen."""

from __future__ import annotations

from collections.abc import Iterator

from gaplint.report import Report
from gaplint.reporters import Documents, RenderContext
from gaplint.reporters.text import summary_line


def chunks(header: Report, documents: Documents, context: RenderContext) -> Iterator[str]:
    yield summary_line(header.summary) + "\n"


def render(report: Report, context: RenderContext) -> str:
    return "".join(chunks(report, report.documents, context))
