"""How often strong and weak decisions are right, per folder of gold-labelled documents.

    python bench/confidence.py corpus ../shared/corpus/dev heldout/c

The claim to check (issue 11): errors gather in the weak decisions, and strong decisions are
at least 97 % right on documents gaplint had never seen. Writes bench/out/confidence.json.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from gaplint.api import Checker
from gaplint.evaluate import Gold, find_gold
from gaplint.report import SubpointStatus

OUT = Path(__file__).resolve().parent / "out"


def tally(folder: Path, checker: Checker) -> dict[str, dict[str, int]]:
    counts: dict[str, Counter[str]] = {}
    for doc_path, gold_path in find_gold(folder):
        gold = Gold.model_validate_json(gold_path.read_text(encoding="utf-8"))
        report = checker.check_path(doc_path)
        for element in report.elements:
            for sub in element.subpoints:
                label = gold.subpoints.get(sub.id)
                if label is None or sub.confidence is None:
                    continue
                covered = sub.status is SubpointStatus.COVERED
                key = f"{sub.confidence.value} {'covered' if covered else 'gap'}"
                verdict = "right" if covered == label.covered else "wrong"
                counts.setdefault(key, Counter())[verdict] += 1
    return {key: dict(value) for key, value in sorted(counts.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args()
    checker = Checker()
    result = {}
    for folder in args.folders:
        result[str(folder)] = table = tally(folder, checker)
        for strength in ("strong", "weak"):
            right = sum(v.get("right", 0) for k, v in table.items() if k.startswith(strength))
            wrong = sum(v.get("wrong", 0) for k, v in table.items() if k.startswith(strength))
            share = right / (right + wrong) if right + wrong else 1.0
            print(f"{folder}: {strength:<6} {right + wrong:4} decisions, {share:.3f} right "
                  f"({wrong} wrong)")  # fmt: skip
        print(f"    {table}")
    OUT.mkdir(exist_ok=True)
    (OUT / "confidence.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
