"""A pull-request comment: a summary table, then each document's open gaps."""

from __future__ import annotations

from gaplint.neutralise import markdown_code, markdown_text
from gaplint.report import DocumentReport, Report
from gaplint.reporters import RenderContext, open_findings

_ICON = {"error": "🔴", "warning": "🟡", "info": "🔵"}


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _status(doc: DocumentReport) -> str:
    if doc.error is not None:
        return f"error[{doc.error.code}]"
    if not doc.judged:
        return "not judged"
    return _percent(doc.coverage)


def render(report: Report, context: RenderContext) -> str:
    summary = report.summary
    total = sum(summary.findings.values())
    out = [
        f"## gaplint: {total} gap{'s' if total != 1 else ''} in "
        f"{summary.documents} document{'s' if summary.documents != 1 else ''}",
        "",
        "| Document | Coverage | Errors | Warnings | Info |",
        "|---|---:|---:|---:|---:|",
    ]
    for doc in report.documents:
        found = open_findings(doc)
        by = {level: sum(1 for f in found if f.severity.value == level)
              for level in ("error", "warning", "info")}  # fmt: skip
        out.append(
            f"| {markdown_code(doc.path)} | {_status(doc)} | {by['error']} | {by['warning']} "
            f"| {by['info']} |"
        )
    extra = []
    if summary.waived:
        extra.append(f"{summary.waived} waived")
    if summary.baselined:
        extra.append(f"{summary.baselined} baselined")
    if extra:
        out += ["", f"Not counted: {', '.join(extra)}."]
    for doc in report.documents:
        found = open_findings(doc)
        notes = [n.message for n in doc.notices]
        if doc.error is not None:
            notes.append(doc.error.message)
        if not found and not notes:
            continue
        out += ["", f"### {markdown_code(doc.path)}", ""]
        out += [f"> {markdown_text(note)}" for note in notes]
        if found:
            out += ["| Rule | Severity | Gap | Recommendation |", "|---|---|---|---|"]
            for f in found:
                level = f.severity.value
                out.append(
                    f"| **{f.rule}** | {_ICON[level]} {level} | {markdown_text(f.message)} "
                    f"| {markdown_text(f.recommendation)} |"
                )
    return "\n".join(out) + "\n"
