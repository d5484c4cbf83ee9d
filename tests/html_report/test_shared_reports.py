"""Reports people share (issue 13): titles, relative paths, dates and versions, through the
real CLI, in JSON, HTML and the summary-only text mode."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from gaplint.report import SCHEMA_VERSION, SOURCE_DATE_EPOCH, Report
from gaplint.rules import load_pack
from tests.builders import docx as build
from tests.cli.helpers import FULL, NO_PHISHING, RULES, RULES_2, Project

FIXED = "2026-01-01T00:00:00Z"  # tests/conftest.py's SOURCE_DATE_EPOCH


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Project]:
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "GAPLINT_OUTPUT_FORMAT"):
        monkeypatch.delenv(name, raising=False)
    root = tmp_path / "project"
    (root / "rules").mkdir(parents=True)
    (root / "rules" / "TS1-safety.yaml").write_text(RULES, encoding="utf-8")
    (root / "rules" / "TS2-records.yaml").write_text(RULES_2, encoding="utf-8")
    (root / "docs" / "full.md").parent.mkdir()
    (root / "docs" / "full.md").write_text(FULL, encoding="utf-8")
    (root / "docs" / "partial.md").write_text(NO_PHISHING, encoding="utf-8")
    (root / "docs" / "office.docx").write_bytes(build.policy_docx())
    project = Project(root=root, runner=CliRunner())
    project.config()
    monkeypatch.chdir(root)
    yield project
    os.chdir(tmp_path)


def check_json(project: Project, *args: str) -> dict[str, Any]:
    result = project.run("check", "--format", "json", "--no-cache", *args)
    assert result.exit_code in (0, 1), result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def by_name(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {Path(doc["path"]).name: doc for doc in data["documents"]}


def test_json_has_time_versions_titles_and_metadata(project: Project) -> None:
    data = check_json(project, "docs")
    Report.model_validate(data)
    assert data["schema_version"] == SCHEMA_VERSION == "1.3"
    assert data["generated_at"] == FIXED
    pack = load_pack([project.root / "rules"])
    assert data["tool"]["rule_pack"]["digest"] == pack.digest != ""
    assert "TS1-safety.yaml" in data["tool"]["rule_pack"]["files"]
    docs = by_name(data)
    # A Markdown file has no metadata title: its first heading names it.
    assert docs["full.md"]["title"] == "Social media policy"
    assert docs["full.md"]["metadata"] == {
        "title": None,
        "author": None,
        "created": None,
        "modified": None,
    }
    # A DOCX names itself in its core properties.
    assert docs["office.docx"]["title"] == build.TITLE
    assert docs["office.docx"]["metadata"]["author"] == build.AUTHOR


def test_paths_are_relative_unless_absolute_paths(project: Project) -> None:
    absolute_argument = str(project.root / "docs")
    relative = check_json(project, absolute_argument)
    assert sorted(by_name(relative)) == ["full.md", "office.docx", "partial.md"]
    assert {d["path"] for d in relative["documents"]} == {
        "docs/full.md",
        "docs/office.docx",
        "docs/partial.md",
    }
    shown = check_json(project, "docs", "--absolute-paths")
    partial = by_name(shown)["partial.md"]
    expected = (project.root / "docs" / "partial.md").as_posix()
    assert partial["path"] == expected
    assert partial["findings"], "the partial policy has a gap"
    assert {f["location"]["path"] for f in partial["findings"]} == {expected}


def test_absolute_paths_do_not_leak_into_the_cache(project: Project) -> None:
    first = project.run("check", "--format", "json", "docs", "--absolute-paths")
    assert first.exit_code in (0, 1), first.output
    assert str(project.root) in first.stdout
    from_cache = project.run("check", "--format", "json", "docs")
    assert str(project.root) not in from_cache.stdout
    fresh = check_json(project, "docs")
    assert json.loads(from_cache.stdout)["documents"] == fresh["documents"]


def test_generated_at_honours_source_date_epoch_and_is_now_without_it(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SOURCE_DATE_EPOCH, "1700000000")
    assert check_json(project, "docs")["generated_at"] == "2023-11-14T22:13:20Z"
    monkeypatch.delenv(SOURCE_DATE_EPOCH)
    stamp = check_json(project, "docs")["generated_at"]
    assert stamp.endswith("Z")
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    assert abs((datetime.now(timezone.utc) - moment).total_seconds()) < 120


def test_two_runs_are_byte_identical_with_a_fixed_date(project: Project) -> None:
    first = project.run("report", "docs", "--no-cache")
    second = project.run("report", "docs", "--no-cache")
    assert first.exit_code == second.exit_code == 0, first.output
    assert first.stdout == second.stdout


def test_html_shows_titles_relative_paths_date_and_versions(project: Project) -> None:
    result = project.run("report", str(project.root / "docs"), "--no-cache", "-o", "r.html")
    assert result.exit_code == 0, result.output
    html = (project.root / "r.html").read_text(encoding="utf-8")
    assert str(project.root) not in html, "no absolute path reaches a shared page"
    assert '<time datetime="2026-01-01T00:00:00Z">2026-01-01 00:00 UTC</time>' in html
    from gaplint import __version__

    assert f"gaplint {__version__}" in html
    digest = load_pack([project.root / "rules"]).digest
    assert f'<code title="sha256 {digest}">{digest[:12]}</code>' in html
    assert "Document 1:</span> Social media policy</h2>" in html
    assert f"Document 2:</span> {build.TITLE}</h2>" in html
    assert "<dt>File</dt><dd><code>docs/<wbr>full.md</code>" in html
    assert f"<dt>Author</dt><dd>{build.AUTHOR}</dd>" in html
    assert html.count('<details class="findings" open>') == 3


def test_summary_format_and_qq_print_only_the_summary_line(project: Project) -> None:
    text = project.run("check", "docs", "--no-cache")
    last = text.stdout.strip().splitlines()[-1]
    assert "3 documents checked" in last and len(text.stdout.splitlines()) > 1
    summary = project.run("check", "docs", "--no-cache", "--format", "summary")
    assert summary.stdout == last + "\n"
    assert summary.exit_code == text.exit_code == 1
    quieter = project.run("check", "docs", "--no-cache", "-qq")
    assert quieter.stdout == last + "\n"
    quiet = project.run("check", "docs", "--no-cache", "-q")
    assert "TS102" in quiet.stdout, "-q alone still lists the gaps"


def test_summary_still_names_unreadable_files(project: Project) -> None:
    (project.root / "docs" / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    result = project.run("check", "docs", "--no-cache", "--format", "summary")
    assert result.exit_code == 2
    assert result.stdout.count("\n") == 1 and "1 could not be read" in result.stdout
    assert "docs/broken.docx: error[" in result.stderr


def test_reports_cached_under_another_schema_are_not_reused(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gaplint.run
    from gaplint.run import RunOptions, execute

    options = RunOptions(paths=("docs",))
    execute(options)
    assert execute(options).cache_hits == 3
    monkeypatch.setattr(gaplint.run, "SCHEMA_VERSION", "1.1")
    assert execute(options).cache_hits == 0, "a 1.1 entry has no title: check again"


def test_absolute_paths_with_from_is_a_usage_error(project: Project) -> None:
    saved = project.run("check", "docs", "--format", "json", "-o", "saved.json")
    assert saved.exit_code in (0, 1), saved.output
    result = project.run("report", "--from", "saved.json", "--absolute-paths")
    assert result.exit_code == 2
    assert "--absolute-paths applies to checking PATHS" in result.output
