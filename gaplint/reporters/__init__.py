"""Reporters: one module per output format, each `render(report, context) -> str`."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gaplint.catalog import Catalog
from gaplint.report import DocumentReport, Finding, Report

FORMATS = ("text", "json", "jsonl", "sarif", "github", "concise", "markdown")
_MODULES = {
    "text": "text",
    "json": "json_",
    "jsonl": "json_",
    "sarif": "sarif",
    "github": "github",
    "concise": "concise",
    "markdown": "markdown",
}
# Only these formats keep the source's lines, so a heading's line number means something.
LINE_FORMATS = {"markdown", "text", "html"}


@dataclass(frozen=True)
class RenderContext:
    catalog: Catalog
    root: Path
    """Repository root; SARIF URIs are relative to it."""
    color: bool = False
    show_evidence: bool = False
    quiet: bool = False


Renderer = Callable[[Report, RenderContext], str]


def get_renderer(fmt: str) -> Renderer:
    module = importlib.import_module(f"gaplint.reporters.{_MODULES[fmt]}")
    renderer: Renderer = getattr(module, "render_jsonl" if fmt == "jsonl" else "render")
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
