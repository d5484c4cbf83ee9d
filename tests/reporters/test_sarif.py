"""SARIF output: valid against the official 2.1.0 schema and shaped for GitHub code scanning."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from gaplint.cli import main
from gaplint.report import (
    DocumentReport,
    Finding,
    FindingKind,
    Location,
    Report,
    Severity,
    ToolInfo,
    summarize,
)
from gaplint.reporters import RenderContext, render
from gaplint.reporters.sarif import build
from gaplint.rules import load_pack
from tests.shared_data import SHARED, need

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"

POLICY = """\
# Social media policy

This policy sets out how the staff of the agency use social media for their work.

## Security

Passwords for the accounts of the agency must be strong and must be changed when staff leave.
"""


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(need(SARIF_SCHEMA).read_text(encoding="utf-8"))
    return loaded


@pytest.fixture
def cli_sarif(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / ".git").mkdir()  # the repository root: URIs are relative to it
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "policy.md").write_text(POLICY, encoding="utf-8")
    (tmp_path / "docs" / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", "--isolated", "--format", "sarif", "docs", "docs/missing.md"]
    )
    assert result.exit_code == 2
    sarif: dict[str, Any] = json.loads(result.stdout)
    return sarif


def test_cli_sarif_validates_against_the_official_schema(
    cli_sarif: dict[str, Any], schema: dict[str, Any]
) -> None:
    jsonschema.validate(cli_sarif, schema)
    assert cli_sarif["version"] == "2.1.0"


def test_every_rule_once_with_help_and_level(cli_sarif: dict[str, Any]) -> None:
    rules = cli_sarif["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == load_pack().ids()
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "Recommendation" in rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
        assert rule["properties"]["tags"]
    subpoint = next(r for r in rules if len(r["id"]) > 3)
    assert "Example clause" in subpoint["help"]["text"]


def test_results_point_at_documents_relative_to_the_repository(cli_sarif: dict[str, Any]) -> None:
    run = cli_sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["results"], "the short policy must have gaps"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        (location,) = result["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact == {"uri": "docs/policy.md", "uriBaseId": "%SRCROOT%"}
        region = location["physicalLocation"].get("region")
        assert region is None or region["startLine"] >= 1
        assert result["partialFingerprints"]["gaplintGap/v1"]
    prints = [r["partialFingerprints"]["gaplintGap/v1"] for r in run["results"]]
    keys = [(r["ruleId"], r["properties"]["findingKind"]) for r in run["results"]]
    assert len(set(prints)) == len({rule for rule, _ in keys})


def test_input_errors_are_tool_notifications(cli_sarif: dict[str, Any]) -> None:
    (invocation,) = cli_sarif["runs"][0]["invocations"]
    messages = [n["message"]["text"] for n in invocation["toolExecutionNotifications"]]
    assert "docs/missing.md: error[not-found]: no such file" in messages
    assert any(m.startswith("docs/empty.txt: error[empty]") for m in messages)
    assert invocation["executionSuccessful"] is False


def _report(
    path: str,
    fmt: str,
    section: list[str],
    waived: bool = False,
    line: int | None = None,
    page: int | None = None,
) -> Report:
    finding = Finding(
        rule="GL601",
        kind=FindingKind.GAP,
        severity=Severity.WARNING,
        message="Passwords: not addressed.",
        recommendation="Require strong passwords.",
        location=Location(path=path, section=section, line=line, page=page),
        waived=waived,
    )
    doc = DocumentReport(path=path, format=fmt, coverage=0.5, findings=[finding])
    return Report(tool=ToolInfo(version="0"), documents=[doc], summary=summarize([doc]))


def _context(root: Path) -> RenderContext:
    return RenderContext(pack=load_pack(), root=root)


def _only_result(report: Report, root: Path) -> dict[str, Any]:
    (result,) = build(report, _context(root))["runs"][0]["results"]
    return result  # type: ignore[no-any-return]


def test_every_result_has_a_region_the_real_line_where_the_source_has_lines(
    tmp_path: Path, schema: dict[str, Any]
) -> None:
    markdown = _report("p.md", "markdown", ["Social media policy", "Security"], line=5)
    located = _only_result(markdown, tmp_path)["locations"][0]
    assert located["physicalLocation"]["region"] == {"startLine": 5}
    assert located["message"]["text"] == "section: Social media policy › Security"
    # GitHub code scanning refuses a result without region.startLine: a PDF gets line 1 and
    # says its page instead.
    pdf = _only_result(_report("p.pdf", "pdf", ["Security"], page=3), tmp_path)["locations"][0]
    assert pdf["physicalLocation"]["region"] == {"startLine": 1}
    assert pdf["message"]["text"] == "page 3, section: Security"
    assert pdf["properties"] == {"page": 3}
    jsonschema.validate(build(markdown, _context(tmp_path)), schema)


def test_the_cli_points_a_gap_at_its_section_heading_line(cli_sarif: dict[str, Any]) -> None:
    security = POLICY.splitlines().index("## Security") + 1
    lines = {
        r["ruleId"]: r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in cli_sarif["runs"][0]["results"]
    }
    assert lines["GL602"] == security  # a GL6 gap: the policy's Security section
    assert lines["GL101"] == 1  # no section on employee access: the document itself


def test_concise_uses_the_real_line_and_invents_none(tmp_path: Path) -> None:
    with_line = _report("p.md", "markdown", ["Security"], line=5)
    assert render("concise", with_line, _context(tmp_path)).startswith("p.md:5: GL601")
    without = _report("p.pdf", "pdf", ["Security"], page=2)
    assert render("concise", without, _context(tmp_path)).startswith("p.pdf: GL601")


def test_fingerprint_ignores_lines_and_waivers_become_suppressions(tmp_path: Path) -> None:
    before = _only_result(_report("p.md", "markdown", ["Security"], line=5), tmp_path)
    after = _only_result(_report("p.md", "markdown", ["Security"], True, line=9), tmp_path)
    assert before["locations"] != after["locations"]  # the heading moved down
    assert before["partialFingerprints"] == after["partialFingerprints"]
    assert "suppressions" not in before
    assert after["suppressions"] == [
        {"kind": "external", "justification": "waived in gaplint configuration"}
    ]
