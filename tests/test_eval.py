"""`gaplint eval` on folders and single documents, per-document scores, unjudged documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from gaplint.cli import main

POLICY = (
    "# Social media policy\n\nPasswords for official social media accounts must be at least "
    "14 characters long and changed every 90 days.\n"
)


def _gold(folder: Path, name: str, covered: dict[str, bool]) -> None:
    subpoints = {
        rule: {"covered": value, "evidence": [POLICY.split("\n\n")[1].strip()] if value else []}
        for rule, value in covered.items()
    }
    gold = {"document": name, "annotator": "test", "subpoints": subpoints}
    (folder / f"{name.rsplit('.', 1)[0]}.gold.json").write_text(json.dumps(gold))


def _eval(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["eval", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.output))


def test_a_document_gaplint_cannot_read_counts_as_covering_nothing(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(POLICY)
    _gold(tmp_path, "good.md", {"GL601": True, "GL702": False})
    (tmp_path / "empty.txt").write_text("   \n")
    _gold(tmp_path, "empty.txt", {"GL601": True, "GL702": False})

    result = _eval(str(tmp_path))

    assert result["documents"] == ["empty.txt", "good.md"]
    assert len(result["skipped"]) == 1 and "empty.txt" in result["skipped"][0]
    per_document = result["per_document"]
    assert per_document["good.md"]["gaplint"]["gap_f1"] == 1.0
    assert per_document["good.md"]["evidence_match"] == 1.0
    empty = per_document["empty.txt"]
    assert empty["judged"] is False
    assert empty["gaplint"]["covered_recall"] == 0.0  # the covered GL601 became a reported gap
    pooled = result["gaplint"]
    assert pooled["decisions"] == 4 and pooled["gap_precision"] == round(2 / 3, 4)


def test_single_documents_are_scored_by_their_own_gold_file(tmp_path: Path) -> None:
    for name in ("one.md", "two.md"):
        (tmp_path / name).write_text(POLICY)
        _gold(tmp_path, name, {"GL601": True})

    result = _eval(str(tmp_path / "two.md"))

    assert result["documents"] == ["two.md"]
    assert set(result["per_document"]) == {"two.md"}
