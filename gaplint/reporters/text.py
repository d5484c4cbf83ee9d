"""The terminal report: per document a score, an element table, then each gap with its fix."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from typing import Any

import click

from gaplint.neutralise import terminal
from gaplint.report import (
    Confidence,
    DocumentReport,
    ElementResult,
    Evidence,
    Finding,
    Location,
    Report,
    SubpointStatus,
    Summary,
)
from gaplint.reporters import Documents, RenderContext, counts

_STATUS_COLOUR = {"covered": "green", "partial": "yellow", "missing": "red"}
_SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "blue"}
WIDTH = 100
# A weak decision (one passing sentence, words of the rule without the statement) is marked
# so that a reader checks it; strong ones are right about 98 % of the time on unseen policies.
CHECK_THIS = " [check this]"


class _Painter:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, **style: Any) -> str:
        return click.style(text, **style) if self.enabled else text


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.0f}%"


def _where(place: Evidence | Location) -> str:
    parts = [f"page {place.page}"] if place.page else []
    parts += [f"line {place.line}"] if place.line else []
    parts += [f"paragraph {place.paragraph}"] if place.paragraph else []
    if place.section:
        parts.append("§ " + " › ".join(terminal(heading) for heading in place.section))
    return ", ".join(parts)


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]


def _element_table(elements: list[ElementResult], paint: _Painter) -> list[str]:
    width = max((len(e.title) for e in elements), default=0)
    id_width = max((len(e.id) for e in elements), default=0)
    lines = []
    for element in elements:
        covered = sum(1 for s in element.subpoints if s.status is SubpointStatus.COVERED)
        status = element.status.value
        lines.append(
            f"  {element.id:<{id_width}}  {element.title:<{width}}  "
            + paint(f"{status:<8}", fg=_STATUS_COLOUR[status])
            + f"  {covered}/{len(element.subpoints)}"
        )
    return lines


def _evidence(doc: DocumentReport, paint: _Painter) -> list[str]:
    lines = ["", "  evidence:"]
    for element in doc.elements:
        for sub in element.subpoints:
            if sub.status is not SubpointStatus.COVERED:
                continue
            weak = CHECK_THIS if sub.confidence is Confidence.WEAK else ""
            lines.append("    " + paint(sub.id, bold=True) + f" {sub.title}{weak}")
            for ev in sub.evidence:
                lines += _quote(ev)
    return lines


def _quote(ev: Evidence) -> list[str]:
    where = _where(ev)
    return _wrap(f'"{terminal(ev.text)}"' + (f" ({where})" if where else ""), "        ")


def _finding(finding: Finding, paint: _Painter) -> list[str]:
    severity = finding.severity.value
    tag = " (waived)" if finding.waived else " (baselined)" if finding.baselined else ""
    tag += CHECK_THIS if finding.confidence is Confidence.WEAK else ""
    prefix = f"{finding.rule:<6} {severity:<7} "
    body = textwrap.wrap(
        prefix + terminal(finding.message) + tag,
        WIDTH,
        initial_indent="  ",
        subsequent_indent=" " * (2 + len(prefix)),
    )
    # Colour the rule and severity after wrapping, so escape codes never count as width.
    styled = paint(f"{finding.rule:<6}", bold=True) + " "
    styled += paint(f"{severity:<7}", fg=_SEVERITY_COLOUR[severity], dim=not counts(finding))
    lines = ["  " + styled + " " + body[0][2 + len(prefix) :], *body[1:]]
    indent = " " * (2 + len(prefix))
    if finding.recommendation:
        lines += _wrap("→ " + terminal(finding.recommendation), indent)
    where = _where(finding.location)
    if where:
        lines.append(paint(f"{indent}at {where}", dim=True))
    return lines


def render_document(doc: DocumentReport, context: RenderContext) -> list[str]:
    paint = _Painter(context.color)
    path = terminal(doc.path)
    if doc.error is not None:
        # Its one line goes to standard error (cli_options.echo_input_errors), in every
        # format; here it would be the same line twice on a terminal.
        return []
    if not doc.judged:
        notes = "; ".join(terminal(n.message) for n in doc.notices) or "not judged"
        return [f"{path}: " + paint("not judged", fg="yellow") + f": {notes}"]
    shown = [f for f in doc.findings if counts(f) or not context.quiet]
    if context.quiet and not shown:
        return []
    covered = sum(
        1 for e in doc.elements for s in e.subpoints if s.status is SubpointStatus.COVERED
    )
    total = sum(len(e.subpoints) for e in doc.elements)
    lines = [
        paint(path, bold=True)
        + f"  coverage {_percent(doc.coverage)} ({covered} of {total} sub-points)"
    ]
    lines += [f"  note[{notice.code}]: {terminal(notice.message)}" for notice in doc.notices]
    if not context.quiet:
        lines += _element_table(doc.elements, paint)
        if context.show_evidence:
            lines += _evidence(doc, paint)
    if shown:
        lines += ["", "  gaps:"] if not context.quiet else []
        for finding in shown:
            lines += _finding(finding, paint)
    return lines


def summary_line(summary: Summary) -> str:
    found = summary.findings
    total = sum(found.values())
    parts = [
        f"{summary.documents} document{'s' if summary.documents != 1 else ''} checked",
        f"{total} gap{'s' if total != 1 else ''} "
        f"({found.get('error', 0)} error, {found.get('warning', 0)} warning, "
        f"{found.get('info', 0)} info)",
    ]
    if summary.waived:
        parts.append(f"{summary.waived} waived")
    if summary.baselined:
        parts.append(f"{summary.baselined} baselined")
    if summary.errors:
        parts.append(f"{summary.errors} could not be read")
    not_judged = summary.not_judged - summary.errors
    if not_judged:
        parts.append(f"{not_judged} not judged")
    if summary.mean_coverage is not None:
        parts.append(f"mean coverage {_percent(summary.mean_coverage)}")
    return ", ".join(parts) + "."


def chunks(header: Report, documents: Documents, context: RenderContext) -> Iterator[str]:
    previous = 0
    for doc in documents:
        block = render_document(doc, context)
        if not block:
            continue
        # A blank line around multi-line documents; one-line errors and notices stay together.
        if previous and (len(block) > 1 or previous > 1):
            yield "\n"
        yield "\n".join(block) + "\n"
        previous = len(block)
    if previous:
        yield "\n"
    yield summary_line(header.summary) + "\n"


def render(report: Report, context: RenderContext) -> str:
    return "".join(chunks(report, report.documents, context))
