"""The pre-commit hook, driven by the real pre-commit tool in a throw-away git repository.

The fast test installs the hook as pre-commit would run it (the manifest's entry, files and
types, with `language: system` so nothing is installed) and makes real commits. The slow test
runs `pre-commit try-repo` against a snapshot of this checkout, which builds the hook's own
virtualenv with pip (about two minutes; `-m "not slow"` leaves it out).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
GAPLINT = Path(sys.executable).with_name("gaplint")

pytestmark = pytest.mark.skipif(
    not PRE_COMMIT.exists() or shutil.which("git") is None, reason="needs git and pre-commit"
)

RULES = """\
element:
  id: PC1
  title: Records
  subpoints:
    - id: PC101
      name: retention
      title: Retention
      rationale: Posts can be public records.
      recommendation: Say how posts are retained.
      example_clause: Posts are retained for three years.
      match: {phrase: [retain, retention]}
      examples: {covered: ["Posts are retained."], missing: ["Call us."]}
"""

POLICY = """\
# Social media policy

This is the policy of the agency for the use of its social media accounts.

## Records

All of the posts on the accounts are retained by the agency for three years.
"""

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}


def _run(
    args: list[str | Path], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=1200
    )


@pytest.fixture
def policy_repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("GITHUB_ACTIONS", None)
    repo = tmp_path / "policies"
    (repo / "rules").mkdir(parents=True)
    (repo / "rules" / "PC1-records.yaml").write_text(RULES, encoding="utf-8")
    (repo / ".gaplint.toml").write_text('rules = ["rules"]\nselect = ["PC"]\n', encoding="utf-8")
    (repo / "policy.md").write_text(POLICY, encoding="utf-8")
    _run(["git", "init", "-q"], repo, env)
    return repo, env


def _hook() -> dict[str, object]:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hook, dict)
    return hook


def test_manifest_selects_documents_by_extension() -> None:
    hook = _hook()
    assert hook["id"] == "gaplint" and hook["entry"] == "gaplint check"
    assert hook["language"] == "python" and hook["types"] == ["file"]
    import re

    pattern = re.compile(str(hook["files"]))
    for name in ("a.pdf", "b.DOCX", "c.md", "d.markdown", "e.txt", "f.html", "g.htm"):
        assert pattern.search(name), name
    for name in ("setup.py", "image.png", "notes.md.bak"):
        assert not pattern.search(name), name


def test_commit_passes_then_removing_a_section_fails(
    policy_repo: tuple[Path, dict[str, str]],
) -> None:
    repo, env = policy_repo
    hook = {**_hook(), "language": "system", "entry": f"{GAPLINT} check"}
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    installed = _run([PRE_COMMIT, "install"], repo, env)
    assert installed.returncode == 0, installed.stderr

    _run(["git", "add", "-A"], repo, env)
    first = _run(["git", "commit", "-m", "policy"], repo, env)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "gaplint....." in first.stderr and "Passed" in first.stderr  # hooks print on stderr

    (repo / "policy.md").write_text(POLICY.split("## Records")[0], encoding="utf-8")
    _run(["git", "add", "policy.md"], repo, env)
    second = _run(["git", "commit", "-m", "drop records"], repo, env)
    assert second.returncode != 0
    assert "Failed" in second.stderr
    assert "PC101  warning Retention: not addressed." in second.stderr


def _snapshot(tmp_path: Path, env: dict[str, str]) -> Path:
    """This checkout's working tree, committed: try-repo only sees tracked files."""
    snap = tmp_path / "snapshot"
    listed = _run(["git", "ls-files", "-co", "--exclude-standard", "-z"], REPO, env).stdout
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            target = snap / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    _run(["git", "init", "-q"], snap, env)
    _run(["git", "add", "-A"], snap, env)
    _run(["git", "commit", "-q", "-m", "snapshot"], snap, env)
    return snap


@pytest.mark.slow
def test_try_repo_installs_and_runs_the_hook(
    tmp_path: Path, policy_repo: tuple[Path, dict[str, str]]
) -> None:
    repo, env = policy_repo
    snap = _snapshot(tmp_path, env)
    _run(["git", "add", "-A"], repo, env)
    passed = _run([PRE_COMMIT, "try-repo", snap, "gaplint", "--files", "policy.md"], repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    (repo / "policy.md").write_text(POLICY.split("## Records")[0], encoding="utf-8")
    failed = _run([PRE_COMMIT, "try-repo", snap, "gaplint", "--files", "policy.md"], repo, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "PC101  warning Retention: not addressed." in failed.stdout
