"""How faithful is the PDF reader to pdftotext? Word coverage and leftover page furniture.

    python bench/pdf_fidelity.py [--corpus DIR]

For every PDF: the share of pdftotext's words (lower-cased alphanumeric tokens, counted as a
multiset) that gaplint's text also has, after taking out the running headers/footers that
gaplint is meant to drop (target >= 98%); and a count of running lines or bare page numbers
("3", "Page 3 of 7") that survive as blocks (target 0).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gaplint.document import Document  # noqa: E402
from gaplint.errors import InputError  # noqa: E402
from gaplint.readers import read_document  # noqa: E402
from gaplint.readers.pdf import RUNNING_SECTION  # noqa: E402

WORD = re.compile(r"[a-z0-9]+")
PAGE_NUMBER = re.compile(r"^\W*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\W*$", re.I)
EDGE_LINES = 5


def pdftotext_pages(path: Path) -> list[list[str]]:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    pages = out.split("\f")
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]


def norm(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def running_lines(pages: list[list[str]]) -> set[str]:
    """Lines at the top/bottom of at least half the pages (numbers wildcarded)."""
    pages = [page for page in pages if page]
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({norm(line) for line in page[:EDGE_LINES] + page[-EDGE_LINES:]})
    threshold = max(2, (len(pages) + 1) // 2)
    return {line for line, count in seen.items() if count >= threshold}


def reference_words(pages: list[list[str]], running: set[str]) -> Counter[str]:
    words: Counter[str] = Counter()
    for page in pages:
        edges = set(range(EDGE_LINES)) | set(range(len(page) - EDGE_LINES, len(page)))
        for index, line in enumerate(page):
            at_edge = index in edges
            if at_edge and (norm(line) in running or PAGE_NUMBER.match(line)):
                continue  # furniture gaplint is meant to drop
            words.update(WORD.findall(line.lower()))
    return words


def survivors(document: Document, running: set[str]) -> list[str]:
    """Body blocks that are page numbers or running lines kept more than once, and running
    lines repeated in the reader's own "(running header/footer)" section.

    A running line kept once in the body is a title (the first page's "SOCIAL MEDIA" heading
    that later pages repeat in their header); a header that survived would be there many times.
    The reader keeps each running line with words in it once, apart from the body.
    """
    body = [block for block in document.blocks if block.section != [RUNNING_SECTION]]
    apart = Counter(norm(b.text) for b in document.blocks if b.section == [RUNNING_SECTION])
    kept = Counter(norm(block.text) for block in body)
    repeated = {line for line in running if kept[line] > 1}
    return [
        block.text
        for block in body
        if PAGE_NUMBER.match(block.text) or norm(block.text) in repeated
    ] + [line for line, count in apart.items() if count > 1]


def check(path: Path) -> tuple[float, int, list[str]]:
    pages = pdftotext_pages(path)
    running = running_lines(pages)
    expected = reference_words(pages, running)
    document = read_document(path)
    got = Counter(WORD.findall(document.text.lower()))
    found = sum(min(count, got[word]) for word, count in expected.items())
    share = found / max(1, sum(expected.values()))
    missing = (expected - got).most_common(8)
    detail = [f"{word} x{count}" for word, count in missing]
    return share, len(survivors(document, running)), detail


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    args = parser.parse_args()
    print(f"{'file':60} {'word share':>10} {'furniture left':>15}")
    failed = False
    for path in sorted(args.corpus.glob("*.pdf")):
        try:
            share, left, missing = check(path)
        except InputError as error:
            print(f"{path.name[:60]:60} {error.line()}")
            failed = True
            continue
        flag = "" if share >= 0.98 and left == 0 else "  <-- below target"
        failed = failed or bool(flag)
        print(f"{path.name[:60]:60} {share:>10.2%} {left:>15}{flag}")
        if missing:
            print(f"    missing most: {', '.join(missing)}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
