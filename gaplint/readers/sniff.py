"""Decide a file's format from its first bytes, using the extension only to break ties."""

from __future__ import annotations

import re
from pathlib import PurePath

from gaplint.document import DocFormat

_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<\?php|<meta|<div|<!--)", re.I)
_MARKDOWN_EXT = {".md", ".markdown", ".mdown", ".mkd"}


def sniff_format(data: bytes, name: str) -> DocFormat:
    """Return the format; readers raise InputError when the content turns out unreadable."""
    head = data[:2048]
    ext = PurePath(name).suffix.lower()
    if head.startswith(b"%PDF-"):
        return DocFormat.PDF
    if head.startswith(b"PK\x03\x04"):
        return DocFormat.DOCX
    if _HTML_START.match(head.lstrip(b"\xef\xbb\xbf")) or ext in {".html", ".htm", ".php", ".aspx"}:
        return DocFormat.HTML
    if ext in _MARKDOWN_EXT:
        return DocFormat.MARKDOWN
    return DocFormat.TEXT
