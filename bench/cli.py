"""CLI timings: start-up, a cold batch split by stage, and a cached re-run of 50 documents.

Run: python bench/cli.py   (writes bench/out/cli.json and prints a table)
Targets: `--version` and `--help` under 0.15 s; a cached re-run over 50 documents under 1 s.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "dev"
OUT = REPO / "bench" / "out" / "cli.json"
GAPLINT = [str(Path(sys.executable).with_name("gaplint"))]
DOCUMENTS = 50


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(args: list[str], cwd: Path | None = None, repeat: int = 5) -> tuple[float, float]:
    """Median wall-clock and CPU seconds; CPU time is the steadier figure on a busy machine."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), _cpu()
        subprocess.run(args, cwd=cwd, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def _wall(args: list[str], cwd: Path | None = None, repeat: int = 5) -> float:
    return _timed(args, cwd, repeat)[0]


def make_documents(folder: Path, count: int = DOCUMENTS) -> list[Path]:
    """Copies of the English text-like corpus files, each varied so its hash differs."""
    sources = sorted(
        p for p in CORPUS.iterdir() if p.suffix in {".md", ".php"} and not p.name.startswith("01-")
    )
    made = []
    for number in range(count):
        source = sources[number % len(sources)]
        target = folder / f"{number:02d}-{source.name}"
        extra = f"\n\nThis copy is number {number} of the policy and is kept by the agency.\n"
        target.write_bytes(source.read_bytes() + extra.encode())
        made.append(target)
    return made


def stage_split(paths: list[Path]) -> dict[str, float]:
    """One in-process cold pass, timed by stage (NLP is timed on its own, then subtracted)."""
    start = time.perf_counter()
    from gaplint.api import Checker
    from gaplint.judge import chosen_rules, judge
    from gaplint.nlp import iter_block_docs
    from gaplint.readers import read_document

    checker = Checker()
    startup = time.perf_counter() - start
    rule_ids = chosen_rules(checker.compiled.pack, checker.selection)
    reading = nlp = matching = judging = 0.0
    for path in paths:
        t0 = time.perf_counter()
        document = read_document(path)
        t1 = time.perf_counter()
        list(iter_block_docs(checker.compiled.nlp, document))
        t2 = time.perf_counter()
        # NLP again plus matching and evaluating the rules
        hits = checker.compiled.hits(document, rule_ids)
        t3 = time.perf_counter()
        judge(checker.compiled.pack, document, hits, checker.selection)
        t4 = time.perf_counter()
        reading += t1 - t0
        nlp += t2 - t1
        matching += max(0.0, (t3 - t2) - (t2 - t1))
        judging += t4 - t3
    return {
        "startup_imports_and_compile_s": startup,
        "reading_s": reading,
        "nlp_s": nlp,
        "rules_matching_and_judging_s": matching + judging,
    }


def main() -> dict[str, Any]:
    results: dict[str, Any] = {}
    results["version_s"] = _wall([*GAPLINT, "--version"])
    results["help_s"] = _wall([*GAPLINT, "--help"])
    work = Path(tempfile.mkdtemp(prefix="gaplint-bench-"))
    try:
        docs = make_documents(work)
        check = [*GAPLINT, "check", "--isolated", "-q", "--format", "json", "."]
        results["cold_run_50_s"], results["cold_run_50_cpu_s"] = _timed(check, work, 1)
        results["cached_run_50_s"], results["cached_run_50_cpu_s"] = _timed(check, work, 3)
        jobs = [*check, "--no-cache", "--jobs", "4"]
        results["cold_run_50_jobs4_s"], _ = _timed(jobs, work, 1)
        results["cpus"] = os.cpu_count()
        results["load_average_1min"] = os.getloadavg()[0]
        results["cold_split_50"] = stage_split(docs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["targets"] = {
        "version_under_0.15s": results["version_s"] < 0.15,
        "help_under_0.15s": results["help_s"] < 0.15,
        "cached_50_under_1s": results["cached_run_50_s"] < 1.0,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


def _table(results: dict[str, Any]) -> str:
    rows = [
        ("gaplint --version", results["version_s"]),
        ("gaplint --help", results["help_s"]),
        ("check 50 documents, cold (1 job)", results["cold_run_50_s"]),
        ("check 50 documents, cold (4 jobs)", results["cold_run_50_jobs4_s"]),
        ("check 50 documents, cached", results["cached_run_50_s"]),
        ("  cold, CPU time", results["cold_run_50_cpu_s"]),
        ("  cached, CPU time", results["cached_run_50_cpu_s"]),
        *(
            (f"  cold split: {k.removesuffix('_s')}", v)
            for k, v in results["cold_split_50"].items()
        ),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value:7.3f} s" for name, value in rows)


if __name__ == "__main__":
    figures = main()
    print(_table(figures))
    print("targets:", figures["targets"])
    print(f"cpus: {figures['cpus']}, load average: {figures['load_average_1min']:.1f}")
