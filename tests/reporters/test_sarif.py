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
from gaplint.reporters import RenderContext, render, source_lines
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


def _report(path: str, fmt: str, section: list[str], waived: bool = False) -> Report:
    finding = Finding(
        rule="GL601",
        kind=FindingKind.GAP,
        severity=Severity.WARNING,
        message="Passwords: not addressed.",
        recommendation="Require strong passwords.",
        location=Location(path=path, section=section),
        waived=waived,
    )
    doc = DocumentReport(path=path, format=fmt, coverage=0.5, findings=[finding])
    return Report(tool=ToolInfo(version="0"), documents=[doc], summary=summarize([doc]))


def _context(root: Path, sources: dict[str, str] | None = None) -> RenderContext:
    lines = {path: source_lines(text.encode()) for path, text in (sources or {}).items()}
    return RenderContext(pack=load_pack(), root=root, sources=lines)


def _only_result(report: Report, root: Path, text: str = POLICY) -> dict[str, Any]:
    sources = {doc.path: text for doc in report.documents}
    sarif = build(report, _context(root, sources))
    (result,) = sarif["runs"][0]["results"]
    return result  # type: ignore[no-any-return]


def test_region_only_for_a_heading_found_in_a_line_based_file(
    tmp_path: Path, schema: dict[str, Any]
) -> None:
    markdown = _report("p.md", "markdown", ["Social media policy", "Security"])
    located = _only_result(markdown, tmp_path)["locations"][0]
    assert located["physicalLocation"]["region"] == {"startLine": 5}
    assert located["message"]["text"] == "section: Social media policy › Security"
    for report in (
        _report("p.pdf", "pdf", ["Social media policy", "Security"]),
        _report("p.md", "markdown", []),
        _report("p.md", "markdown", ["No such heading"]),
    ):
        assert "region" not in _only_result(report, tmp_path)["locations"][0]["physicalLocation"]
    jsonschema.validate(build(markdown, _context(tmp_path, {"p.md": POLICY})), schema)


def test_reporters_read_no_files_only_the_lines_they_are_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.md").write_text(POLICY, encoding="utf-8")  # on disk, but not in the context
    report = _report("p.md", "markdown", ["Social media policy", "Security"])
    sarif = build(report, _context(tmp_path))
    assert "region" not in sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert render("concise", report, _context(tmp_path)).startswith("p.md:1: GL601")
    assert render("concise", report, _context(tmp_path, {"p.md": POLICY})).startswith("p.md:5:")


def test_fingerprint_ignores_lines_and_waivers_become_suppressions(tmp_path: Path) -> None:
    before = _only_result(_report("p.md", "markdown", ["Security"]), tmp_path)
    moved = "# Intro\n\nMore text here.\n\n" + POLICY
    after = _only_result(_report("p.md", "markdown", ["Security"], waived=True), tmp_path, moved)
    assert before["locations"] != after["locations"]  # the heading moved down
    assert before["partialFingerprints"] == after["partialFingerprints"]
    assert "suppressions" not in before
    assert after["suppressions"] == [
        {"kind": "external", "justification": "waived in gaplint configuration"}
    ]
