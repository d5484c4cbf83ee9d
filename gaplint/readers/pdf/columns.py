"""Reading order: rows top to bottom, two-column bands read left column first."""

from __future__ import annotations

from gaplint.readers.pdf.geometry import Page, Row


def order(page: Page) -> list[Row]:
    """The page's rows in reading order, each told the right edge of its column."""
    gutter = find_gutter(page)
    if gutter is None:
        right = max((row.x1 for row in page.rows), default=page.width)
        for row in page.rows:
            row.right = right
        return page.rows
    return _order_columns(page, gutter)


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
