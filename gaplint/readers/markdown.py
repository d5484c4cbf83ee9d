"""Plain text: paragraphs separated by blank lines (placeholder, to be completed)."""

from __future__ import annotations

from gaplint.document import BlockKind, DocumentBuilder
from gaplint.readers.base import Limits, ReadResult


def read_markdown(data: bytes, limits: Limits) -> ReadResult:
    text = data.decode("utf-8", errors="replace")
    builder = DocumentBuilder()
    for para in text.split("\n\n"):
        builder.add(BlockKind.PARAGRAPH, para)
    return ReadResult(blocks=builder.blocks)
