"""Only the closing summary line, for long batches: `--format summary` or `check -qq`.

Unreadable files are still named on standard error by the CLI, so nothing goes unseen."""

from __future__ import annotations

from gaplint.report import Report
from gaplint.reporters import RenderContext
from gaplint.reporters.text import summary_line


def render(report: Report, context: RenderContext) -> str:
    return summary_line(report.summary) + "\n"
