"""Reporters: one module per output format, each `render(report, context) -> str`.

This module is the registry of formats. It imports nothing heavy (the report models only
for type checking), so the CLI reads the format names from here at start-up.

A format that can stream also has `chunks(header, documents, context)`: the output piece by
piece, reading `documents` (the batch's spool, in path order) one report at a time, so a
batch of 10,000 documents is written without holding them all. Its `render` is the same
chunks joined, so both ways give the same bytes.

The commonest formats go further: `piece(doc, context)` renders one document's part alone,
so the batch renders each document as it finishes (never reading it back), and
`assemble(header, pieces, context)` puts the pieces, in path order, into the output.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    stream: str | None = None
    """The module's chunks function, when the format can be written a document at a time."""
    pieces: tuple[str, str] | None = None
    """The module's piece and assemble functions, when a document's part needs no other."""
    sets: tuple[str, str | None] | None = None
    """With pieces: the module's functions for a policy set's member's piece and for the
    sets' own pieces (after every document's; None when the sets are in the header), so a
    run with sets streams too."""


FORMATS = {
    "text": Format("text", pieces=("piece", "assemble"), sets=("member_piece", "set_pieces")),
    "json": Format("json_", pieces=("piece", "assemble"), sets=("piece", None)),
    "jsonl": Format(
        "json_",
        "render_jsonl",
        pieces=("piece_jsonl", "assemble_jsonl"),
        sets=("piece_jsonl", "set_pieces_jsonl"),
    ),
    "sarif": Format("sarif", stream="chunks"),
    "github": Format("github"),
    "concise": Format(
        "concise", pieces=("piece", "assemble"), sets=("member_piece", "set_pieces")
    ),
    "summary": Format("summary", pieces=("piece", "assemble"), sets=("piece", None)),
    "markdown": Format("markdown"),
    "html": Format("html", command="report", stream="chunks"),
    "csv": Format("csv_", command="report", stream="chunks"),
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
Documents = Iterable["DocumentReport"]
"""The documents of a report, in order; iterable more than once (a list, or the spool)."""
Chunker = Callable[["Report", Documents, RenderContext], Iterator[str]]
Piece = Callable[["DocumentReport", RenderContext], str]
SetPieces = Callable[[Sequence["SetReport"], RenderContext], list[str]]
Assembler = Callable[["Report", Iterable[str], RenderContext], Iterator[str]]


def get_renderer(fmt: str) -> Renderer:
    spec = FORMATS[fmt]
    renderer: Renderer = getattr(importlib.import_module(f"gaplint.reporters.{spec.module}"),
                                 spec.function)  # fmt: skip
    return renderer


def render(fmt: str, report: Report, context: RenderContext) -> str:
    return get_renderer(fmt)(report, context)


def _function(spec: Format, name: str) -> Any:
    return getattr(importlib.import_module(f"gaplint.reporters.{spec.module}"), name)


def render_chunks(
    fmt: str, header: Report, documents: Documents, context: RenderContext
) -> Iterator[str]:
    """The report in `fmt`, piece by piece: streamed from `documents` when the format can
    be, else rendered whole (HTML, CSV, Markdown, GitHub need every document at once),
    the renderer reading `documents` one report at a time, as often as it needs."""
    spec = FORMATS[fmt]
    members = {path for policy_set in header.sets for path in policy_set.paths}
    renderer = piece_renderer(fmt, members)
    if renderer is not None:
        yield from assemble(fmt, header, (renderer(doc, context) for doc in documents), context)
    elif spec.stream is not None:
        chunker: Chunker = _function(spec, spec.stream)
        yield from chunker(header, documents, context)
    else:  # rendered whole, but each document read from `documents` as the renderer goes
        yield render(fmt, with_documents(header, documents), context)


def with_documents(header: Report, documents: Documents) -> Report:
    """The report with `documents` as they are (a batch's spool is not read into a list):
    the renderers of formats without pieces only iterate over them, as often as needed."""
    return header.model_copy(update={"documents": documents})


def piece_renderer(fmt: str, members: Container[str] = ()) -> Piece | None:
    """The function rendering one document's part of `fmt`, if the format has pieces; with
    `members` (the paths of policy sets' members), if it can also render a run with sets:
    a member is then shown as its set shows it (the set's own pieces come at the end)."""
    spec = FORMATS[fmt]
    if spec.pieces is None or (members and spec.sets is None):
        return None
    piece: Piece = _function(spec, spec.pieces[0])
    if not members or spec.sets is None:
        return piece
    member: Piece = _function(spec, spec.sets[0])

    def either(doc: DocumentReport, context: RenderContext) -> str:
        return member(doc, context) if doc.path in members else piece(doc, context)

    return either


def streams_sets(fmt: str) -> bool:
    """Whether a run with policy sets can render `fmt` a document at a time."""
    return FORMATS[fmt].sets is not None


def piece_variant(fmt: str, context: RenderContext) -> str:
    """What a document's piece of `fmt` depends on besides the document itself, as a name
    for the cache: pieces use the context's flags, never its rule pack or root."""
    flags = "".join("1" if flag else "0" for flag in (context.color, context.show_evidence,
                                                     context.quiet))  # fmt: skip
    return f"{fmt}-{flags}"


def assemble(
    fmt: str, header: Report, pieces: Iterable[str], context: RenderContext
) -> Iterator[str]:
    """The output of `fmt` from its documents' pieces (rendered by piece_renderer), in order."""
    spec = FORMATS[fmt]
    assert spec.pieces is not None, fmt
    assembler: Assembler = _function(spec, spec.pieces[1])
    if header.sets:  # the sets' own pieces, after every document's (as `gated` orders them)
        assert spec.sets is not None, fmt
        if spec.sets[1] is not None:
            set_pieces: SetPieces = _function(spec, spec.sets[1])
            pieces = chain(pieces, set_pieces(header.sets, context))
    return assembler(header, pieces, context)


def splice_array(skeleton: str, key: str, items: Iterable[str], depth: int) -> Iterator[str]:
    """JSON written with indent=2 whose array `key` (empty in `skeleton`, a member of an
    object at nesting `depth`) is filled from `items`, each already written with indent=2:
    the same bytes as dumping the whole document at once, without holding it. The key is
    found by its indentation, so the same key deeper in the document is never taken."""
    outer = "  " * depth
    marker = f'\n{outer}"{key}": []'
    at = skeleton.index(marker) + 1
    head, tail = skeleton[:at], skeleton[at + len(marker) - 1 :]
    inner = outer + "  "
    started = False
    for item in items:
        opening = ",\n" if started else head + f'{outer}"{key}": [\n'
        yield opening + inner + item.replace("\n", "\n" + inner)
        started = True
    yield (f"\n{outer}]" if started else head + f'{outer}"{key}": []') + tail


def counts(finding: Finding) -> bool:
    """Whether a finding counts against the run (neither waived nor baselined)."""
    return not finding.waived and not finding.baselined


def open_findings(doc: DocumentReport | SetReport) -> list[Finding]:
    return [f for f in doc.findings if counts(f)]
