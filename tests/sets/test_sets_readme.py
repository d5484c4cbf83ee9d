"""The README's policy-set snippets, run as written: the configuration table (on generated
PDFs at the paths it names), the --set command line, and the dev set's eval command."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from gaplint.cli import main
from tests.builders.pdf import sections_pdf
from tests.cli.helpers import Project
from tests.shared_data import DEV, REPO, need

SECTION = (REPO / "README.md").read_text(encoding="utf-8").split("### Policy sets: one policy")[1]
STANDARD = sections_pdf(
    "Social Media Account Standard",
    [
        (
            "Account safety",
            [
                "All of the passwords for the social media accounts must be strong and secret.",
                "Every member of the staff must report phishing to the help desk at once.",
            ],
        )
    ],
)
RECORDS = sections_pdf(
    "Social Media Records Policy",
    [("Records", ["All of the posts on the social media accounts are retained for three years."])],
)


def _block(kind: str) -> str:
    match = re.search(rf"```{kind}\n(.*?)```", SECTION, re.S)
    assert match, kind
    return match.group(1)


def test_the_readme_configuration_judges_the_set_as_one(project: Project) -> None:
    table = _block("toml")
    glob = re.search(r'paths = \["([^"]+)"\]', table)
    assert glob
    folder = project.root / Path(glob.group(1)).parent
    folder.mkdir(parents=True)
    (folder / "standard.pdf").write_bytes(STANDARD)
    (folder / "records.pdf").write_bytes(RECORDS)
    project.write(
        "pyproject.toml", '[tool.gaplint]\nrules = ["rules"]\nselect = ["TS"]\n\n' + table
    )
    result, data = project.json(str(folder / "standard.pdf"))
    assert result.exit_code == 0, result.output
    assert data["sets"][0]["name"] == "Urbana PD"
    # The sibling is read too; each member alone has gaps the other fills.
    assert [bool(doc["findings"]) for doc in data["documents"]] == [True, True]


def test_the_readme_command_line_set(project: Project) -> None:
    [line] = [ln for ln in _block("console").splitlines() if "--set" in ln]
    args = shlex.split(line.removeprefix("$ "))
    assert args[:2] == ["gaplint", "check"]
    first, second = args[-2:]
    (project.root / first).write_bytes(STANDARD)
    (project.root / second).write_bytes(RECORDS)
    project.config()
    result, data = project.json(*args[2:])
    assert result.exit_code == 0, result.output
    assert data["sets"][0]["name"] == "Urbana PD"
    assert data["sets"][0]["coverage"] == 1.0


def test_the_readme_eval_of_the_dev_sets(monkeypatch: pytest.MonkeyPatch) -> None:
    need(DEV)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = re.search(r"\$ (gaplint eval \S+ --sets \S+)", readme)
    assert command
    monkeypatch.chdir(REPO)
    args = shlex.split(command.group(1))[1:]
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    sets = json.loads(result.output)["sets"]
    assert [score["members"][0][:3] for score in sets.values()] == ["08-", "10-", "14-"]
    for score in sets.values():
        assert len(score["members"]) == 2
        assert score["gaplint"]["gap_f1"] >= 0.9  # tuned documents: a regression guard
