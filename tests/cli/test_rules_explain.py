"""`gaplint rules`, `gaplint explain`, `gaplint schema`, and start-up that stays light."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gaplint.cli import main
from gaplint.report import Report
from gaplint.rules import load_pack
from tests.cli.helpers import Project

PACK = load_pack()


def test_rules_lists_every_element_and_subpoint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["rules", "--format", "json"])
    rows = json.loads(result.stdout)
    expected = [r for e in PACK.elements for r in [e.id, *(s.id for s in e.subpoints)]]
    assert [row["id"] for row in rows] == expected
    sub = next(s for _, s in PACK.subpoints())
    row = next(r for r in rows if r["id"] == sub.id)
    assert (row["title"], row["severity"]) == (sub.title, sub.severity.value)
    text = CliRunner().invoke(main, ["rules"]).stdout.splitlines()
    assert len(text) == len(expected)


def test_rules_include_configured_folders_and_severities(project: Project) -> None:
    project.config("[severity]\nTS102 = 'error'\n")
    rows = json.loads(project.run("rules", "--format", "json").stdout)
    assert {r["id"]: r["severity"] for r in rows if r["id"].startswith("TS")} == {
        "TS1": "error",
        "TS101": "warning",
        "TS102": "error",
        "TS2": "error",
        "TS201": "warning",
    }


def test_explain_prints_rationale_recommendation_and_example(project: Project) -> None:
    project.config()
    out = project.run("explain", "ts101").stdout
    assert out.splitlines()[0] == "TS101 passwords (warning)"
    assert "Why it matters:\n  Shared passwords let anyone speak for the agency." in out
    assert "Recommendation:\n  Require strong, secret passwords." in out
    assert "Example clause:\n  Passwords must be strong and changed" in out


def test_explain_an_element_lists_its_subpoints(project: Project) -> None:
    project.config()
    out = project.run("explain", "TS1").stdout
    assert "  TS101  Passwords\n  TS102  Phishing\n" in out


def test_explain_builtin_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _, sub = next(iter(PACK.subpoints()))
    out = CliRunner().invoke(main, ["explain", sub.id]).stdout
    assert sub.rationale.split()[0] in out and sub.example_clause[:40] in out


def test_explain_unknown_rule_is_an_error(project: Project) -> None:
    project.config()
    result = project.run("explain", "GL999")
    assert result.exit_code == 2
    assert result.stderr == "gaplint: error: unknown rule 'GL999'; `gaplint rules` lists them\n"


def test_schema_is_the_report_models_schema() -> None:
    schema = json.loads(CliRunner().invoke(main, ["schema"]).stdout)
    assert schema["properties"] == Report.model_json_schema()["properties"]
    assert "schema_version" in schema["properties"]


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["check", "--help"]])
def test_help_and_version_import_nothing_heavy(args: list[str]) -> None:
    code = (
        "import sys\nfrom gaplint.cli import main\ntry:\n    main(sys.argv[1:])\n"
        "except SystemExit:\n    pass\n"
        "heavy = [m for m in ('spacy', 'pydantic', 'yaml', 'gaplint.api') if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    assert proc.stderr.strip().splitlines()[-1] == "HEAVY []"
    assert proc.stdout


def test_report_command_is_registered_lazily() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert "report" in result.stdout and "check" in result.stdout
    assert "HTML" in CliRunner().invoke(main, ["report", "--help"]).stdout
