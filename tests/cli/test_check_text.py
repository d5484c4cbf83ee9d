"""`gaplint check` with the text report: coverage, element table, gaps, errors and colour."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli.helpers import FULL, NO_PHISHING, NO_RECORDS, Project


def test_covered_policy_passes_with_full_coverage(project: Project) -> None:
    project.config()
    project.write("policy.md", FULL)
    result = project.run("check", "policy.md")
    assert result.exit_code == 0, result.output
    assert "policy.md  coverage 100% (3 of 3 sub-points)" in result.stdout
    assert "TS1  Account safety  covered   2/2" in result.stdout
    assert result.stdout.rstrip().endswith(
        "1 document checked, 0 gaps (0 error, 0 warning, 0 info), mean coverage 100%."
    )


def test_each_gap_shows_rule_severity_message_and_recommendation(project: Project) -> None:
    project.config()
    project.write("policy.md", NO_RECORDS)
    result = project.run("check", "policy.md")
    assert result.exit_code == 1
    out = result.stdout
    assert "TS2  Records         missing   0/1" in out
    assert "TS2    error   The policy does not address Records at all." in out
    assert "TS201  warning Retention: not addressed. Posts can be public records." in out
    assert "→ Say how posts are retained." in out
    assert "2 gaps (1 error, 1 warning, 0 info)" in out


def test_show_evidence_quotes_sentence_and_section(project: Project) -> None:
    project.config()
    project.write("policy.md", FULL)
    out = project.run("check", "--show-evidence", "policy.md").stdout
    assert "    TS101 Passwords\n" in out
    assert (
        '"All of the passwords for the accounts must be strong and they must be kept secret." '
        "(line 7, § Social media policy › Account safety)"
    ) in " ".join(out.split())  # the quote is wrapped to the terminal width


def test_quiet_prints_only_gaps_and_summary(project: Project) -> None:
    project.config()
    project.write("a.md", FULL)
    project.write("b.md", NO_PHISHING)
    out = project.run("check", "-q", ".").stdout
    assert "a.md" not in out  # nothing to say about a document without gaps
    assert "covered   2/2" not in out  # no element table
    assert "TS102  info" in out
    assert out.rstrip().splitlines()[-1].startswith("2 documents checked, 1 gap ")


def test_input_error_is_one_line_and_the_batch_goes_on(project: Project) -> None:
    project.config()
    project.write("good.md", FULL)
    project.write("empty.md", "   \n")
    result = project.run("check", "missing.md", "empty.md", "good.md")
    assert result.exit_code == 2
    errors = sorted(result.stderr.splitlines())
    assert len(errors) == 2 and errors[0].startswith("empty.md: error[empty]: ")
    assert errors[1] == "missing.md: error[not-found]: no such file"
    assert "good.md  coverage 100% (3 of 3 sub-points)" in result.stdout.splitlines()
    assert "error[" not in result.stdout  # once, on standard error, not twice on a terminal
    assert "Traceback" not in result.output


def test_language_mismatch_shows_the_notice_and_does_not_fail(project: Project) -> None:
    project.config()
    project.write("ja.md", "# ソーシャルメディア\n\n当庁の公式アカウントの運用方針を定めます。\n")
    result = project.run("check", "ja.md")
    assert result.exit_code == 0
    assert result.stdout.startswith("ja.md: not judged: document language looks like 'ja'")
    assert "1 not judged" in result.stdout


def test_stdin_uses_the_given_filename(project: Project) -> None:
    project.config()
    result = project.run("check", "-", "--stdin-filename", "web/policy.md", input=NO_RECORDS)
    assert result.exit_code == 1
    assert "web/policy.md  coverage 67% (2 of 3 sub-points)" in result.stdout


def test_folders_are_walked_with_globs_and_hidden_folders_skipped(project: Project) -> None:
    project.config('exclude = ["drafts"]\n')
    project.write("docs/a.md", FULL)
    project.write("docs/b.txt", FULL)
    project.write("docs/notes.rst", FULL)  # not a default include pattern
    project.write("docs/drafts/c.md", NO_RECORDS)
    project.write("docs/.hidden/d.md", NO_RECORDS)
    _, data = project.json("docs")
    assert [d["path"] for d in data["documents"]] == ["docs/a.md", "docs/b.txt"]


def test_include_globs_from_configuration(project: Project) -> None:
    project.config('include = ["*.rst"]\n')
    project.write("docs/a.md", FULL)
    project.write("docs/notes.rst", FULL)
    _, data = project.json("docs")
    assert [d["path"] for d in data["documents"]] == ["docs/notes.rst"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_loop_is_one_error_and_does_not_hang(project: Project) -> None:
    project.config()
    project.write("docs/a.md", FULL)
    os.symlink(project.root / "docs", project.root / "docs" / "loop")
    result = project.run("check", "docs")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "error[" in line]
    assert errors == [
        "docs/loop: error[symlink-loop]: symbolic link loop back to docs; not followed"
    ]
    assert "docs/a.md  coverage 100%" in result.stdout


def test_colour_only_when_forced_and_never_with_no_color(project: Project) -> None:
    project.config()
    project.write("policy.md", NO_RECORDS)
    plain = project.run("check", "policy.md").stdout
    forced = project.run("check", "policy.md", env={"FORCE_COLOR": "1"}).stdout
    both = project.run("check", "policy.md", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b[" not in plain
    assert "\x1b[" in forced
    assert "\x1b[" not in both


def test_output_file_receives_the_report(project: Project, tmp_path: Path) -> None:
    project.config()
    project.write("policy.md", NO_RECORDS)
    target = tmp_path / "out" / "report.txt"
    result = project.run("check", "policy.md", "--output", str(target), env={"FORCE_COLOR": ""})
    assert result.exit_code == 1
    assert result.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert "TS201" in text and "\x1b[" not in text
