"""Every finding and every piece of evidence says where it stands: source line (Markdown, text,
HTML), DOCX paragraph, PDF page; a file read by its content says so in the report."""

from __future__ import annotations

from tests.builders.docx import simple_docx
from tests.cli.helpers import FULL, NO_PHISHING, Project


def _line_of(text: str, wanted: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if wanted in line)


def test_evidence_and_gaps_carry_the_source_line(project: Project) -> None:
    project.config()
    project.write("policy.md", NO_PHISHING)
    _, data = project.json("policy.md")
    (doc,) = data["documents"]
    subpoints = {s["id"]: s for e in doc["elements"] for s in e["subpoints"]}
    (evidence,) = subpoints["TS101"]["evidence"]
    assert evidence["line"] == _line_of(NO_PHISHING, "passwords for the accounts must be strong")
    (gap,) = [f for f in doc["findings"] if f["rule"] == "TS102"]
    assert gap["location"]["line"] == _line_of(NO_PHISHING, "## Account safety")


def test_docx_evidence_carries_its_paragraph_number(project: Project) -> None:
    project.config()
    paragraphs = ["Social media policy", "Posts are retained by the agency for three years."]
    (project.root / "policy.docx").write_bytes(simple_docx(*paragraphs))
    _, data = project.json("policy.docx")
    subpoints = {s["id"]: s for e in data["documents"][0]["elements"] for s in e["subpoints"]}
    (evidence,) = subpoints["TS201"]["evidence"]
    assert evidence["paragraph"] == 2 and evidence["line"] is None


def test_a_file_read_by_its_content_carries_a_notice(project: Project) -> None:
    project.config()
    (project.root / "policy.pdf").write_bytes(simple_docx(*FULL.split("\n\n")))
    _, data = project.json("policy.pdf")
    (doc,) = data["documents"]
    assert doc["format"] == "docx" and doc["judged"] is True
    assert doc["notices"] == [
        {
            "code": "mismatched-type",
            "message": "named .pdf but contains a DOCX document; read as DOCX",
        }
    ]
    text = project.run("check", "policy.pdf").stdout
    assert "note[mismatched-type]: named .pdf but contains a DOCX document; read as DOCX" in text


def test_extract_shows_each_block_line(project: Project) -> None:
    project.write("policy.md", FULL)
    out = project.run("extract", "policy.md").stdout.splitlines()
    heading = next(line for line in out if "Account safety" in line and "heading" in line)
    assert heading.startswith(f"[L{_line_of(FULL, '## Account safety')}] [heading h2]")
