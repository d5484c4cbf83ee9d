"""The drafted addendum as a Word document (python-docx), in Word's own styles: Title, Heading 1
and 2 with multi-level numbering attached to the heading styles (1., 1.1.), a cover table in
Table Grid, Quote for each example clause. Pasted into an agency's template, the headings take
on that template's look and numbering.
"""

from __future__ import annotations

import io
import re

import docx
from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from gaplint.draft import SEVERITIES, Addendum

# XML 1.0 refuses these characters, and python-docx raises on them; document text may hold any.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_HEADING_LEVELS = (("Heading 1", "%1."), ("Heading 2", "%1.%2."))


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _number_headings(document: WordDocument) -> None:
    """One multi-level list whose levels are Heading 1 and Heading 2, linked from the styles
    (Word's "Link level to style"), so every heading is numbered as Word numbers it."""
    numbering = document.part.numbering_part.element
    abstract_ids = [
        int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))
    ]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id, num_id = max(abstract_ids, default=0) + 1, max(num_ids, default=0) + 1
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:pStyle w:val="{document.styles[style].style_id}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{432 * (level + 1)}" '
        f'w:hanging="{432 * (level + 1)}"/></w:pPr></w:lvl>'
        for level, (style, text) in enumerate(_HEADING_LEVELS)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )
    # The schema puts every abstractNum before the first num.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )
    for level, (style_name, _) in enumerate(_HEADING_LEVELS):
        num_pr = document.styles[style_name].element.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = num_id


def _cover_table(document: WordDocument, addendum: Addendum) -> None:
    header = ["Element", "Status", *(level.value.title() for level in SEVERITIES)]
    table = document.add_table(rows=1, cols=len(header))
    table.style = document.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    # The header row repeats on every page the table runs onto.
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    for row in addendum.rows:
        cells = table.add_row().cells
        values = [f"{row.element} {row.title}", row.status.value,
                  *(str(row.missing[level]) for level in SEVERITIES)]  # fmt: skip
        for cell, text in zip(cells, values):
            cell.text = _clean(text)


def render_docx(addendum: Addendum) -> bytes:
    document = docx.Document()
    _number_headings(document)
    properties = document.core_properties
    properties.title = _clean(f"{addendum.title}: {addendum.source}")[:255]
    properties.author = "gaplint"
    document.add_paragraph(_clean(addendum.title), style="Title")
    document.add_paragraph(_clean(addendum.intro))
    document.add_paragraph("Gaps by element and severity", style="Caption")
    _cover_table(document, addendum)
    for section in addendum.sections:
        document.add_heading(_clean(section.title), level=1)
        document.add_paragraph(_clean(section.placement)).runs[0].italic = True
        for clause in section.clauses:
            document.add_heading(
                _clean(f"{clause.title} ({clause.rule}, {clause.severity.value})"), level=2
            )
            recommendation = document.add_paragraph()
            recommendation.add_run("Recommendation. ").bold = True
            recommendation.add_run(_clean(clause.recommendation))
            document.add_paragraph(_clean(clause.clause), style="Quote")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
