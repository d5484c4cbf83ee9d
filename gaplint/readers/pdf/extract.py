"""pdfium extraction: each page's text as positioned, styled segments grouped into rows.

Per page the text is taken in one call, then a handful of calls are made per *line* (font
size, font name, text-object rectangles), never per character, except on the rare lines with
wide gaps (tables, interleaved columns). Documents of 120+ pages are split with one forked
helper process; pages are closed as soon as they are read.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import multiprocessing
import os
import re
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from gaplint.readers.pdf.geometry import Page, Row, Seg

# --- text normalisation -------------------------------------------------------------------

_HYPHEN_MARK = "\ufffe"  # pdfium puts this where a line ended with a hyphen it joined up
_CHAR_MAP = str.maketrans(
    {
        "ﬀ": "ff",
        "ﬁ": "fi",
        "ﬂ": "fl",
        "ﬃ": "ffi",
        "ﬄ": "ffl",
        "ﬅ": "st",
        "ﬆ": "st",
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u3000": " ",
        "\t": " ",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\u2060": "",
        "\ufeff": "",
        "\u00ad": "",
        "\x02": "",
        # Symbol/Wingdings bullets land in the private use area.
        "\uf0b7": "•",
        "\uf0a7": "•",
        "\uf0d8": "•",
        "\uf076": "•",
        "\uf0fc": "•",
        "\uf0a8": "•",
        "\uf06e": "•",
        "\uf0e8": "•",
    }
)

_FILLER = "\u200b"  # stands at the index of a surrogate pair's second half; _clean drops it
_REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"\s+")
_LINE = re.compile(r"[^\r\n\ufffe]+\ufffe?")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)

_GAP_EM = 2.0  # a horizontal gap this wide (in ems of the line's font size) splits a line
_WORD_SPACE_EM = 0.1  # a gap this wide between two text objects is a space (as in poppler)
_RAISED_EM = 0.3  # a text object whose bottom is this far above the line's is raised
_SMALL_FONT = 0.8  # ... and in a font this much smaller than the line's is a superscript
_JOIN_EM = 1.0  # pieces of a line this close, the right one going on mid-sentence, are one
_CLOSING = re.compile(r"^[,.;:!?)\]]")  # punctuation that takes no space before it
_REFERENCE_MARK = re.compile(r"^(?:\d{1,3}|[*†‡§¶]{1,3})$")
_PARALLEL_MIN_PAGES = 120  # below this a helper process costs more than it saves

_FORK_DATA: bytes | None = None  # the PDF bytes, handed to the forked helper


class TextPageReader:
    """Reads lines from one pdfium text page with a few C calls per line, not per char."""

    def __init__(self, textpage: pdfium.PdfTextPage, height: float) -> None:
        self.tp = textpage
        self.height = height
        self._doubles = [ctypes.c_double() for _ in range(4)]
        self._refs = [ctypes.byref(d) for d in self._doubles]
        self._matrix = pdfium_c.FS_MATRIX()
        self._matrix_ref = ctypes.byref(self._matrix)
        self._name = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int()
        self._flags_ref = ctypes.byref(self._flags)
        self._bold_cache: dict[bytes, bool] = {}
        self._box = pdfium_c.FS_RECTF()
        self._box_ref = ctypes.byref(self._box)

    def segments(self) -> list[Seg]:
        count = pdfium_c.FPDFText_CountChars(self.tp)
        if count <= 0:
            return []
        text = self.tp.get_text_range(0, count)
        if len(text) != count or _SURROGATE.search(text):
            text = self._aligned_text(count)
        segs: list[Seg] = []
        for match in _LINE.finditer(text):
            segs.extend(self._line(text, match.start(), match.end()))
        return segs

    def _aligned_text(self, count: int) -> str:
        """The page text rebuilt with one character per pdfium char index, so indexes line up.

        pdfium counts UTF-16 units: a character outside the BMP (an emoji) is two indexes, a
        surrogate pair. It becomes the real character at the first index and an empty filler
        at the second; a lone surrogate (a broken ToUnicode map) becomes U+FFFD."""
        units = [pdfium_c.FPDFText_GetUnicode(self.tp, i) for i in range(count)]
        chars: list[str] = []
        index = 0
        while index < count:
            unit = units[index]
            low = units[index + 1] if index + 1 < count else 0
            if 0xD800 <= unit <= 0xDBFF and 0xDC00 <= low <= 0xDFFF:
                chars.append(chr(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)))
                chars.append(_FILLER)
                index += 2
                continue
            broken = 0xD800 <= unit <= 0xDFFF or unit > 0x10FFFF
            chars.append(_REPLACEMENT if broken else chr(unit))
            index += 1
        return "".join(chars)

    def _line(self, text: str, start: int, end: int) -> list[Seg]:
        segs = self._line_segs(text, start, end)
        if segs and abs(math.sin(pdfium_c.FPDFText_GetCharAngle(self.tp, start))) > 0.1:
            for seg in segs:
                seg.rotated = True  # text up the margin, a stamp: not part of the page's flow
        return segs

    def _line_segs(self, text: str, start: int, end: int) -> list[Seg]:
        raw = text[start:end]
        stripped = raw.strip()
        if not stripped:
            return []
        first = start + (len(raw) - len(raw.lstrip()))
        last = start + len(raw.rstrip()) - 1
        size, bold = self._style(first)
        if bold and last != first:
            bold = self._style(last)[1]
        rects = self._rects(start, end - start)
        if not rects:
            return []
        if len(rects) == 1:
            return [self._seg(raw, rects, size, bold)]
        edits = self._object_edits(text, start, end, rects, size)
        gap = _GAP_EM * max(size, 4.0)
        if any(b[0] - a[2] > gap for a, b in itertools.pairwise(rects)):
            return self._split(text, start, end, gap, edits)
        return [self._seg(_edited(text, start, end, edits), rects, size, bold)]

    def _object_edits(
        self,
        text: str,
        start: int,
        end: int,
        rects: list[tuple[float, float, float, float]],
        size: float,
    ) -> list[tuple[int, int, str]]:
        """Fixes at the boundaries between a line's text objects, as (from, to, replacement).

        * A missing space: pdfium sometimes joins two objects ("GovernorEliot") where the PDF
          moved the pen instead of writing a space. A gap between the advance boxes of the
          chars either side wider than a tenth of the font size (poppler's word break) is one.
        * A footnote reference: a raised object in a smaller font holding only a number or a
          mark ("117" + raised "1") is dropped, so the body does not read "1171"; the note
          itself is kept apart from the body.

        Only object boundaries are looked at: a few calls per boundary, none per char."""
        edits: list[tuple[int, int, str]] = []
        box = self._box
        lowest = min(rect[3] for rect in rects)
        starts = [self._char_at(rect) for rect in rects[1:]]
        for number, (before, rect) in enumerate(itertools.pairwise(rects)):
            index = starts[number]
            if not start < index < end or text[index].isspace():
                continue
            stop = starts[number + 1] if number + 1 < len(starts) else end
            raised = rect[3] - lowest > _RAISED_EM * size
            mark = raised and stop > index and _REFERENCE_MARK.match(text[index:stop].strip())
            if mark and self._style(index)[0] < _SMALL_FONT * size:
                edits.append((index, stop, ""))
                continue
            if rect[0] < before[2] or text[index - 1].isspace():
                continue  # the next object starts further left, or a space is there already
            if not pdfium_c.FPDFText_GetLooseCharBox(self.tp, index - 1, self._box_ref):
                continue
            prev_right = box.right
            if not pdfium_c.FPDFText_GetLooseCharBox(self.tp, index, self._box_ref):
                continue
            if box.left - prev_right > _WORD_SPACE_EM * size:
                edits.append((index, index, " "))
        return edits

    def _char_at(self, rect: tuple[float, float, float, float]) -> int:
        """Index of the first char of a text-object rectangle (-1 if none is found)."""
        left, top, _, bottom = rect
        return int(
            pdfium_c.FPDFText_GetCharIndexAtPos(self.tp, left + 0.5, (top + bottom) / 2, 1.0, 1.0)
        )

    def _seg(
        self, raw: str, rects: list[tuple[float, float, float, float]], size: float, bold: bool
    ) -> Seg:
        if len(rects) == 1:
            left, top, right, bottom = rects[0]
        else:
            lefts, tops, rights, bottoms = zip(*rects)
            left, top, right, bottom = min(lefts), max(tops), max(rights), min(bottoms)
        return Seg(_clean(raw), left, right, self.height - top, self.height - bottom, size, bold)

    def _style(self, index: int) -> tuple[float, bool]:
        """Effective font size (Tf size times text matrix scale) and boldness of one char."""
        size = pdfium_c.FPDFText_GetFontSize(self.tp, index)
        if pdfium_c.FPDFText_GetMatrix(self.tp, index, self._matrix_ref):
            size *= math.hypot(self._matrix.c, self._matrix.d) or 1.0
        pdfium_c.FPDFText_GetFontInfo(self.tp, index, self._name, 128, self._flags_ref)
        name = self._name.value
        bold = self._bold_cache.get(name)
        if bold is None:
            bold = bool(_BOLD_NAME.search(name.decode("latin-1")))
            self._bold_cache[name] = bold
        return round(size, 1), bold or bool(self._flags.value & (1 << 18))

    def _rects(self, start: int, count: int) -> list[tuple[float, float, float, float]]:
        """(left, top, right, bottom) per text object in the range, PDF coordinates."""
        n = pdfium_c.FPDFText_CountRects(self.tp, start, count)
        left, top, right, bottom = self._doubles
        rl, rt, rr, rb = self._refs
        rects = []
        for i in range(max(n, 0)):
            if pdfium_c.FPDFText_GetRect(self.tp, i, rl, rt, rr, rb):
                rects.append((left.value, top.value, right.value, bottom.value))
        return rects

    def _split(
        self, text: str, start: int, end: int, gap: float, edits: list[tuple[int, int, str]]
    ) -> list[Seg]:
        """Per-char pass, only for lines with wide gaps: cut into cells where x jumps."""
        left, right, bottom, top = self._doubles
        rl, rr, rb, rt = self._refs
        pieces: list[tuple[int, int, list[tuple[float, float, float, float]]]] = []
        first = start  # index of the current piece's first char
        boxes: list[tuple[float, float, float, float]] = []
        prev_right: float | None = None
        for i in range(start, end):
            found = pdfium_c.FPDFText_GetCharBox(self.tp, i, rl, rr, rb, rt)
            if found and right.value > left.value:
                box = (left.value, top.value, right.value, bottom.value)
                if prev_right is not None and box[0] - prev_right > gap and boxes:
                    pieces.append((first, i, boxes))
                    first, boxes = i, []
                prev_right = box[2]
                boxes.append(box)
        pieces.append((first, end, boxes))
        segs = []
        for begin, stop, rects in pieces:
            raw = _edited(text, begin, stop, edits)
            if rects and raw.strip():
                # Cells can differ in style (a big title beside a small label): sample each.
                size, bold = self._style(begin + len(raw) - len(raw.lstrip()))
                segs.append(self._seg(raw, rects, size, bold))
        return segs


def _edited(text: str, start: int, end: int, edits: list[tuple[int, int, str]]) -> str:
    """text[start:end] with the edits that fall inside it applied; overlapping ones skipped."""
    inside = sorted(edit for edit in edits if start < edit[0] < end)
    if not inside:
        return text[start:end]
    parts: list[str] = []
    position = start
    for begin, stop, replacement in inside:
        if begin < position:
            continue
        parts.append(text[position:begin])
        parts.append(replacement)
        position = min(max(stop, begin), end)
    parts.append(text[position:end])
    return "".join(parts)


def _clean(raw: str) -> str:
    text = raw.translate(_CHAR_MAP).strip()
    if _HYPHEN_MARK in text:
        text = text.replace(_HYPHEN_MARK, "-")
    return _SPACES.sub(" ", text) if "  " in text else text


def group_rows(segs: list[Seg], page: int) -> list[Row]:
    """Group segments sharing a baseline into rows, top to bottom, cells left to right."""
    rows: list[Row] = []
    for seg in sorted(segs, key=lambda s: (round(s.top + s.bottom), s.x0)):
        row = rows[-1] if rows else None
        mid = (seg.top + seg.bottom) / 2
        if row is not None:
            last = row.segs[-1]
            same_line = abs(mid - (last.top + last.bottom) / 2) < 0.5 * min(seg.size, last.size)
            same_line = same_line and max(seg.size, last.size) < 1.5 * min(seg.size, last.size)
            if same_line and not any(s.x0 < seg.x1 and seg.x0 < s.x1 for s in row.segs):
                row.segs.append(seg)
                row.segs.sort(key=lambda s: s.x0)
                row.refresh()
                continue
        rows.append(Row([seg], page))
    for row in rows:
        if len(row.segs) > 1:
            row.segs = _join_close(row.segs)
            row.refresh()
    return rows


def _join_close(segs: list[Seg]) -> list[Seg]:
    """Merge pieces of one line that pdfium cut apart (it breaks the line after a raised
    footnote mark): close together, the right one going on mid-sentence (lower case or
    punctuation), they are one run of text. Table cells start afresh, so they stay apart."""
    joined = [segs[0]]
    for seg in segs[1:]:
        last = joined[-1]
        gap = seg.x0 - last.x1
        goes_on = seg.text[:1].islower() or bool(_CLOSING.match(seg.text))
        if not (goes_on and 0 <= gap < _JOIN_EM * max(last.size, seg.size)):
            joined.append(seg)
            continue
        space = gap > _WORD_SPACE_EM * last.size and not _CLOSING.match(seg.text)
        last.text = f"{last.text}{' ' if space else ''}{seg.text}"
        last.x1 = seg.x1
        last.top, last.bottom = min(last.top, seg.top), max(last.bottom, seg.bottom)
        last.bold = last.bold and seg.bold
    return joined


def extract_all(pdf: pdfium.PdfDocument, data: bytes, count: int) -> list[Page]:
    """Extract every page; long documents are split with one forked helper process."""
    if count < _PARALLEL_MIN_PAGES or not _can_fork():
        return _extract(pdf, 0, count)
    global _FORK_DATA
    _FORK_DATA = data  # inherited by the fork, so the bytes are never pickled
    split = count // 2
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            tail = pool.submit(_extract_range, split, count)
            head = _extract(pdf, 0, split)
            try:
                return head + tail.result()
            except BrokenProcessPool:  # helper died: do its share here instead
                return head + _extract(pdf, split, count)
    finally:
        _FORK_DATA = None


def _can_fork() -> bool:
    # Forking a process with other threads running can deadlock; stay sequential then.
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and (os.cpu_count() or 1) > 1
    )


def _extract_range(start: int, stop: int) -> list[Page]:
    """Runs in the forked helper: its own pdfium document over the inherited bytes."""
    assert _FORK_DATA is not None
    pdf = pdfium.PdfDocument(_FORK_DATA)
    try:
        return _extract(pdf, start, stop)
    finally:
        pdf.close()


def _extract(pdf: pdfium.PdfDocument, start: int, stop: int) -> list[Page]:
    pages: list[Page] = []
    for index in range(start, stop):
        page = pdf[index]
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                segs = TextPageReader(textpage, height).segments()
            finally:
                textpage.close()
            images = len(segs) <= 3 and _has_images(page)
        finally:
            page.close()
        pages.append(Page(index + 1, width, height, group_rows(segs, index + 1), images))
    return pages


def _has_images(page: pdfium.PdfPage) -> bool:
    # Only asked of pages without text, so the per-object walk stays off the fast path.
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3))
