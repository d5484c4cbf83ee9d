"""Batch scale: N distinct documents, cold and cached, with docs/s, words/s and peak memory.

Run: python bench/batch.py [N ...] [--jobs J]   (default N = 250 2000 10000, J = 1)
Writes bench/out/batch.json and prints a table.

Documents are generated from the bundled corpus/ (every format: Markdown, text, HTML, PDF,
DOCX), each made distinct (its hash differs) without changing its text much: text formats
get a closing sentence with the copy's number, a PDF a comment after its end, a DOCX a zip
comment. Peak memory is the gaplint process's own maximum resident set (getrusage over the
one child, which with --jobs 1 checks every document itself); CPU seconds are user + system
of gaplint and its workers, the steady figure on a shared machine.

The cached re-run is timed twice: the first text run after the cold JSON Lines run renders
every document from its cached report (and keeps the rendered piece), the second is the
re-run of an unchanged batch, which writes the pieces as they are.

Targets (issue 14): peak under 300 MB for 10,000 documents; a cached re-run of 2,000 under
1.5 s (text output); 10,000 typical policies on two cores under 5 minutes cold, 15 s cached.
"""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
OUT = REPO / "bench" / "out" / "batch.json"
GAPLINT = str(Path(sys.executable).with_name("gaplint"))
KINDS = {".md", ".txt", ".html", ".aspx", ".pdf", ".docx"}
DEFAULT_SIZES = (250, 2000, 10000)


def _distinct(source: Path, number: int) -> bytes:
    data = source.read_bytes()
    if source.suffix == ".pdf":
        return data + f"\n% copy {number}\n".encode()
    if source.suffix == ".docx":
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
            for item in old.infolist():
                new.writestr(item, old.read(item.filename))
            new.comment = f"copy {number}".encode()
        return out.getvalue()
    closing = f"\n\nThis is copy number {number} of the policy, kept by the agency.\n"
    return data + closing.encode()


def make_documents(folder: Path, count: int) -> None:
    sources = sorted(p for p in CORPUS.iterdir() if p.suffix in KINDS)
    for number in range(count):
        source = sources[number % len(sources)]
        part = folder / f"{number // 1000:03d}"  # a thousand files a folder
        part.mkdir(exist_ok=True)
        (part / f"{number:05d}-{source.name}").write_bytes(_distinct(source, number))


def _run(args: list[str], cwd: Path) -> dict[str, float]:
    """Wall seconds, CPU seconds (gaplint and its workers) and peak RSS in MB of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # A fresh Python for each run, so ru_maxrss is this run's gaplint and not an earlier one.
    probe = (
        "import resource, subprocess, sys;"
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode;"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);"
        "sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], cwd=cwd, capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"gaplint failed ({done.returncode}): {done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": wall, "cpu_s": cpu, "peak_mb": int(done.stdout.split()[-1]) / 1024}


def measure(count: int, jobs: int, work: Path) -> dict[str, Any]:
    docs, cache = work / "docs", work / "cache"
    shutil.rmtree(work, ignore_errors=True)
    docs.mkdir(parents=True)
    make_documents(docs, count)
    results = work / "results.jsonl"
    check = [GAPLINT, "check", "docs", "--cache-dir", str(cache), "--jobs", str(jobs)]
    cold = _run([*check, "--format", "jsonl", "-o", str(results)], work)
    words = sum(json.loads(line).get("words") or 0 for line in results.open(encoding="utf-8"))
    text = [*check, "--format", "text", "-o", str(work / "results.txt")]
    # The first text run after the JSON Lines one renders every document (and keeps its
    # piece); the second is the cached re-run a CI job makes when nothing changed.
    first_text = _run(text, work)
    cached = _run(text, work)
    return {
        "documents": count,
        "jobs": jobs,
        "words": words,
        "cold": cold,
        "first_text": first_text,
        "cached": cached,
        "cold_docs_per_s": count / cold["wall_s"],
        "cold_words_per_s": words / cold["wall_s"],
        "cold_cpu_ms_per_doc": 1000 * cold["cpu_s"] / count,
        "cached_docs_per_s": count / cached["wall_s"],
    }


def _line(row: dict[str, Any]) -> str:
    cold, first, cached = row["cold"], row["first_text"], row["cached"]
    return (
        f"N={row['documents']:>6} jobs={row['jobs']}: cold {cold['wall_s']:7.1f} s wall, "
        f"{cold['cpu_s']:7.1f} s CPU ({row['cold_docs_per_s']:5.1f} docs/s, "
        f"{row['cold_words_per_s']:8.0f} words/s, {row['cold_cpu_ms_per_doc']:5.1f} ms CPU/doc, "
        f"peak {cold['peak_mb']:4.0f} MB); first text run {first['cpu_s']:5.2f} s CPU; "
        f"cached {cached['wall_s']:5.2f} s wall, "
        f"{cached['cpu_s']:5.2f} s CPU (peak {cached['peak_mb']:4.0f} MB)"
    )


def main(argv: list[str]) -> None:
    jobs = 1
    if "--jobs" in argv:
        at = argv.index("--jobs")
        jobs = int(argv[at + 1])
        del argv[at : at + 2]
    sizes = [int(arg) for arg in argv] or list(DEFAULT_SIZES)
    rows = []
    with tempfile.TemporaryDirectory(prefix="gaplint-batch-") as tmp:
        for count in sizes:
            rows.append(measure(count, jobs, Path(tmp) / str(count)))
            print(_line(rows[-1]), flush=True)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"cpus": os.cpu_count(), "runs": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
