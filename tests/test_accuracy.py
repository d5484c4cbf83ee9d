"""Accuracy targets, measured with `gaplint eval` on the gold-labelled folders.

These are regression guards for rule changes: the figures themselves are reported in the
README from `gaplint eval` runs. The dev set lives beside the repository in ../shared.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gaplint.api import Checker
from gaplint.evaluate import EvalResult, evaluate

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def _evaluate(folder: Path, checker: Checker) -> EvalResult:
    assert folder.is_dir(), f"{folder} is missing"
    return evaluate(folder, checker)


def test_project_corpus_meets_its_target(checker: Checker) -> None:
    result = _evaluate(ROOT / "corpus", checker)
    assert len(result.documents) >= 27
    assert result.gaplint.gap_f1 >= 0.97
    assert result.gaplint.covered_f1 >= 0.97
    assert result.gaplint.gap_f1 > result.baseline.gap_f1 + 0.1


def test_real_dev_policies_meet_their_target(checker: Checker) -> None:
    result = _evaluate(DEV, checker)
    assert len(result.documents) == 9
    score = result.gaplint
    assert score.gap_f1 >= 0.9 and score.covered_f1 >= 0.9 and score.element_accuracy >= 0.9
    assert score.gap_f1 > result.baseline.gap_f1 + 0.1


def test_japanese_dev_policy_gets_a_notice_not_gaps(checker: Checker) -> None:
    report = checker.check_path(DEV / "01-jp-digital-agency-social-media-policy.md")
    assert report.judged is False
    assert report.language == "ja"
    assert report.findings == []
    assert [notice.code for notice in report.notices] == ["language-mismatch"]
