"""OCR of scanned PDF pages with Tesseract, driven directly as a subprocess.

Each page is rendered by pdfium to a grey bitmap, handed to `tesseract` on standard input
as a PGM image (no Pillow, no file next to the input), and its hOCR output turned into the
same positioned rows the text-layer reader makes, so headings, lists, tables and running
headers are found by the same code. One page is in memory at a time; the rendering is capped
in pixels, so a huge page cannot exhaust memory; each page has a time limit. Tesseract runs in
a private temporary folder with one thread (the batch, not one page, uses the cores).
"""

from __future__ import annotations

import contextlib
import math
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
from lxml import etree

from gaplint.document import Block, ReadWarning
from gaplint.errors import ErrorCode, InputError
from gaplint.readers.pdf.extract import group_rows
from gaplint.readers.pdf.geometry import Page, Seg

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

ENGINE = "tesseract"
INSTALL_HINT = (
    "install Tesseract (Debian/Ubuntu: `apt-get install tesseract-ocr tesseract-ocr-eng`; "
    "macOS: `brew install tesseract`)"
)
ENABLE_HINT = 'run with `--ocr` or set `ocr = "auto"` in the configuration'

DPI = 300  # Tesseract's own advice for body text
MAX_PIXELS = 40_000_000  # about A3 at 300 dpi; a larger page is rendered at a lower resolution
_DARK = 160  # grey levels below this are ink
_RULE_STEPS = 7  # a straight run of 2**7 = 128 pixels (0.43 inch at 300 dpi) is a ruled line
_BOLD = 1.25  # a line whose ink is this much denser and wider-stroked than usual is bold
_MIN_LINES_FOR_BOLD = 5  # fewer lines on a page give no "usual" to compare with
_GAP_EM = 2.0  # as in the text-layer reader: a gap this wide splits a line into cells
# Line sizes in steps of under 9 % are one size, unless they spread over more than 25 %.
_SIZE_STEP = 0.09
_SIZE_SPAN = 0.25
# What Tesseract makes of a bullet "•" standing alone before a line's text.
_MISREAD_BULLETS = {"¢", "«", "°", "©", "e", "»", "·", "®"}
_LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_textfloat", "ocr_caption"}
# Our own subprocess's output, but parsed as any XML is here: no DTD, no entities, no network.
_HOCR_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True
)

Box = tuple[float, float, float, float]
Progress = Callable[[int], None]
"""Called with the number of pages done so far."""


def engine() -> str | None:
    """The Tesseract executable, or None when it is not installed."""
    return shutil.which(ENGINE)


def missing_engine_message() -> str:
    return f"PDF has no text layer (scanned?); to read it by OCR, {INSTALL_HINT}"


def ocr_pages(
    pdf: pdfium.PdfDocument,
    numbers: list[int],
    page_seconds: float,
    progress: Progress | None = None,
) -> dict[int, Page]:
    """The pages numbered `numbers` (1-based) read by OCR, with their rows of text."""
    executable = engine()
    if executable is None:
        raise InputError(ErrorCode.NO_TEXT_LAYER, missing_engine_message())
    read: list[tuple[int, float, float, list[Seg]]] = []
    with tempfile.TemporaryDirectory(prefix="gaplint-ocr-") as workdir:
        for done, number in enumerate(numbers, start=1):
            read.append(_ocr_page(pdf, number, executable, workdir, page_seconds))
            if progress is not None:
                progress(done)
    _snap_sizes([seg for *_, segs in read for seg in segs])
    return {
        number: Page(number, width, height, group_rows(segs, number), images=True)
        for number, width, height, segs in read
    }


def _ocr_page(
    pdf: pdfium.PdfDocument, number: int, executable: str, workdir: str, seconds: float
) -> tuple[int, float, float, list[Seg]]:
    page = pdf[number - 1]
    try:
        width, height = page.get_size()
        scale = _scale(width, height)
        image = _render(page, scale)
    finally:
        page.close()
    hocr = _run_tesseract(executable, _pgm(image), workdir, seconds, number)
    return number, width, height, _segments(hocr, scale, image)


def _scale(width: float, height: float) -> float:
    """Pixels per PDF point: DPI, lowered so the page stays under MAX_PIXELS."""
    scale = DPI / 72
    area = max(width, 1.0) * max(height, 1.0) * scale * scale
    if area > MAX_PIXELS:
        scale *= math.sqrt(MAX_PIXELS / area)
    return scale


def _render(page: pdfium.PdfPage, scale: float) -> npt.NDArray[np.uint8]:
    """The page in grey levels, with ruled lines taken out."""
    import numpy as np

    bitmap = page.render(scale=scale, grayscale=True)
    try:
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        rows = np.frombuffer(bitmap.buffer, dtype=np.uint8, count=stride * height)
        image = rows.reshape(height, stride)[:, :width].copy()
    finally:
        bitmap.close()
    image[_ruled_lines(image < _DARK)] = 255
    return image


def _pgm(image: npt.NDArray[np.uint8]) -> bytes:
    """A binary PGM (grey, 8 bits): a format Tesseract reads on standard input."""
    height, width = image.shape
    return b"P5\n%d %d\n255\n" % (width, height) + image.tobytes()


def _ruled_lines(dark: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    """Pixels on straight dark runs of at least 2**_RULE_STEPS pixels, across or down: the
    rules of a table, which make Tesseract skip the text in its cells. No letter is that long.
    Found by doubling (log2 of the length in array operations, not one per pixel)."""
    return _runs(dark, axis=1) | _runs(dark, axis=0)


def _runs(dark: npt.NDArray[np.bool_], axis: int) -> npt.NDArray[np.bool_]:
    import numpy as np

    def shifted(array: npt.NDArray[np.bool_], start: int, stop: int) -> npt.NDArray[np.bool_]:
        return array[:, start:stop] if axis == 1 else array[start:stop]

    found = dark
    for step in range(_RULE_STEPS):  # found[j]: a run of 2**(step + 1) starts at j
        shift = 1 << step
        found = shifted(found, 0, -shift) & shifted(found, shift, found.shape[axis])
    for step in range(_RULE_STEPS):  # grow each start back over the run it begins
        shift = 1 << step
        shape = list(found.shape)
        shape[axis] += shift
        grown = np.zeros(shape, dtype=bool)
        shifted(grown, 0, -shift)[...] |= found
        shifted(grown, shift, shape[axis])[...] |= found
        found = grown
    return found


def _run_tesseract(
    executable: str, image: bytes, workdir: str, seconds: float, number: int
) -> bytes:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    command = [executable, "stdin", "stdout", "-l", "eng", "--psm", "3", "hocr"]
    try:
        done = subprocess.run(
            command,
            input=image,
            capture_output=True,
            cwd=workdir,
            env=env,
            timeout=seconds or None,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise InputError(
            ErrorCode.TIMEOUT,
            f"OCR of page {number} took longer than {seconds:g} s (`ocr_page_seconds`)",
        ) from None
    except OSError as error:
        raise InputError(
            ErrorCode.NO_TEXT_LAYER, f"OCR engine could not be run ({error.strerror})"
        ) from None
    if done.returncode != 0:
        detail = " ".join(done.stderr.decode("utf-8", "replace").split())[:200]
        if "eng.traineddata" in detail or "language" in detail.lower():
            detail = f"{detail}; install the English data (`tesseract-ocr-eng`)"
        raise InputError(ErrorCode.NO_TEXT_LAYER, f"OCR of page {number} failed: {detail}")
    return done.stdout


def _title(element: etree._Element) -> dict[str, list[str]]:
    """hOCR's `title="bbox 1 2 3 4; x_size 36"` as {"bbox": [...], "x_size": [...]}."""
    fields: dict[str, list[str]] = {}
    for part in (element.get("title") or "").split(";"):
        words = part.split()
        if words:
            fields[words[0]] = words[1:]
    return fields


def _box(fields: dict[str, list[str]]) -> Box | None:
    try:
        x0, y0, x1, y1 = (float(value) for value in fields["bbox"])
    except (KeyError, ValueError):
        return None
    return x0, y0, x1, y1


def _lines(hocr: bytes) -> Iterator[tuple[float, list[tuple[str, Box]]]]:
    """Each line's size in pixels and its words with their boxes, in Tesseract's order."""
    if not hocr.strip():
        return
    root = etree.fromstring(hocr, _HOCR_PARSER)
    if root is None:
        return
    for element in root.iter():
        if not isinstance(element.tag, str) or element.get("class") not in _LINE_CLASSES:
            continue
        fields = _title(element)
        line_box = _box(fields)
        if line_box is None:
            continue
        try:
            size = float(fields.get("x_size", [""])[0])
        except ValueError:
            size = line_box[3] - line_box[1]
        words = []
        for word in element.iter():
            if isinstance(word.tag, str) and word.get("class") == "ocrx_word":
                text = "".join(word.itertext()).strip()
                box = _box(_title(word))
                if text and box is not None:
                    words.append((text, box))
        if words:
            yield size, words


def _segments(hocr: bytes, scale: float, image: npt.NDArray[np.uint8]) -> list[Seg]:
    """Words become segments in PDF points; a wide gap between words starts a new cell."""
    lines = list(_lines(hocr))
    bold = _bold_lines(image, [words for _, words in lines])
    segs: list[Seg] = []
    for (size_pixels, words), is_bold in zip(lines, bold):
        size = size_pixels / scale
        run: list[tuple[str, Box]] = []
        ordered = sorted(words, key=lambda item: item[1][0])
        bullet = _dropped_bullet(image, ordered[0][1])
        if bullet is not None:
            ordered.insert(0, ("\u2022", bullet))
        for text, box in ordered:
            if run and (box[0] - run[-1][1][2]) / scale > _GAP_EM * size:
                segs.append(_seg(run, scale, size, is_bold))
                run = []
            run.append((text, box))
        segs.append(_seg(run, scale, size, is_bold))
    return segs


def _bold_lines(image: npt.NDArray[np.uint8], lines: list[list[tuple[str, Box]]]) -> list[bool]:
    """Which lines are set in bold, which Tesseract does not say: their ink is both denser
    and in wider strokes (ink per left edge of a stroke) than most lines of the page."""
    import numpy as np

    measures = []
    for words in lines:
        ink = area = edges = 0
        for _, (x0, y0, x1, y1) in words:
            box = image[int(y0) : int(y1), int(x0) : int(x1)] < _DARK
            ink += int(box.sum())
            area += box.size
            edges += int(np.count_nonzero(box[:, 1:] & ~box[:, :-1]))
        measures.append((ink / max(area, 1), ink / max(edges, 1)))
    if len(measures) < _MIN_LINES_FOR_BOLD:
        return [False] * len(measures)
    density = float(np.median([m[0] for m in measures]))
    stroke = float(np.median([m[1] for m in measures]))
    return [d > _BOLD * density and w > _BOLD * stroke for d, w in measures]


def _dropped_bullet(image: npt.NDArray[np.uint8], first: Box) -> Box | None:
    """The box of a bullet Tesseract left out before a line's first word, or None.

    Tesseract often drops a round bullet ("•") entirely, and without it a list reads as one
    paragraph. A bullet is a lone, compact, filled blob just left of the first word, about
    the height of a lower-case letter, centred on the line."""
    import numpy as np

    x0, top, _, bottom = (int(v) for v in first)
    height = bottom - top
    if height < 6:
        return None
    left = max(0, x0 - 3 * height)
    region = image[top:bottom, left : max(left, x0 - 2)] < _DARK
    if not region.any():
        return None
    rows = np.flatnonzero(region.any(axis=1))
    cols = np.flatnonzero(region.any(axis=0))
    blob_h, blob_w = rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1
    centre = (rows[0] + rows[-1]) / 2
    filled = region.sum() / (blob_h * blob_w)
    compact = 0.12 * height <= blob_h <= 0.6 * height and 0.6 <= blob_w / blob_h <= 1.6
    if not (compact and filled >= 0.55 and 0.25 * height <= centre <= 0.8 * height):
        return None
    bx0 = left + int(cols[0])
    return float(bx0), float(top + rows[0]), float(bx0 + blob_w), float(top + rows[-1] + 1)


def _snap_sizes(segs: list[Seg]) -> None:
    """OCR measures each line's size a little differently (descenders, capitals): sizes a few
    per cent apart become one, the one most characters have, over the whole document, so
    that headings of one level share a size and body text is one size."""
    weights: Counter[float] = Counter()
    for seg in segs:
        weights[seg.size] += len(seg.text)
    snapped: dict[float, float] = {}
    cluster: list[float] = []
    for size in sorted(weights):
        apart = size > cluster[-1] * (1 + _SIZE_STEP) if cluster else False
        if cluster and (apart or size > cluster[0] * (1 + _SIZE_SPAN)):
            _settle(cluster, weights, snapped)
            cluster = []
        cluster.append(size)
    _settle(cluster, weights, snapped)
    for seg in segs:
        seg.size = snapped[seg.size]


def _settle(cluster: list[float], weights: Counter[float], snapped: dict[float, float]) -> None:
    if cluster:
        usual = round(max(cluster, key=lambda size: weights[size]) * 2) / 2
        snapped.update((size, usual) for size in cluster)


def _seg(words: list[tuple[str, Box]], scale: float, size: float, bold: bool) -> Seg:
    first = words[0][0]
    if first in _MISREAD_BULLETS and len(words) > 1:
        words = [("\u2022", words[0][1]), *words[1:]]
    text = " ".join(text for text, _ in words)
    x0 = min(box[0] for _, box in words) / scale
    x1 = max(box[2] for _, box in words) / scale
    top = min(box[1] for _, box in words) / scale
    bottom = max(box[3] for _, box in words) / scale
    return Seg(text, x0, x1, top, bottom, size, bold)


@contextlib.contextmanager
def progress_bar(total: int, label: str) -> Iterator[Progress | None]:
    """A page-by-page bar on standard error, when it is a terminal and there is more than
    one page: a long scan takes a second or more a page, so silence would look like a hang."""
    if total < 2 or not _is_terminal():
        yield None
        return
    import click

    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        shown = 0

        def update(done: int) -> None:
            nonlocal shown
            bar.update(done - shown)
            shown = done

        yield update


def _is_terminal() -> bool:
    stream = sys.stderr
    return bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())


OCR_SOURCE = "ocr"


def mark_ocr(blocks: list[Block], pages: set[int]) -> list[Block]:
    """Blocks from pages read by OCR say so, so their evidence can be marked and weighed."""
    return [
        block.model_copy(update={"source": OCR_SOURCE}) if block.page in pages else block
        for block in blocks
    ]


def ocr_notice(pages: list[int]) -> ReadWarning:
    listed = ", ".join(str(n) for n in pages[:20]) + (" ..." if len(pages) > 20 else "")
    return ReadWarning(
        code="ocr",
        message=f"{len(pages)} page(s) read by OCR (Tesseract): {listed}; "
        "decisions resting on them are marked weak",
    )
