"""OCR of scanned PDFs: speed beside pdftotext, word recovery and verdict agreement.

    python bench/ocr.py [--corpus DIR] [--dpi 200]

Each PDF with a text layer (the generated test policies, and every PDF in --corpus) is
turned into a scan (pages rendered to grey images at --dpi, wrapped in a PDF with no text
layer, as tests/builders/pdf.py does) and read back with `ocr = "auto"`. Reported per file
and in total: pages per second for OCR, for gaplint's text-layer reading and for
`pdftotext` on the original in the same run; the share of the text-layer reading's words
(lower-cased alphanumeric tokens, as a multiset) that OCR recovered; and how many sub-point
verdicts (covered or gap) and element statuses agree with the original's. JSON goes to
bench/out/ocr.json.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gaplint.api import Checker  # noqa: E402
from gaplint.document import Document  # noqa: E402
from gaplint.errors import InputError  # noqa: E402
from gaplint.readers import Limits, ocr, read_bytes  # noqa: E402
from gaplint.report import DocumentReport  # noqa: E402
from tests.builders import pdf as build  # noqa: E402

WORD = re.compile(r"[a-z0-9]+")
OUT = ROOT / "bench" / "out" / "ocr.json"


def words(document: Document) -> Counter[str]:
    return Counter(WORD.findall(document.text.lower()))


T = TypeVar("T")


def timed(function: Callable[..., T], *args: object) -> tuple[T, float]:
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def pdftotext(data: bytes) -> None:
    subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)


def _cpu() -> float:
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def verdicts(report: DocumentReport) -> tuple[dict[str, str], dict[str, str]]:
    subs = {s.id: s.status.value for e in report.elements for s in e.subpoints}
    return subs, {e.id: e.status.value for e in report.elements}


@dataclass
class Row:
    file: str
    pages: int
    ocr_seconds: float
    ocr_cpu_seconds: float
    """CPU time of gaplint and Tesseract together: steadier than wall time on a busy VM."""
    text_layer_seconds: float
    pdftotext_seconds: float
    words: int
    words_recovered: int
    subpoints: int
    subpoints_agree: int
    elements: int
    elements_agree: int

    def summary(self) -> dict[str, object]:
        return {
            **asdict(self),
            "ocr_pages_per_second": round(self.pages / self.ocr_seconds, 2),
            "ocr_cpu_seconds_per_page": round(self.ocr_cpu_seconds / self.pages, 2),
            "text_layer_pages_per_second": round(self.pages / self.text_layer_seconds, 1),
            "pdftotext_pages_per_second": round(self.pages / self.pdftotext_seconds, 1),
            "word_recovery": round(self.words_recovered / max(self.words, 1), 4),
        }


def measure(name: str, original: bytes, dpi: int, checker: Checker) -> Row:
    scan = build.scanned(original, dpi)
    text_doc, text_seconds = timed(read_bytes, original, name, Limits())
    _, reference_seconds = timed(pdftotext, original)
    cpu_before = _cpu()
    ocr_doc, ocr_seconds = timed(read_bytes, scan, name, Limits(ocr="auto"))
    ocr_cpu = _cpu() - cpu_before
    want, got = words(text_doc), words(ocr_doc)
    subs_text, elements_text = verdicts(checker.check_document(text_doc))
    subs_ocr, elements_ocr = verdicts(checker.check_document(ocr_doc))
    return Row(
        file=name,
        pages=text_doc.pages or 1,
        ocr_seconds=round(ocr_seconds, 3),
        ocr_cpu_seconds=round(ocr_cpu, 3),
        text_layer_seconds=round(text_seconds, 4),
        pdftotext_seconds=round(reference_seconds, 4),
        words=sum(want.values()),
        words_recovered=sum((want & got).values()),
        subpoints=len(subs_text),
        subpoints_agree=sum(subs_ocr.get(k) == v for k, v in subs_text.items()),
        elements=len(elements_text),
        elements_agree=sum(elements_ocr.get(k) == v for k, v in elements_text.items()),
    )


def _share(rows: list[Row], part: str, whole: str) -> str:
    agree = sum(int(getattr(row, part)) for row in rows)
    return f"{agree}/{sum(int(getattr(row, whole)) for row in rows)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, help="a folder of text-layer PDFs (the dev set)")
    parser.add_argument("--dpi", type=int, default=200, help="resolution of the simulated scan")
    args = parser.parse_args()
    if ocr.engine() is None:
        sys.exit(f"bench/ocr.py: {ocr.INSTALL_HINT}")
    sources = [
        ("generated-policy.pdf", build.policy_pdf()),
        ("generated-short.pdf", build.short_policy_pdf()),
    ]
    if args.corpus:
        sources += [(p.name, p.read_bytes()) for p in sorted(args.corpus.rglob("*.pdf"))]
    checker = Checker(limits=Limits(ocr="auto"))
    checker.compiled  # noqa: B018  # load the pipeline before the clock runs
    rows: list[Row] = []
    for name, data in sources:
        try:
            row = measure(name, data, args.dpi, checker)
        except InputError as error:
            print(f"{name}: {error.line()}")
            continue
        rows.append(row)
        shown = row.summary()
        print(
            f"{name[:38]:38} {row.pages:>3} p  OCR {shown['ocr_pages_per_second']:>5} p/s "
            f"({shown['ocr_cpu_seconds_per_page']} CPU-s/p)  "
            f"text layer {shown['text_layer_pages_per_second']:>6} p/s  pdftotext "
            f"{shown['pdftotext_pages_per_second']:>6} p/s  words {shown['word_recovery']:.1%}  "
            f"verdicts {row.subpoints_agree}/{row.subpoints}  "
            f"elements {row.elements_agree}/{row.elements}"
        )
    pages = sum(row.pages for row in rows)
    total = {
        "files": len(rows),
        "pages": pages,
        "dpi": args.dpi,
        "ocr_pages_per_second": round(pages / sum(row.ocr_seconds for row in rows), 2),
        "ocr_cpu_seconds_per_page": round(sum(row.ocr_cpu_seconds for row in rows) / pages, 2),
        "pdftotext_pages_per_second": round(pages / sum(row.pdftotext_seconds for row in rows), 1),
        "word_recovery": round(
            sum(row.words_recovered for row in rows) / max(sum(row.words for row in rows), 1), 4
        ),
        "subpoints_agree": _share(rows, "subpoints_agree", "subpoints"),
        "elements_agree": _share(rows, "elements_agree", "elements"),
    }
    print(f"total: {json.dumps(total)}")
    OUT.parent.mkdir(exist_ok=True)
    files = [row.summary() for row in rows]
    OUT.write_text(json.dumps({"files": files, "total": total}, indent=2) + "\n")


if __name__ == "__main__":
    main()
