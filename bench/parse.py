"""Parse speed and peak memory per document, beside poppler's pdftotext, each in its own process.

    python bench/parse.py [--corpus DIR] [--pages 800] [--repeat 3]

Each run is a fresh process, waited for with os.wait4 so its own peak RSS is known. Time is
the best of --repeat runs (the least disturbed by other load); memory is the worst. Writes
bench/out/parse.json. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"

# Runs in the child: time only the read, not interpreter start-up and imports.
WORKER = """
import json, resource, sys, time
from gaplint.readers import read_document
path = sys.argv[1]
wall, cpu = time.perf_counter(), time.process_time()
try:
    doc = read_document(path)
    info = {"pages": doc.pages, "blocks": len(doc.blocks), "format": doc.format.value}
except Exception as error:  # other readers are still being written; report, do not stop
    info = {"error": f"{type(error).__name__}: {error}"}
info["wall"] = time.perf_counter() - wall
info["cpu"] = time.process_time() - cpu
helper = resource.getrusage(resource.RUSAGE_CHILDREN)  # the forked page-extraction helper
info["cpu"] += helper.ru_utime + helper.ru_stime
info["helper_rss_kb"] = helper.ru_maxrss
print(json.dumps(info))
"""


@dataclass
class Row:
    file: str
    format: str
    pages: int | None
    gaplint_wall: float | None
    gaplint_cpu: float | None
    peak_mb: float | None
    pdftotext_wall: float | None = None
    pdftotext_cpu: float | None = None
    pdftotext_peak_mb: float | None = None
    error: str | None = None

    @property
    def ratio(self) -> float | None:
        if self.gaplint_wall is None or not self.pdftotext_wall:
            return None
        return self.gaplint_wall / self.pdftotext_wall


def run_measured(cmd: list[str]) -> tuple[str, float, float, float]:
    """Run cmd; return stdout, wall seconds, CPU seconds and peak RSS in MB of that process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0  # already reaped by wait4
    wall = time.perf_counter() - start
    return out, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure_gaplint(path: Path, repeat: int) -> dict[str, object]:
    best: dict[str, object] = {}
    peak = 0.0
    for _ in range(repeat):
        out, _, _, rss = run_measured([sys.executable, "-c", WORKER, str(path)])
        info = json.loads(out.strip().splitlines()[-1])
        peak = max(peak, rss, float(info.get("helper_rss_kb", 0)) / 1024)
        if not best or float(info["wall"]) < float(best["wall"]):  # type: ignore[arg-type]
            best = info
    best["peak_mb"] = peak
    return best


def measure_pdftotext(path: Path, repeat: int) -> tuple[float, float, float]:
    runs = [run_measured([PDFTOTEXT, str(path), os.devnull]) for _ in range(repeat)]
    return (
        min(r[1] for r in runs),
        min(r[2] for r in runs),
        max(r[3] for r in runs),
    )


def large_pdf(pages: int) -> Path:
    """The generated long policy, built once into bench/out (gitignored)."""
    path = OUT / f"large-{pages}.pdf"
    if not path.exists():
        sys.path.insert(0, str(ROOT))
        from tests.builders.pdf import large_pdf as build

        OUT.mkdir(parents=True, exist_ok=True)
        print(f"generating {path.name} (takes a while once)...", file=sys.stderr)
        path.write_bytes(build(pages))
    return path


def measure(path: Path, repeat: int) -> Row:
    info = measure_gaplint(path, repeat)
    row = Row(
        file=path.name,
        format=str(info.get("format", path.suffix.lstrip("."))),
        pages=info.get("pages"),  # type: ignore[arg-type]
        gaplint_wall=None if "error" in info else float(info["wall"]),  # type: ignore[arg-type]
        gaplint_cpu=None if "error" in info else float(info["cpu"]),  # type: ignore[arg-type]
        peak_mb=float(info["peak_mb"]),  # type: ignore[arg-type]
        error=info.get("error"),  # type: ignore[arg-type]
    )
    if path.suffix.lower() == ".pdf":
        row.pdftotext_wall, row.pdftotext_cpu, row.pdftotext_peak_mb = measure_pdftotext(
            path, repeat
        )
    return row


def fmt(value: float | None, spec: str = ".3f") -> str:
    return "-" if value is None else format(value, spec)


def print_table(rows: list[Row]) -> None:
    head = (
        f"{'file':52} {'fmt':8} {'pages':>5} {'wall s':>7} {'cpu s':>7} {'pages/s':>8} "
        f"{'peak MB':>8} {'p2t s':>7} {'p2t cpu':>7} {'x p2t':>6}"
    )
    print(head)
    print("-" * len(head))
    for row in rows:
        rate = row.pages / row.gaplint_wall if row.pages and row.gaplint_wall else None
        print(
            f"{row.file[:52]:52} {row.format:8} {row.pages or '-':>5} {fmt(row.gaplint_wall):>7} "
            f"{fmt(row.gaplint_cpu):>7} {fmt(rate, '.0f'):>8} {fmt(row.peak_mb, '.0f'):>8} "
            f"{fmt(row.pdftotext_wall):>7} {fmt(row.pdftotext_cpu):>7} {fmt(row.ratio, '.2f'):>6}"
        )
        if row.error:
            print(f"    ! {row.error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--pages", type=int, default=800, help="pages in the generated PDF")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=OUT / "parse.json")
    args = parser.parse_args()

    files = sorted(p for p in args.corpus.glob("*") if p.is_file() and not p.name.endswith(".json"))
    files.append(large_pdf(args.pages))
    rows = [measure(path, args.repeat) for path in files]
    print_table(rows)
    load = os.getloadavg()[0]
    print(f"\n{os.cpu_count()} CPUs, load average {load:.1f} (times are best of {args.repeat})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "cpus": os.cpu_count(),
        "load": load,
        "max_rss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rows": [asdict(row) | {"ratio": row.ratio} for row in rows],
    }
    args.out.write_text(json.dumps(report, indent=2))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
