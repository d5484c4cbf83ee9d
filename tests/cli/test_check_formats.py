"""Machine formats from the real CLI: JSON against its own schema, JSONL, GitHub, concise."""

from __future__ import annotations

import json

import jsonschema

from gaplint.report import SCHEMA_VERSION
from tests.cli.helpers import FULL, NO_PHISHING, NO_RECORDS, Project


def test_json_validates_against_gaplint_schema_and_is_sorted(project: Project) -> None:
    project.config()
    project.write("z.md", NO_RECORDS)
    project.write("a.md", FULL)
    project.write("m.md", "")
    result, data = project.json("z.md", "m.md", "a.md")
    schema = json.loads(project.run("schema").stdout)
    jsonschema.validate(data, schema)
    assert data["schema_version"] == SCHEMA_VERSION
    assert [d["path"] for d in data["documents"]] == ["a.md", "m.md", "z.md"]
    assert [e["id"] for e in data["documents"][2]["elements"]] == ["TS1", "TS2"]
    assert [f["rule"] for f in data["documents"][2]["findings"]] == ["TS2", "TS201"]
    assert data["summary"]["errors"] == 1
    assert result.exit_code == 2
    assert result.stderr == "m.md: error[empty]: " + data["documents"][1]["error"]["message"] + "\n"


def test_json_is_identical_between_runs_and_job_counts(project: Project) -> None:
    project.config()
    for number in range(4):
        project.write(f"p{number}.md", NO_PHISHING if number % 2 else NO_RECORDS)
    first = project.run("check", "--format", "json", "--no-cache", ".").stdout
    parallel = project.run("check", "--format", "json", "--no-cache", "--jobs", "2", ".").stdout
    cached = project.run("check", "--format", "json", ".").stdout
    again = project.run("check", "--format", "json", ".").stdout
    assert first == parallel == cached == again


def test_jsonl_has_one_document_per_line(project: Project) -> None:
    project.config()
    project.write("a.md", FULL)
    project.write("b.md", NO_RECORDS)
    lines = project.run("check", "--format", "jsonl", ".").stdout.splitlines()
    assert [json.loads(line)["path"] for line in lines] == ["a.md", "b.md"]


def test_github_annotations_are_chosen_on_actions(project: Project) -> None:
    project.config()
    project.write("policy.md", NO_RECORDS)
    result = project.run("check", "policy.md", env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=policy.md,title=TS2::The policy does not address Records at all."
        "%0ARecommendation: Add a section on records.",
        "::warning file=policy.md,title=TS201::Retention: not addressed. Posts can be public "
        "records.%0ARecommendation: Say how posts are retained.",
    ]


def test_concise_points_at_the_section_heading_line(project: Project) -> None:
    project.config()
    project.write("policy.md", NO_PHISHING)
    project.write("gone.md", NO_RECORDS)
    out = project.run("check", "--format", "concise", ".").stdout.splitlines()
    # TS1's section heading "## Account safety" is line 5; TS2 has no section, so no line.
    assert out == [
        "gone.md: TS2 The policy does not address Records at all.",
        "gone.md: TS201 Retention: not addressed. Posts can be public records.",
        "policy.md:5: TS102 Phishing: not addressed. Staff are the target of scams.",
    ]


def test_markdown_comment_has_summary_table_and_gaps(project: Project) -> None:
    project.config()
    project.write("a.md", FULL)
    project.write("b.md", NO_RECORDS)
    out = project.run("check", "--format", "markdown", ".").stdout
    assert out.startswith("## gaplint: 2 gaps in 2 documents\n")
    assert "| `a.md` | 100% | 0 | 0 | 0 |" in out
    assert "| `b.md` | 67% | 1 | 1 | 0 |" in out
    assert "### `b.md`" in out and "### `a.md`" not in out
    assert "| **TS201** | 🟡 warning | Retention: not addressed." in out
