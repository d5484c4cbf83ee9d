"""Shell completion of rule ids, through click's completion API and the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.shell_completion import ShellComplete

from gaplint.cli import main
from tests.cli.helpers import Project

GAPLINT = Path(sys.executable).with_name("gaplint")


def _complete(args: list[str], incomplete: str) -> list[str]:
    completer = ShellComplete(main, {}, "gaplint", "_GAPLINT_COMPLETE")
    return [item.value for item in completer.get_completions(args, incomplete)]


def test_explain_completes_builtin_rule_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no configuration: the built-in checklist
    assert _complete(["explain"], "gl50") == ["GL501", "GL502", "GL503", "GL504"]
    assert "GL9" in _complete(["explain"], "GL")


def test_select_completes_the_last_of_comma_separated_prefixes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _complete(["check", "--select"], "GL5,GL60") == [f"GL5,GL60{n}" for n in range(1, 5)]
    assert _complete(["check", "--ignore"], "GL10") == ["GL101", "GL102", "GL103"]
    assert _complete(["report", "--extend-select"], "XX") == []


def test_completion_uses_the_configuration_rule_folders(project: Project) -> None:
    project.config()
    assert _complete(["explain"], "TS1") == ["TS1", "TS101", "TS102"]
    project.config("bad-key = 1\n")  # a broken configuration still completes built-ins
    assert _complete(["explain"], "GL90") == [f"GL90{n}" for n in range(1, 5)]


def test_bash_completion_through_the_installed_command(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "_GAPLINT_COMPLETE": "bash_complete",
        "COMP_WORDS": "gaplint explain GL70",
        "COMP_CWORD": "2",
    }
    done = subprocess.run(
        [GAPLINT], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"plain,GL70{n}" for n in range(1, 8)]
    source = subprocess.run(
        [GAPLINT], env={**os.environ, "_GAPLINT_COMPLETE": "bash_source"},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert "complete -o nosort -F _gaplint_completion gaplint" in source.stdout
