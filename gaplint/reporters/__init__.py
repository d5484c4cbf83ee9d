"""Reporters: one module per output format, each `render(report, context) -> str`.

This module is the registry of formats. It imports nothing heavy (the report models only
for type checking), so the CLI reads the format names from here at start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gaplint.report import DocumentReport, Finding, Report, SetReport
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
    "summary": Format("summary"),
    "markdown": Format("markdown"),
    "html": Format("html", command="report"),
    "csv": Format("csv_", command="report"),
}


def formats_for(command: str) -> tuple[str, ...]:
    return tuple(name for name, spec in FORMATS.items() if spec.command == command)


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


def open_findings(doc: DocumentReport | SetReport) -> list[Finding]:
    return [f for f in doc.findings if counts(f)]
