"""PDF reader: pypdfium2 for text and layout, our own light heuristics for structure.

One module per job: `extract` (pdfium: positioned, styled text rows), `columns` (reading
order), `furniture` (running headers and footers), `footnotes` (footnotes and
endnotes, kept apart from the body), `assemble` (headings, paragraphs, list
items, table cells), `metadata` (the info dictionary). This module ties them together.

Engines, and why (generated 800-page policy, 2-CPU VM, bench/parse.py):

* pdftotext (poppler) reads it in ~0.6 s of CPU; the yardstick, not a dependency.
* pdfplumber builds a pdfminer object per character: 86 s and 2.2 GB on 800 pages, so it is
  not used (and not a dependency).
* pypdfium2 does all the reading: ~2.1 CPU-s on 800 pages, peak RSS ~75 MB.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from gaplint.document import Block, BlockKind, DocumentBuilder, Skipped
from gaplint.errors import ErrorCode, InputError
from gaplint.readers import ocr
from gaplint.readers.base import Limits, ReadResult
from gaplint.readers.pdf.assemble import assemble
from gaplint.readers.pdf.columns import order
from gaplint.readers.pdf.extract import extract_all
from gaplint.readers.pdf.footnotes import (
    ENDNOTE_SECTION,
    FOOTNOTE_SECTION,
    split_endnotes,
    split_footnotes,
)
from gaplint.readers.pdf.furniture import RUNNING_SECTION, drop_running_lines
from gaplint.readers.pdf.geometry import Page
from gaplint.readers.pdf.metadata import metadata

_STAMP_ROWS = 3  # a scanned page may carry this many lines of text (a stamp, a page number)

__all__ = ["ENDNOTE_SECTION", "FOOTNOTE_SECTION", "RUNNING_SECTION", "read_pdf"]


def read_pdf(data: bytes, limits: Limits) -> ReadResult:
    """Read a PDF into blocks; raise InputError for encrypted, scanned, corrupt or huge files.
    With `limits.ocr` on, pages without a text layer are read by OCR instead."""
    _check_complete(data)
    pdf = _open(data)
    try:
        count = len(pdf)
        if count > limits.max_pages:
            raise InputError(
                ErrorCode.TOO_LARGE,
                f"PDF has {count:,} pages, over the limit of {limits.max_pages:,}",
            )
        info = metadata(pdf)
        pages = extract_all(pdf, data, count)
        scanned = _read_scans(pdf, pages, limits)
    except InputError:
        raise
    except Exception as error:  # pdfium can fail on any malformed object: one clear line
        raise InputError(ErrorCode.CORRUPT, f"PDF could not be read ({error})") from None
    finally:
        pdf.close()
    no_text = InputError(ErrorCode.NO_TEXT_LAYER, _no_text_message(limits))
    if not any(page.rows for page in pages):
        raise no_text
    running = drop_running_lines(pages)
    notes = split_footnotes(pages)
    blocks = _blocks(pages, notes, running)
    image_pages = [page.number for page in pages if page.images and not page.rows]
    if len(blocks) == len(running) + len(notes) and image_pages:
        raise no_text  # only page furniture such as "Page 1 of 9" had a text layer
    warnings = []
    if scanned:
        blocks = ocr.mark_ocr(blocks, set(scanned))
        warnings.append(ocr.ocr_notice(scanned))
    return ReadResult(
        blocks=blocks,
        pages=count,
        metadata=info,
        skipped=_skipped(image_pages, limits),
        warnings=warnings,
    )


def _scan_candidates(pages: list[Page]) -> list[Page]:
    """Pages to read by OCR: those with an image and no text; and when every page with text
    has only a line or three over an image (a scan stamped "Page 1 of 9"), those too."""
    candidates = [page for page in pages if page.images and len(page.rows) <= _STAMP_ROWS]
    if all(page in candidates for page in pages if page.rows):
        return candidates
    return [page for page in candidates if not page.rows]


def _read_scans(pdf: pdfium.PdfDocument, pages: list[Page], limits: Limits) -> list[int]:
    """OCR the pages without a text layer, in place; the numbers of the pages it read."""
    if limits.ocr == "off":
        return []
    candidates = _scan_candidates(pages)
    if not candidates or ocr.engine() is None:
        return []  # without an engine the no-text-layer message says what to install
    numbers = [page.number for page in candidates]
    with ocr.progress_bar(len(numbers), f"OCR {len(numbers)} pages") as progress:
        read = ocr.ocr_pages(pdf, numbers, limits.ocr_page_seconds, progress)
    for index, page in enumerate(pages):
        if page.number in read:
            pages[index] = read[page.number]
    return numbers


def _no_text_message(limits: Limits) -> str:
    if ocr.engine() is None:
        return ocr.missing_engine_message()
    if limits.ocr == "off":
        return f"PDF has no text layer (scanned?); to read it by OCR, {ocr.ENABLE_HINT}"
    return "PDF has no text layer, and OCR found no text in it"


def _check_complete(data: bytes) -> None:
    # pdfium quietly rebuilds a truncated file and reads part of it; a linter must not
    # report gaps in half a document, so a missing end marker is an error.
    if b"%%EOF" not in data[-2048:]:
        raise InputError(ErrorCode.CORRUPT, "PDF is truncated or damaged (no end-of-file marker)")


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise InputError(
                ErrorCode.ENCRYPTED, "PDF is encrypted; a password is needed to read it"
            ) from None
        raise InputError(ErrorCode.CORRUPT, "PDF is damaged and cannot be opened") from None
    except Exception as error:
        raise InputError(ErrorCode.CORRUPT, f"PDF cannot be opened ({error})") from None


def _blocks(
    pages: list[Page], notes: list[tuple[str, int]], running: list[tuple[str, int]]
) -> list[Block]:
    builder = DocumentBuilder()
    body, endnotes = split_endnotes(assemble([row for page in pages for row in order(page)]))
    for proto in body:
        level = proto.depth if proto.kind is BlockKind.HEADING else None
        builder.add(proto.kind, proto.text, page=proto.page, level=level)
    for text, page in notes:
        builder.add_apart(FOOTNOTE_SECTION, BlockKind.PARAGRAPH, text, page=page)
    for text, page in endnotes:
        builder.add_apart(ENDNOTE_SECTION, BlockKind.PARAGRAPH, text, page=page)
    for text, page in running:
        builder.add_apart(RUNNING_SECTION, BlockKind.PARAGRAPH, text, page=page)
    return builder.blocks


def _skipped(image_pages: list[int], limits: Limits) -> list[Skipped]:
    if not image_pages:
        return []
    if ocr.engine() is None:
        how = f"to read them by OCR, {ocr.INSTALL_HINT}"
    elif limits.ocr == "off":
        how = f"to read them by OCR, {ocr.ENABLE_HINT}"
    else:
        how = "OCR found no text on them"
    listed = ", ".join(str(n) for n in image_pages[:20]) + (" ..." if len(image_pages) > 20 else "")
    return [
        Skipped(
            what="image-only pages",
            count=len(image_pages),
            detail=f"pages {listed}: no text layer; {how}",
        )
    ]
