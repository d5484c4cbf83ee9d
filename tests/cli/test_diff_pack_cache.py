"""`gaplint diff` and `gaplint draft` keep the compiled rule pack in a cache folder, but never
write one into a git work tree: there they use the user's cache folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gaplint.cache_location import pack_cache_folder, user_cache_dir
from tests.cli.helpers import NO_RECORDS, Project
from tests.cli.test_diff import _git, repo  # noqa: F401  # the fixture: a repo of two commits

GAPLINT = str(Path(sys.executable).with_name("gaplint"))


def _packs(folder: Path) -> list[Path]:
    return sorted((folder / "packs").glob("*.json"))


def _untouched(root: Path) -> str:
    """Everything git sees in the work tree, ignored files included ('' when nothing)."""
    return _git(root, "status", "--porcelain", "--ignored")


def test_rev_writes_nothing_into_the_repository_and_the_next_run_loads_the_pack(
    repo: Project,  # noqa: F811  # the fixture imported above
    user_cache: Path,
) -> None:
    def diff() -> subprocess.CompletedProcess[str]:
        args = [GAPLINT, "diff", "policy.md", "--rev", "HEAD~1"]
        done = subprocess.run(args, cwd=repo.root, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        return done

    first = diff()
    assert _untouched(repo.root) == ""
    [stored] = _packs(user_cache)
    written = stored.stat()
    second = diff()
    assert second.stdout == first.stdout and _untouched(repo.root) == ""
    # Read and accepted, not compiled again: a plan that did not fit would have been replaced.
    assert _packs(user_cache) == [stored]
    assert (stored.stat().st_ino, stored.stat().st_mtime_ns) == (
        written.st_ino,
        written.st_mtime_ns,
    )


def test_no_cache_writes_no_cache_at_all(repo: Project, user_cache: Path) -> None:  # noqa: F811
    assert repo.run("diff", "policy.md", "--rev", "HEAD~1", "--no-cache").exit_code == 0
    assert not user_cache.exists() and _untouched(repo.root) == ""


def test_a_cache_dir_outside_the_work_tree_is_used(
    repo: Project,  # noqa: F811  # the fixture imported above
    user_cache: Path,
    tmp_path: Path,
) -> None:
    elsewhere = tmp_path / "elsewhere"
    result = repo.run("diff", "policy.md", "--rev", "HEAD~1", "--cache-dir", str(elsewhere))
    assert result.exit_code == 0, result.output
    assert _packs(elsewhere) and not user_cache.exists()


def test_a_cache_dir_inside_the_work_tree_is_not_written(
    repo: Project,  # noqa: F811  # the fixture imported above
    user_cache: Path,
) -> None:
    result = repo.run("diff", "policy.md", "--rev", "HEAD~1", "--cache-dir", "build/cache")
    assert result.exit_code == 0, result.output
    assert not (repo.root / "build").exists() and _untouched(repo.root) == ""
    assert _packs(user_cache)


def test_draft_in_a_repository_keeps_the_pack_in_the_user_cache(
    repo: Project,  # noqa: F811  # the fixture imported above
    user_cache: Path,
    tmp_path: Path,
) -> None:
    repo.write("policy.md", NO_RECORDS)
    _git(repo.root, "commit", "-qam", "third version")
    addendum = tmp_path / "addendum.md"
    result = repo.run("draft", "policy.md", "-o", str(addendum))
    assert result.exit_code == 0, result.output
    assert "TS201" in addendum.read_text(encoding="utf-8")
    assert _untouched(repo.root) == "" and _packs(user_cache)


def test_outside_git_the_projects_cache_folder_is_used(project: Project, user_cache: Path) -> None:
    project.config()
    project.write("old.md", NO_RECORDS)
    project.write("new.md", NO_RECORDS)
    assert project.run("diff", "old.md", "new.md").exit_code == 0
    assert _packs(project.root / ".gaplint_cache") and not user_cache.exists()


def test_the_user_cache_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert user_cache_dir() == tmp_path / "xdg" / "gaplint"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for ignored in ("", "relative/cache"):  # the XDG spec: a relative path is ignored
        monkeypatch.setenv("XDG_CACHE_HOME", ignored)
        assert user_cache_dir() == tmp_path / "home" / ".cache" / "gaplint"


def test_with_every_candidate_in_a_work_tree_the_pack_is_compiled_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()  # a home folder kept in git (dotfiles)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    assert pack_cache_folder(tmp_path / "project" / ".gaplint_cache") is None
    os.rmdir(tmp_path / ".git")
    assert (
        pack_cache_folder(tmp_path / "project" / ".gaplint_cache")
        == (tmp_path / "project" / ".gaplint_cache").resolve()
    )
