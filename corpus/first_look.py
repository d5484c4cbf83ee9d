"""Record first-look accuracy: score documents new to the project *before* anyone tunes on them.

    python corpus/first_look.py DOC [DOC ...] --set NAME    # append rows to FIRST-LOOK.md

Each DOC needs its NAME.gold.json beside it. The script runs `gaplint eval` on exactly these
documents at the current commit and appends one row per document, and one pooled row for the
batch, to corpus/FIRST-LOOK.md. It refuses to run on a work tree with uncommitted changes to
gaplint/ or rules/, so that every row names the code that produced it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from datetime import date
from pathlib import Path

from gaplint.api import Checker
from gaplint.evaluate import EvalResult, SystemScore, evaluate

HERE = Path(__file__).resolve().parent
TABLE = HERE / "FIRST-LOOK.md"
ROW = (
    "| {date} | `{commit}` | {set} | {document} | {gap:.3f} | {cov:.3f} | {elem:.3f} | {ev} "
    "| {kw:.3f} |"
)


def _commit() -> str:
    root = HERE.parent
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "gaplint", "rules"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if dirty:
        sys.exit("first_look: commit the changes to gaplint/ and rules/ first:\n" + dirty)
    return subprocess.run(
        ["git", "rev-parse", "--short=7", "HEAD"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _row(
    day: str, commit: str, batch: str, name: str, s: SystemScore, ev: float | None, kw: SystemScore
) -> str:
    return ROW.format(
        date=day,
        commit=commit,
        set=batch,
        document=name,
        gap=s.gap_f1,
        cov=s.covered_f1,
        elem=s.element_accuracy,
        ev="–" if ev is None else f"{ev:.2f}",
        kw=kw.gap_f1,
    )


def rows(result: EvalResult, day: str, commit: str, batch: str) -> list[str]:
    lines = [
        _row(day, commit, batch, name, score.gaplint, score.evidence_match, score.baseline)
        for name, score in result.per_document.items()
    ]
    lines.append(
        _row(
            day,
            commit,
            batch,
            f"**pooled ({len(result.documents)})**",
            result.gaplint,
            result.evidence_match,
            result.baseline,
        )
    )
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents", nargs="+", type=Path)
    parser.add_argument("--set", default="", help="a name for this batch (e.g. 'dev 10-18')")
    args = parser.parse_args(argv)
    commit = _commit()
    result = evaluate(args.documents, Checker())
    new_rows = rows(result, date.today().isoformat(), commit, args.set)
    with TABLE.open("a", encoding="utf-8") as table:
        table.write("\n".join(new_rows) + "\n")
    print("\n".join(new_rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
