"""GitHub's limits, through the real CLI: 10 annotations per type per step, 65,536 characters
per comment. Past them GitHub drops the rest without a word, so gaplint says what it left out."""

from __future__ import annotations

import re

import pytest

from gaplint.reporters import markdown
from tests.cli.helpers import FULL, NO_RECORDS, Project


def test_github_annotations_stop_at_ten_per_level_and_say_how_many_more(
    project: Project,
) -> None:
    project.config()
    for number in range(12):
        project.write(f"p{number:02}.md", NO_RECORDS)  # one error (TS2), one warning (TS201)
    project.write("empty.md", "")  # one more error line
    result = project.run("check", "--format", "github", ".")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    levels = [line.split(" ", 1)[0] for line in lines]
    assert levels.count("::error") == 10 and levels.count("::warning") == 10
    assert levels.count("::notice") == 1 and lines[-1].startswith("::notice ")
    assert "not shown: 3 errors, 2 warnings;" in lines[-1] and "SARIF" in lines[-1]
    assert "title=gaplint%3A 5 more not annotated::" in lines[-1]


def test_github_annotations_under_the_limit_have_no_summary(project: Project) -> None:
    project.config()
    for number in range(10):
        project.write(f"p{number}.md", NO_RECORDS)
    lines = project.run("check", "--format", "github", ".").stdout.splitlines()
    assert len(lines) == 20 and not any(line.startswith("::notice") for line in lines)


def _gap_rows(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.startswith("| **TS"))


def test_markdown_comment_is_cut_per_document_with_a_count(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.config()
    for number in range(12):
        project.write(f"p{number:02}.md", NO_RECORDS)
    project.write("whole.md", FULL)
    uncut = project.run("check", "--format", "markdown", ".").stdout
    assert _gap_rows(uncut) == 24 and "not shown" not in uncut

    limit = len(uncut) * 3 // 4
    monkeypatch.setattr(markdown, "COMMENT_LIMIT", limit)
    cut = project.run("check", "--format", "markdown", ".").stdout
    assert len(cut) <= limit
    # The summary table keeps every document; the gaps left out are counted where they were.
    assert all(f"| `p{number:02}.md` |" in cut for number in range(12))
    left_out = sum(int(n) for n in re.findall(r"\*(\d+) more gaps? not shown", cut))
    assert left_out > 0 and _gap_rows(cut) + left_out == 24
    assert cut.rstrip().endswith("(`gaplint check --format text`).*")
    # Every document with gaps still gets its heading: the room is shared, not first-come.
    assert cut.count("### `p") == 12


def test_markdown_comment_drops_whole_documents_only_with_a_count(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.config()
    for number in range(12):
        project.write(f"p{number:02}.md", NO_RECORDS)
    uncut = project.run("check", "--format", "markdown", ".").stdout
    summary_size = uncut.index("\n### ")
    monkeypatch.setattr(markdown, "COMMENT_LIMIT", summary_size + markdown._RESERVE + 100)
    cut = project.run("check", "--format", "markdown", ".").stdout
    assert len(cut) <= summary_size + markdown._RESERVE + 100
    shown = cut.count("### `p")
    assert shown < 12 and f"*{12 - shown} more documents with {2 * (12 - shown)} gaps" in cut


def test_markdown_default_limit_is_below_githubs() -> None:
    assert markdown.COMMENT_LIMIT <= 65_536 - 5_000
