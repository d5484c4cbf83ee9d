"""Accuracy targets, measured with `gaplint eval` on the gold-labelled folders.

These are regression guards for rule changes: the figures themselves are reported in the
README from `gaplint eval` runs. The dev set lives beside the repository in ../shared (the
tests on it skip when it is absent) and grows as policies are added, so its tests count what
is there rather than a fixed number, and hold the scores at or above today's, rounded down.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gaplint.api import Checker
from gaplint.evaluate import evaluate
from tests.shared_data import DEV, REPO, need

# Measured by `gaplint eval ../shared/corpus/dev` on its 13 English documents, rounded down.
DEV_GAP_F1, DEV_COVERED_F1, DEV_ELEMENT_ACCURACY = 0.99, 0.98, 0.98


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def _gold_count(folder: Path) -> int:
    return len(list(folder.glob("*.gold.json")))


def test_project_corpus_meets_its_target(checker: Checker) -> None:
    result = evaluate(REPO / "corpus", checker)
    assert len(result.documents) == _gold_count(REPO / "corpus") >= 27
    assert result.gaplint.gap_f1 >= 0.97
    assert result.gaplint.covered_f1 >= 0.97
    assert result.gaplint.gap_f1 > result.baseline.gap_f1 + 0.1


def test_real_dev_policies_meet_their_target(checker: Checker) -> None:
    result = evaluate(need(DEV), checker)
    assert len(result.documents) == _gold_count(DEV)  # an unreadable one counts as all gaps
    score = result.gaplint
    assert score.gap_f1 >= DEV_GAP_F1
    assert score.covered_f1 >= DEV_COVERED_F1
    assert score.element_accuracy >= DEV_ELEMENT_ACCURACY
    assert score.gap_f1 > result.baseline.gap_f1 + 0.1


def test_japanese_dev_policy_gets_a_notice_not_gaps(checker: Checker) -> None:
    report = checker.check_path(need(DEV) / "01-jp-digital-agency-social-media-policy.md")
    assert report.judged is False
    assert report.language == "ja"
    assert report.findings == []
    assert [notice.code for notice in report.notices] == ["language-mismatch"]
