"""CSV: one row per document x sub-point that parses back with the csv module."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from gaplint.report import DocumentReport, Report
from gaplint.reporters.csv_ import COLUMNS

from .html_report_models import ALL_SUBPOINTS, XSS_SCRIPT, MakeDoc, csv_text


def parse(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_header_is_the_documented_column_list(portfolio: Report) -> None:
    header = next(csv.reader(io.StringIO(csv_text(portfolio))))
    assert header == [
        "path",
        "format",
        "sha256",
        "element",
        "element_title",
        "element_status",
        "subpoint",
        "subpoint_title",
        "status",
        "severity",
        "waived",
        "evidence_text",
        "evidence_page",
        "evidence_section",
        "recommendation",
        "evidence_document",
    ]
    assert header == COLUMNS


def test_one_row_per_document_and_subpoint(
    make_doc: MakeDoc, make_report: Callable[[list[DocumentReport]], Report]
) -> None:
    docs = [make_doc(f"p{i}.md", set(ALL_SUBPOINTS[: i * 5])) for i in range(3)]
    rows = parse(csv_text(make_report(docs)))
    assert len(rows) == 3 * len(ALL_SUBPOINTS) == 3 * 38
    assert [(r["path"], r["subpoint"]) for r in rows] == [
        (d.path, s) for d in docs for s in ALL_SUBPOINTS
    ]
    assert sum(r["status"] == "covered" for r in rows) == 0 + 5 + 10


def test_row_content_round_trips_evidence_and_advice(portfolio: Report) -> None:
    rows = parse(csv_text(portfolio))
    hostile = {r["subpoint"]: r for r in rows if "harbour" in r["path"]}
    assert hostile["GL101"]["evidence_text"] == f"Only designated staff may post. {XSS_SCRIPT}"
    assert hostile["GL101"]["evidence_page"] == "1"
    assert hostile["GL101"]["evidence_section"] == "Social media policy › Section for GL1"
    assert hostile["GL101"]["recommendation"] == ""
    assert hostile["GL101"]["element_status"] == "partial"
    assert hostile["GL102"]["status"] == "missing"
    assert hostile["GL102"]["recommendation"] == "Add a rule on which sites (GL102)."
    assert hostile["GL404"]["waived"] == "true" and hostile["GL403"]["waived"] == "false"
    assert hostile["GL901"]["severity"] == "info"


def test_unjudged_documents_get_one_marked_row(portfolio: Report) -> None:
    rows = parse(csv_text(portfolio))
    judged = sum(1 for d in portfolio.documents if d.elements)
    assert len(rows) == judged * 38 + 2
    by_path = {r["path"]: r for r in rows if not r["subpoint"]}
    assert by_path["policies/scanned-minutes.pdf"]["status"] == "error"
    assert by_path["policies/politique-medias-sociaux.md"]["status"] == "not-judged"


def test_formula_like_policy_text_is_neutralised(
    make_doc: MakeDoc, make_report: Callable[[list[DocumentReport]], Report]
) -> None:
    doc = make_doc("=HYPERLINK(1).md", {"GL101"}, evidence_text={"GL101": "=cmd|'/c calc'!A1"})
    row = parse(csv_text(make_report([doc])))[0]
    assert row["path"] == "'=HYPERLINK(1).md"
    assert row["evidence_text"] == "'=cmd|'/c calc'!A1"
