"""Issue 13: the conventions users know from ruff, Vale and semgrep, and the small broken
things (silent failures, unreadable messages, owner-only files), through the real CLI."""

from __future__ import annotations

import io
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from gaplint.cli import main
from gaplint.progress import ETA_AFTER, with_progress
from tests.builders import pdf as build_pdf
from tests.cli.helpers import FULL, NO_PHISHING, NO_RECORDS, RULES_2, Project

ROOT = Path(__file__).resolve().parents[2]


# --- files written with -o and the baseline -----------------------------------------------


@pytest.fixture
def umask() -> Iterator[int]:
    previous = os.umask(0o022)
    yield 0o022
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_output_and_baseline_follow_the_umask(project: Project, umask: int) -> None:
    project.config()
    project.write("policy.md", NO_RECORDS)
    project.run("check", "policy.md", "-o", "out.txt", "--write-baseline", "base.json")
    assert _mode(project.root / "out.txt") == 0o644
    assert _mode(project.root / "base.json") == 0o644
    os.umask(0o027)
    project.run("report", "policy.md", "-o", "report.html")
    assert _mode(project.root / "report.html") == 0o640


def test_rewriting_a_file_keeps_its_mode(project: Project, umask: int) -> None:
    project.config()
    project.write("policy.md", FULL)
    out = project.write("out.json", "{}")
    out.chmod(0o600)
    project.run("check", "--format", "json", "policy.md", "-o", "out.json")
    assert _mode(out) == 0o600 and json.loads(out.read_text())["documents"]


# --- silent failures ------------------------------------------------------------------------


def test_min_coverage_failure_says_which_document_and_why(project: Project) -> None:
    project.write("policy.md", NO_PHISHING)  # 2 of 3 sub-points: 67 %
    project.config("fail-on = 'never'\nmin-coverage = 0.7\n")
    result = project.run("check", "policy.md")
    assert result.exit_code == 1
    assert "gaplint: policy.md: coverage 67% is below min-coverage 70%\n" in result.stderr
    passing = project.run("check", "--min-coverage", "0.6", "policy.md")
    assert passing.exit_code == 0 and "min-coverage" not in passing.stderr


@pytest.mark.parametrize("command", ["check", "report"])
def test_no_documents_found_is_exit_2(project: Project, command: str) -> None:
    project.config()
    (project.root / "empty").mkdir()
    project.write("notes/readme.rst", FULL)  # not a type gaplint looks for in folders
    for target in ("empty", "notes"):
        result = project.run(command, target)
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"gaplint: error: no documents found in {target} (")
        assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_include_that_matches_nothing_is_exit_2(project: Project) -> None:
    project.config("include = ['*.pdf']\n")
    project.write("policy.md", FULL)
    result = project.run("check", ".")
    assert result.exit_code == 2 and "no documents found" in result.stderr


def test_unmatched_per_file_ignores_pattern_warns(project: Project) -> None:
    project.write("a/policy.md", NO_RECORDS)
    project.config("[per-file-ignores]\n'a/*' = ['TS2']\n'comment-policy/*' = ['TS1']\n")
    result = project.run("check", ".")
    assert result.exit_code == 0
    warning = (
        "gaplint: warning: per-file-ignores pattern 'comment-policy/*' matches no checked file"
    )
    assert warning in result.stderr.splitlines()
    assert "'a/*'" not in result.stderr


def test_damaged_pdf_message_is_readable(project: Project) -> None:
    project.config()
    (project.root / "cut.pdf").write_bytes(build_pdf.truncated_pdf())
    result = project.run("check", "cut.pdf")
    assert result.exit_code == 2
    assert "error[corrupt]: PDF is truncated or damaged (no end-of-file marker)" in result.stderr
    assert "%%EOF" not in result.output


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_estimate_waits_for_a_few_documents_and_skips_start_up() -> None:
    """Twelve documents: 5 s of start-up in the first, then 0.5 s each (about 10 s in all)."""
    stream = _Terminal()
    times = iter([5.0 + 0.5 * n for n in range(12)])
    lines: list[str] = []

    def documents() -> Iterator[int]:
        for number in range(12):
            lines.append(stream.getvalue().rsplit("\r", 1)[-1])
            yield number

    assert list(with_progress(documents(), 12, stream, clock=lambda: next(times))) == list(
        range(12)
    )
    assert all("left" not in line for line in lines[:ETA_AFTER])
    # After four documents: three intervals of 0.5 s since the first, eight documents to go.
    assert "about 4 s left" in lines[ETA_AFTER + 1]
    assert all("min" not in line for line in lines)


def _commands() -> dict[str, click.Command]:
    context = click.Context(main)
    found = {name: main.get_command(context, name) for name in main.list_commands(context)}
    return {name: command for name, command in found.items() if command is not None}


def test_every_option_of_every_command_has_help() -> None:
    missing = [
        f"{name} {param.opts[0]}"
        for name, command in _commands().items()
        for param in command.params
        if isinstance(param, click.Option) and not param.help
    ]
    assert missing == []


# --- ruff's and Vale's option names ---------------------------------------------------------


def _rules(result_json: str) -> list[str]:
    data = json.loads(result_json)
    return [f["rule"] for doc in data["documents"] for f in doc["findings"]]


def test_select_ignore_and_extend_select(project: Project) -> None:
    project.config()
    project.write("policy.md", NO_RECORDS)  # TS2 and TS201 missing
    base = ("check", "--format", "json", "policy.md")
    assert _rules(project.run(*base).stdout) == ["TS2", "TS201"]
    assert _rules(project.run(*base, "--ignore", "TS2").stdout) == []
    assert _rules(project.run(*base, "--select", "TS1").stdout) == []
    assert _rules(project.run(*base, "--select", "TS1,TS201").stdout) == ["TS201"]
    assert _rules(project.run(*base, "--ignore", "TS2", "--extend-select", "TS201").stdout) == [
        "TS201"
    ]


def test_a_mistyped_prefix_on_the_command_line_names_the_option(project: Project) -> None:
    project.config()
    project.write("policy.md", FULL)
    result = project.run("check", "--select", "TS9", "policy.md")
    assert result.exit_code == 2
    assert result.stderr == "gaplint: error: option --select: 'TS9' matches no rule\n"


def test_fail_on_and_exit_zero(project: Project) -> None:
    project.config()
    project.write("policy.md", NO_RECORDS)
    assert project.run("check", "policy.md").exit_code == 1
    assert project.run("check", "--fail-on", "never", "policy.md").exit_code == 0
    zero = project.run("check", "--exit-zero", "policy.md")
    assert zero.exit_code == 0 and "TS201" in zero.stdout
    # Errors still fail: --exit-zero only forgives gaps.
    assert project.run("check", "--exit-zero", "policy.md", "missing.md").exit_code == 2


def test_statistics_counts_gaps_per_rule(project: Project) -> None:
    project.config()
    project.write("a.md", NO_RECORDS)
    project.write("b.md", NO_RECORDS)
    project.write("c.md", NO_PHISHING)
    result = project.run("check", "--statistics", "a.md", "b.md", "c.md")
    assert result.exit_code == 1
    assert result.stdout == (
        "2  TS2    error    Records (whole element)\n"
        "2  TS201  warning  Retention\n"
        "1  TS102  info     Phishing\n"
    )
    data = json.loads(project.run("check", "--statistics", "--format", "json", ".").stdout)
    assert data[0] == {
        "rule": "TS2",
        "severity": "error",
        "title": "Records (whole element)",
        "count": 2,
    }


def test_output_format_alias_and_environment_variable(project: Project) -> None:
    project.config()
    project.write("policy.md", NO_RECORDS)
    alias = project.run("check", "--output-format", "concise", "policy.md")
    assert alias.stdout.startswith("policy.md:") and "TS201" in alias.stdout
    env = {"GAPLINT_OUTPUT_FORMAT": "json", "GITHUB_ACTIONS": "true"}
    assert "documents" in json.loads(project.run("check", "policy.md", env=env).stdout)
    flag = project.run("check", "--format", "concise", "policy.md", env=env)
    assert flag.stdout == alias.stdout  # the flag beats the variable
    bad = project.run("check", "policy.md", env={"GAPLINT_OUTPUT_FORMAT": "yaml"})
    assert bad.exit_code == 2 and "GAPLINT_OUTPUT_FORMAT" in bad.stderr


@pytest.mark.parametrize("command", ["check", "report"])
def test_rules_option_adds_a_rule_folder(project: Project, command: str) -> None:
    project.config()
    extra = project.root / "state-rules"
    extra.mkdir()
    (extra / "TS3.yaml").write_text(RULES_2.replace("TS2", "TS3"), encoding="utf-8")
    project.write("policy.md", NO_RECORDS)
    fmt = "json" if command == "check" else "csv"
    result = project.run(
        command, "--format", fmt, "--rules", "state-rules", "--extend-select", "TS3", "policy.md"
    )
    assert "TS301" in result.stdout and "TS201" in result.stdout
    assert "TS301" not in project.run(command, "policy.md").stdout


# --- distribution, licence, changelog -------------------------------------------------------


def test_distribution_name_is_free_on_pypi_and_readme_installs_it() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '\nname = "gaplint-policy"\n' in pyproject
    assert 'gaplint = "gaplint.cli:main"' in pyproject
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    installs = [line for line in readme.splitlines() if "pip install" in line]
    assert installs
    # `pip install gaplint` would install an unrelated linter for GAP.
    assert all("pip install gaplint" not in line for line in installs), installs


def test_license_and_changelog() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    assert 'license = { text = "MIT" }' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    from gaplint import __version__

    assert f"## [{__version__}]" in changelog and "## [0.1.0]" in changelog


@pytest.mark.parametrize(
    ("body", "key", "suggestion"),
    [
        ("fail_on = 'error'\n", "fail_on", "; did you mean `fail-on`?"),
        ("extend_select = ['TS1']\n", "extend_select", "; did you mean `extend-select`?"),
        ("[limits]\nmax_byte = 10\n", "limits.max_byte", "; did you mean `max_bytes`?"),
        ("colour = 'red'\n", "colour", ""),
    ],
)
def test_mistyped_configuration_key_gets_a_suggestion(
    project: Project, body: str, key: str, suggestion: str
) -> None:
    config = project.config(body)
    project.write("policy.md", FULL)
    result = project.run("check", "policy.md")
    assert result.exit_code == 2
    assert result.stderr == (
        f"gaplint: error: {config.resolve()}: key `{key}`: Extra inputs are not permitted"
        f"{suggestion}\n"
    )
