"""Block assembly: ordered rows become headings, paragraphs, list items and table cells."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from gaplint.document import BlockKind
from gaplint.fields import field_row
from gaplint.readers.pdf.geometry import Row, body_size
from gaplint.readers.textblocks import (
    is_list_marker,
    join_hyphenated,
    marker_family,
    split_list_marker,
)

_HEADING_SCALE = 1.15  # font this much larger than body text marks a heading
_MAX_HEADING_WORDS = 14

_NUMBERING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+\S")
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?$")  # "4.1.2" alone, its title in the next cell
_DOTTED_HEADING = re.compile(r"^\d+\.\d+(?:\.\d+)*\s+[A-Z]")
_DOT_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d+$|…\s*\d+$")
_PAGE_REF = re.compile(r"^\d{1,4}$")
_MIN_CONTENTS_ROWS = 3
_RULE = re.compile(r"^[_\-–—=.·•\s]{5,}$")
_TERMINAL = re.compile(r"[.!?:][\"'”’)\]]*$")


@dataclass(slots=True)
class Proto:
    """A block before heading levels are known."""

    kind: BlockKind
    text: str
    page: int
    style: tuple[float, bool, bool] = (0.0, False, False)
    depth: int = 0  # numbering depth of a numbered heading ("4.1.2" -> 3), else 0


@dataclass
class Stats:
    body_size: float
    pitch: float  # usual baseline distance between lines of a paragraph, in ems


def stats(rows: list[Row]) -> Stats:
    body = body_size(rows)
    pitches: Counter[float] = Counter()
    for prev, row in itertools.pairwise(rows):
        if row.page == prev.page and abs(row.size - body) < 0.6 and abs(prev.size - body) < 0.6:
            ratio = (row.top - prev.top) / body
            if 0.8 < ratio < 3:
                pitches[round(ratio, 1)] += 1
    pitch = pitches.most_common(1)[0][0] if pitches else 1.2
    return Stats(body, pitch)


def _starts_list_item(text: str) -> bool:
    return split_list_marker(text) is not None or is_list_marker(text)


def _marker_cell(text: str) -> bool:
    """A cell holding only a list marker or a section number, which belongs to the next cell."""
    return is_list_marker(text) or bool(_SECTION_NUMBER.match(text))


def _without_bullet(text: str) -> str:
    marker = split_list_marker(text)
    return marker[1] if marker and marker_family(marker[0]) == "bullet" else text


class Assembler:
    """Turns ordered rows into headings, paragraphs, list items and table cells."""

    def __init__(self, stats: Stats, contents: set[int] | None = None) -> None:
        self.stats = stats
        self.contents = contents or set()  # ids of table-of-contents rows
        self.protos: list[Proto] = []
        self.lines: list[Row] = []  # the open paragraph or list item
        self.kind = BlockKind.PARAGRAPH
        self.last_heading: Row | None = None

    def feed(self, row: Row) -> None:
        if id(row) in self.contents:
            self.flush()  # "Scope    4": one entry, its page number kept with its title
            self.protos.append(Proto(BlockKind.PARAGRAPH, row.text, row.page))
            return
        cells = _cells(row)
        if len(cells) > 1:
            self.flush()
            field = field_row(cells)
            for cell in [field] if field else cells:
                self.protos.append(Proto(BlockKind.TABLE_CELL, cell, row.page))
            return
        text = cells[0] if cells else ""
        if not text:
            return
        if _RULE.match(text):
            self.flush()  # a rule typed as "_____": it ends a block and says nothing
            self.last_heading = None
            return
        if row.rotated or (len(row.segs) > 1 and not _marker_cell(row.segs[0].text)):
            self.flush()  # a 'Label:  value' line or margin text: its own block
            self.protos.append(Proto(BlockKind.PARAGRAPH, text, row.page))
            return
        continues = bool(self.lines) and self._continues(self.lines[-1], row)
        if self._is_heading(row, text, continues):
            self._heading(row, text)
            return
        self.last_heading = None
        if _starts_list_item(text) and not _DOT_LEADER.search(text):
            self.flush()
            self.kind = BlockKind.LIST_ITEM
        elif not continues:
            self.flush()
        self.lines.append(row)

    def flush(self) -> None:
        if self.lines:
            text = join_hyphenated([row.text for row in self.lines])
            if self.kind is BlockKind.LIST_ITEM:
                text = _without_bullet(text)
            self.protos.append(Proto(self.kind, text, self.lines[0].page))
        self.lines = []
        self.kind = BlockKind.PARAGRAPH

    def _is_heading(self, row: Row, text: str, continues: bool) -> bool:
        if row.beside or row.rotated:
            return False  # a title block's big words are not headings of the whole document
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
        dotted = bool(_DOTTED_HEADING.match(text)) and not text.endswith(".")
        listish = _starts_list_item(text) and not _NUMBERING.match(text)
        return big or (row.bold and not listish) or (caps and len(words) <= 10) or dotted

    def _heading(self, row: Row, text: str) -> None:
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
                Proto(BlockKind.HEADING, text, row.page, style=style, depth=_depth(text))
            )
        self.last_heading = row

    def _continues(self, prev: Row, row: Row) -> bool:
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


def _cells(row: Row) -> list[str]:
    """Cell texts; list markers and 'Label:' cells are merged with the cell after them."""
    texts = [seg.text for seg in row.segs if seg.text]
    merged: list[str] = []
    for text in texts:
        if merged and (_marker_cell(merged[-1]) or merged[-1].endswith(":")):
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


def levels(protos: list[Proto]) -> None:
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


def contents_rows(rows: list[Row]) -> set[int]:
    """Ids of the rows of a table of contents without dot leaders: at least three rows in a
    row ending in a page number set apart, numbers right-aligned and never going down."""
    found: set[int] = set()
    run: list[Row] = []

    def close() -> None:
        numbers = [int(row.segs[-1].text) for row in run]
        edges = [row.segs[-1].x1 for row in run]
        ordered = all(a <= b for a, b in itertools.pairwise(numbers))
        if len(run) >= _MIN_CONTENTS_ROWS and ordered and max(edges) - min(edges) < 3:
            found.update(id(row) for row in run)
        run.clear()

    for row in rows:
        entry = len(row.segs) > 1 and _PAGE_REF.match(row.segs[-1].text)
        if run and (not entry or row.page != run[-1].page):
            close()
        if entry:
            run.append(row)
    if run:
        close()
    return found


def assemble(rows: list[Row]) -> list[Proto]:
    """Rows in reading order -> blocks with heading levels set (in `depth`)."""
    assembler = Assembler(stats(rows), contents_rows(rows))
    for row in rows:
        assembler.feed(row)
    assembler.flush()
    levels(assembler.protos)
    return assembler.protos
