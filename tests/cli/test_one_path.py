"""Bugs that came from copied code: the batch and the API, `check` and `report`, the README.

Each of these failed while the batch had its own reader entry point and global checker, and
while `check` and `report` each had their own list of user errors.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from gaplint.cli import main
from gaplint.run import RunOptions, execute
from tests.cli.helpers import FULL, RULES, Project

ROOT = Path(__file__).resolve().parents[2]


def _gaplint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # A subprocess with a time-out: a hang must fail the test, not stall the suite.
    return subprocess.run(
        [sys.executable, "-c", "from gaplint.cli import main; main()", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX named pipes")
def test_check_refuses_a_fifo_instead_of_hanging(project: Project) -> None:
    project.config()
    project.write("policy.md", FULL)
    os.mkfifo(project.root / "pipe.md")  # no writer: reading it would block for ever
    done = _gaplint(project.root, "check", "--no-cache", "--format", "json", "pipe.md", "policy.md")
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["pipe.md: error[unsupported-type]: not a regular file"]
    judged = [doc["path"] for doc in json.loads(done.stdout)["documents"] if doc["judged"]]
    assert judged == ["policy.md"]  # the rest of the batch is still checked


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_check_refuses_dev_zero_like_extract(project: Project) -> None:
    project.config()
    checked = _gaplint(project.root, "check", "--no-cache", "--format", "json", "/dev/zero")
    extracted = _gaplint(project.root, "extract", "/dev/zero")
    assert (checked.returncode, extracted.returncode) == (2, 2)
    assert checked.stderr.strip() == extracted.stderr.strip()
    assert checked.stderr.strip() == "/dev/zero: error[unsupported-type]: not a regular file"


OTHER_RULES = RULES.replace("TS1", "TS3").replace("Account safety", "Other pack")


def _element_ids(folder: Path) -> list[str]:
    os.chdir(folder)
    result = execute(RunOptions(paths=("policy.md",), use_cache=False))
    return [e.id for doc in result.report.documents for e in doc.elements]


def test_second_batch_in_one_process_uses_its_own_rule_pack(tmp_path: Path) -> None:
    here = Path.cwd()
    try:
        for name, rules in (("first", RULES), ("second", OTHER_RULES)):
            (tmp_path / name / "rules").mkdir(parents=True)
            (tmp_path / name / "rules" / "pack.yaml").write_text(rules, encoding="utf-8")
            (tmp_path / name / "policy.md").write_text(FULL, encoding="utf-8")
            prefix = "TS1" if name == "first" else "TS3"
            (tmp_path / name / ".gaplint.toml").write_text(
                f'rules = ["rules"]\nselect = ["{prefix}"]\n', encoding="utf-8"
            )
        assert _element_ids(tmp_path / "first") == ["TS1"]
        assert _element_ids(tmp_path / "second") == ["TS3"]
    finally:
        os.chdir(here)


@pytest.mark.parametrize("command", ["check", "report"])
def test_missing_rules_folder_is_one_line_and_exit_2(project: Project, command: str) -> None:
    project.write(".gaplint.toml", 'rules = ["no-such-folder"]\n')
    project.write("policy.md", FULL)
    result = project.run(command, "policy.md")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("gaplint: error: ")
    assert "no-such-folder" in result.stderr and "rules folder not found" in result.stderr


@pytest.mark.parametrize("command", ["check", "report"])
def test_jobs_zero_means_one_per_cpu_on_every_batch_command(project: Project, command: str) -> None:
    project.config()
    project.write("policy.md", FULL)
    assert project.run(command, "-j", "0", "--no-cache", "policy.md").exit_code == 0


def _options(command: click.Command) -> set[str]:
    return {flag for param in command.params for flag in param.opts if flag.startswith("--")}


def test_every_flag_in_the_readme_exists_on_its_command() -> None:
    """A flag after `gaplint X` on a line must be X's; before any, check's, report's or main's.
    A flag after a script's name (`bench/parse.py --corpus`) is that script's, not gaplint's."""
    context = click.Context(main)
    commands = {name: main.get_command(context, name) for name in main.list_commands(context)}
    general = {"--help", "--version"}.union(
        *(_options(commands[name]) for name in ("check", "report"))  # type: ignore[arg-type]
    )
    token = re.compile(r"gaplint (\w+)|\S+\.py\b|(--[a-z][a-z-]+)")
    wrong = []
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        allowed: set[str] | None = general
        for found in token.finditer(line):
            named, flag = found.groups()
            if flag is None:  # a command or a script: the flags after it are its own
                command = commands.get(named) if named else None
                allowed = None if command is None else general | _options(command)
            elif allowed is not None and flag not in allowed:
                wrong.append(f"README.md:{number}: {flag}")
    assert wrong == []
