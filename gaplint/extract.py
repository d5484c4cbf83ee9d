"""Render what gaplint read from a document, for `gaplint extract`."""

from __future__ import annotations

import json

from gaplint.document import Block, Document, Skipped
from gaplint.neutralise import json_text


def _skipped_line(skipped: Skipped) -> str:
    # count 0 marks a note (nothing was dropped), e.g. a file whose name was overruled.
    if skipped.count == 0:
        return f"! note: {skipped.what}: {skipped.detail or ''}".rstrip(": ")
    return f"! skipped {skipped.count} {skipped.what}: {skipped.detail or ''}".rstrip(": ")


def _json(value: object) -> str:
    return json_text(json.dumps(value, indent=2, ensure_ascii=False))


def render_extract_json(documents: list[Document]) -> str:
    """Several documents as one JSON array (concatenated objects would be no JSON at all)."""
    return _json([document.model_dump(mode="json") for document in documents])


def render_extract(document: Document, fmt: str) -> str:
    if fmt == "json":
        return _json(document.model_dump(mode="json"))
    lines = [f"# {document.path} ({document.format.value}, {document.pages or '-'} pages)"]
    meta = document.metadata
    facts = [f"{key}={value}" for key, value in meta.model_dump().items() if value]
    if facts:
        lines.append("# " + "; ".join(facts))
    lines.extend(f"# {warning.line(document.path)}" for warning in document.warnings)
    for block in document.blocks:
        where = _where(block)
        section = " > ".join(block.section) or "(top)"
        level = f" h{block.level}" if block.level is not None else ""
        lines.append(f"[{where}] [{block.kind.value}{level}] [{section}] {block.text}")
    lines.extend(_skipped_line(skipped) for skipped in document.skipped)
    return "\n".join(lines)


def _where(block: Block) -> str:
    """Page (PDF; "p3 ocr" when read by OCR), source line (Markdown, text, HTML) or
    paragraph number (DOCX)."""
    if block.page is not None:
        return f"p{block.page}" + (f" {block.source}" if block.source else "")
    if block.line is not None:
        return f"L{block.line}"
    return f"¶{block.paragraph}" if block.paragraph is not None else "-"
