"""The composite action (action.yml): its `run:` steps, run with bash as the runner would.

Each step's `${{ inputs.* }}`, `${{ github.action_path }}` and `${{ steps.*.outputs.* }}` are
substituted, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY are real files, and the steps run in a
throw-away git repository. `uses:` steps (setup-python, upload-sarif) are GitHub's own and
are not run here. The install step is left out of the fast tests (it would install into this
virtualenv); the slow test runs it into a fresh one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.shared_data import SHARED, need
from tests.test_precommit import POLICY, RULES

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"

pytestmark = pytest.mark.skipif(
    shutil.which("bash") is None or shutil.which("git") is None, reason="needs bash and git"
)

GAPPY = POLICY.split("## Records")[0]

_EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def _action() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    return loaded


@dataclass
class Runner:
    """Runs the action's bash steps in order, as the Actions runner would."""

    workspace: Path
    inputs: dict[str, str]
    env: dict[str, str]
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)

    def expand(self, text: str) -> str:
        def value(match: re.Match[str]) -> str:
            name = match.group(1)
            if name == "github.action_path":
                return str(REPO)
            if name.startswith("inputs."):
                return self.inputs[name.removeprefix("inputs.")]
            step, _, output = name.removeprefix("steps.").partition(".outputs.")
            if name.startswith("steps.") and output:
                return self.outputs.get(step, {}).get(output, "")
            raise AssertionError(f"unsupported expression in action.yml: {name}")

        return _EXPRESSION.sub(value, text)

    def run_step(self, step: dict[str, Any]) -> subprocess.CompletedProcess[str]:
        assert step["shell"] == "bash"  # a composite run step must name its shell
        output_file = self.workspace.parent / f"output-{step['id']}"
        output_file.write_text("", encoding="utf-8")
        env = {
            **self.env,
            **{key: self.expand(str(v)) for key, v in step.get("env", {}).items()},
            "GITHUB_OUTPUT": str(output_file),
        }
        # The runner's bash: -e and pipefail, as `shell: bash` is run.
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", self.expand(step["run"])],
            cwd=self.workspace, env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        lines = output_file.read_text(encoding="utf-8").splitlines()
        self.outputs[step["id"]] = dict(line.split("=", 1) for line in lines if "=" in line)
        return done

    def run(self, skip: tuple[str, ...] = ("install",)) -> dict[str, int]:
        codes: dict[str, int] = {}
        for step in _action()["runs"]["steps"]:
            if "run" not in step or step["id"] in skip:
                continue
            done = self.run_step(step)
            codes[step["id"]] = done.returncode
            if done.returncode != 0:  # the runner stops at a failed step
                break
        return codes


def _git(args: list[str], cwd: Path, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
    env |= {
        "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "GITHUB_ACTIONS": "true",
    }
    root = tmp_path / "workspace"
    (root / "rules").mkdir(parents=True)
    (root / "rules" / "PC1-records.yaml").write_text(RULES, encoding="utf-8")
    (root / ".gaplint.toml").write_text('rules = ["rules"]\nselect = ["PC"]\n', encoding="utf-8")
    (root / "policies").mkdir()
    (root / "policies" / "policy.md").write_text(POLICY, encoding="utf-8")
    _git(["init", "-q"], root, env)
    return root, env


def _runner(workspace: tuple[Path, dict[str, str]], **inputs: str) -> Runner:
    root, env = workspace
    defaults = {name: str(spec.get("default", "")) for name, spec in _action()["inputs"].items()}
    return Runner(root, {**defaults, "paths": "policies", **inputs}, env)


def test_a_clean_policy_passes_with_sarif_and_summary(
    workspace: tuple[Path, dict[str, str]],
) -> None:
    runner = _runner(workspace)
    assert runner.run() == {"check": 0, "verdict": 0}
    assert runner.outputs["check"] == {"exit-code": "0", "sarif-file": "gaplint.sarif"}
    sarif = json.loads((runner.workspace / "gaplint.sarif").read_text(encoding="utf-8"))
    schema = json.loads(need(SARIF_SCHEMA).read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema)
    summary = Path(runner.env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8")
    assert summary.startswith("## gaplint: 0 gaps in 1 document")


def test_gaps_fail_the_job_after_the_sarif_is_written(
    workspace: tuple[Path, dict[str, str]],
) -> None:
    root, _ = workspace
    (root / "policies" / "policy.md").write_text(GAPPY, encoding="utf-8")
    runner = _runner(workspace)
    assert runner.run() == {"check": 0, "verdict": 1}
    assert runner.outputs["check"]["exit-code"] == "1"
    sarif = json.loads((root / "gaplint.sarif").read_text(encoding="utf-8"))
    (run,) = sarif["runs"]
    assert {result["ruleId"] for result in run["results"]} == {"PC1", "PC101"}
    summary = Path(runner.env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8")
    assert "| **PC101** |" in summary

    report_only = _runner(workspace, **{"fail-on-gaps": "false"})
    assert report_only.run() == {"check": 0, "verdict": 0}


def test_a_bad_configuration_fails_even_when_gaps_do_not(
    workspace: tuple[Path, dict[str, str]],
) -> None:
    root, _ = workspace
    (root / ".gaplint.toml").write_text('rules = ["rules"]\nfail_on = "error"\n', encoding="utf-8")
    runner = _runner(workspace, **{"fail-on-gaps": "false"})
    assert runner.run() == {"check": 0, "verdict": 2}
    assert runner.outputs["check"]["exit-code"] == "2"


def test_inputs_are_passed_through_the_environment_not_the_script() -> None:
    """`${{ inputs.* }}` pasted into a script is a shell injection; env values are data."""
    for step in _action()["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step["id"]


def test_args_reach_gaplint(workspace: tuple[Path, dict[str, str]]) -> None:
    root, _ = workspace
    (root / "policies" / "policy.md").write_text(GAPPY, encoding="utf-8")
    runner = _runner(workspace, args="--fail-on never")
    assert runner.run() == {"check": 0, "verdict": 0}
    assert runner.outputs["check"]["exit-code"] == "0"


@pytest.mark.slow
def test_the_install_step_installs_this_checkout(
    tmp_path: Path, workspace: tuple[Path, dict[str, str]]
) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True, timeout=300)
    root, env = workspace
    path = f"{venv / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin"
    runner = Runner(root, _runner(workspace).inputs, {**env, "PATH": path})
    assert runner.run(skip=()) == {"install": 0, "check": 0, "verdict": 0}
    assert (venv / "bin" / "gaplint").exists()
