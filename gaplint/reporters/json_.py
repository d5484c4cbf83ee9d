"""JSON (the whole Report, versioned) and JSON Lines (one DocumentReport per line, then one
SetReport per policy set: a set's line has `name` and `members` where a document's has
`path`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from gaplint.neutralise import json_text
from gaplint.report import DocumentReport, Report, SetReport
from gaplint.reporters import RenderContext, render_chunks, splice_array


def piece(doc: DocumentReport, context: RenderContext) -> str:
    return doc.model_dump_json(indent=2)


def assemble(header: Report, pieces: Iterable[str], context: RenderContext) -> Iterator[str]:
    skeleton = header.model_copy(update={"documents": []}).model_dump_json(indent=2)
    yield from map(json_text, splice_array(skeleton, "documents", pieces, depth=1))
    yield "\n"


def render(report: Report, context: RenderContext) -> str:
    pieces = (piece(doc, context) for doc in report.documents)
    return "".join(assemble(report, pieces, context))


def piece_jsonl(doc: DocumentReport, context: RenderContext) -> str:
    return doc.model_dump_json() + "\n"


def assemble_jsonl(header: Report, pieces: Iterable[str], context: RenderContext) -> Iterator[str]:
    return map(json_text, pieces)


def set_pieces_jsonl(sets: Sequence[SetReport], context: RenderContext) -> list[str]:
    return [policy_set.model_dump_json() + "\n" for policy_set in sets]


def render_jsonl(report: Report, context: RenderContext) -> str:
    return "".join(render_chunks("jsonl", report, report.documents, context))
