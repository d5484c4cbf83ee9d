"""The blind sentence bank: its two halves are whole, and its scorer counts what it judges."""

from __future__ import annotations

import hashlib
import shlex
import subprocess
import sys
from collections import Counter
from dataclasses import replace

import pytest

from corpus.sentence_bank import BankItem, read_bank, score_bank
from gaplint.api import Checker
from tests.shared_data import REPO

TUNE = REPO / "corpus" / "bank" / "tune.jsonl"
HELD = REPO / "heldout" / "bank" / "held.jsonl"
# The tune half on the rules of this commit, rounded down: a guard for rule changes.
TUNE_RECALL, TUNE_NEGATIVES_RIGHT = 0.92, 0.96


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def _half(item: BankItem) -> str:
    return "tune" if int(hashlib.sha1(item.id.encode()).hexdigest(), 16) % 2 == 0 else "held"


def test_the_halves_are_split_by_the_hash_and_cover_every_subpoint(checker: Checker) -> None:
    tune, held = read_bank(TUNE), read_bank(HELD)
    assert {_half(item) for item in tune} == {"tune"} and {_half(item) for item in held} == {"held"}
    both = tune + held
    assert len({item.id for item in both}) == len(both)
    subpoints = {sub.id for _, sub in checker.compiled.pack.subpoints()}
    stated = Counter(item.subpoint for item in both if item.covered)
    near_misses = Counter(item.subpoint for item in both if not item.covered)
    assert set(stated) == set(near_misses) == subpoints
    assert set(stated.values()) == {10} and set(near_misses.values()) == {5}


def test_the_scorer_counts_each_way_of_being_right_and_wrong(checker: Checker) -> None:
    sub = next(sub for _, sub in checker.compiled.pack.subpoints() if sub.id == "GL601")
    stated = BankItem("a", sub.id, True, "obligation", "Passwords", sub.examples.covered[0])
    near_miss = BankItem("b", sub.id, False, "near-miss:other", "General", sub.examples.missing[0])
    right = score_bank(checker, [stated, near_miss])
    assert (right.true_positive, right.true_negative, right.errors) == (1, 1, [])
    flipped = [replace(stated, covered=False), replace(near_miss, covered=True)]
    wrong = score_bank(checker, flipped)
    assert (wrong.false_positive, wrong.false_negative) == (1, 1)
    assert wrong.errors == flipped and wrong.right_by_form["obligation"] == 0


def test_the_tune_half_stays_at_its_figures(checker: Checker) -> None:
    score = score_bank(checker, read_bank(TUNE))
    assert score.recall >= TUNE_RECALL
    assert score.negatives_right >= TUNE_NEGATIVES_RIGHT


def test_the_readme_command_prints_the_held_halfs_figures(checker: Checker) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Statement forms: the sentence bank", 1)[1]
    block = section.split("```console\n", 1)[1].split("```", 1)[0]
    (command,) = [line.removeprefix("$ ") for line in block.splitlines() if line.startswith("$ ")]
    argv = shlex.split(command)
    assert argv[:2] == ["python", "corpus/sentence_bank.py"]
    run = subprocess.run(
        [sys.executable, *argv[1:]], cwd=REPO, capture_output=True, text=True, check=True
    )
    score = score_bank(checker, read_bank(REPO / argv[2]))
    assert run.stdout.splitlines()[0].startswith(
        f"covered: precision {score.precision:.3f}, recall {score.recall:.3f} "
    )
