"""What the PDF reader knows of a page: text segments, visual rows and pages (y grows down)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(slots=True)
class Seg:
    """A run of text on one line with no wide gap inside."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    rotated: bool = False  # set at an angle (text up the margin)


@dataclass(slots=True)
class Row:
    """One visual line: one segment, or several cells separated by wide gaps."""

    segs: list[Seg]
    page: int
    right: float = 0.0  # right edge of the column it sits in
    beside: bool = False  # shares its height with a separate text block (title block, letterhead)
    # Derived from segs by refresh(); plain fields because they are read many times.
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False
    rotated: bool = False

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        segs = self.segs
        first = segs[0]
        self.text = first.text if len(segs) == 1 else " ".join(seg.text for seg in segs)
        self.x0, self.x1, self.size = first.x0, segs[-1].x1, first.size
        self.top = min(seg.top for seg in segs)
        self.bottom = max(seg.bottom for seg in segs)
        self.bold = all(seg.bold for seg in segs)
        self.rotated = any(seg.rotated for seg in segs)


@dataclass(slots=True)
class Page:
    number: int
    width: float
    height: float
    rows: list[Row] = field(default_factory=list)
    images: bool = False  # only checked on pages with little or no text


def body_size(rows: Iterable[Row]) -> float:
    """The font size most of the text is set in (weighted by characters), to half a point."""
    sizes: Counter[float] = Counter()
    for row in rows:
        sizes[round(row.size * 2) / 2] += len(row.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0
