"""`gaplint diff` on two versions of a 100-page policy, beside `gaplint check` of both.

Run: python bench/diff.py   (writes bench/out/diff.json and prints a table; needs fpdf2, from
the test extra). The policy is built from the project's own corpus/ text, repeated with
varied numbering until it fills about 100 PDF pages; the second version deletes, rewords and
adds sentences. Target: the diff within 1.2x the time of checking both versions once
(`gaplint check --no-cache OLD NEW`, one process), measured in the same run, interleaved.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fpdf import FPDF

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out" / "diff.json"
GAPLINT = str(Path(sys.executable).with_name("gaplint"))
PAGES = 100
ROUNDS = 3
TARGET = 1.2


def _corpus_sections() -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) of every section of the corpus Markdown policies."""
    sections: list[tuple[str, list[str]]] = []
    for path in sorted((REPO / "corpus").glob("*.md")):
        if path.name.upper().startswith(("README", "FIRST")):
            continue
        heading = path.stem
        paragraphs: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            text = re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", line).strip()
            if text.startswith("#"):
                if paragraphs:
                    sections.append((heading, paragraphs))
                heading, paragraphs = text.lstrip("# "), []
            elif text and not text.startswith(("---", "<!--", "|")):
                paragraphs.append(text.lstrip("-+ "))
        if paragraphs:
            sections.append((heading, paragraphs))
    return sections


def _latin(text: str) -> str:
    return text.encode("cp1252", "replace").decode("cp1252")


def build_pdf(sections: list[tuple[str, list[str]]], pages: int = PAGES) -> bytes:
    pdf = FPDF(format="letter")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    number = 0
    while pdf.page_no() < pages:
        heading, paragraphs = sections[number % len(sections)]
        number += 1
        pdf.set_font("Helvetica", "B", 14)
        pdf.multi_cell(0, 8, _latin(f"{number}. {heading}"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        for paragraph in paragraphs:
            # Numbered like a real policy, so each copy of a sentence is its own sentence.
            text = _latin(f"{number}.{paragraphs.index(paragraph) + 1} {paragraph}")
            pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    return bytes(pdf.output())


def edited(sections: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """The second version: every 7th section loses a sentence, every 5th has one reworded,
    every 11th gains one."""
    out = []
    for index, (heading, paragraphs) in enumerate(sections):
        changed = list(paragraphs)
        if index % 7 == 3 and len(changed) > 1:
            del changed[0]
        if index % 5 == 1 and changed:
            changed[-1] = "In practice, " + changed[-1][:1].lower() + changed[-1][1:]
        if index % 11 == 5:
            changed.append("Staff must keep a written note of each change to an official account.")
        out.append((heading, changed))
    return out


def _wall(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> None:
    sections = _corpus_sections()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "old.pdf").write_bytes(build_pdf(sections))
        (folder / "new.pdf").write_bytes(build_pdf(edited(sections)))
        diff = [GAPLINT, "diff", "--isolated", "old.pdf", "new.pdf", "--format", "json"]
        check = [GAPLINT, "check", "--isolated", "--no-cache", "old.pdf", "new.pdf"]
        summary = json.loads(subprocess.run(diff, cwd=folder, capture_output=True,
                                            text=True, check=False).stdout)["summary"]  # fmt: skip
        pages = [len(re.findall(rb"/Type\s*/Page\b", (folder / n).read_bytes()))
                 for n in ("old.pdf", "new.pdf")]  # fmt: skip
        diffs, checks = [], []
        for _ in range(ROUNDS):  # interleaved, so both see the same load on a shared machine
            diffs.append(_wall(diff, folder))
            checks.append(_wall(check, folder))
    result = {
        "pages": pages,
        "changes": summary,
        "diff_seconds": sorted(diffs),
        "check_both_seconds": sorted(checks),
        "ratio_median": round(statistics.median(diffs) / statistics.median(checks), 3),
        "target": TARGET,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"pages {pages[0]} and {pages[1]}; changes {summary}")
    print(f"gaplint diff      median {statistics.median(diffs):.2f} s  {sorted(diffs)}")
    print(f"gaplint check x2  median {statistics.median(checks):.2f} s  {sorted(checks)}")
    verdict = "met" if result["ratio_median"] <= TARGET else "MISSED"
    print(f"ratio {result['ratio_median']:.2f} (target <= {TARGET}): {verdict}")


if __name__ == "__main__":
    main()
