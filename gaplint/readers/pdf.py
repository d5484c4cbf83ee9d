"""PDF reader: pypdfium2 for text and layout, our own light heuristics for structure.

Engines, and why (generated 800-page policy, 2-CPU VM, bench/parse.py):

* pdftotext (poppler) reads it in ~0.6 s of CPU; the yardstick, not a dependency.
* pdfplumber (the project's declared PDF library) builds a pdfminer object per character:
  86 s and 2.2 GB on 800 pages in the issue's measurement, so it is not used at read time.
* pypdfium2 (installed with pdfplumber) does all the reading. Building pdfium's text pages
  alone costs ~1.1 s; per page we then take the text in one call and make a handful of
  calls per *line* (font size, font name, text-object rectangles), never per character,
  except on the rare lines with wide gaps (tables, interleaved columns). Whole read:
  ~2.1 CPU-s (3.1x pdftotext's CPU); documents of 120+ pages are split with one forked
  helper process, so on two idle cores the wall time is about half that. Pages are closed
  as soon as they are read: peak RSS ~75 MB on 800 pages.

Structure is rebuilt from those lines: rows sorted top to bottom, two-column pages read
column by column, running headers/footers and page numbers dropped when they repeat at the
top/bottom of at least half the pages, line-end hyphens joined (keeping compounds such as
"e-mail"), lines grouped into headings, paragraphs, list items and table cells.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import multiprocessing
import os
import re
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from gaplint.document import Block, BlockKind, DocumentBuilder, Metadata, Skipped
from gaplint.errors import ErrorCode, InputError
from gaplint.readers.base import Limits, ReadResult

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
        "\ufffd": "",
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

_BULLET = r"[•●▪■◦○◆◇►▸‣⁃∙·\-–—*]"
_ENUM = (
    r"(?:\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|\((?:[ivxlcIVXLC]+|[a-zA-Z]|\d{1,3})\)|[ivxIVX]{1,4}[.)])"
)
_MARKER = re.compile(rf"^(?:{_BULLET}|{_ENUM})(?:\s+|$)")
_MARKER_ONLY = re.compile(rf"^(?:{_BULLET}|{_ENUM}|\d+(?:\.\d+)*\.?)$")
_BULLET_PREFIX = re.compile(rf"^{_BULLET}\s*")
_NUMBERING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+\S")
_PAGE_NUMBER = re.compile(
    r"^[\s\-–—|]*(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|/)\s*\d{1,4})?[\s\-–—|]*$", re.I
)
_DOT_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d+$|…\s*\d+$")
_TERMINAL = re.compile(r"[.!?:][\"'”’)\]]*$")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_LINE = re.compile(r"[^\r\n\ufffe]+\ufffe?")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_PDF_DATE = re.compile(
    r"^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:([Zz+\-])(\d{2})?'?(\d{2})?'?)?"
)

# First halves of real compounds, so "well-\nknown" stays "well-known" but "employ-\nees" joins.
_COMPOUND_PREFIXES = frozenset(
    re.findall(
        r"\S+",
        """well self non co cross long short full part high low real third second first one two
        three four five multi ex anti all half top state follow sign log opt check set up law
        time decision user face end city county department agency post pre on off so community
        public private open""",
    )
)

# --- tuning (in ems of the line's font size unless noted) ---------------------------------

_GAP_EM = 2.0  # a horizontal gap this wide splits a line into cells/columns
_ZONE_ROWS = 4  # header/footer candidates: this many rows at the top and bottom of a page
_ZONE_FRACTION = 0.15  # ... and only within this share of the page height from the edge
_HEADING_SCALE = 1.15  # font this much larger than body text marks a heading
_MAX_HEADING_WORDS = 14
_PARALLEL_MIN_PAGES = 120  # below this a helper process costs more than it saves

_FORK_DATA: bytes | None = None  # the PDF bytes, handed to the forked helper


# --- page geometry ------------------------------------------------------------------------


@dataclass(slots=True)
class _Seg:
    """A run of text on one line with no wide gap inside; y grows downwards."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass(slots=True)
class _Row:
    """One visual line: one segment, or several cells separated by wide gaps."""

    segs: list[_Seg]
    page: int
    right: float = 0.0  # right edge of the column it sits in
    # Derived from segs by refresh(); plain fields because they are read many times.
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    size: float = 0.0
    bold: bool = False

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        segs = self.segs
        first = segs[0]
        self.text = first.text if len(segs) == 1 else " ".join(seg.text for seg in segs)
        self.x0, self.x1, self.size = first.x0, segs[-1].x1, first.size
        self.top = min(seg.top for seg in segs)
        self.bold = all(seg.bold for seg in segs)


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    rows: list[_Row] = field(default_factory=list)
    images: bool = False  # only checked on pages with little or no text


class _TextPageReader:
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

    def segments(self) -> list[_Seg]:
        count = pdfium_c.FPDFText_CountChars(self.tp)
        if count <= 0:
            return []
        text = self.tp.get_text_range(0, count)
        if len(text) != count:  # pdfium inserted/dropped chars: rebuild so indexes line up
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(self.tp, i)) for i in range(count))
        segs: list[_Seg] = []
        for match in _LINE.finditer(text):
            segs.extend(self._line(text, match.start(), match.end()))
        return segs

    def _line(self, text: str, start: int, end: int) -> list[_Seg]:
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
        gap = _GAP_EM * max(size, 4.0)
        if len(rects) > 1 and any(b[0] - a[2] > gap for a, b in itertools.pairwise(rects)):
            return self._split(text, start, end, gap)
        return [self._seg(raw, rects, size, bold)]

    def _seg(
        self, raw: str, rects: list[tuple[float, float, float, float]], size: float, bold: bool
    ) -> _Seg:
        if len(rects) == 1:
            left, top, right, bottom = rects[0]
        else:
            lefts, tops, rights, bottoms = zip(*rects)
            left, top, right, bottom = min(lefts), max(tops), max(rights), min(bottoms)
        return _Seg(_clean(raw), left, right, self.height - top, self.height - bottom, size, bold)

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

    def _split(self, text: str, start: int, end: int, gap: float) -> list[_Seg]:
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
            raw = text[begin:stop]
            if rects and raw.strip():
                # Cells can differ in style (a big title beside a small label): sample each.
                size, bold = self._style(begin + len(raw) - len(raw.lstrip()))
                segs.append(self._seg(raw, rects, size, bold))
        return segs


def _clean(raw: str) -> str:
    text = raw.translate(_CHAR_MAP).strip()
    if _HYPHEN_MARK in text:
        text = text.replace(_HYPHEN_MARK, "-")
    return _SPACES.sub(" ", text) if "  " in text else text


def _rows(segs: list[_Seg], page: int) -> list[_Row]:
    """Group segments sharing a baseline into rows, top to bottom, cells left to right."""
    rows: list[_Row] = []
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
        rows.append(_Row([seg], page))
    return rows


# --- reading order: columns ---------------------------------------------------------------


def _order(page: _Page) -> list[_Row]:
    """Reading order: rows top to bottom, but two-column bands left column first."""
    gutter = _find_gutter(page)
    if gutter is None:
        right = max((row.x1 for row in page.rows), default=page.width)
        for row in page.rows:
            row.right = right
        return page.rows
    return _order_columns(page, gutter)


def _explode(rows: list[_Row]) -> list[_Row]:
    return [_Row([seg], row.page) for row in rows for seg in row.segs]


def _find_gutter(page: _Page) -> float | None:
    """The x of a column gutter no text crosses, when both sides hold lines of prose."""
    segs = [seg for row in page.rows for seg in row.segs]
    mid = page.width / 2
    starts = [s.x0 for s in segs if page.width * 0.35 < s.x0 < page.width * 0.75]
    if len(starts) < 4:
        return None
    best: tuple[int, float] | None = None
    for x in sorted({round(s) for s in starts}):
        left = [s for s in segs if s.x1 <= x - 4 and s.x1 > page.width * 0.2]
        right = [s for s in segs if s.x0 >= x - 1]
        crossing = len(segs) - len(left) - len(right)
        if len(left) < 4 or len(right) < 4 or crossing > 0.25 * (len(left) + len(right)):
            continue
        wide = page.width * 0.2  # columns hold prose lines; narrow cells make a table
        if min(_median([s.x1 - s.x0 for s in side]) for side in (left, right)) < wide:
            continue
        score = min(len(left), len(right))
        if abs(x - mid) < page.width * 0.25 and (best is None or score > best[0]):
            best = (score, float(x))
    return best[1] if best else None


def _order_columns(page: _Page, gutter: float) -> list[_Row]:
    """Bands separated by full-width rows; inside a band, left column then right column."""
    ordered: list[_Row] = []
    left: list[_Row] = []
    right: list[_Row] = []
    left_edge = max((s.x1 for row in page.rows for s in row.segs if s.x1 <= gutter), default=gutter)
    right_edge = max((s.x1 for row in page.rows for s in row.segs), default=page.width)

    def flush() -> None:
        ordered.extend(left)
        ordered.extend(right)
        left.clear()
        right.clear()

    # The columns span only as far down as the right column does; text below is full width.
    right_segs = [s for row in page.rows for s in row.segs if s.x0 >= gutter - 1]
    band_top = min(s.top for s in right_segs) - 1
    band_bottom = max(s.bottom for s in right_segs) + 1
    for row in page.rows:
        in_band = band_top <= row.top <= band_bottom
        if not in_band or (row.x0 < gutter - 1 < row.x1 - 1 and not _is_split_row(row, gutter)):
            flush()
            row.right = right_edge
            ordered.append(row)
            continue
        for seg in row.segs:
            part = _Row([seg], row.page, right=left_edge if seg.x1 <= gutter else right_edge)
            (left if seg.x1 <= gutter else right).append(part)
    flush()
    return ordered


def _is_split_row(row: _Row, gutter: float) -> bool:
    return all(seg.x1 <= gutter or seg.x0 >= gutter - 1 for seg in row.segs)


def _median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else 0.0


# --- running headers and footers ----------------------------------------------------------


def _zone_rows(page: _Page) -> Iterator[_Row]:
    """Rows near the top or bottom edge: where running headers and footers live."""
    limit = page.height * _ZONE_FRACTION
    rows = page.rows
    edge = set(range(min(_ZONE_ROWS, len(rows))))
    edge |= set(range(max(0, len(rows) - _ZONE_ROWS), len(rows)))
    for index in sorted(edge):
        row = rows[index]
        if row.top <= limit or row.top >= page.height - limit:
            yield row


_WORDS = re.compile(r"[^\W\d_]{2,}")
_PAGE_WORDS = {"page", "of", "pg", "pp"}


def _key(seg: _Seg) -> str:
    """Text with numbers wildcarded, plus size: 'Page 3 of 7' matches 'Page 4 of 7'."""
    return f"{round(seg.size)}|{_DIGITS.sub('#', seg.text.lower())}"


def _drop_running_lines(pages: list[_Page]) -> list[tuple[str, int]]:
    """Remove lines repeated at the top/bottom of at least half the pages, and page numbers.
    Returns each removed line that has words in it, once, with its first page: it can be
    policy text ("Adoption Date: 2015/12/30") and is kept apart from the body."""
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_key(seg) for row in _zone_rows(page) for seg in row.segs})
    threshold = max(2, math.ceil(len(pages) * 0.5))
    repeated = {key for key, count in seen.items() if count >= threshold}
    removed: dict[str, tuple[str, int]] = {}
    for page in pages:
        zone = {id(row) for row in _zone_rows(page)}
        kept: list[_Row] = []
        for row in page.rows:
            if id(row) in zone:
                for seg in row.segs:
                    key = _key(seg)
                    words = set(_WORDS.findall(seg.text.lower())) - _PAGE_WORDS
                    if key in repeated and len(words) >= 2:
                        removed.setdefault(key, (seg.text, page.number))
                row.segs = [
                    seg
                    for seg in row.segs
                    if _key(seg) not in repeated and not _PAGE_NUMBER.match(seg.text)
                ]
            if row.segs:
                row.refresh()
                kept.append(row)
        page.rows = kept
    return list(removed.values())


# --- blocks -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Proto:
    """A block before heading levels are known."""

    kind: BlockKind
    text: str
    page: int
    style: tuple[float, bool, bool] = (0.0, False, False)
    depth: int = 0  # numbering depth of a numbered heading ("4.1.2" -> 3), else 0


@dataclass
class _Stats:
    body_size: float
    pitch: float  # usual baseline distance between lines of a paragraph, in ems


def _stats(rows: list[_Row]) -> _Stats:
    sizes: Counter[float] = Counter()
    for row in rows:
        sizes[round(row.size * 2) / 2] += len(row.text)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    pitches: Counter[float] = Counter()
    for prev, row in itertools.pairwise(rows):
        if row.page == prev.page and abs(row.size - body) < 0.6 and abs(prev.size - body) < 0.6:
            ratio = (row.top - prev.top) / body
            if 0.8 < ratio < 3:
                pitches[round(ratio, 1)] += 1
    pitch = pitches.most_common(1)[0][0] if pitches else 1.2
    return _Stats(body, pitch)


class _Assembler:
    """Turns ordered rows into headings, paragraphs, list items and table cells."""

    def __init__(self, stats: _Stats) -> None:
        self.stats = stats
        self.protos: list[_Proto] = []
        self.lines: list[_Row] = []  # the open paragraph or list item
        self.kind = BlockKind.PARAGRAPH
        self.last_heading: _Row | None = None

    def feed(self, row: _Row) -> None:
        cells = _cells(row)
        if len(cells) > 1:
            self.flush()
            for cell in cells:
                self.protos.append(_Proto(BlockKind.TABLE_CELL, cell, row.page))
            return
        text = cells[0] if cells else ""
        if not text:
            return
        if len(row.segs) > 1 and not _MARKER_ONLY.match(row.segs[0].text):
            self.flush()  # a 'Label:  value' line: its own block, never glued to prose
            self.protos.append(_Proto(BlockKind.PARAGRAPH, text, row.page))
            return
        continues = bool(self.lines) and self._continues(self.lines[-1], row)
        if self._is_heading(row, text, continues):
            self._heading(row, text)
            return
        self.last_heading = None
        if _MARKER.match(text) and not _DOT_LEADER.search(text):
            self.flush()
            self.kind = BlockKind.LIST_ITEM
        elif not continues:
            self.flush()
        self.lines.append(row)

    def flush(self) -> None:
        if self.lines:
            text = _join_lines([row.text for row in self.lines])
            if self.kind is BlockKind.LIST_ITEM:
                text = _BULLET_PREFIX.sub("", text)
            self.protos.append(_Proto(self.kind, text, self.lines[0].page))
        self.lines = []
        self.kind = BlockKind.PARAGRAPH

    def _is_heading(self, row: _Row, text: str, continues: bool) -> bool:
        big = row.size >= self.stats.body_size * _HEADING_SCALE
        if (continues and not big) or len(text) > 160 or text[-1] in ",;":
            return False  # cheap rejections first: this runs on every line
        if row.size < self.stats.body_size * 0.9:
            return False
        words = text.split()
        if len(words) > _MAX_HEADING_WORDS or _DOT_LEADER.search(text):
            return False
        if text.endswith(":") and len(words) > 4:
            return False
        if text.endswith(".") and len(words) > 8:
            return False
        letters = [c for c in text if c.isalpha()]  # only for the short lines left
        if not letters:
            return False
        caps = len(letters) >= 4 and all(c.isupper() for c in letters)
        dotted = bool(re.match(r"^\d+\.\d+(?:\.\d+)*\s+[A-Z]", text)) and not text.endswith(".")
        listish = bool(_MARKER.match(text)) and not _NUMBERING.match(text)
        return big or (row.bold and not listish) or (caps and len(words) <= 10) or dotted

    def _heading(self, row: _Row, text: str) -> None:
        self.flush()
        style = (round(row.size * 2) / 2, row.bold, text.upper() == text)
        prev = self.last_heading
        if (
            prev is not None
            and self.protos
            and self.protos[-1].style == style
            and prev.page == row.page
            and 0 < row.top - prev.top <= 1.6 * row.size
            and not _NUMBERING.match(text)
            and len(self.protos[-1].text.split()) + len(text.split()) <= _MAX_HEADING_WORDS
        ):
            self.protos[-1].text += " " + text  # a heading wrapped onto two lines
        else:
            self.protos.append(
                _Proto(BlockKind.HEADING, text, row.page, style=style, depth=_depth(text))
            )
        self.last_heading = row

    def _continues(self, prev: _Row, row: _Row) -> bool:
        """Does `row` carry on the paragraph that `prev` ends?"""
        if abs(prev.size - row.size) > 1.0:
            return False
        prev_text = prev.text
        terminal = bool(_TERMINAL.search(prev_text))
        if row.page != prev.page or row.top <= prev.top:  # new page or next column
            return not terminal
        if (row.top - prev.top) / max(row.size, 1.0) > self.stats.pitch * 1.35:
            return False
        if terminal and prev.x1 < prev.right - 4 * prev.size:
            return False  # a sentence ending on a short line ends the paragraph
        indented = row.x0 > self.lines[0].x0 + 1.5 * row.size
        if terminal and indented and self.kind is BlockKind.PARAGRAPH:
            return False  # first-line indent starts a new paragraph
        return not (
            self.kind is BlockKind.LIST_ITEM and terminal and row.x0 <= self.lines[0].x0 + 2
        )


def _cells(row: _Row) -> list[str]:
    """Cell texts; list markers and 'Label:' cells are merged with the cell after them."""
    texts = [seg.text for seg in row.segs if seg.text]
    merged: list[str] = []
    for text in texts:
        if merged and (_MARKER_ONLY.match(merged[-1]) or merged[-1].endswith(":")):
            merged[-1] = f"{merged[-1]} {text}"
        else:
            merged.append(text)
    return merged


def _depth(text: str) -> int:
    match = _NUMBERING.match(text)
    if not match:
        return 0
    parts = match.group(1).split(".")
    while len(parts) > 1 and parts[-1] == "0":
        parts.pop()  # "1.0 Purpose" is a top-level section, like "1 Purpose"
    return len(parts)


def _join_lines(lines: list[str]) -> str:
    text = ""
    for line in lines:
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].isalpha():
            text = text if _keeps_hyphen(text, line) else text[:-1]
            text += line
        else:
            text = f"{text} {line}" if text else line
    return text


def _keeps_hyphen(before: str, after: str) -> bool:
    """Heuristic for a line-end hyphen: a compound ("e-mail", "well-known") or a split word."""
    left = before[:-1].rsplit(" ", 1)[-1]
    left_word = re.split(r"[^\w-]", left)[-1]
    if "-" in left_word or len(left_word) <= 1 or not after[:1].islower():
        return True
    return left_word.lower() in _COMPOUND_PREFIXES


def _levels(protos: list[_Proto]) -> None:
    """Give headings levels: bigger/bolder styles first; numbering depth nests within a style."""
    depths: dict[tuple[float, bool, bool], list[int]] = {}
    for proto in protos:
        if proto.kind is BlockKind.HEADING:
            depths.setdefault(proto.style, []).append(proto.depth)
    base: dict[tuple[float, bool, bool], tuple[int, int]] = {}
    level = 1
    for style in sorted(depths, key=lambda s: (-s[0], not s[1], not s[2])):
        numbered = [d for d in depths[style] if d]
        low = min(numbered) if numbered else 0
        base[style] = (level, low)
        level += (max(numbered) - low + 1) if numbered else 1
    for proto in protos:
        if proto.kind is BlockKind.HEADING:
            first, low = base[proto.style]
            proto.depth = first + (proto.depth - low if proto.depth else 0)


# --- document -----------------------------------------------------------------------------


def read_pdf(data: bytes, limits: Limits) -> ReadResult:
    """Read a PDF into blocks; raise InputError for encrypted, scanned, corrupt or huge files."""
    _check_complete(data)
    pdf = _open(data)
    try:
        count = len(pdf)
        if count > limits.max_pages:
            raise InputError(
                ErrorCode.TOO_LARGE,
                f"PDF has {count:,} pages, over the limit of {limits.max_pages:,}",
            )
        metadata = _metadata(pdf)
        pages = _extract_all(pdf, data, count)
    except InputError:
        raise
    except Exception as error:  # pdfium can fail on any malformed object: one clear line
        raise InputError(ErrorCode.CORRUPT, f"PDF could not be read ({error})") from None
    finally:
        pdf.close()
    no_text = InputError(
        ErrorCode.NO_TEXT_LAYER,
        "PDF has no text layer (scanned?); run OCR first, e.g. `ocrmypdf in.pdf out.pdf`",
    )
    if not any(page.rows for page in pages):
        raise no_text
    running = _drop_running_lines(pages)
    blocks = _blocks(pages, running)
    image_pages = [page.number for page in pages if page.images and not page.rows]
    if len(blocks) == len(running) and image_pages:
        raise no_text  # only page furniture such as "Page 1 of 9" had a text layer
    return ReadResult(blocks=blocks, pages=count, metadata=metadata, skipped=_skipped(image_pages))


def _check_complete(data: bytes) -> None:
    # pdfium quietly rebuilds a truncated file and reads part of it; a linter must not
    # report gaps in half a document, so a missing end marker is an error.
    if b"%%EOF" not in data[-2048:]:
        raise InputError(ErrorCode.CORRUPT, "PDF is truncated or damaged (no %%EOF at the end)")


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


def _extract_all(pdf: pdfium.PdfDocument, data: bytes, count: int) -> list[_Page]:
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


def _extract_range(start: int, stop: int) -> list[_Page]:
    """Runs in the forked helper: its own pdfium document over the inherited bytes."""
    assert _FORK_DATA is not None
    pdf = pdfium.PdfDocument(_FORK_DATA)
    try:
        return _extract(pdf, start, stop)
    finally:
        pdf.close()


def _extract(pdf: pdfium.PdfDocument, start: int, stop: int) -> list[_Page]:
    pages: list[_Page] = []
    for index in range(start, stop):
        page = pdf[index]
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                segs = _TextPageReader(textpage, height).segments()
            finally:
                textpage.close()
            images = len(segs) <= 3 and _has_images(page)
        finally:
            page.close()
        pages.append(_Page(index + 1, width, height, _rows(segs, index + 1), images))
    return pages


def _has_images(page: pdfium.PdfPage) -> bool:
    # Only asked of pages without text, so the per-object walk stays off the fast path.
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3))


RUNNING_SECTION = "(running header/footer)"


def _blocks(pages: list[_Page], running: list[tuple[str, int]]) -> list[Block]:
    ordered = [row for page in pages for row in _order(page)]
    assembler = _Assembler(_stats(ordered))
    for row in ordered:
        assembler.feed(row)
    assembler.flush()
    _levels(assembler.protos)
    builder = DocumentBuilder()
    for proto in assembler.protos:
        level = proto.depth if proto.kind is BlockKind.HEADING else None
        builder.add(proto.kind, proto.text, page=proto.page, level=level)
    for text, page in running:
        builder.add_apart(RUNNING_SECTION, BlockKind.PARAGRAPH, text, page=page)
    return builder.blocks


def _skipped(image_pages: list[int]) -> list[Skipped]:
    if not image_pages:
        return []
    listed = ", ".join(str(n) for n in image_pages[:20]) + (" ..." if len(image_pages) > 20 else "")
    return [
        Skipped(
            what="image-only pages",
            count=len(image_pages),
            detail=f"pages {listed}: no text layer; run OCR (e.g. ocrmypdf) to read them",
        )
    ]


def _metadata(pdf: pdfium.PdfDocument) -> Metadata:
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # a broken info dict should not stop the text being read
        return Metadata()
    title = (info.get("Title") or "").strip()
    title = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", title) or None
    return Metadata(
        title=title,
        author=(info.get("Author") or "").strip() or None,
        created=_iso_date(info.get("CreationDate")),
        modified=_iso_date(info.get("ModDate")),
    )


def _iso_date(value: str | None) -> str | None:
    """'D:20140313091500-05'00'' -> '2014-03-13T09:15:00-05:00'; partial dates stay partial."""
    if not value:
        return None
    match = _PDF_DATE.match(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, sign, tz_hour, tz_min = match.groups()
    if not month:
        return year
    if not day:
        return f"{year}-{month}"
    date = f"{year}-{month}-{day}"
    if not hour:
        return date
    stamp = f"{date}T{hour}:{minute or '00'}:{second or '00'}"
    if sign in ("Z", "z"):
        return stamp + "Z"
    if sign:
        return f"{stamp}{sign}{tz_hour or '00'}:{tz_min or '00'}"
    return stamp
