"""The files a user names besides documents (configuration, baseline, saved results, rule
files) when they are hostile: a FIFO or a device is refused at once (it blocked for ever, or
read until memory ran out), nesting past Python's recursion limit is one line, not
error[internal], and limits outside what a timer can hold are a configuration mistake."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.cli.helpers import FULL, Project
from tests.fuzz.test_hostile_rules import run_cli

DEEP = 100_000  # levels: far past the interpreter's recursion limit
FIFO = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX named pipes")


def _one_line(project: Project, *args: str) -> str:
    """The CLI in a child process (a hang fails at the timeout instead of blocking)."""
    try:
        result = run_cli(project.root, *args, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail(f"gaplint {' '.join(args)} hung")
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert "error[internal]" not in line
    return line


@FIFO
@pytest.mark.parametrize(
    "args",
    [
        ("check", "--no-cache", "--baseline", "named.json", "a.md"),
        ("check", "--no-cache", "--config", "named.toml", "a.md"),
        ("report", "--from", "named.json"),
        ("report", "--from", "named.jsonl"),
        ("check", "--no-cache", "--rules", "extra", "a.md"),
    ],
)
def test_a_fifo_named_as_a_user_file_is_refused_at_once(
    project: Project, args: tuple[str, ...]
) -> None:
    project.config()
    project.write("a.md", FULL)
    (project.root / "extra").mkdir()
    for name in ("named.json", "named.toml", "named.jsonl", "extra/TS9-fifo.yaml"):
        os.mkfifo(project.root / name)  # no writer: a blocking open waits for ever
    line = _one_line(project, *args)
    assert line.endswith("not a regular file (a FIFO or a device)"), line


def test_a_deeply_nested_configuration_is_one_line(project: Project) -> None:
    project.write("a.md", FULL)
    project.write("pyproject.toml", "[tool.gaplint]\nx = " + "[" * DEEP + "]" * DEEP + "\n")
    line = _one_line(project, "check", "--no-cache", "a.md")
    assert line.endswith("pyproject.toml: not valid TOML: nested too deeply"), line


def test_a_deeply_nested_baseline_is_one_line(project: Project) -> None:
    project.config()
    project.write("a.md", FULL)
    project.write("deep.json", "[" * DEEP + "]" * DEEP)
    line = _one_line(project, "check", "--no-cache", "--baseline", "deep.json", "a.md")
    assert line == "gaplint: error: deep.json: not a gaplint baseline: nested too deeply"


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ("timeout_seconds = inf", "less than or equal to 1000000"),
        ("ocr_page_seconds = 1e300", "less than or equal to 1000000"),
        ("max_bytes = -1", "greater than or equal to 0"),
    ],
)
def test_limits_a_timer_or_a_size_cannot_hold_are_refused(
    project: Project, setting: str, said: str
) -> None:
    project.config(f"[limits]\n{setting}\n")
    project.write("a.md", FULL)
    line = _one_line(project, "check", "--no-cache", "a.md")
    key = setting.split(" =")[0]
    assert f"key `limits.{key}`" in line and said in line, line
