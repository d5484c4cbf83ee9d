"""Readers turn a file into a Document; the format is sniffed from content, not just the name."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

from gaplint.document import DocFormat, Document, ReadWarning
from gaplint.errors import ErrorCode, InputError
from gaplint.readers.base import Limits, Reader, ReadResult
from gaplint.readers.sniff import sniff

__all__ = ["Limits", "ReadResult", "read_bytes", "read_document", "read_file_bytes"]


def _reader_for(fmt: DocFormat) -> Reader:
    # Imported lazily: pdf and docx libraries are heavy and only some runs need them.
    if fmt is DocFormat.PDF:
        from gaplint.readers.pdf import read_pdf

        return read_pdf
    if fmt is DocFormat.DOCX:
        from gaplint.readers.docx import read_docx

        return read_docx
    if fmt is DocFormat.ODT:
        from gaplint.readers.odt import read_odt

        return read_odt
    if fmt in (DocFormat.DOC, DocFormat.RTF):
        from gaplint.readers.office_convert import read_converted

        suffix = f".{fmt.value}"
        return lambda data, limits: read_converted(data, limits, suffix)
    if fmt is DocFormat.HTML:
        from gaplint.readers.html import read_html

        return read_html
    if fmt is DocFormat.MARKDOWN:
        from gaplint.readers.markdown import read_markdown

        return read_markdown
    from gaplint.readers.text import read_text

    return read_text


def _run_reader(fmt: DocFormat, data: bytes, limits: Limits, name: str) -> ReadResult:
    """Run a reader so that every failure becomes one InputError line, never a traceback."""
    try:
        return _reader_for(fmt)(data, limits)
    except InputError as error:
        error.path = name
        raise
    except RecursionError:
        raise InputError(ErrorCode.CORRUPT, "content is nested too deeply to read", name) from None
    except MemoryError:
        raise InputError(ErrorCode.TOO_LARGE, "not enough memory to read this file", name) from None
    except Exception as error:  # a parser choking on malformed input is a corrupt file to users
        detail = " ".join(str(error).split())[:200] or type(error).__name__
        message = f"could not read as {fmt.value.upper()}: {detail}"
        raise InputError(ErrorCode.CORRUPT, message, name) from None


def read_bytes(data: bytes, name: str, limits: Limits | None = None) -> Document:
    """Read a document held in memory; `name` is used for the report and for type hints."""
    limits = limits or Limits()
    if len(data) > limits.max_bytes:
        raise InputError(
            ErrorCode.TOO_LARGE,
            f"file is {len(data):,} bytes, over the limit of {limits.max_bytes:,}",
            name,
        )
    if not data.strip():
        raise InputError(ErrorCode.EMPTY, "file is empty or only whitespace", name)
    sniffed = sniff(data, name)
    result = _run_reader(sniffed.format, data, limits, name)
    if not any(block.text.strip() for block in result.blocks):
        raise InputError(ErrorCode.EMPTY, "document has no text", name)
    warnings = []
    if sniffed.note:
        # Read by content, but the overruled name must not pass silently.
        warnings.append(ReadWarning(code=ErrorCode.MISMATCHED_TYPE.value, message=sniffed.note))
    warnings.extend(result.warnings)
    return Document(
        path=name,
        format=sniffed.format,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=result.pages,
        metadata=result.metadata,
        blocks=result.blocks,
        skipped=result.skipped,
        warnings=warnings,
    )


def read_file_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes, opened read-only; refuses at once anything that is not a regular
    file (a FIFO or /dev/zero would block or never end), or that is over the size limit.
    The one guarded way to load a document; the batch should use it too."""
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(ErrorCode.NOT_FOUND, "no such file", name) from None
    except OSError as error:
        raise InputError(ErrorCode.UNREADABLE, error.strerror or str(error), name) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(ErrorCode.UNSUPPORTED, "is a directory", name)
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or device (/dev/zero) would block or never end.
        raise InputError(ErrorCode.UNSUPPORTED, "not a regular file", name)
    if info.st_size > limits.max_bytes:
        raise InputError(
            ErrorCode.TOO_LARGE,
            f"file is {info.st_size:,} bytes, over the limit of {limits.max_bytes:,}",
            name,
        )
    try:
        with path.open("rb") as handle:
            # Bounded: a file growing after stat() cannot make us read past the limit.
            return handle.read(limits.max_bytes + 1)
    except OSError as error:
        raise InputError(ErrorCode.UNREADABLE, error.strerror or str(error), name) from None


def read_document(path: str | Path, limits: Limits | None = None) -> Document:
    """Read a file from disk (never writing to it) into a Document, or raise InputError."""
    limits = limits or Limits()
    path = Path(path)
    return read_bytes(read_file_bytes(path, limits), str(path), limits)
