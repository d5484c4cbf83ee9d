"""Every format reports a set as one entry with its members, and a member's gaps only
through its set: text, SARIF (the gap on the member with the element's heading, otherwise
the first member), GitHub, concise, Markdown, JSON Lines, CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import jsonschema

from tests.cli.helpers import Project
from tests.sets.helpers import RECORDS, SAFETY, SAFETY_NO_PHISHING
from tests.shared_data import SHARED, need

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
# b-records.md has no section on account safety; a-safety.md has one, at line 5.
ARGS = ("--set", "Riverton", "policy/b-records.md", "policy/a-safety.md")


def _project(project: Project) -> Project:
    project.write("policy/a-safety.md", SAFETY_NO_PHISHING)
    project.write("policy/b-records.md", RECORDS)
    project.config("fail-on = 'info'\n")
    (project.root / ".git").mkdir()
    return project


def test_text_shows_the_set_once_with_its_members_and_only_the_sets_gaps(
    project: Project,
) -> None:
    result = _project(project).run("check", "--show-evidence", *ARGS)
    assert result.exit_code == 1
    out = result.stdout
    assert out.startswith("set Riverton  coverage 67% (2 of 3 sub-points), 2 members\n")
    assert "  member policy/a-safety.md  coverage 33% on its own\n" in out
    assert "  member policy/b-records.md  coverage 33% on its own\n" in out
    assert "(policy/b-records.md, line 7, § Social media records policy › Records)" in out
    # Only the gap no member fills; each member's own gaps are not listed.
    assert out.count("TS102") == 1 and "TS201" not in out.split("gaps:")[1]
    assert "at policy/a-safety.md, line 5, § Social media account standard › Account safety" in (
        out
    )
    assert out.rstrip().endswith(
        "1 gap (0 error, 0 warning, 1 info), mean coverage 33%, "
        "1 set judged as one (members' gaps counted through their set)."
    )


def test_sarif_puts_the_sets_gap_on_the_member_with_the_heading(project: Project) -> None:
    result = _project(project).run("check", "--format", "sarif", *ARGS)
    sarif: dict[str, Any] = json.loads(result.stdout)
    jsonschema.validate(sarif, json.loads(need(SARIF_SCHEMA).read_text(encoding="utf-8")))
    [only] = sarif["runs"][0]["results"]
    assert only["ruleId"] == "TS102"
    assert only["properties"]["set"] == "Riverton"
    physical = only["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "policy/a-safety.md"
    assert physical["region"]["startLine"] == 5


def test_sarif_puts_a_gap_without_a_heading_on_the_first_member(project: Project) -> None:
    _project(project).write("policy/a-safety.md", RECORDS.replace("Records", "Archive"))
    result = project.run("check", "--format", "sarif", *ARGS)
    uris = {
        r["ruleId"]: r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(result.stdout)["runs"][0]["results"]
    }
    # Neither member has a section on account safety: the first member (by path).
    assert uris == {"TS1": "policy/a-safety.md", "TS101": "policy/a-safety.md",
                    "TS102": "policy/a-safety.md"}  # fmt: skip


def test_github_concise_markdown_report_the_sets_gaps_on_members(project: Project) -> None:
    _project(project)
    github = project.run("check", "--format", "github", *ARGS).stdout
    assert github.startswith("::notice file=policy/a-safety.md,line=5,title=TS102::")
    assert github.count("::") == 2
    concise = project.run("check", "--format", "concise", *ARGS).stdout
    assert concise == (
        "policy/a-safety.md:5: TS102 Phishing: not addressed. Staff are the target of scams."
        " (set Riverton)\n"
    )
    markdown = project.run("check", "--format", "markdown", *ARGS).stdout
    assert "| set Riverton (`policy/a-safety.md`, `policy/b-records.md`) | 67% | 0 | 0 | 1 |" in (
        markdown
    )
    assert "`policy/b-records.md` |" not in markdown  # members are rows of their set
    assert "(at `policy/a-safety.md`)" in markdown


def test_jsonl_and_csv_have_the_set_after_the_documents(project: Project) -> None:
    _project(project)
    lines = project.run("check", "--format", "jsonl", *ARGS).stdout.splitlines()
    assert [json.loads(line).get("path") for line in lines] == [
        "policy/a-safety.md",
        "policy/b-records.md",
        None,
    ]
    assert json.loads(lines[2])["name"] == "Riverton"
    sheet = project.run("report", "--format", "csv", *ARGS).stdout
    rows = [r for r in csv.DictReader(io.StringIO(sheet)) if r["format"] == "set"]
    assert [(r["path"], r["subpoint"], r["status"]) for r in rows] == [
        ("Riverton", "TS101", "covered"),
        ("Riverton", "TS102", "missing"),
        ("Riverton", "TS201", "covered"),
    ]
    assert rows[2]["evidence_document"] == "policy/b-records.md"


def test_quiet_text_gives_the_set_and_its_gaps_only(project: Project) -> None:
    _project(project)
    quiet = project.run("check", "-q", *ARGS).stdout
    assert quiet.splitlines()[0] == "set Riverton  coverage 67% (2 of 3 sub-points), 2 members"
    assert "member " not in quiet and "TS102" in quiet
    project.write("policy/a-safety.md", SAFETY)
    assert project.run("check", "-q", *ARGS).stdout.startswith("2 documents checked, 0 gaps")
