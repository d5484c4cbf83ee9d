"""Exit status, severities, waivers and baselines, driven through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.helpers import FULL, NO_PHISHING, NO_RECORDS, Project


def test_exit_status_follows_fail_on(project: Project) -> None:
    project.write("policy.md", NO_PHISHING)  # only TS102 (info) is missing
    project.config()
    assert project.run("check", "policy.md").exit_code == 0
    project.config("fail-on = 'info'\n")
    assert project.run("check", "policy.md").exit_code == 1
    assert project.run("check", "--fail-on", "never", "policy.md").exit_code == 0


def test_severity_override_changes_finding_and_exit(project: Project) -> None:
    project.write("policy.md", NO_PHISHING)
    project.config("[severity]\nTS102 = 'error'\n")
    result, data = project.json("policy.md")
    assert result.exit_code == 1
    finding = data["documents"][0]["findings"]
    assert [(f["rule"], f["severity"]) for f in finding] == [("TS102", "error")]


def test_min_coverage_fails_a_document_below_it(project: Project) -> None:
    project.write("policy.md", NO_PHISHING)  # 2 of 3 sub-points
    project.config("fail-on = 'never'\nmin-coverage = 0.7\n")
    assert project.run("check", "policy.md").exit_code == 1
    project.config("fail-on = 'never'\nmin-coverage = 0.6\n")
    assert project.run("check", "policy.md").exit_code == 0


def test_ignore_and_per_file_ignores_remove_rules(project: Project) -> None:
    project.write("a/policy.md", NO_RECORDS)
    project.write("b/policy.md", NO_RECORDS)
    project.config("[per-file-ignores]\n'a/*' = ['TS2']\n")
    result, data = project.json(".")
    by_path = {d["path"]: [f["rule"] for f in d["findings"]] for d in data["documents"]}
    assert by_path == {"a/policy.md": [], "b/policy.md": ["TS2", "TS201"]}
    assert [e["id"] for e in data["documents"][0]["elements"]] == ["TS1"]
    assert result.exit_code == 1


WAIVER = """
[[waivers]]
rule = "TS2"
reason = "records are kept by the state archive"
expires = "{expires}"
paths = ["policy.md"]
"""


def test_waiver_marks_findings_waived_and_passes(project: Project) -> None:
    project.write("policy.md", NO_RECORDS)
    project.config(WAIVER.format(expires="2999-01-01"))
    result, data = project.json("policy.md")
    assert result.exit_code == 0
    doc = data["documents"][0]
    assert [(f["rule"], f["waived"]) for f in doc["findings"]] == [("TS2", True), ("TS201", True)]
    records = doc["elements"][1]["subpoints"][0]
    assert records["waiver"]["reason"] == "records are kept by the state archive"
    assert data["summary"]["findings"] == {"error": 0, "warning": 0, "info": 0}
    assert data["summary"]["waived"] == 2
    text = project.run("check", "policy.md").stdout
    assert "TS201  warning Retention: not addressed." in text and "(waived)" in text


def test_waiver_for_other_paths_does_not_apply(project: Project) -> None:
    project.write("other.md", NO_RECORDS)
    project.config(WAIVER.format(expires="2999-01-01"))
    result, data = project.json("other.md")
    assert result.exit_code == 1
    assert not any(f["waived"] for f in data["documents"][0]["findings"])


def test_expired_waiver_no_longer_waives_and_is_reported(project: Project) -> None:
    project.write("policy.md", NO_RECORDS)
    project.config(WAIVER.format(expires="2001-01-01"))
    result, data = project.json("policy.md")
    assert result.exit_code == 1
    found = [
        (f["rule"], f["kind"], f["severity"], f["waived"]) for f in data["documents"][0]["findings"]
    ]
    assert found == [
        ("TS2", "element-missing", "error", False),
        ("TS2", "expired-waiver", "warning", False),
        ("TS201", "gap", "warning", False),
    ]
    assert "expired on 2001-01-01" in data["documents"][0]["findings"][1]["message"]


def test_baseline_lets_only_new_gaps_fail(project: Project, tmp_path: Path) -> None:
    project.config()
    project.write("a.md", NO_RECORDS)
    project.write("b.md", FULL)
    baseline = tmp_path / "baseline.json"
    wrote = project.run("check", ".", "--write-baseline", str(baseline))
    assert wrote.exit_code == 1
    assert json.loads(baseline.read_text())["gaps"] == [
        {"path": "a.md", "rule": "TS2"},
        {"path": "a.md", "rule": "TS201"},
    ]
    assert project.run("check", ".", "--baseline", str(baseline)).exit_code == 0

    project.write("b.md", FULL.replace("passwords", "keys"))  # a new gap: TS101
    result, data = project.json(".", "--baseline", str(baseline))
    assert result.exit_code == 1
    flags = {
        (d["path"], f["rule"]): f["baselined"] for d in data["documents"] for f in d["findings"]
    }
    assert flags == {
        ("a.md", "TS2"): True,
        ("a.md", "TS201"): True,
        ("b.md", "TS101"): False,
    }
    assert data["summary"]["baselined"] == 2


def test_closed_baseline_gaps_are_reported(project: Project, tmp_path: Path) -> None:
    project.config()
    project.write("a.md", NO_RECORDS)
    baseline = tmp_path / "baseline.json"
    project.run("check", "a.md", "--write-baseline", str(baseline))
    project.write("a.md", FULL)
    result = project.run("check", "a.md", "--baseline", str(baseline))
    assert result.exit_code == 0
    assert (
        "gaplint: 2 baselined gaps are now closed; run --write-baseline to shrink it"
        in result.stderr
    )


def test_unreadable_baseline_is_a_usage_error(project: Project, tmp_path: Path) -> None:
    project.config()
    project.write("a.md", FULL)
    bad = tmp_path / "b.json"
    bad.write_text("[]", encoding="utf-8")
    result = project.run("check", "a.md", "--baseline", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"gaplint: error: {bad}: not a gaplint baseline")
