"""`gaplint draft`: the addendum read back with python-docx, and checked by gaplint itself."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from gaplint.api import Checker
from gaplint.cli import main
from gaplint.draft import write_addendum
from gaplint.report import DocumentReport, SubpointStatus
from gaplint.rules import load_pack
from tests.builders.jurisdiction import policy_docx_for

# An invented policy with a title naming its agency, a few covered points and many gaps.
TITLE = "Town of Maple Hollow Social Media Policy"
SECTIONS = [
    ("Purpose", [
        "The Town uses social media to share news about its services with residents.",
    ]),
    ("Employee Conduct", [
        "Employees who post about the Town on social media must be respectful and professional.",
        "Violations of this policy may result in disciplinary action up to and including "
        "termination.",
    ]),
    ("3. Security", [
        "Passwords for the Town's social media accounts must be strong and kept secret, and "
        "they must be changed when an administrator leaves.",
    ]),
]  # fmt: skip


def policy_docx(title: str = TITLE) -> bytes:
    document = docx.Document()
    document.add_heading(title, level=1)
    for heading, paragraphs in SECTIONS:
        document.add_heading(heading, level=2)
        for text in paragraphs:
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def workdir(tmp_path: Path) -> Iterator[Path]:
    before = Path.cwd()
    os.chdir(tmp_path)
    (tmp_path / "policy.docx").write_bytes(policy_docx())
    yield tmp_path
    os.chdir(before)


def draft(*args: str) -> Result:
    return CliRunner().invoke(main, ["draft", "--isolated", *args], catch_exceptions=False)


def style(paragraph: Paragraph) -> str:
    return paragraph.style.name if paragraph.style is not None else ""


def drafted_ids(report: DocumentReport) -> list[str]:
    return [
        s.id for e in report.elements for s in e.subpoints if s.status is SubpointStatus.MISSING
    ]


def test_the_docx_has_a_cover_table_numbered_headings_and_named_clauses(workdir: Path) -> None:
    result = draft("policy.docx", "-o", "addendum.docx")
    assert result.exit_code == 0, result.output
    assert "for the Town of Maple Hollow" in result.stderr
    word = docx.Document(str(workdir / "addendum.docx"))
    paragraphs = word.paragraphs
    assert (style(paragraphs[0]), paragraphs[0].text) == (
        "Title",
        "Social media policy addendum",
    )
    assert word.core_properties.title == f"Social media policy addendum: {TITLE}"
    # The cover table: one row per element, gaps counted by severity.
    (table,) = word.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Element", "Status", "Error", "Warning", "Info"]
    assert [row[0].split()[0] for row in rows[1:]] == [f"GL{n}" for n in range(1, 10)]
    assert rows[1][:3] == ["GL1 Employee access", "missing", "0"] and rows[1][3] == "3"
    # Word's heading styles, numbered by a multi-level list linked to them.
    for level, style_name in ((0, "Heading 1"), (1, "Heading 2")):
        num_pr = word.styles[style_name].element.pPr.numPr
        assert num_pr is not None and num_pr.ilvl.val == level
    headings_1 = [p.text for p in paragraphs if style(p) == "Heading 1"]
    assert headings_1[0] == "Employee access" and "Security" in headings_1
    # Where the clauses go: the policy's own section, or a new one.
    text = [p.text for p in paragraphs]
    after_security = text[text.index("Security") + 1]
    assert after_security == "Add to § 3. Security."  # the heading with its number
    assert text[text.index("Employee access") + 1].startswith("Add as a new section")
    # Each missing sub-point: a Heading 2, its recommendation, its clause (Quote) with the name.
    assert "Who may access (GL101, warning)" in text
    quotes = [p.text for p in paragraphs if style(p) == "Quote"]
    assert any("the Town of Maple Hollow's official social media accounts" in q for q in quotes)
    assert not any("{agency}" in q for q in quotes)
    assert any(p.runs and p.runs[0].text == "Recommendation. " and p.runs[0].bold
               for p in paragraphs)  # fmt: skip
    numbering = word.part.numbering_part.element
    levels = numbering.findall(qn("w:abstractNum"))[-1].findall(qn("w:lvl"))
    linked = [lvl.find(qn("w:pStyle")).get(qn("w:val")) for lvl in levels]
    assert linked == [word.styles["Heading 1"].style_id, word.styles["Heading 2"].style_id]
    used = {num.get(qn("w:numId")) for num in numbering.findall(qn("w:num"))}
    assert str(word.styles["Heading 1"].element.pPr.numPr.numId.val) in used


def test_the_addendum_checked_by_gaplint_covers_every_subpoint_it_drafts(workdir: Path) -> None:
    # Checking the policy with its addendum as a set covers the union of both; that the
    # addendum alone covers every sub-point it drafts is that property.
    checker = Checker()
    policy = checker.check_path(workdir / "policy.docx")
    drafted = drafted_ids(policy)
    assert len(drafted) > 20
    assert draft("policy.docx", "-o", "addendum.docx").exit_code == 0
    addendum = checker.check_path(workdir / "addendum.docx")
    assert addendum.judged, addendum.notices
    still_missing = [rule for rule in drafted if addendum.subpoint(rule).status is not
                     SubpointStatus.COVERED]  # fmt: skip
    assert still_missing == []


def test_agency_option_and_the_fallback(workdir: Path) -> None:
    assert draft("policy.docx", "-o", "named.md", "--agency", "Lakeside County").exit_code == 0
    named = (workdir / "named.md").read_text(encoding="utf-8")
    assert "do not represent those of Lakeside County" in named
    (workdir / "plain.docx").write_bytes(policy_docx("Social Media Policy"))
    result = draft("plain.docx", "-o", "plain.md")
    assert result.exit_code == 0 and "for the agency" in result.stderr
    plain = (workdir / "plain.md").read_text(encoding="utf-8")
    assert "The agency uses social media" not in plain  # GL901 is covered by the policy
    assert "manage the agency's official social media accounts" in plain


def test_markdown_neutralises_document_text(workdir: Path) -> None:
    (workdir / "hostile.docx").write_bytes(policy_docx("City of Evil <img src=x> Policy [x](y)"))
    result = draft("hostile.docx", "-o", "addendum.md", "--agency", "@team <b>City</b>")
    assert result.exit_code == 0, result.output
    out = (workdir / "addendum.md").read_text(encoding="utf-8")
    assert "<img" not in out and "<b>" not in out and "&lt;b&gt;City&lt;/b&gt;" in out
    assert "@team" not in out and "[x](y)" not in out and "\\[x\\](y)" in out
    assert out.startswith("# Social media policy addendum\n")
    assert "\n## Gaps by element and severity\n" in out and "\n## 1. Employee access\n" in out
    assert "\n### 1.1. Who may access (GL101, warning)\n" in out


def test_an_unreadable_policy_is_one_line_and_nothing_is_written(workdir: Path) -> None:
    (workdir / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    result = draft("broken.docx", "-o", "addendum.docx")
    assert result.exit_code == 2
    assert result.stderr.startswith("broken.docx: error[") and result.stderr.count("\n") == 1
    assert not (workdir / "addendum.docx").exists()


def test_the_api_writes_to_a_stream(workdir: Path) -> None:
    report = Checker().check_path(workdir / "policy.docx")
    out = io.BytesIO()
    addendum = write_addendum(report, load_pack(), out, agency="the Village of Elm")
    assert addendum.agency == "the Village of Elm"
    word = docx.Document(io.BytesIO(out.getvalue()))
    assert word.paragraphs[0].text == "Social media policy addendum"
    with pytest.raises(ValueError, match="unknown addendum format"):
        write_addendum(report, load_pack(), io.BytesIO(), fmt="pdf")


def test_control_characters_in_names_do_not_break_the_docx(workdir: Path) -> None:
    # python-docx refuses such characters, so the policy is Markdown (read as it is).
    sections = "".join(f"## {h}\n\n" + "\n\n".join(p) + "\n\n" for h, p in SECTIONS)
    policy = f"# Town of Bell\u0007ford Social Media Policy\n\n{sections}"
    (workdir / "odd.md").write_text(policy, encoding="utf-8")
    result = draft("odd.md", "-o", "addendum.docx", "--agency", "the Town\x1b of Bellford")
    assert result.exit_code == 0, result.output
    quotes = [p.text for p in docx.Document(str(workdir / "addendum.docx")).paragraphs]
    assert any("the Town of Bellford's official social media accounts" in q for q in quotes)


def test_the_policy_with_its_addendum_as_one_set_covers_every_subpoint(workdir: Path) -> None:
    assert draft("policy.docx", "-o", "addendum.docx").exit_code == 0
    judged = Checker().check_set("Maple Hollow", ["policy.docx", "addendum.docx"])
    subs = [s for e in judged.elements for s in e.subpoints]
    assert [s.id for s in subs if s.status is not SubpointStatus.COVERED] == []
    assert judged.coverage == 1.0


def test_a_uk_policy_gets_its_laws_in_the_drafted_clauses(workdir: Path) -> None:
    (workdir / "uk.docx").write_bytes(policy_docx_for("uk"))
    assert draft("uk.docx", "-o", "uk.md").exit_code == 0
    text = (workdir / "uk.md").read_text(encoding="utf-8")
    pack = load_pack()
    report = Checker().check_path(workdir / "uk.docx")
    assert report.jurisdiction is not None and report.jurisdiction.code == "uk"
    localised = [s.id for e in report.elements for s in e.subpoints
                 if s.status is SubpointStatus.MISSING
                 and pack.subpoint(s.id).localised("uk") != pack.subpoint(s.id)]  # fmt: skip
    assert localised, "the policy leaves a gap whose wording differs in the UK"
    for rule in localised:
        uk_clause = " ".join(pack.subpoint(rule).localised("uk").clause().split())
        assert uk_clause.split(".")[0] in " ".join(text.split())
