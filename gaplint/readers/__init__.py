"""Readers turn a file into a Document; the format is sniffed from content, not just the name."""

from __future__ import annotations

import hashlib
from pathlib import Path

from gaplint.document import DocFormat, Document
from gaplint.errors import ErrorCode, InputError
from gaplint.readers.base import Limits, Reader, ReadResult
from gaplint.readers.sniff import sniff_format

__all__ = ["Limits", "ReadResult", "read_bytes", "read_document"]


def _reader_for(fmt: DocFormat) -> Reader:
    # Imported lazily: pdf and docx libraries are heavy and only some runs need them.
    if fmt is DocFormat.PDF:
        from gaplint.readers.pdf import read_pdf

        return read_pdf
    if fmt is DocFormat.DOCX:
        from gaplint.readers.docx import read_docx

        return read_docx
    if fmt is DocFormat.HTML:
        from gaplint.readers.html import read_html

        return read_html
    if fmt is DocFormat.MARKDOWN:
        from gaplint.readers.markdown import read_markdown

        return read_markdown
    from gaplint.readers.text import read_text

    return read_text


def read_bytes(data: bytes, name: str, limits: Limits | None = None) -> Document:
    """Read a document held in memory; `name` is used for the report and for type hints."""
    limits = limits or Limits()
    if len(data) > limits.max_bytes:
        raise InputError(
            ErrorCode.TOO_LARGE,
            f"file is {len(data):,} bytes, over the limit of {limits.max_bytes:,}",
            name,
        )
    fmt = sniff_format(data, name)
    try:
        result = _reader_for(fmt)(data, limits)
    except InputError as error:
        error.path = name
        raise
    if not any(block.text.strip() for block in result.blocks):
        raise InputError(ErrorCode.EMPTY, "document has no text", name)
    return Document(
        path=name,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=result.pages,
        metadata=result.metadata,
        blocks=result.blocks,
        skipped=result.skipped,
    )


def read_document(path: str | Path, limits: Limits | None = None) -> Document:
    """Read a file from disk (never writing to it) into a Document, or raise InputError."""
    limits = limits or Limits()
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(ErrorCode.NOT_FOUND, "no such file", name) from None
    except OSError as error:
        raise InputError(ErrorCode.UNREADABLE, error.strerror or str(error), name) from None
    if path.is_dir():
        raise InputError(ErrorCode.UNSUPPORTED, "is a directory", name)
    if size > limits.max_bytes:
        raise InputError(
            ErrorCode.TOO_LARGE, f"file is {size:,} bytes, over the limit of {limits.max_bytes:,}", name
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(ErrorCode.UNREADABLE, error.strerror or str(error), name) from None
    return read_bytes(data, name, limits)
