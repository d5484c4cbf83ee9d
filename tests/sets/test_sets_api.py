"""The Python API of policy sets, on real reports from the real Checker (the TS test pack):
Checker.check_set / check_set_bytes, judge_set's confidence and evidence, and a set read
whole when only one member is named (as pre-commit names only the staged file)."""

from __future__ import annotations

from pathlib import Path

import gaplint
from gaplint.api import Checker
from gaplint.report import Confidence, SubpointStatus
from gaplint.sets import judge_set
from tests.cli.helpers import RULES, RULES_2, Project
from tests.sets.helpers import RECORDS, SAFETY, SAFETY_NO_PHISHING, SET_CONFIG

# Passwords stated once, outside the element's section: a weak decision on its own.
PASSWORDS_IN_PASSING = """\
# Social media records policy

This policy applies to the posts the agency makes on its social media accounts, and all of the
passwords for the accounts must be strong.

## Records

All of the posts on the accounts are retained by the agency for three years.
"""


def _checker(tmp_path: Path) -> Checker:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "TS1-safety.yaml").write_text(RULES, encoding="utf-8")
    (rules / "TS2-records.yaml").write_text(RULES_2, encoding="utf-8")
    return Checker(rule_dirs=[rules], builtin=False)


def test_check_set_bytes_judges_uploads_as_one(tmp_path: Path) -> None:
    checker = _checker(tmp_path)
    files = [(SAFETY.encode(), "standard.md"), (RECORDS.encode(), "records.md")]
    policy_set = checker.check_set_bytes("Uploads", files)
    assert policy_set.coverage == 1.0
    assert [m.path for m in policy_set.members] == ["standard.md", "records.md"]
    assert policy_set.subpoint("TS201").covered_by == ["records.md"]
    assert policy_set.subpoint("TS201").evidence[0].document == "records.md"


def test_check_set_on_files_and_the_package_shortcut(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(SAFETY_NO_PHISHING, encoding="utf-8")
    (tmp_path / "b.md").write_text(RECORDS, encoding="utf-8")
    checker = _checker(tmp_path)
    policy_set = checker.check_set("S", [tmp_path / "a.md", tmp_path / "b.md"])
    assert [f.rule for f in policy_set.findings] == ["TS102"]
    shortcut = gaplint.check_set(
        "S", [tmp_path / "a.md", tmp_path / "b.md"], rule_dirs=[tmp_path / "rules"], builtin=False
    )
    assert shortcut == policy_set


def test_the_sets_decision_is_as_sure_as_its_surest_member(tmp_path: Path) -> None:
    checker = _checker(tmp_path)
    weak = checker.check_bytes(PASSWORDS_IN_PASSING.encode(), "records.md")
    strong = checker.check_bytes(SAFETY.encode(), "standard.md")
    assert weak.subpoint("TS101").confidence is Confidence.WEAK
    assert strong.subpoint("TS101").confidence is Confidence.STRONG
    policy_set = judge_set("S", [weak, strong])
    passwords = policy_set.subpoint("TS101")
    assert passwords.status is SubpointStatus.COVERED
    assert passwords.confidence is Confidence.STRONG
    assert passwords.confidence_reason.startswith("standard.md: ")
    assert passwords.covered_by == ["records.md", "standard.md"]
    # The surer member's sentences come first.
    assert passwords.evidence[0].document == "standard.md"
    assert passwords.evidence[-1].document == "records.md"
    # Alone, the weak member's decision stays weak.
    assert judge_set("S", [weak]).subpoint("TS101").confidence is Confidence.WEAK


def test_naming_one_member_reads_its_whole_set(project: Project) -> None:
    project.write("policy/a-safety.md", SAFETY)
    project.write("policy/b-records.md", RECORDS)
    project.write("other.md", SAFETY)
    project.config(SET_CONFIG)
    # pre-commit runs `gaplint check --force-exclude` on the staged files only.
    result, data = project.json("--force-exclude", "policy/a-safety.md")
    assert result.exit_code == 0, result.output
    assert [d["path"] for d in data["documents"]] == ["policy/a-safety.md", "policy/b-records.md"]
    assert data["sets"][0]["coverage"] == 1.0
    # A file in no set reads nothing more, and fails on its own gaps.
    result, data = project.json("other.md")
    assert [d["path"] for d in data["documents"]] == ["other.md"]
    assert result.exit_code == 1


def test_a_set_read_whole_leaves_out_files_that_are_not_documents(project: Project) -> None:
    project.write("policy/a-safety.md", SAFETY)
    project.write("policy/b-records.md", RECORDS)
    (project.root / "policy" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    project.write("policy/drafts/c.md", SAFETY_NO_PHISHING)
    project.config("exclude = ['drafts']\n" + SET_CONFIG.replace("policy/*.md", "policy/*"))
    result, data = project.json("policy/a-safety.md")
    assert result.exit_code == 0, result.output
    assert [d["path"] for d in data["documents"]] == ["policy/a-safety.md", "policy/b-records.md"]
