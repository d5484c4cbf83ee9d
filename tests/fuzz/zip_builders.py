"""Reproducers for the zip damage the fuzzer found escaping the readers (see test_reader_bugs)."""

from __future__ import annotations

import io
import zipfile

from tests.builders.docx import simple_docx

_CENTRAL = b"PK\x01\x02"
_LOCAL = b"PK\x03\x04"
CONTENT_TYPES = "[Content_Types].xml"


def unsupported_version_docx() -> bytes:
    """A DOCX whose first central-directory entry needs zip version 20.0 to extract:
    zipfile raises NotImplementedError while opening it."""
    data = bytearray(simple_docx("Staff must keep passwords secret."))
    at = data.find(_CENTRAL)
    data[at + 6 : at + 8] = (200).to_bytes(2, "little")
    return bytes(data)


def _zip_without_document(content_types: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(CONTENT_TYPES, content_types)
        archive.writestr("word/other.xml", b"<x/>")
    return out.getvalue()


def broken_deflate_zip() -> bytes:
    """A zip (no word/document.xml, so the sniffer reads [Content_Types].xml) whose member
    has a damaged deflate stream: zlib.error, not BadZipFile."""
    data = bytearray(_zip_without_document(b"<Types>" + b"<Default Extension='xml'/>" * 200))
    at = data.find(_LOCAL)
    name_length = int.from_bytes(data[at + 26 : at + 28], "little")
    extra_length = int.from_bytes(data[at + 28 : at + 30], "little")
    start = at + 30 + name_length + extra_length
    data[start] = 0xFF  # block type 3 does not exist
    return bytes(data)


def unknown_compression_zip() -> bytes:
    """A zip whose [Content_Types].xml claims compression method 99 (AES in WinZip):
    zipfile raises NotImplementedError when reading it."""
    data = bytearray(_zip_without_document(b"<Types/>"))
    for header, offset in ((_LOCAL, 8), (_CENTRAL, 10)):
        at = data.find(header)
        data[at + offset : at + offset + 2] = (99).to_bytes(2, "little")
    return bytes(data)
