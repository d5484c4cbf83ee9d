"""Reporters: one module per output format, each `render(report, context) -> str`.

This module is the registry of formats. It imports nothing heavy (the report models only
for type checking), so the CLI reads the format names from here at start-up.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gaplint.report import DocumentReport, Finding, Report
    from gaplint.rules import RulePack


@dataclass(frozen=True)
class Format:
    module: str
    """gaplint.reporters.<module> has the renderer."""
    function: str = "render"
    command: str = "check"
    """The command that offers it: `check` prints findings, `report` writes a page or sheet."""


FORMATS = {
    "text": Format("text"),
    "json": Format("json_"),
    "jsonl": Format("json_", "render_jsonl"),
    "sarif": Format("sarif"),
    "github": Format("github"),
    "concise": Format("concise"),
    "markdown": Format("markdown"),
    "html": Format("html", command="report"),
    "csv": Format("csv_", command="report"),
}


def formats_for(command: str) -> tuple[str, ...]:
    return tuple(name for name, spec in FORMATS.items() if spec.command == command)


# Only these formats keep the source's lines, so a heading's line number means something.
LINE_FORMATS = {"markdown", "text", "html"}


@dataclass(frozen=True)
class RenderContext:
    pack: RulePack
    """Rule wording (titles, advice) and order; statuses come from the report."""
    root: Path
    """Repository root; SARIF URIs are relative to it."""
    color: bool = False
    show_evidence: bool = False
    quiet: bool = False
    sources: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Lines of each line-based document (see source_lines), by report path. The batch fills
    it from the bytes it checked, so that no reporter reads a file."""


Renderer = Callable[["Report", RenderContext], str]


def get_renderer(fmt: str) -> Renderer:
    spec = FORMATS[fmt]
    renderer: Renderer = getattr(importlib.import_module(f"gaplint.reporters.{spec.module}"),
                                 spec.function)  # fmt: skip
    return renderer


def render(fmt: str, report: Report, context: RenderContext) -> str:
    return get_renderer(fmt)(report, context)


def counts(finding: Finding) -> bool:
    """Whether a finding counts against the run (neither waived nor baselined)."""
    return not finding.waived and not finding.baselined


def open_findings(doc: DocumentReport) -> list[Finding]:
    return [f for f in doc.findings if counts(f)]


def _squash(text: str) -> str:
    return " ".join(re.sub(r"[#*_`>|<\[\]]", " ", text).lower().split())


def keeps_lines(doc: DocumentReport) -> bool:
    """Whether line numbers mean something for this document (not standard input)."""
    return doc.format in LINE_FORMATS and doc.path != "-"


def source_lines(data: bytes) -> tuple[str, ...]:
    """A document's lines, squashed as headings are compared (markup and case dropped)."""
    return tuple(_squash(line) for line in data.decode("utf-8", "replace").splitlines())


def heading_line(doc: DocumentReport, finding: Finding, context: RenderContext) -> int | None:
    """The 1-based line of the heading a finding points at, for line-based formats only.

    A gap is an absence and has no line of its own; the nearest honest place is the heading
    of the section on that element, found in the source. None when it cannot be found.
    """
    section = finding.location.section
    if not section or not keeps_lines(doc):
        return None
    wanted = _squash(section[-1])
    if not wanted:
        return None
    for number, line in enumerate(context.sources.get(doc.path, ()), start=1):
        if line == wanted or (line.endswith(wanted) and len(line) - len(wanted) < 8):
            return number
    return None
