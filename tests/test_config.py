"""Configuration: discovery, validation messages that name file and key, and selection."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from gaplint.cli import main
from gaplint.config import (
    ConfigError,
    LoadedConfig,
    build_selection,
    find_config,
    load_config,
)
from gaplint.selection import SelectionSpec

KNOWN = ["GL5", "GL501", "GL502", "GL503", "GL504", "GL9", "GL901", "GL904"]


def _selection(tmp_path: Path, body: str) -> SelectionSpec:
    path = tmp_path / "gaplint.toml"
    path.write_text(body, encoding="utf-8")
    return build_selection(load_config(path), KNOWN)


def test_find_config_walks_up_and_skips_pyproject_without_section(tmp_path: Path) -> None:
    (tmp_path / "gaplint.toml").write_text("", encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "pyproject.toml").write_text("[tool.ruff]\n", encoding="utf-8")
    (tmp_path / "a" / "b").mkdir()
    assert find_config(tmp_path / "a" / "b") == (tmp_path / "gaplint.toml").resolve()
    (tmp_path / "a" / "pyproject.toml").write_text("[tool.gaplint]\n", encoding="utf-8")
    assert find_config(tmp_path / "a" / "b") == (tmp_path / "a" / "pyproject.toml").resolve()


def test_dot_gaplint_toml_wins_over_gaplint_toml_in_one_folder(tmp_path: Path) -> None:
    (tmp_path / "gaplint.toml").write_text("", encoding="utf-8")
    (tmp_path / ".gaplint.toml").write_text("", encoding="utf-8")
    assert find_config(tmp_path) == (tmp_path / ".gaplint.toml").resolve()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("selct = ['GL5']\n", "key `selct`: Extra inputs are not permitted"),
        ("fail-on = 'sometimes'\n", "key `fail-on`: Input should be 'error', 'warning', 'info'"),
        ("min-coverage = 1.5\n", "key `min-coverage`: Input should be less than or equal to 1"),
        ("select = 'GL5'\n", "key `select`: Input should be a valid list"),
        ("[severity]\nGL502 = 'fatal'\n", "key `severity.GL502`: Input should be 'error'"),
        (
            "[[waivers]]\nrule = 'GL502'\nreason = 'r'\nexpires = 'soon'\n",
            "key `waivers.0.expires`: Input should be a valid date",
        ),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_each_mistake_names_file_and_key(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "gaplint.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_pyproject_keys_are_named_with_their_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.gaplint]\nignroe = []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"key `tool\.gaplint\.ignroe`"):
        load_config(path)


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("select = ['GL99']\n", "select"),
        ("ignore = ['XX']\n", "ignore"),
        ("[severity]\nGL599 = 'error'\n", "severity"),
        ("[per-file-ignores]\n'drafts/*' = ['GL7']\n", "per-file-ignores.drafts/*"),
    ],
)
def test_rule_ids_that_match_no_rule_are_errors(tmp_path: Path, body: str, key: str) -> None:
    with pytest.raises(ConfigError, match=rf"key `{re.escape(key)}`: '.*' matches no rule"):
        _selection(tmp_path, body)


def test_prefix_selection_like_ruff(tmp_path: Path) -> None:
    spec = _selection(tmp_path, "select = ['GL5']\nignore = ['GL502']\nextend-select = ['GL904']\n")
    chosen = [rule for rule in KNOWN if spec.for_path("a.md").selected(rule)]
    assert chosen == ["GL5", "GL501", "GL503", "GL504", "GL904"]


def test_more_specific_select_beats_broader_ignore(tmp_path: Path) -> None:
    spec = _selection(tmp_path, "ignore = ['GL5']\nselect = ['GL502']\n")
    chosen = [rule for rule in KNOWN if spec.for_path("a.md").selected(rule)]
    assert chosen == ["GL502"]


def test_per_file_ignores_apply_to_matching_paths_only(tmp_path: Path) -> None:
    spec = _selection(tmp_path, "[per-file-ignores]\n'drafts/*.md' = ['GL9']\n")
    assert not spec.for_path("drafts/a.md").selected("GL901")
    assert spec.for_path("final/a.md").selected("GL901")


def test_severity_by_prefix_with_the_most_specific_winning(tmp_path: Path) -> None:
    spec = _selection(tmp_path, "[severity]\nGL9 = 'warning'\nGL904 = 'error'\n")
    severities = spec.for_path("a.md").severities
    assert {k: v.value for k, v in severities.items()} == {
        "GL9": "warning",
        "GL901": "warning",
        "GL904": "error",
    }


def test_rule_folders_are_relative_to_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "gaplint.toml"
    path.parent.mkdir()
    path.write_text("rules = ['../extra']\n", encoding="utf-8")
    loaded = load_config(path)
    assert isinstance(loaded, LoadedConfig)
    assert loaded.rule_dirs() == ((tmp_path / "extra").resolve(),)


def test_cli_reports_config_mistake_in_one_line_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "gaplint.toml").write_text("fail_on = 'error'\n", encoding="utf-8")
    (tmp_path / "p.md").write_text("# Policy\n\nThe staff must be kind.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "p.md"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"gaplint: error: {(tmp_path / 'gaplint.toml').resolve()}: "
        "key `fail_on`: Extra inputs are not permitted; did you mean `fail-on`?\n"
    )
    assert result.stdout == ""


def test_cli_unknown_rule_in_config_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".gaplint.toml").write_text("select = ['GL59']\n", encoding="utf-8")
    (tmp_path / "p.md").write_text("# Policy\n\nThe staff must be kind.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "p.md"])
    assert result.exit_code == 2
    assert "key `select`: 'GL59' matches no rule" in result.stderr
    isolated = CliRunner().invoke(main, ["check", "--isolated", "--fail-on", "never", "p.md"])
    assert isolated.exit_code == 0, isolated.output
