"""The terminal report: per document a score, an element table, then each gap with its fix."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
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
    MemberEvidence,
    Report,
    SetReport,
    SubpointStatus,
    Summary,
)
from gaplint.reporters import RenderContext, counts, render_chunks

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


_heading = lru_cache(maxsize=4096)(terminal)
"""terminal(), memoised for section headings, which recur on every gap of a document."""


def _where(place: Evidence | Location, path: str | None = None) -> str:
    """Where a sentence or gap is; `path` names the document too (a set's members)."""
    parts = [terminal(path)] if path else []
    parts += [f"page {place.page}"] if place.page else []
    parts += [f"line {place.line}"] if place.line else []
    parts += [f"paragraph {place.paragraph}"] if place.paragraph else []
    if place.section:
        parts.append("§ " + " › ".join(_heading(heading) for heading in place.section))
    if isinstance(place, Evidence) and place.source == "ocr":
        parts.append("read by OCR")
    return ", ".join(parts)


_CONTROL_SPACE = frozenset("\t\n\v\f\r")


@lru_cache(maxsize=4096)
def wrap(text: str, first: str, rest: str) -> tuple[str, ...]:
    """textwrap.wrap(text, WIDTH, ...), cheaply: a line that fits is what textwrap gives,
    and the rest repeat (a rule's message and advice recur in every document that misses
    it), so they are wrapped once. textwrap was 71 % of a cached 2,000-document re-run."""
    fits = len(first) + len(text) <= WIDTH
    if fits and text and not text[-1].isspace() and _CONTROL_SPACE.isdisjoint(text):
        return (first + text,)
    return tuple(textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest))


def _wrap(text: str, indent: str) -> list[str]:
    return list(wrap(text, indent, indent)) or [indent]


def _element_table(elements: Sequence[ElementResult], paint: _Painter) -> list[str]:
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


def _evidence(doc: DocumentReport | SetReport, paint: _Painter) -> list[str]:
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
    where = _where(ev, ev.document if isinstance(ev, MemberEvidence) else None)
    return _wrap(f'"{terminal(ev.text)}"' + (f" ({where})" if where else ""), "        ")


def _finding(finding: Finding, paint: _Painter, name_path: bool = False) -> list[str]:
    tag = " (waived)" if finding.waived else " (baselined)" if finding.baselined else ""
    tag += CHECK_THIS if finding.confidence is Confidence.WEAK else ""
    where = _where(finding.location, finding.location.path if name_path else None)
    return list(
        _finding_lines(
            finding.rule,
            finding.severity.value,
            finding.message + tag,
            finding.recommendation,
            where,
            counts(finding),
            paint.enabled,
        )
    )


@lru_cache(maxsize=4096)
def _finding_lines(
    rule: str,
    severity: str,
    message: str,
    recommendation: str,
    where: str,
    counted: bool,
    color: bool,
) -> tuple[str, ...]:
    # Memoised: the same gap reads the same in every document that has it (a batch of
    # thousands repeats a few hundred), so each is wrapped and styled once.
    paint = _Painter(color)
    prefix = f"{rule:<6} {severity:<7} "
    body = wrap(prefix + terminal(message), "  ", " " * (2 + len(prefix)))
    # Colour the rule and severity after wrapping, so escape codes never count as width.
    styled = paint(f"{rule:<6}", bold=True) + " "
    styled += paint(f"{severity:<7}", fg=_SEVERITY_COLOUR[severity], dim=not counted)
    lines = ["  " + styled + " " + body[0][2 + len(prefix) :], *body[1:]]
    indent = " " * (2 + len(prefix))
    if recommendation:
        lines += _wrap("→ " + terminal(recommendation), indent)
    if where:
        lines.append(paint(f"{indent}at {where}", dim=True))
    return tuple(lines)


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
    lines = [paint(path, bold=True) + f"  {_score(doc)}"]
    lines += [f"  note[{notice.code}]: {terminal(notice.message)}" for notice in doc.notices]
    return lines + _body(doc, shown, context, paint)


def _score(judged: DocumentReport | SetReport) -> str:
    subs = [s for e in judged.elements for s in e.subpoints]
    covered = sum(1 for s in subs if s.status is SubpointStatus.COVERED)
    return f"coverage {_percent(judged.coverage)} ({covered} of {len(subs)} sub-points)"


def _body(
    judged: DocumentReport | SetReport,
    shown: list[Finding],
    context: RenderContext,
    paint: _Painter,
) -> list[str]:
    """The element table, the evidence when asked for, and the gaps."""
    lines: list[str] = []
    if not context.quiet:
        if isinstance(judged, DocumentReport) and judged.jurisdiction is not None:
            lines += _wrap(f"jurisdiction: {terminal(judged.jurisdiction.describe())}", "  ")
        lines += _element_table(judged.elements, paint)
        if context.show_evidence:
            lines += _evidence(judged, paint)
    if shown:
        lines += ["", "  gaps:"] if not context.quiet else []
        for finding in shown:
            lines += _finding(finding, paint, name_path=isinstance(judged, SetReport))
    return lines


def render_set(policy_set: SetReport, context: RenderContext) -> list[str]:
    """A set as one entry: its score over all members, each member's own, then its gaps
    (each at the member it is located on)."""
    paint = _Painter(context.color)
    shown = [f for f in policy_set.findings if counts(f) or not context.quiet]
    if context.quiet and not shown and policy_set.complete:
        return []
    title = paint(f"set {terminal(policy_set.name)}", bold=True)
    count = len(policy_set.members)
    if not policy_set.judged:
        lines = [f"{title}: " + paint("not judged", fg="yellow") + ": no member was judged"]
    else:
        lines = [f"{title}  {_score(policy_set)}, {count} member{'s' if count != 1 else ''}"]
    for member in [] if context.quiet else policy_set.members:
        if member.error is not None:
            state = paint(f"error[{member.error.code}]", fg="red")
        elif not member.judged:
            state = "not judged"
        else:
            state = f"coverage {_percent(member.coverage)} on its own"
        lines.append(f"  member {terminal(member.path)}  {state}")
    if policy_set.error is not None:
        lines.append(
            "  " + paint("incomplete", fg="red") + f": {terminal(policy_set.error.message)}"
        )
    lines += [f"  note[{n.code}]: {terminal(n.message)}" for n in policy_set.notices]
    if policy_set.judged:
        lines += _body(policy_set, shown, context, paint)
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
    if summary.sets:
        parts.append(
            f"{summary.sets} set{'s' if summary.sets != 1 else ''} judged as one "
            "(members' gaps counted through their set)"
        )
    return ", ".join(parts) + "."


def piece(doc: DocumentReport, context: RenderContext) -> str:
    """The document's lines, without their last newline (empty when it shows nothing)."""
    return "\n".join(render_document(doc, context))


def assemble(header: Report, pieces: Iterable[str], context: RenderContext) -> Iterator[str]:
    previous = 0
    for block in pieces:
        if not block:
            continue
        lines = block.count("\n") + 1
        # A blank line around multi-line documents; one-line errors and notices stay together.
        if previous and (lines > 1 or previous > 1):
            yield "\n"
        yield block + "\n"
        previous = lines
    if previous:
        yield "\n"
    yield summary_line(header.summary) + "\n"


def member_piece(doc: DocumentReport, context: RenderContext) -> str:
    """A policy set's member is shown with its set (see set_pieces), not on its own."""
    return ""


def set_pieces(sets: Sequence[SetReport], context: RenderContext) -> list[str]:
    return ["\n".join(render_set(policy_set, context)) for policy_set in sets]


def render(report: Report, context: RenderContext) -> str:
    return "".join(render_chunks("text", report, report.documents, context))
