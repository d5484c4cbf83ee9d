"""JSON (the whole Report, versioned) and JSON Lines (one DocumentReport per line)."""

from __future__ import annotations

from collections.abc import Iterator

from gaplint.report import Report
from gaplint.reporters import Documents, RenderContext, splice_array


def chunks(header: Report, documents: Documents, context: RenderContext) -> Iterator[str]:
    skeleton = header.model_copy(update={"documents": []}).model_dump_json(indent=2)
    items = (doc.model_dump_json(indent=2) for doc in documents)
    yield from splice_array(skeleton, "documents", items, depth=1)
    yield "\n"


def render(report: Report, context: RenderContext) -> str:
    return "".join(chunks(report, report.documents, context))


def chunks_jsonl(header: Report, documents: Documents, context: RenderContext) -> Iterator[str]:
    for doc in documents:
        yield doc.model_dump_json() + "\n"


def render_jsonl(report: Report, context: RenderContext) -> str:
    return "".join(chunks_jsonl(report, report.documents, context))
