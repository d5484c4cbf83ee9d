"""`gaplint diff` output: text for people and CI logs, JSON (gaplint.diff_model), Markdown for a
pull-request comment. Document text and paths pass through gaplint.neutralise here."""

from __future__ import annotations

from gaplint.diff_model import ChangedSentence, ChangeKind, DiffReport, DocumentDiff
from gaplint.neutralise import json_text, markdown_code, markdown_text, terminal
from gaplint.reporters.markdown import COMMENT_LIMIT

DIFF_FORMATS = ("text", "json", "markdown")

_MARK = {"added": "+", "removed": "-", "kept": "="}
_ICON = {"lost": "🔴", "gained": "🟢", "moved": "🔵"}


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.0f}%"


def _counts(diff: DocumentDiff) -> str:
    return ", ".join(f"{diff.count(kind)} {kind.value}" for kind in ChangeKind)


def _place(sentence: ChangedSentence) -> str:
    parts = [f"page {sentence.page}"] if sentence.page else []
    parts += [f"line {sentence.line}"] if sentence.line else []
    parts += [f"paragraph {sentence.paragraph}"] if sentence.paragraph else []
    if sentence.section:
        parts.append("§ " + " › ".join(sentence.section))
    return ", ".join(parts)


def _summary_line(report: DiffReport) -> str:
    s = report.summary
    noun = "document" if s.documents == 1 else "documents"
    return f"{s.documents} {noun} compared: {s.lost} lost, {s.gained} gained, {s.moved} moved."


def render_text(report: DiffReport) -> str:
    out: list[str] = []
    for diff in report.diffs:
        if diff.error is not None:
            continue  # already one line on standard error
        head = f"{terminal(diff.old)} → {terminal(diff.new)}"
        out.append(
            f"{head}  coverage {_percent(diff.old_coverage)} → {_percent(diff.new_coverage)}"
            f"  ({_counts(diff)})"
        )
        out += [f"  note: {terminal(notice.message)}" for notice in diff.notices]
        if not diff.changes and not diff.notices:
            out.append("  no sub-point gained or lost")
        for change in diff.changes:
            out.append(f"  {change.kind.value:<7} {terminal(change.message)}")
            for sentence in change.sentences:
                place = terminal(_place(sentence))
                out.append(
                    f"            {_MARK[sentence.change.value]} {sentence.change.value} "
                    f"({sentence.version}{', ' + place if place else ''}): "
                    f'"{terminal(sentence.text)}"'
                )
        out.append("")
    out.append(_summary_line(report))
    return "\n".join(out) + "\n"


def render_json(report: DiffReport) -> str:
    return json_text(report.model_dump_json(indent=2)) + "\n"


def _markdown_diff(diff: DocumentDiff) -> list[str]:
    out = [
        "",
        f"### {markdown_code(diff.new)}: coverage {_percent(diff.old_coverage)} → "
        f"{_percent(diff.new_coverage)}",
        "",
        f"Compared with {markdown_code(diff.old)}: {_counts(diff)}.",
    ]
    if diff.error is not None:
        what = f"{diff.error_in or ''}: error[{diff.error.code}]: {diff.error.message}"
        out += ["", f"> {markdown_text(what)}"]
    out += ["", *(f"> {markdown_text(notice.message)}" for notice in diff.notices)]
    for change in diff.changes:
        out.append(f"- {_ICON[change.kind.value]} **{change.kind.value}** "
                   f"{markdown_text(change.message)}")  # fmt: skip
        for sentence in change.sentences:
            place = _place(sentence)
            out.append(
                f"  - {sentence.change.value} ({sentence.version}"
                f"{', ' + markdown_text(place) if place else ''}): {markdown_text(sentence.text)}"
            )
    return out


def render_markdown(report: DiffReport) -> str:
    s = report.summary
    out = [f"## gaplint diff: {s.lost} sub-point{'s' if s.lost != 1 else ''} lost, "
           f"{s.gained} gained, {s.moved} moved"]  # fmt: skip
    for diff in report.diffs:
        out += _markdown_diff(diff)
    text = "\n".join(out) + "\n"
    if len(text) > COMMENT_LIMIT:
        # GitHub refuses longer comments; the losses come first in each message line.
        cut = text[: COMMENT_LIMIT - 200].rsplit("\n", 1)[0]
        text = cut + "\n\n*Cut to fit GitHub's limit for a comment: run `gaplint diff` for all.*\n"
    return text


RENDERERS = {"text": render_text, "json": render_json, "markdown": render_markdown}
