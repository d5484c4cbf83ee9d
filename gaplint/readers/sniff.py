"""Decide a file's format from its content; the name only breaks ties between text formats.

Policy on names that disagree with content (documented in the README of readers):
- The content is PDF or DOCX but the name says otherwise (a PDF saved as .docx): read it by
  content and return a note, which `read_bytes` records as one line in Document.warnings.
- The name claims a binary format (.pdf, .docx, .doc, images, ...) but the content is text or
  HTML: MISMATCHED_TYPE. That is nearly always a failed download or a saved error/login page,
  and linting it would report every policy element as missing.
- The name claims a readable format but the content is an unsupported binary (a JPEG named
  .pdf): MISMATCHED_TYPE naming both. Unsupported content under its own name: UNSUPPORTED.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from gaplint.document import DocFormat
from gaplint.errors import ErrorCode, InputError
from gaplint.readers.encoding import decode_text, looks_binary
from gaplint.readers.zipfailures import ZIP_FAILURES, is_encrypted

HTML_EXTENSIONS = {
    ".html", ".htm", ".xhtml", ".shtml", ".php", ".aspx", ".asp", ".jsp", ".cfm",
}  # fmt: skip
MARKDOWN_EXTENSIONS = {".md", ".markdown", ".mdown", ".mkd", ".mkdn"}
TEXT_EXTENSIONS = {".txt", ".text"}
_EXPECTED: dict[str, DocFormat] = {
    ".pdf": DocFormat.PDF,
    ".docx": DocFormat.DOCX,
    ".docm": DocFormat.DOCX,
    ".dotx": DocFormat.DOCX,
    ".odt": DocFormat.ODT,
    ".doc": DocFormat.DOC,
    ".rtf": DocFormat.RTF,
    **{ext: DocFormat.HTML for ext in HTML_EXTENSIONS},
    **{ext: DocFormat.MARKDOWN for ext in MARKDOWN_EXTENSIONS},
    **{ext: DocFormat.TEXT for ext in TEXT_EXTENSIONS},
}
# Names that promise binary content: text under them is a failed download, not a policy.
_BINARY_EXTENSIONS = {
    ".pdf", ".docx", ".docm", ".dotx", ".doc", ".dot", ".xls", ".xlsx", ".ppt", ".pptx",
    ".odt", ".rtf", ".zip", ".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".bmp",
    ".webp", ".heic", ".exe", ".dll",
}  # fmt: skip

_DESCRIPTIONS = {
    DocFormat.PDF: "a PDF",
    DocFormat.DOCX: "a DOCX document",
    DocFormat.ODT: "an OpenDocument text file",
    DocFormat.DOC: "a legacy Word .doc file",
    DocFormat.RTF: "an RTF document",
    DocFormat.HTML: "HTML",
    DocFormat.MARKDOWN: "Markdown",
    DocFormat.TEXT: "plain text",
}

_SAVE_AS = "; save it as .docx or PDF"
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xd8\xff", "a JPEG image", ""),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", ""),
    (b"GIF87a", "a GIF image", ""),
    (b"GIF89a", "a GIF image", ""),
    (b"II*\x00", "a TIFF image", ""),
    (b"MM\x00*", "a TIFF image", ""),
    (b"%!PS", "a PostScript file", "; convert it to PDF"),
    (b"\x7fELF", "an executable (ELF)", ""),
    (b"\xcf\xfa\xed\xfe", "an executable (Mach-O)", ""),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O executable", ""),
    (b"\x1f\x8b", "a gzip archive", "; extract it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "; extract it first"),
    (b"Rar!\x1a\x07", "a RAR archive", "; extract it first"),
    (b"\xfd7zXZ\x00", "an xz archive", "; extract it first"),
    (b"SQLite format 3\x00", "an SQLite database", ""),
    (b"OggS", "an Ogg media file", ""),
    (b"fLaC", "a FLAC audio file", ""),
)
_RIFF = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE2_KINDS = (
    ("Workbook", "a legacy Excel .xls workbook", ""),
    ("PowerPoint Document", "a legacy PowerPoint .ppt file", ""),
    ("__substg1.0_", "an Outlook message (.msg)", "; save the policy itself as .docx or PDF"),
)

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|\?php|meta|title|link|script|style|div|h[1-6]|p|ul|ol"
    r"|table|section|article|main|header|nav|form|span|br|a|b|strong|em|center|font)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_HTML_STRONG = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|body)[\s>]", re.I
)
_MARKDOWN_HINT = re.compile(r"\A---\s*\n|^#{1,6}\s+\S|\[[^\]\n]+\]\([^)\s]+\)", re.MULTILINE)


class Unsupported(Exception):
    """Content of a known type gaplint does not read (internal to sniffing)."""

    def __init__(self, description: str, hint: str = "", code: ErrorCode = ErrorCode.UNSUPPORTED):
        super().__init__(description)
        self.description = description
        self.hint = hint
        self.code = code


@dataclass(frozen=True)
class Sniffed:
    format: DocFormat
    note: str | None = None  # why the name was overruled, when it was


def _ole2_kind(data: bytes) -> DocFormat:
    """DOC for a legacy Word file (read through LibreOffice); raises Unsupported otherwise."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise Unsupported(
            "a password-protected Office document",
            "; remove the password or save an unprotected copy as .docx or PDF",
            ErrorCode.ENCRYPTED,
        )
    if "WordDocument".encode("utf-16-le") in data:
        return DocFormat.DOC
    for stream, description, hint in _OLE2_KINDS:
        if stream.encode("utf-16-le") in data:
            raise Unsupported(description, hint)
    raise Unsupported("a legacy Office (OLE2) file", _SAVE_AS)


def _read_small_member(archive: zipfile.ZipFile, name: str, limit: int = 1_000_000) -> bytes:
    info = archive.getinfo(name)
    return archive.read(name) if info.file_size <= limit else b""


def _zip_kind(data: bytes) -> DocFormat:
    """DOCX if the zip holds a Word document, ODT for OpenDocument text; raises Unsupported
    for other zips."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return DocFormat.DOCX
            types = b""
            if "[Content_Types].xml" in names:
                types = _read_small_member(archive, "[Content_Types].xml")
            mimetype = _read_small_member(archive, "mimetype") if "mimetype" in names else b""
    except ZIP_FAILURES as error:
        if is_encrypted(error):
            raise Unsupported(
                "a password-protected (encrypted) zip",
                "; save an unprotected copy",
                ErrorCode.ENCRYPTED,
            ) from None
        # Damaged: let the DOCX reader report it as corrupt, with its own message.
        return DocFormat.DOCX
    if b"wordprocessingml.document.main" in types:
        return DocFormat.DOCX
    if b"macroEnabled" in types and b"ms-word" in types:
        raise Unsupported("a macro-enabled Word document (.docm)", "; save it as .docx")
    if "xl/workbook.xml" in names or b"spreadsheetml" in types:
        raise Unsupported("an Excel workbook (.xlsx)")
    if "ppt/presentation.xml" in names or b"presentationml" in types:
        raise Unsupported("a PowerPoint presentation (.pptx)", "; export it as PDF")
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return DocFormat.ODT
    if mimetype.startswith(b"application/epub"):
        raise Unsupported("an EPUB e-book")
    raise Unsupported("a zip archive (no word/document.xml, so not a DOCX)", "; extract it first")


def _binary_kind(data: bytes, ext: str) -> DocFormat | None:
    """A format gaplint reads, by magic bytes; raises Unsupported for other known binaries;
    None for text."""
    head = data[:1024]
    # Readers tolerate junk before the PDF header; only trust that when the name agrees.
    if head.lstrip().startswith(b"%PDF-") or (ext == ".pdf" and b"%PDF-" in head):
        return DocFormat.PDF
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip_kind(data)
    if head.startswith(_OLE2):
        return _ole2_kind(data)
    if head.startswith(b"{\\rtf"):
        return DocFormat.RTF
    for magic, description, hint in _MAGIC:
        if head.startswith(magic):
            raise Unsupported(description, hint)
    if head.startswith(b"RIFF") and head[8:12] in _RIFF:
        raise Unsupported(_RIFF[head[8:12]])
    if head[4:8] == b"ftyp":
        is_heic = head[8:12] in {b"heic", b"heix", b"mif1"}
        raise Unsupported("a HEIC image" if is_heic else "an MP4/QuickTime video")
    if head.startswith(b"BM") and len(head) > 26 and b"\x00" in head[6:10]:
        raise Unsupported("a BMP image")
    if head.startswith(b"MZ") and b"\x00" in head[2:64]:
        raise Unsupported("a Windows executable")
    if head.startswith(b"ID3") and len(head) > 4 and head[3] < 10:
        raise Unsupported("an MP3 audio file")
    return None


def _sample(data: bytes, size: int = 65536) -> bytes:
    """The head of the file, not ending inside a UTF-8 sequence (which would fail to decode)."""
    if len(data) <= size:
        return data
    sample = data[:size]
    trimmed = sample.rstrip(bytes(range(0x80, 0x100)))
    return trimmed if len(sample) - len(trimmed) < 4 else sample


def _text_kind(text: str, ext: str) -> DocFormat:
    if ext in HTML_EXTENSIONS:
        return DocFormat.HTML
    if ext in MARKDOWN_EXTENSIONS:
        return DocFormat.MARKDOWN
    head = text[:4096]
    if ext in TEXT_EXTENSIONS:
        # Only unmistakable HTML overrules .txt; "<p>" in prose does not.
        return DocFormat.HTML if _HTML_STRONG.match(head) else DocFormat.TEXT
    if _HTML_START.match(head):
        return DocFormat.HTML
    if _MARKDOWN_HINT.search(head):
        return DocFormat.MARKDOWN
    return DocFormat.TEXT


def _overruled(ext: str, found: DocFormat) -> str | None:
    expected = _EXPECTED.get(ext)
    if expected is None and ext not in _BINARY_EXTENSIONS:
        return None  # no extension, or one that promises nothing (.aspx is in HTML already)
    if expected is found:
        return None
    return f"named {ext} but contains {_DESCRIPTIONS[found]}; read as {found.value.upper()}"


def sniff(data: bytes, name: str) -> Sniffed:
    """The format to read `data` as, or InputError (UNSUPPORTED, MISMATCHED_TYPE, BINARY, EMPTY)."""
    ext = PurePath(name).suffix.lower()
    try:
        found = _binary_kind(data, ext)
    except Unsupported as unsupported:
        if unsupported.code is not ErrorCode.UNSUPPORTED:
            raise InputError(
                unsupported.code, f"{unsupported.description}{unsupported.hint}", name
            ) from None
        if ext in _EXPECTED:
            message = f"named {ext} but contains {unsupported.description}{unsupported.hint}"
            raise InputError(ErrorCode.MISMATCHED_TYPE, message, name) from None
        message = f"{unsupported.description} is not supported{unsupported.hint}"
        raise InputError(ErrorCode.UNSUPPORTED, message, name) from None
    if found is None:
        text, _ = decode_text(_sample(data))
        if not text.strip() and not decode_text(data)[0].strip():
            raise InputError(ErrorCode.EMPTY, "file is empty or only whitespace", name)
        if looks_binary(text):
            raise InputError(ErrorCode.BINARY, "not text: binary data of an unknown type", name)
        found = _text_kind(text, ext)
        if ext in _BINARY_EXTENSIONS:
            what = _DESCRIPTIONS[found]
            raise InputError(
                ErrorCode.MISMATCHED_TYPE,
                f"named {ext} but contains {what}, not the document (a failed download?)",
                name,
            )
    return Sniffed(found, _overruled(ext, found))
