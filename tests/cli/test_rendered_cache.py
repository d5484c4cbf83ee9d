"""Issue 14: a cached re-run writes each document's rendered piece as the cache keeps it,
without parsing or rendering its report again, whenever nothing after the cache (waivers,
baselines, suppressions, --absolute-paths) could change it; and only then."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import FULL, NO_PHISHING, NO_RECORDS, Project

CACHE = ".gaplint_cache"


def policies(project: Project) -> None:
    project.config()
    for number, text in enumerate((FULL, NO_PHISHING, NO_RECORDS)):
        project.write(f"docs/p{number}.md", text)


def entries(project: Project, suffix: str) -> list[Path]:
    # Documents only: the compiled pack lives in packs/ beside them.
    return sorted((project.root / CACHE).glob(f"[0-9a-f][0-9a-f]/*{suffix}"))


def garble_reports(project: Project) -> None:
    """Replace every cached report by one that says nothing: if the run still shows the
    real results, they came from the rendered pieces."""
    for entry in entries(project, ".json"):
        entry.write_text('{"key": "x", "report": {"path": "x"}}', encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "concise", "summary"])
def test_a_plain_re_run_writes_the_rendered_pieces(project: Project, fmt: str) -> None:
    policies(project)
    cold = project.run("check", "docs", "--format", fmt)
    assert len(entries(project, f".{fmt}-000.txt")) == 3, "the cold run keeps its pieces"
    garble_reports(project)
    warm = project.run("check", "docs", "--format", fmt)
    assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr)


def test_pieces_are_kept_per_format_and_style(project: Project) -> None:
    policies(project)
    plain = project.run("check", "docs").stdout
    quiet = project.run("check", "docs", "-q").stdout
    evidence = project.run("check", "docs", "--show-evidence").stdout
    assert len({plain, quiet, evidence}) == 3
    garble_reports(project)
    assert project.run("check", "docs", "-q").stdout == quiet
    assert project.run("check", "docs", "--show-evidence").stdout == evidence
    assert project.run("check", "docs").stdout == plain


def test_a_waiver_or_baseline_makes_the_run_render_again(project: Project) -> None:
    policies(project)
    project.run("check", "docs")
    project.config('[[waivers]]\nrule = "TS2"\nreason = "archive"\nexpires = "2999-01-01"\n')
    waived = project.run("check", "docs")
    assert "(waived)" in waived.stdout, "the waiver is applied, not a piece from before it"
    project.config()
    project.run("check", "docs", "--write-baseline", "base.json")
    baselined = project.run("check", "docs", "--baseline", "base.json")
    assert baselined.exit_code == 0 and "(baselined)" in baselined.stdout


def test_a_suppression_in_the_policy_is_applied_not_skipped(project: Project) -> None:
    project.config()
    project.write("docs/p.md", NO_RECORDS + "<!-- gaplint: ignore TS2 kept by the archive -->\n")
    first = project.run("check", "docs")
    again = project.run("check", "docs")
    assert "(waived)" in first.stdout and again.stdout == first.stdout
    assert len(entries(project, ".json")) == 1
    assert not entries(project, ".txt"), "no piece is kept for a document with suppressions"


def test_a_piece_is_trusted_only_under_its_own_key(project: Project) -> None:
    policies(project)
    cold = project.run("check", "docs", "--format", "concise").stdout
    pieces = entries(project, ".concise-000.txt")
    texts = [piece.read_bytes() for piece in pieces]
    for piece, text in zip(pieces, texts[1:] + texts[:1]):
        piece.write_bytes(text)  # every piece moved onto another document's name
    assert project.run("check", "docs", "--format", "concise").stdout == cold


@pytest.mark.parametrize(
    "facts", ['{"path": "docs/p0.md"}', "not json", '["a list"]', '{"path": 1, "x": 2}']
)
def test_a_piece_with_damaged_facts_is_a_miss(project: Project, facts: str) -> None:
    # Pieces are trusted by their key, not validated field by field: only their shape is
    # checked, and a piece of the wrong shape is rendered again from the cached report.
    policies(project)
    cold = project.run("check", "docs")
    for piece in entries(project, ".text-000.txt"):
        head, _, body = piece.read_text(encoding="utf-8").split("\n", 2)
        piece.write_text(f"{head}\n{facts}\n{body}", encoding="utf-8")
    warm = project.run("check", "docs")
    assert (warm.exit_code, warm.stdout) == (cold.exit_code, cold.stdout)


IMPORTS = """
import sys
from gaplint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("LOADED", *sorted(m for m in sys.modules if m.startswith("gaplint")), file=sys.stderr)
"""


def test_a_cached_re_run_does_not_import_the_check_path(project: Project) -> None:
    # Start-up is most of a cached re-run: the Checker, its time guard and the worker pool
    # are imported only when a document has to be checked.
    policies(project)

    def loaded() -> set[str]:
        proc = subprocess.run(
            [sys.executable, "-c", IMPORTS, "check", "docs"],
            cwd=project.root,
            capture_output=True,
            text=True,
            timeout=300,
        )
        return set(proc.stderr.strip().splitlines()[-1].split()[1:])

    cold, warm = loaded(), loaded()
    check_path = {"gaplint.api", "gaplint.workers", "gaplint.guard"}
    assert check_path <= cold
    assert not check_path & warm
