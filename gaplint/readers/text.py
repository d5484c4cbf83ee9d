"""Plain text: headings (ALL CAPS, numbered, underlined), list items and wrapped paragraphs."""

from __future__ import annotations

from gaplint.document import DocumentBuilder
from gaplint.readers.base import Limits, ReadResult
from gaplint.readers.encoding import decode_text
from gaplint.readers.textblocks import text_blocks


def split_lines(text: str) -> list[str]:
    """Lines with any newline convention. A form feed (page break) stays in its line, as
    editors count lines: text_blocks ends a block there."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_text(data: bytes, limits: Limits) -> ReadResult:
    text, _ = decode_text(data)
    builder = DocumentBuilder()
    for block in text_blocks(split_lines(text)):
        builder.add(block.kind, block.text, level=block.level, line=block.line)
    return ReadResult(blocks=builder.blocks)
