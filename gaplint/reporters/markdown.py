"""A pull-request comment: a summary table, then each document's open gaps.

GitHub refuses a comment over 65,536 characters, so the comment is held to COMMENT_LIMIT:
each document gets a fair share of what is left, and a document whose gaps do not fit says
how many were left out and where the full report is.
"""

from __future__ import annotations

from collections.abc import Iterator

from gaplint.neutralise import markdown_code, markdown_text
from gaplint.report import DocumentReport, Finding, Report, SetReport, iter_gated
from gaplint.reporters import RenderContext, open_findings

_ICON = {"error": "🔴", "warning": "🟡", "info": "🔵"}

COMMENT_LIMIT = 60_000
"""Characters; below GitHub's 65,536 with room for a workflow's own lines around it."""

FULL_REPORT = "the full report is in the workflow run's artifacts (`gaplint check --format text`)"
_RESERVE = 400
"""Kept back for the lines that say what was left out."""


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _name(entry: DocumentReport | SetReport) -> str:
    if isinstance(entry, DocumentReport):
        return markdown_code(entry.path)
    members = ", ".join(markdown_code(path) for path in entry.paths)
    return f"set {markdown_text(entry.name)} ({members})"


def _status(entry: DocumentReport | SetReport) -> str:
    if isinstance(entry, SetReport) and entry.judged:
        # Judged from the members that could be read; an unreadable one is named too.
        suffix = "" if entry.complete else " (incomplete)"
        return _percent(entry.coverage) + suffix
    if entry.error is not None:
        return f"error[{entry.error.code}]"
    if not entry.judged:
        return "not judged"
    return _percent(entry.coverage)


def _size(lines: list[str]) -> int:
    return sum(len(line) + 1 for line in lines)


def _fit(lines: list[str], budget: int) -> list[str]:
    """The longest head of `lines` within `budget` characters."""
    kept: list[str] = []
    used = 0
    for line in lines:
        used += len(line) + 1
        if used > budget:
            break
        kept.append(line)
    return kept


def _row(f: Finding, name_path: bool = False) -> str:
    level = f.severity.value
    where = f" (at {markdown_code(f.location.path)})" if name_path else ""
    return (
        f"| **{f.rule}** | {_ICON[level]} {level} | {markdown_text(f.message)}{where} "
        f"| {markdown_text(f.recommendation)} |"
    )


def _summary(report: Report) -> list[str]:
    summary = report.summary
    total = sum(summary.findings.values())
    out = [
        f"## gaplint: {total} gap{'s' if total != 1 else ''} in "
        f"{summary.documents} document{'s' if summary.documents != 1 else ''}",
        "",
        "| Document | Coverage | Errors | Warnings | Info |",
        "|---|---:|---:|---:|---:|",
    ]
    for entry in iter_gated(report.documents, report.sets):
        found = open_findings(entry)
        by = {level: sum(1 for f in found if f.severity.value == level)
              for level in ("error", "warning", "info")}  # fmt: skip
        out.append(
            f"| {_name(entry)} | {_status(entry)} | {by['error']} | {by['warning']} "
            f"| {by['info']} |"
        )
    extra = []
    if summary.waived:
        extra.append(f"{summary.waived} waived")
    if summary.baselined:
        extra.append(f"{summary.baselined} baselined")
    if extra:
        out += ["", f"Not counted: {', '.join(extra)}."]
    return out


def _left_out_note(count: int) -> str:
    return f"*{count} more {'gap' if count == 1 else 'gaps'} not shown (full report: artifacts).*"


def _section(doc: DocumentReport | SetReport, budget: int) -> tuple[list[str], bool]:
    """One document's (or set's) notes and gaps within `budget`, with a line saying how many
    gaps were left out (none at all when not even its heading fits), and whether it is
    whole."""
    found = open_findings(doc)
    notes = [n.message for n in doc.notices]
    if doc.error is not None:
        notes.append(doc.error.message)
    head = ["", f"### {_name(doc)}", ""]
    if isinstance(doc, DocumentReport) and doc.jurisdiction is not None:
        head += [f"Jurisdiction: {markdown_text(doc.jurisdiction.describe())}", ""]
    head += [f"> {markdown_text(note)}" for note in notes]
    in_set = isinstance(doc, SetReport)
    rows = [_row(f, in_set) for f in found]
    table = ["| Rule | Severity | Gap | Recommendation |", "|---|---|---|---|"] if rows else []
    full = head + table + rows
    if _size(full) <= budget:
        return full, True
    kept = _fit(full, budget - _size(["", _left_out_note(len(rows))]))
    if len(kept) < len(head):
        return [], False
    if len(kept) <= len(head) + len(table):
        kept = head  # a table header with no rows under it says nothing
    left_out = len(rows) - max(len(kept) - len(head) - len(table), 0)
    return [*kept, "", _left_out_note(left_out)], False


def render(report: Report, context: RenderContext) -> str:
    out = _summary(report)
    room = COMMENT_LIMIT - _RESERVE
    if _size(out) > room:
        return "\n".join([*_fit(out, room), "", f"*Table cut short: {FULL_REPORT}.*"]) + "\n"
    # Two passes over the documents (a batch's spool, read as it goes): count, then write.
    def pending() -> Iterator[DocumentReport | SetReport]:
        entries = iter_gated(report.documents, report.sets)
        return (doc for doc in entries if open_findings(doc) or doc.notices or doc.error)

    count = sum(1 for _ in pending())
    dropped = gaps = 0
    whole = True
    for index, doc in enumerate(pending()):
        # A fair share of what is left; what a short document does not use passes on.
        share = (room - _size(out)) // (count - index)
        section, complete = _section(doc, share)
        whole = whole and complete
        if not section:
            dropped += 1
            gaps += len(open_findings(doc))
        out += section
    if dropped:
        out += ["", f"*{dropped} more documents with {gaps} gaps not shown.*"]
    if not whole:
        out += ["", f"*Cut to fit GitHub's limit for a comment: {FULL_REPORT}.*"]
    return "\n".join(out) + "\n"
