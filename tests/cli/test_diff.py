"""`gaplint diff`: gained and lost sub-points, the sentences behind them, moved evidence, --rev
from a real git repository, --fail-on-loss, and the three output formats."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import jsonschema
import pytest

from gaplint.schema import diff_schema
from tests.builders.pdf import paged_pdf
from tests.cli.helpers import FULL, NO_PHISHING, Project

PHISHING = "Every member of the staff must report phishing to the help desk as soon as they see it."
LOST_PHISHING = (
    "TS102 Phishing is no longer covered: the sentence on line 9 'Every member of the staff "
    "must report…' was removed."
)
REWORDED = FULL.replace(PHISHING, "Any phishing message must be reported to the help desk.")


def _versions(project: Project, old: str, new: str) -> None:
    project.config()
    project.write("old.md", old)
    project.write("new.md", new)


def test_a_removed_sentence_is_a_lost_subpoint_named_with_its_line(project: Project) -> None:
    _versions(project, FULL, NO_PHISHING)
    result = project.run("diff", "old.md", "new.md")
    assert result.exit_code == 0, result.output
    assert f"  lost    {LOST_PHISHING}\n" in result.stdout
    assert f'- removed (old, line 9, § Social media policy › Account safety): "{PHISHING}"' in (
        result.stdout
    )
    assert "coverage 100% → 67%  (1 lost, 0 gained, 0 moved)" in result.stdout


def test_fail_on_loss_fails_only_when_coverage_is_lost(project: Project) -> None:
    _versions(project, FULL, NO_PHISHING)
    assert project.run("diff", "old.md", "new.md", "--fail-on-loss").exit_code == 1
    gained = project.run("diff", "new.md", "old.md", "--fail-on-loss")
    assert gained.exit_code == 0, gained.output
    assert "TS102 Phishing is now covered: the sentence on line 9 'Every member" in gained.stdout
    assert f'+ added (new, line 9, § Social media policy › Account safety): "{PHISHING}"' in (
        gained.stdout
    )


def test_a_rewritten_section_that_still_covers_the_point_is_moved_not_lost(
    project: Project,
) -> None:
    _versions(project, FULL, REWORDED)
    result = project.run("diff", "old.md", "new.md", "--fail-on-loss")
    assert result.exit_code == 0, result.output
    assert (
        "  moved   TS102 Phishing is still covered: the sentence on line 9 'Any phishing message "
        "must be reported…' covers it now; the sentence on line 9 'Every member of the staff "
        "must report…' was removed.\n"
    ) in result.stdout
    assert "+ added (new, line 9" in result.stdout and "- removed (old, line 9" in result.stdout


def test_unchanged_versions_say_so(project: Project) -> None:
    _versions(project, FULL, FULL.replace("\n\n", "\n\n\n"))
    result = project.run("diff", "old.md", "new.md", "--fail-on-loss")
    assert result.exit_code == 0
    assert "  no sub-point gained or lost\n" in result.stdout


def test_a_pdf_loss_names_the_page(project: Project) -> None:
    project.config()
    first = [
        ("heading", "Social media policy"),
        ("paragraph", "This policy covers the agency's social media accounts and staff."),
    ]
    second = [("heading", "Account safety"),
              ("paragraph", "All account passwords must be strong and must be kept secret."),
              ("paragraph", "Staff must report phishing to the help desk at once.")]  # fmt: skip
    (project.root / "old.pdf").write_bytes(paged_pdf([first, second]))
    (project.root / "new.pdf").write_bytes(paged_pdf([first, second[:2]]))
    result = project.run("diff", "old.pdf", "new.pdf", "--fail-on-loss")
    assert result.exit_code == 1, result.output
    assert (
        "TS102 Phishing is no longer covered: the sentence on page 2 'Staff must report "
        "phishing to the help…' was removed."
    ) in result.stdout


def _git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def repo(project: Project) -> Project:
    project.config()
    _git(project.root, "init", "-q")
    project.write("policy.md", FULL)
    _git(project.root, "add", ".")
    _git(project.root, "commit", "-qm", "first version")
    project.write("policy.md", NO_PHISHING)
    _git(project.root, "commit", "-qam", "second version")
    return project


def test_rev_reads_the_old_version_from_git_and_changes_nothing(repo: Project) -> None:
    policy = repo.root / "policy.md"
    before = (policy.read_bytes(), policy.stat().st_mtime_ns, _git(repo.root, "status", "-s"))
    result = repo.run("diff", "policy.md", "--rev", "HEAD~1", "--fail-on-loss")
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("HEAD~1:policy.md → policy.md  coverage 100% → 67%")
    assert LOST_PHISHING in result.stdout
    assert (policy.read_bytes(), policy.stat().st_mtime_ns,
            _git(repo.root, "status", "-s")) == before  # fmt: skip
    # From a sub-folder, the path is still found in the revision.
    (repo.root / "sub").mkdir()
    os.chdir(repo.root / "sub")
    assert repo.run("diff", "../policy.md", "--rev", "HEAD").exit_code == 0


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["policy.md", "--rev", "no-such-branch"],
         "policy.md: error[revision]: unknown revision 'no-such-branch'\n"),
        (["policy.md", "--rev", "--help"],
         "policy.md: error[revision]: unknown revision '--help'\n"),
        (["other.md", "--rev", "HEAD~1"], "other.md: error[revision]: not in revision 'HEAD~1'\n"),
        (["rules", "--rev", "HEAD~1"], "rules: error[revision]: not in revision 'HEAD~1'\n"),
    ],
)  # fmt: skip
def test_rev_problems_are_one_line_and_exit_2(repo: Project, args: list[str], line: str) -> None:
    repo.write("other.md", FULL)
    result = repo.run("diff", *args)
    assert result.exit_code == 2
    assert result.stderr == line and "Traceback" not in result.output


def test_rev_outside_git_is_one_line(project: Project, tmp_path: Path) -> None:
    outside = tmp_path / "plain"
    outside.mkdir()
    (outside / "policy.md").write_text(FULL, encoding="utf-8")
    os.chdir(outside)
    env = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}  # never find a repository above tmp
    result = project.run("diff", "policy.md", "--rev", "HEAD", "--isolated", env=env)
    assert result.exit_code == 2
    assert (
        result.stderr == "policy.md: error[revision]: not in a git repository (--rev needs one)\n"
    )


def test_an_unreadable_version_is_one_line_and_the_rest_is_still_compared(
    repo: Project,
) -> None:
    repo.write("other.md", FULL)
    result = repo.run("diff", "other.md", "policy.md", "--rev", "HEAD~1")
    assert result.exit_code == 2
    assert result.stderr == "other.md: error[revision]: not in revision 'HEAD~1'\n"
    assert LOST_PHISHING in result.stdout


def test_an_unreadable_old_file_is_named(project: Project) -> None:
    _versions(project, "", FULL)
    result = project.run("diff", "old.md", "new.md")
    assert result.exit_code == 2
    assert result.stderr == "old.md: error[empty]: file is empty or only whitespace\n"


def test_two_files_are_needed_without_rev(project: Project) -> None:
    _versions(project, FULL, FULL)
    result = project.run("diff", "old.md")
    assert result.exit_code == 2 and "give two files" in result.stderr


def test_json_follows_the_published_schema(project: Project) -> None:
    _versions(project, FULL, NO_PHISHING)
    result = project.run("diff", "old.md", "new.md", "--format", "json")
    data = json.loads(result.stdout)
    jsonschema.validate(data, diff_schema())
    assert json.loads(project.run("schema", "diff").stdout) == diff_schema()
    (change,) = data["diffs"][0]["changes"]
    assert (change["rule"], change["kind"], change["message"]) == ("TS102", "lost", LOST_PHISHING)
    assert change["sentences"] == [
        {"change": "removed", "version": "old", "text": PHISHING, "page": None, "line": 9,
         "paragraph": None, "section": ["Social media policy", "Account safety"]}
    ]  # fmt: skip
    assert data["summary"] == {"documents": 1, "errors": 0, "lost": 1, "gained": 0, "moved": 0}


def test_markdown_comment_neutralises_document_text(project: Project) -> None:
    hostile = "Staff must report phishing <img src=x onerror=alert(1)> to @security-team [here](http://x)."
    # Plain text, whose reader keeps markup as it is (the Markdown reader would unwrap it).
    project.config()
    project.write("old.txt", FULL.replace(PHISHING, hostile).replace("#", ""))
    project.write("new.txt", NO_PHISHING.replace("#", ""))
    result = project.run("diff", "old.txt", "new.txt", "--format", "markdown")
    out = result.stdout
    assert out.startswith("## gaplint diff: 1 sub-point lost, 0 gained, 0 moved\n")
    assert "- 🔴 **lost** TS102 Phishing is no longer covered" in out
    assert "<img" not in out and "&lt;img" in out
    assert "@security" not in out and "\\[here\\]" in out


def test_added_ok_treats_a_file_the_revision_lacks_as_new(repo: Project) -> None:
    repo.write("other.md", FULL)
    result = repo.run("diff", "other.md", "policy.md", "--rev", "HEAD~1", "--added-ok")
    assert result.exit_code == 0, result.output
    assert "  note: new file: HEAD~1 has no other.md; nothing to lose\n" in result.stdout
    assert LOST_PHISHING in result.stdout


def test_before_the_first_commit_every_file_is_new_with_added_ok(project: Project) -> None:
    project.config()
    _git(project.root, "init", "-q")
    project.write("policy.md", FULL)
    assert project.run("diff", "policy.md", "--rev", "HEAD", "--added-ok").exit_code == 0
    refused = project.run("diff", "policy.md", "--rev", "HEAD")
    assert refused.exit_code == 2
    assert refused.stderr == (
        "policy.md: error[revision]: unknown revision 'HEAD': the repository has no commits yet\n"
    )


def test_the_time_limit_holds_for_each_version(project: Project) -> None:
    project.config("[limits]\ntimeout_seconds = 0.000001\n")
    project.write("old.md", FULL * 200)
    project.write("new.md", NO_PHISHING)
    result = project.run("diff", "old.md", "new.md")
    assert result.exit_code == 2
    assert result.stderr.startswith("old.md: error[timeout]: took longer than the time limit")
    assert result.stderr.count("\n") == 1


def test_text_output_makes_terminal_controls_visible(project: Project) -> None:
    hostile = "Staff must report phishing \x1b[2J to the desk.\n::error::fake"
    project.config()
    project.write("old.txt", FULL.replace(PHISHING, hostile).replace("#", ""))
    project.write("new.txt", NO_PHISHING.replace("#", ""))
    out = project.run("diff", "old.txt", "new.txt").stdout
    assert "\x1b" not in out and "\\x1b[2J" in out
    assert "\n::error" not in out and "::error" not in out
