"""The README's `gaplint diff` and `gaplint draft` examples are real output of the commands."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from gaplint.cli import main

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block(after: str, fence: str) -> str:
    """The fenced block of kind `fence` that follows the text `after`."""
    return README.split(after, 1)[1].split(f"```{fence}\n", 1)[1].split("```", 1)[0]


@pytest.fixture(autouse=True)
def _in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)


def test_diff_text_example_is_the_real_output() -> None:
    block = _block("### What a new version changed", "text")
    command, expected = block.split("\n", 1)
    args = shlex.split(command.removeprefix("$ gaplint "))
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout == expected
    failing = CliRunner().invoke(main, [*args, "--fail-on-loss"], catch_exceptions=False)
    assert failing.exit_code == 1


def test_diff_markdown_example_is_how_the_real_comment_begins() -> None:
    block = _block("`--format markdown` is a", "markdown")
    args = shlex.split(_block("### What a new version changed", "text").split("\n")[0][10:])
    result = CliRunner().invoke(main, [*args, "--format", "markdown"], catch_exceptions=False)
    assert result.stdout.startswith(block)


def test_draft_markdown_example_is_how_the_real_addendum_begins(tmp_path: Path) -> None:
    intro = README.split("### A drafted addendum for every gap", 1)[1]
    command = intro.split("The Markdown form of the bundled example,\n`", 1)[1].split("`", 1)[0]
    args = shlex.split(command.removeprefix("gaplint "))
    assert args[-2:] == ["-o", "addendum.md"]
    out = tmp_path / "addendum.md"
    result = CliRunner().invoke(main, [*args[:-1], str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith(_block("### A drafted addendum", "markdown"))


def test_precommit_diff_snippet_names_hooks_of_the_manifest() -> None:
    snippet = _block("A second hook, `gaplint-diff`", "yaml")
    hooks = yaml.safe_load(snippet)["hooks"]
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == [hook["id"] for hook in manifest]
    (diff_hook,) = [hook for hook in manifest if hook["id"] == "gaplint-diff"]
    assert diff_hook["entry"] in README
