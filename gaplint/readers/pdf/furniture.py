"""Running headers and footers: lines repeated at the top or bottom of many pages."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator

from gaplint.readers.pdf.geometry import Page, Row, Seg

RUNNING_SECTION = "(running header/footer)"

_ZONE_ROWS = 4  # header/footer candidates: this many rows at the top and bottom of a page
_ZONE_FRACTION = 0.15  # ... and only within this share of the page height from the edge

PAGE_NUMBER = re.compile(
    r"^[\s\-–—|]*(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|/)\s*\d{1,4})?[\s\-–—|]*$", re.I
)
_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"[^\W\d_]{2,}")
_PAGE_WORDS = {"page", "of", "pg", "pp"}


def _zone_rows(page: Page) -> Iterator[Row]:
    """Rows near the top or bottom edge: where running headers and footers live."""
    limit = page.height * _ZONE_FRACTION
    rows = page.rows
    edge = set(range(min(_ZONE_ROWS, len(rows))))
    edge |= set(range(max(0, len(rows) - _ZONE_ROWS), len(rows)))
    for index in sorted(edge):
        row = rows[index]
        if row.top <= limit or row.top >= page.height - limit:
            yield row


def _key(seg: Seg) -> str:
    """Text with numbers wildcarded, plus size: 'Page 3 of 7' matches 'Page 4 of 7'."""
    return f"{round(seg.size)}|{_DIGITS.sub('#', seg.text.lower())}"


def drop_running_lines(pages: list[Page]) -> list[tuple[str, int]]:
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
        kept: list[Row] = []
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
                    if _key(seg) not in repeated and not PAGE_NUMBER.match(seg.text)
                ]
            if row.segs:
                row.refresh()
                kept.append(row)
        page.rows = kept
    return list(removed.values())
