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

from gaplint import __version__

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


def _hooks() -> list[dict[str, object]]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and all(isinstance(hook, dict) for hook in hooks)
    return hooks


def _hook(hook_id: str = "gaplint") -> dict[str, object]:
    (hook,) = [hook for hook in _hooks() if hook["id"] == hook_id]
    return hook


def test_manifest_selects_documents_by_extension() -> None:
    hook = _hook()
    assert hook["id"] == "gaplint" and hook["entry"] == "gaplint check --force-exclude"
    assert hook["language"] == "python" and hook["types"] == ["file"]
    import re

    from gaplint.discover import DEFAULT_INCLUDE

    pattern = re.compile(str(hook["files"]))
    # Every kind a folder check reads, and no other.
    for name in [f"x{glob[1:]}" for glob in DEFAULT_INCLUDE] + ["b.DOCX", "i.PHP"]:
        assert pattern.search(name), name
    for name in ("setup.py", "image.png", "notes.md.bak"):
        assert not pattern.search(name), name


def test_commit_passes_then_removing_a_section_fails(
    policy_repo: tuple[Path, dict[str, str]],
) -> None:
    repo, env = policy_repo
    _install_local_hook(repo, env)

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


def _install_local_hook(repo: Path, env: dict[str, str], hook_id: str = "gaplint") -> None:
    manifest = _hook(hook_id)
    hook = {**manifest, "language": "system", "entry": f"{GAPLINT} {str(manifest['entry'])[8:]}"}
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    installed = _run([PRE_COMMIT, "install"], repo, env)
    assert installed.returncode == 0, installed.stderr


def test_diff_hook_fails_only_when_a_commit_loses_coverage(
    policy_repo: tuple[Path, dict[str, str]],
) -> None:
    repo, env = policy_repo
    assert _hook("gaplint-diff")["files"] == _hook()["files"]
    _install_local_hook(repo, env, "gaplint-diff")
    _run(["git", "add", "-A"], repo, env)
    first = _run(["git", "commit", "-m", "policy"], repo, env)  # a new file: nothing to lose
    assert first.returncode == 0, first.stdout + first.stderr

    (repo / "policy.md").write_text(POLICY.replace("# Social", "# The social"), encoding="utf-8")
    _run(["git", "add", "policy.md"], repo, env)
    reworded = _run(["git", "commit", "-m", "reword the title"], repo, env)
    assert reworded.returncode == 0, reworded.stdout + reworded.stderr

    (repo / "policy.md").write_text(POLICY.split("## Records")[0], encoding="utf-8")
    _run(["git", "add", "policy.md"], repo, env)
    second = _run(["git", "commit", "-m", "drop records"], repo, env)
    assert second.returncode != 0
    assert (
        "PC101 Retention is no longer covered: the sentence on line 7 'All of the posts on the "
        "accounts are…' was removed."
    ) in second.stderr


def test_hook_honours_the_configuration_include(
    policy_repo: tuple[Path, dict[str, str]],
) -> None:
    """A gappy document outside `include` is passed by pre-commit but is not a policy."""
    repo, env = policy_repo
    (repo / ".gaplint.toml").write_text(
        'rules = ["rules"]\nselect = ["PC"]\ninclude = ["policy.md"]\n', encoding="utf-8"
    )
    (repo / "notes.md").write_text(POLICY.split("## Records")[0], encoding="utf-8")
    _install_local_hook(repo, env)
    _run(["git", "add", "-A"], repo, env)
    committed = _run(["git", "commit", "-m", "policy and notes"], repo, env)
    assert committed.returncode == 0, committed.stdout + committed.stderr

    # Only the non-policy changes: the hook has nothing to check and passes.
    (repo / "notes.md").write_text("# Notes\n\nNothing here yet.\n", encoding="utf-8")
    _run(["git", "add", "notes.md"], repo, env)
    only_notes = _run(["git", "commit", "-m", "notes"], repo, env)
    assert only_notes.returncode == 0, only_notes.stdout + only_notes.stderr

    # Listed in include, the same gappy text fails.
    (repo / ".gaplint.toml").write_text(
        'rules = ["rules"]\nselect = ["PC"]\ninclude = ["*.md"]\n', encoding="utf-8"
    )
    (repo / "notes.md").write_text(POLICY.split("## Records")[0], encoding="utf-8")
    _run(["git", "add", "-A"], repo, env)
    failed = _run(["git", "commit", "-m", "include notes"], repo, env)
    assert failed.returncode != 0
    assert "notes.md" in failed.stderr and "PC101" in failed.stderr


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
    _run(["git", "tag", "-a", f"v{__version__}", "-m", "snapshot release"], snap, env)
    return snap


def _readme_snippet() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### pre-commit", 1)[1]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


def test_readme_snippet_pins_this_version() -> None:
    config = yaml.safe_load(_readme_snippet())
    (entry,) = config["repos"]
    assert entry["rev"] == f"v{__version__}"
    assert [hook["id"] for hook in entry["hooks"]] == [_hook()["id"]]


@pytest.mark.slow
def test_readme_snippet_runs_as_written(
    tmp_path: Path, policy_repo: tuple[Path, dict[str, str]]
) -> None:
    """The README's configuration, only the repository URL swapped for a tagged local clone."""
    repo, env = policy_repo
    snap = _snapshot(tmp_path, env)
    snippet = _readme_snippet()
    url = yaml.safe_load(snippet)["repos"][0]["repo"]
    (repo / ".pre-commit-config.yaml").write_text(
        snippet.replace(url, snap.as_uri()), encoding="utf-8"
    )
    (repo / "README.md").write_text("# Policies\n\nThe agency's policies.\n", encoding="utf-8")
    _run(["git", "add", "-A"], repo, env)
    passed = _run([PRE_COMMIT, "run", "--all-files"], repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    (repo / "policy.md").write_text(POLICY.split("## Records")[0], encoding="utf-8")
    failed = _run([PRE_COMMIT, "run", "--all-files"], repo, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "PC101  warning Retention: not addressed." in failed.stdout


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
