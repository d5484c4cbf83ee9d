"""Reading order: rows top to bottom, two-column bands read left column first."""

from __future__ import annotations

import itertools

from gaplint.readers.pdf.geometry import Page, Row


def order(page: Page) -> list[Row]:
    """The page's rows in reading order, each told the right edge of its column."""
    rotated = [row for row in page.rows if row.rotated]
    if rotated:  # read after the page's flow, so they never cut into a paragraph
        page.rows = [row for row in page.rows if not row.rotated]
        return [*order(page), *rotated]
    gutter = find_gutter(page)
    if gutter is None:
        right = max((row.x1 for row in page.rows), default=page.width)
        for row in page.rows:
            row.right = right
        return _order_side_by_side(page.rows)
    return _order_columns(page, gutter)


def _order_side_by_side(rows: list[Row]) -> list[Row]:
    """Blocks of text set side by side on a page of one column (a title block beside its
    document details, a letterhead) are read block by block, left first, and their rows are
    marked `beside`: such rows are never headings of the document."""
    _mark_beside(rows)
    if not any(row.beside for row in rows):
        return rows
    ordered: list[Row] = []
    for beside, run in itertools.groupby(rows, key=lambda row: row.beside):
        band = list(run)
        ordered.extend(_by_column(band) if beside else band)
    return ordered


def _mark_beside(rows: list[Row]) -> None:
    """Mark rows that share their height with another row, neither crossing the other."""
    for index, row in enumerate(rows):
        for other in rows[index + 1 :]:
            if other.top >= row.bottom:
                break
            overlap = min(row.bottom, other.bottom) - max(row.top, other.top)
            if overlap > 0 and _apart(row, other):
                row.beside = other.beside = True
    # A line between two marked ones, clear of one of them, belongs to the same block.
    for before, row, after in zip(rows, rows[1:], rows[2:]):
        if before.beside and after.beside and not row.beside:
            row.beside = _apart(row, before) or _apart(row, after)


def _apart(one: Row, other: Row) -> bool:
    return one.x1 <= other.x0 or other.x1 <= one.x0


def _by_column(band: list[Row]) -> list[Row]:
    """Rows of a side-by-side band: those left of the first clean cut, then the rest."""
    for cut in sorted({row.x0 for row in band})[1:]:
        left = [row for row in band if row.x0 < cut]
        if all(row.x1 <= cut + 1 for row in left):
            return left + [row for row in band if row.x0 >= cut]
    return band


def find_gutter(page: Page) -> float | None:
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


def _order_columns(page: Page, gutter: float) -> list[Row]:
    """Bands separated by full-width rows; inside a band, left column then right column."""
    ordered: list[Row] = []
    left: list[Row] = []
    right: list[Row] = []
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
            part = Row([seg], row.page, right=left_edge if seg.x1 <= gutter else right_edge)
            (left if seg.x1 <= gutter else right).append(part)
    flush()
    return ordered


def _is_split_row(row: Row, gutter: float) -> bool:
    return all(seg.x1 <= gutter or seg.x0 >= gutter - 1 for seg in row.segs)


def _median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else 0.0
