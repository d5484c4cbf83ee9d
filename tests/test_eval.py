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


COMMENTS = (
    "# Social media comment policy\n\nComments on the social media pages of the agency that "
    "contain threats will be removed by the moderators.\n"
)


def _two_halves(folder: Path) -> None:
    # The gold says b.md covers records retention (GL702), which gaplint will not find in it:
    # scored as one, the set's gold is the union, so GL702 is a covered sub-point missed.
    (folder / "a.md").write_text(POLICY)
    _gold(folder, "a.md", {"GL601": True, "GL702": False})
    (folder / "b.md").write_text(COMMENTS)
    _gold(folder, "b.md", {"GL601": False, "GL702": True})


def test_a_set_is_scored_against_the_union_of_its_members_gold(tmp_path: Path) -> None:
    _two_halves(tmp_path)
    (tmp_path / "sets.toml").write_text('[[sets]]\nname = "Agency"\npaths = ["*.md"]\n')

    result = _eval(str(tmp_path))

    agency = result["sets"]["Agency"]
    assert agency["members"] == ["a.md", "b.md"]
    as_one = agency["gaplint"]
    # Two decisions: GL601 covered (by a.md) and right; GL702 reported as a gap, though b.md's
    # gold covers it: a false alarm.
    assert as_one["decisions"] == 2
    assert (as_one["gap_precision"], as_one["covered_recall"]) == (0.0, 0.5)
    # One by one: four decisions against each member's own gold.
    assert agency["one_by_one"]["decisions"] == 4
    # The folder's own figures are the documents', as before.
    assert result["gaplint"]["decisions"] == 4


def test_eval_set_on_the_command_line_and_a_sets_file(tmp_path: Path) -> None:
    _two_halves(tmp_path)
    both = [str(tmp_path / "a.md"), str(tmp_path / "b.md")]
    named = _eval("--set", "Agency", *both)
    assert named["sets"]["Agency"]["members"] == ["a.md", "b.md"]
    elsewhere = tmp_path / "sets" / "agency.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_text('[[sets]]\nname = "Only a"\npaths = ["../a.md"]\n')
    from_file = _eval("--sets", str(elsewhere), str(tmp_path))
    assert from_file["sets"]["Only a"]["members"] == ["a.md"]
    text = CliRunner().invoke(main, ["eval", "--set", "Agency", *both]).output
    assert "per policy set (gold: the union of its members'; scored as one)" in text
    assert "  a.md, b.md" in text


def test_a_bad_sets_file_is_one_error_line(tmp_path: Path) -> None:
    _two_halves(tmp_path)
    (tmp_path / "sets.toml").write_text('[[sets]]\nname = "x"\n')
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.startswith("gaplint: error: ")
    assert result.output.endswith("sets.toml: key `sets.0.paths`: Field required\n")
    assert result.output.count("\n") == 1
