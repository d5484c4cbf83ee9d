"""Render what gaplint read from a document, for `gaplint extract`."""

from __future__ import annotations

import json

from gaplint.document import Document


def render_extract(document: Document, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(document.model_dump(mode="json"), indent=2, ensure_ascii=False)
    lines = [f"# {document.path} ({document.format.value}, {document.pages or '-'} pages)"]
    for block in document.blocks:
        where = f"p{block.page}" if block.page is not None else "-"
        section = " > ".join(block.section) or "(top)"
        lines.append(f"[{where}] [{block.kind.value}] [{section}] {block.text}")
    for skipped in document.skipped:
        lines.append(f"! skipped {skipped.count} {skipped.what}: {skipped.detail or ''}".rstrip())
    return "\n".join(lines)
