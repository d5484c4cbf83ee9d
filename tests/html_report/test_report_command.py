"""`gaplint report` end to end: the real checker, saved JSON, CSV, and usage errors."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from gaplint.cli import main
from gaplint.report import Report
from gaplint.rules import load_pack

from .html_report_models import csv_text, html_page

REPO = Path(__file__).resolve().parents[2]
CORPUS_SUFFIXES = {".md", ".txt", ".html"}

# Written for this test: it covers passwords (GL601) and little else.
OWN_POLICY = """# Harbour Board social media policy

## Security

Passwords for official accounts must be changed when an administrator leaves.
"""


def matrix_rows(html: str) -> list[str]:
    table = html[html.index('<table id="matrix"') : html.index("</table>")]
    return re.findall(r'<th scope="row" data-sort="([^"]*)">', table)


def first_difference(a: str, b: str) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"differ at {at}: {a[at - 200 : at + 200]!r} != {b[at - 200 : at + 200]!r}"


@pytest.fixture()
def runner(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def test_real_checker_over_the_corpus_matches_check_json(runner: CliRunner, tmp_path: Path) -> None:
    corpus = sorted(p for p in (REPO / "corpus").glob("*") if p.suffix in CORPUS_SUFFIXES)
    folder = tmp_path / "policies"
    (folder / "nested").mkdir(parents=True)
    (folder / "harbour.md").write_text(OWN_POLICY, encoding="utf-8")
    (folder / "nested" / "blank.txt").write_text("   \n", encoding="utf-8")
    (folder / "nested" / "notes.yaml").write_text("not: a policy\n", encoding="utf-8")
    args = [*map(str, corpus), "policies", "--isolated", "--no-cache"]

    made = runner.invoke(main, ["report", *args, "-o", "report.html"])
    assert made.exit_code == 0, made.output
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    rows = matrix_rows(html)
    assert len(rows) == len(corpus) + 2, "every corpus file plus harbour.md and blank.txt"
    assert "policies/harbour.md" in rows and "policies/nested/blank.txt" in rows
    assert not any(r.endswith(".yaml") for r in rows)
    assert "could not be read" in html, "the blank file is reported as an error"

    # The HTML from paths and the HTML from saved JSON are the same page.
    checked = runner.invoke(main, ["check", *args, "--format", "json", "-o", "results.json"])
    assert checked.exit_code in (0, 1, 2), checked.output
    again = runner.invoke(main, ["report", "--from", "results.json", "--isolated"])
    assert again.exit_code == 0, again.output
    assert again.stdout == html, first_difference(again.stdout, html)


def test_from_saved_json_renders_that_report(
    runner: CliRunner, tmp_path: Path, portfolio: Report
) -> None:
    (tmp_path / "results.json").write_text(portfolio.model_dump_json(indent=2), encoding="utf-8")
    result = runner.invoke(main, ["report", "--from", "results.json", "--isolated"])
    assert result.exit_code == 0, result.output
    assert result.stdout == html_page(portfolio, load_pack())
    assert len(matrix_rows(result.stdout)) == len(portfolio.documents)


def test_csv_format(runner: CliRunner, tmp_path: Path, portfolio: Report) -> None:
    (tmp_path / "results.json").write_text(portfolio.model_dump_json(), encoding="utf-8")
    args = ["report", "--from", "results.json", "--format", "csv", "-o", "out.csv", "--isolated"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    text = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert text == csv_text(portfolio)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 3 * 38 + 2


def test_not_a_report_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "results.json").write_text('{"documents": []}', encoding="utf-8")
    result = runner.invoke(main, ["report", "--from", "results.json", "--isolated"])
    assert result.exit_code == 2
    assert "is not a gaplint JSON report" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [([], "give documents or folders"), (["x.md", "--from", "x.md"], "not both")],
)
def test_usage_errors(runner: CliRunner, tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "x.md").write_text(OWN_POLICY, encoding="utf-8")
    result = runner.invoke(main, ["report", *args])
    assert result.exit_code == 2
    assert message in result.output
