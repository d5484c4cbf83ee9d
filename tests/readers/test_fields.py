"""Header fields come out as "Label: value" units, whether a title block ran them into one line
or a two-cell table row split the label from its value, in every format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from gaplint.cli import main
from gaplint.document import BlockKind, Document
from gaplint.fields import field_row, split_field_run
from gaplint.readers import read_bytes
from tests.builders import odt
from tests.builders import pdf as build_pdf

RUN = (
    "POLICY Subject: Use of Social Media Number: 310-2 Effective Date: April 1, 2025 "
    "Staff Contact: R. Alvarez, Web Manager Approved By: Council"
)
ROWS = [("Owner", "Office of Communications"), ("Next review", "April 2027")]
FIELDS = ["Owner: Office of Communications", "Next review: April 2027"]
BODY = "This policy sets rules for the accounts a department runs on social media."
MORE = [
    "Comments that contain threats or obscene language may be removed by the moderator.",
    "Passwords for every official account must be changed when an administrator leaves.",
]


def test_a_run_of_fields_splits_at_each_label() -> None:
    assert split_field_run(RUN) == [
        "POLICY",
        "Subject: Use of Social Media",
        "Number: 310-2",
        "Effective Date: April 1, 2025",
        "Staff Contact: R. Alvarez, Web Manager",
        "Approved By: Council",
    ]
    assert split_field_run("TO: All Staff FROM: J. Lee, Director DATE: May 2 RE: Accounts") == [
        "TO: All Staff", "FROM: J. Lee, Director", "DATE: May 2", "RE: Accounts",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Staff report to: the manager, from: the director, date: unknown.",  # lower-case words
        "Effective Date: May 1 Owner: IT",  # two fields: an ordinary line
        "Employees must note the following: accounts are public.",
        "Name: Signature: Date:",  # a form to fill in: labels without values
        "Date: 1 Owner: IT Review: yearly " * 200,  # far longer than a title block
    ],
)
def test_other_lines_are_left_whole(text: str) -> None:
    assert split_field_run(text) is None


def test_a_label_and_value_row_is_one_field() -> None:
    assert field_row(["Owner", "Office of Communications"]) == "Owner: Office of Communications"
    assert field_row(["Effective date:", "1 May 2025"]) == "Effective date: 1 May 2025"
    assert field_row(["Facebook", "Daily updates"]) is None  # a table of other things
    assert field_row(["Owner", ""]) is None
    assert field_row(["Owner", "IT", "Legal"]) is None
    assert field_row(["owner", "IT"]) is None


def _texts(document: Document, kind: BlockKind) -> list[str]:
    return [block.text for block in document.blocks if block.kind is kind]


def _table_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Social Media Policy", level=1)
    table = document.add_table(rows=len(ROWS), cols=2)
    for row, (label, value) in enumerate(ROWS):
        table.cell(row, 0).text, table.cell(row, 1).text = label, value
    other = document.add_table(rows=1, cols=2)
    other.cell(0, 0).text, other.cell(0, 1).text = "Facebook", "Daily updates"
    document.add_paragraph(RUN)
    for sentence in [BODY, *MORE]:
        document.add_paragraph(sentence)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _markdown() -> bytes:
    rows = "\n".join(f"| **{label}** | {value} |" for label, value in ROWS)  # bold labels
    table = f"| Field | Value |\n|---|---|\n{rows}\n| Facebook | Daily updates |"
    return f"{table}\n\n{RUN}\n\n{BODY}\n".encode()


def _html() -> bytes:
    rows = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in ROWS)
    return (
        f"<!doctype html><html><head><title>Policy</title></head><body><main>"
        f"<table>{rows}<tr><td>Facebook</td><td>Daily updates</td></tr></table>"
        f"<p>{RUN}</p><p>{BODY}</p></main></body></html>"
    ).encode()


def _odt() -> bytes:
    rows = [list(row) for row in ROWS]
    body = odt.table(rows) + odt.p(RUN) + odt.p(BODY)
    return odt.package(odt.content_xml(body))


@pytest.mark.parametrize(
    ("name", "build"),
    [("p.docx", _table_docx), ("p.md", _markdown), ("p.html", _html), ("p.odt", _odt)],
)
def test_every_format_gives_fields(name: str, build: object) -> None:
    document = read_bytes(build(), name)  # type: ignore[operator]
    cells = _texts(document, BlockKind.TABLE_CELL)
    assert all(field in cells for field in FIELDS)
    assert "Owner" not in cells and "Next review" not in cells
    paragraphs = _texts(document, BlockKind.PARAGRAPH)
    assert "Effective Date: April 1, 2025" in paragraphs
    assert "Approved By: Council" in paragraphs and RUN not in paragraphs
    if name != "p.odt":  # the ODT fixture has only the field rows
        assert "Facebook" in cells and "Daily updates" in cells


def test_a_pdf_title_block_gives_fields() -> None:
    document = read_bytes(build_pdf.header_fields_pdf(), "p.pdf")
    texts = [block.text for block in document.blocks]
    assert "Effective Date: April 1, 2025" in texts
    assert "Staff Contact: R. Alvarez, Web Manager" in texts
    assert [f"{label}: {value}" for label, value in build_pdf.HEADER_FIELD_ROWS] == [
        text for text in texts if text.startswith(("Owner", "Next review"))
    ]


def test_the_owner_row_is_cited_and_the_title_block_covers_nothing_else(tmp_path: Path) -> None:
    # Read as separate cells, the owner row covered no ownership; read as one line, the title
    # block's words together looked like a rule on who may use social media (GL101).
    path = tmp_path / "policy.docx"
    path.write_bytes(_table_docx())
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--no-cache"])
    report = json.loads(result.output)
    subpoints = {
        sub["id"]: sub
        for element in report["documents"][0]["elements"]
        for sub in element["subpoints"]
    }
    assert subpoints["GL902"]["status"] == "covered"
    assert "Owner: Office of Communications" in [
        evidence["text"] for evidence in subpoints["GL902"]["evidence"]
    ]
    assert subpoints["GL101"]["status"] == "missing"
