"""`gaplint diff` on two versions of a 100-page policy, beside `gaplint check` of both.

Run: python bench/diff.py   (writes bench/out/diff.json and prints a table; needs fpdf2, from
the test extra). The policy is built from the project's own corpus/ text, repeated with
varied numbering until it fills about 100 PDF pages; the second version deletes, rewords and
adds sentences. Target: the diff within 1.2x the time of checking both versions once
(`gaplint check --no-cache OLD NEW`, one process), measured in the same run, interleaved.

python bench/diff.py --small times the README's example instead (two short Markdown versions,
`gaplint diff PATH --rev HEAD` in a fresh git repository): with the compiled pack loaded from
the user's cache folder, against --no-cache (compiled in memory, as diff did before it had a
cache), interleaved; wall and CPU time, written to bench/out/diff_small.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fpdf import FPDF

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out" / "diff.json"
OUT_SMALL = REPO / "bench" / "out" / "diff_small.json"
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


def _wall_and_cpu(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one run of `args`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=env, capture_output=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _git(folder: Path, *args: str) -> str:
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    done = subprocess.run(["git", *identity, *args], cwd=folder, capture_output=True, text=True)
    return done.stdout


def small() -> None:
    old = REPO / "corpus" / "01-riverton-city-full-policy.md"
    new = REPO / "examples" / "riverton-v2.md"
    with tempfile.TemporaryDirectory() as tmp:
        folder, user_cache = Path(tmp) / "repo", Path(tmp) / "user-cache"
        folder.mkdir()
        _git(folder, "init", "-q")
        (folder / "policy.md").write_bytes(old.read_bytes())
        _git(folder, "add", "policy.md")
        _git(folder, "commit", "-qm", "old")
        (folder / "policy.md").write_bytes(new.read_bytes())
        _git(folder, "commit", "-qam", "new")
        env = {**os.environ, "XDG_CACHE_HOME": str(user_cache)}
        diff = [GAPLINT, "diff", "--isolated", "policy.md", "--rev", "HEAD~1"]
        subprocess.run(diff, cwd=folder, env=env, capture_output=True, check=True)  # stores it
        cached, compiled = [], []
        for _ in range(ROUNDS):  # interleaved, so both see the same load on a shared machine
            cached.append(_wall_and_cpu(diff, folder, env))
            compiled.append(_wall_and_cpu([*diff, "--no-cache"], folder, env))
        untouched = _git(folder, "status", "--porcelain", "--ignored") == ""
    result = {
        "cached": {"wall": sorted(w for w, _ in cached), "cpu": sorted(c for _, c in cached)},
        "no_cache": {"wall": sorted(w for w, _ in compiled), "cpu": sorted(c for _, c in compiled)},
        "repository_untouched": untouched,
        "load_average": os.getloadavg()[0],
    }
    OUT_SMALL.parent.mkdir(parents=True, exist_ok=True)
    OUT_SMALL.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for name, runs in (("pack cached", cached), ("--no-cache", compiled)):
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        print(f"gaplint diff, {name:<12} median wall {wall:.2f} s, CPU {cpu:.2f} s")
    print(f"repository untouched: {untouched}; load average {result['load_average']:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="time the README's example")
    if parser.parse_args().small:
        small()
        return
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
