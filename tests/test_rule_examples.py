"""Every sub-point's examples are judged as the rule says (proselint's table-driven test)."""

from __future__ import annotations

import pytest

from gaplint.api import Checker
from gaplint.examples import judged_covered
from gaplint.rules import load_pack

PACK = load_pack()
CASES = [
    (sub.id, expected, text)
    for _, sub in PACK.subpoints()
    for expected, texts in (("covered", sub.examples.covered), ("missing", sub.examples.missing))
    for text in texts
]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.mark.parametrize(("rule_id", "expected", "text"), CASES)
def test_example_is_judged_as_the_rule_says(
    checker: Checker, rule_id: str, expected: str, text: str
) -> None:
    covered = judged_covered(checker, rule_id, text)
    assert covered == (expected == "covered"), f"{rule_id} should be {expected}: {text!r}"


@pytest.mark.parametrize("rule_id", [sub.id for _, sub in PACK.subpoints()])
def test_every_subpoint_has_examples_both_ways(rule_id: str) -> None:
    sub = PACK.subpoint(rule_id)
    assert len(sub.examples.covered) >= 2, f"{rule_id} needs at least two covered examples"
    assert len(sub.examples.missing) >= 2, f"{rule_id} needs at least two missing examples"


def test_pack_has_every_checklist_id() -> None:
    ids = [sub.id for _, sub in PACK.subpoints()]
    expected = [
        f"GL{element}{n:02d}"
        for element, count in zip(range(1, 10), (3, 4, 3, 5, 4, 4, 7, 4, 4))
        for n in range(1, count + 1)
    ]
    assert ids == expected
