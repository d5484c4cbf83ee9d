"""JSON (the whole Report, versioned) and JSON Lines (one DocumentReport per line, then one
SetReport per policy set: a set's line has `name` and `members` where a document's has
`path`)."""

from __future__ import annotations

from gaplint.report import Report
from gaplint.reporters import RenderContext


def render(report: Report, context: RenderContext) -> str:
    return report.model_dump_json(indent=2) + "\n"


def render_jsonl(report: Report, context: RenderContext) -> str:
    lines = [doc.model_dump_json() for doc in report.documents]
    lines += [policy_set.model_dump_json() for policy_set in report.sets]
    return "".join(line + "\n" for line in lines)
