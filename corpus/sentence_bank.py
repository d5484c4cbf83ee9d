"""Score gaplint on a sentence bank: short policy excerpts, each labelled for one sub-point.

    python corpus/sentence_bank.py corpus/bank/tune.jsonl [--errors]

Each line of a bank is `{"id", "subpoint", "covered", "form", "heading", "text"}`. An item is
judged as a small policy of its own (a title, the item's heading, its text), for its sub-point
alone, as the rules' own examples are. The figures say how many of the ways a policy can state
a sub-point (an obligation, a passive, a question and its answer, a pronoun that refers back)
gaplint recognises, and how many near misses it lets pass. `corpus/bank/` is the half the
rules may be tuned on; `heldout/bank/` is the other half, reported and never tuned on.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from gaplint.api import Checker
from gaplint.examples import judged_covered

TITLE = "# Social Media Policy"


@dataclass(frozen=True)
class BankItem:
    id: str
    subpoint: str
    covered: bool
    form: str
    heading: str
    text: str

    @property
    def document(self) -> str:
        """The item as the small Markdown policy it is judged as."""
        return f"{TITLE}\n\n## {self.heading or 'General'}\n\n{self.text}\n"

    @property
    def kind(self) -> str:
        """The statement form of a positive, "near-miss" for a negative."""
        return self.form.split(":", 1)[0]


@dataclass
class BankScore:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0
    by_form: Counter[str] = field(default_factory=Counter)
    right_by_form: Counter[str] = field(default_factory=Counter)
    errors: list[BankItem] = field(default_factory=list)

    def add(self, item: BankItem, judged: bool) -> None:
        if item.covered:
            self.true_positive += judged
            self.false_negative += not judged
        else:
            self.false_positive += judged
            self.true_negative += not judged
        self.by_form[item.kind] += 1
        if judged == item.covered:
            self.right_by_form[item.kind] += 1
        else:
            self.errors.append(item)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 0.0

    @property
    def recall(self) -> float:
        stated = self.true_positive + self.false_negative
        return self.true_positive / stated if stated else 0.0

    @property
    def negatives_right(self) -> float:
        negatives = self.true_negative + self.false_positive
        return self.true_negative / negatives if negatives else 0.0


def read_bank(path: Path) -> list[BankItem]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            items.append(BankItem(**{name: row[name] for name in BankItem.__annotations__}))
    return items


def score_bank(checker: Checker, items: list[BankItem]) -> BankScore:
    score = BankScore()
    for item in items:
        score.add(item, judged_covered(checker, item.subpoint, item.document))
    return score


def render(score: BankScore, errors: bool = False) -> str:
    stated = score.true_positive + score.false_negative
    negatives = score.true_negative + score.false_positive
    lines = [
        f"covered: precision {score.precision:.3f}, recall {score.recall:.3f} "
        f"({score.true_positive} of {stated} statements recognised); near misses passed over: "
        f"{score.true_negative} of {negatives} ({score.negatives_right:.3f})"
    ]
    for form, count in sorted(score.by_form.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {form:20} {score.right_by_form[form]:3} of {count:3} right")
    if errors:
        for item in score.errors:
            wrong = "missed" if item.covered else "passed"
            lines.append(f"{wrong} {item.id} [{item.form}] ## {item.heading} :: {item.text}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bank", type=Path, nargs="+")
    parser.add_argument("--errors", action="store_true", help="list every item judged wrong")
    args = parser.parse_args()
    items = [item for path in args.bank for item in read_bank(path)]
    print(render(score_bank(Checker(), items), errors=args.errors))


if __name__ == "__main__":
    main()
