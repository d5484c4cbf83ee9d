"""JSON (the whole Report, versioned) and JSON Lines (one DocumentReport per line)."""

from __future__ import annotations

from gaplint.report import Report
from gaplint.reporters import RenderContext


def render(report: Report, context: RenderContext) -> str:
    return report.model_dump_json(indent=2) + "\n"


def render_jsonl(report: Report, context: RenderContext) -> str:
    return "".join(doc.model_dump_json() + "\n" for doc in report.documents)
