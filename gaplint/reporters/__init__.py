"""Reporters: one module per output format, each `render(report, context) -> str`.

This module is the registry of formats. It imports nothing heavy (the report models only
for type checking), so the CLI reads the format names from here at start-up.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
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


@lru_cache(maxsize=256)
def _lines(path: str) -> tuple[str, ...]:
    try:
        raw = Path(path).read_bytes()
    except OSError:
        return ()
    return tuple(_squash(line) for line in raw.decode("utf-8", "replace").splitlines())


def heading_line(doc: DocumentReport, finding: Finding) -> int | None:
    """The 1-based line of the heading a finding points at, for line-based formats only.

    A gap is an absence and has no line of its own; the nearest honest place is the heading
    of the section on that element, found in the source file. None when it cannot be found.
    """
    section = finding.location.section
    if not section or doc.format not in LINE_FORMATS or doc.path == "-":
        return None
    wanted = _squash(section[-1])
    if not wanted:
        return None
    for number, line in enumerate(_lines(doc.path), start=1):
        if line == wanted or (line.endswith(wanted) and len(line) - len(wanted) < 8):
            return number
    return None
