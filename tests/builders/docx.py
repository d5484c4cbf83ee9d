"""Build real DOCX fixtures with python-docx (plus raw WordprocessingML where it has no API).

`policy_docx()` holds every construct the reader must handle; the `*_docx` / `*_zip` helpers
below it build the hostile and broken files.
"""

from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Callable
from datetime import datetime, timezone

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

TITLE = "Social Media Policy"
AUTHOR = "Office of Communications"
CREATED = datetime(2014, 3, 13, 9, 30, 0, tzinfo=timezone.utc)
HEADER = "City of Exampleton - Policy 4.2"
FOOTER = "Internal use - page footer"
SDT_BLOCK = "Employees must not disclose confidential information on social media."
SDT_INLINE = "Communications Office"
PLACEHOLDER = "Click or tap here to enter text."
TEXT_BOX = "Report violations to the City Clerk."
FOOTNOTE = "See the Records Retention Schedule, section 9."
COMMENT = "Legal should review this wording."
OUTLINE_HEADING = "Employee Conduct"
MERGED = "Approved channels"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _append(document: docx.document.Document, xml: str) -> None:
    """Insert raw block XML before the final w:sectPr of the body."""
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(xml))


def _block_sdt() -> str:
    return (
        f"<w:sdt {nsdecls('w')}><w:sdtPr><w:alias w:val='Conduct'/></w:sdtPr><w:sdtContent>"
        f"<w:p><w:r><w:t>{SDT_BLOCK}</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )


def _placeholder_sdt() -> str:
    return (
        f"<w:sdt {nsdecls('w')}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        f"<w:p><w:r><w:t>{PLACEHOLDER}</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )


def _inline_sdt_paragraph() -> str:
    return (
        f"<w:p {nsdecls('w')}><w:r><w:t xml:space='preserve'>The policy owner is the </w:t></w:r>"
        f"<w:sdt><w:sdtPr><w:alias w:val='Owner'/></w:sdtPr><w:sdtContent>"
        f"<w:r><w:t>{SDT_INLINE}</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:r><w:t>.</w:t></w:r></w:p>"
    )


def _text_box_paragraph() -> str:
    """A floating text box as Word writes it: DrawingML choice plus a VML fallback copy."""
    box = f"<w:txbxContent><w:p><w:r><w:t>{TEXT_BOX}</w:t></w:r></w:p></w:txbxContent>"
    return (
        f"<w:p {nsdecls('w', 'wp', 'a')} xmlns:v='urn:schemas-microsoft-com:vml' "
        "xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006' "
        "xmlns:wps='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'>"
        "<w:r><w:t xml:space='preserve'>See the box. </w:t></w:r><w:r><mc:AlternateContent>"
        "<mc:Choice Requires='wps'><w:drawing><wp:anchor distT='0' distB='0' distL='0' distR='0'"
        " simplePos='0' relativeHeight='1' behindDoc='0' locked='0' layoutInCell='1'"
        " allowOverlap='1'><wp:simplePos x='0' y='0'/>"
        "<wp:positionH relativeFrom='column'><wp:posOffset>0</wp:posOffset></wp:positionH>"
        "<wp:positionV relativeFrom='paragraph'><wp:posOffset>0</wp:posOffset></wp:positionV>"
        "<wp:extent cx='1828800' cy='457200'/><wp:wrapSquare wrapText='bothSides'/>"
        "<wp:docPr id='10' name='Text Box 10'/><a:graphic><a:graphicData"
        " uri='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'><wps:wsp>"
        "<wps:cNvSpPr txBox='1'/><wps:spPr/>"
        f"<wps:txbx>{box}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
        f"<v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )


def _outline_paragraph() -> str:
    # Normal style, but the paragraph itself says outline level 0: Word shows it as a heading.
    return (
        f"<w:p {nsdecls('w')}><w:pPr><w:outlineLvl w:val='0'/></w:pPr>"
        f"<w:r><w:t>{OUTLINE_HEADING}</w:t></w:r></w:p>"
    )


def _footnoted_paragraph() -> str:
    return (
        f"<w:p {nsdecls('w')}><w:r><w:t>Records are kept as scheduled.</w:t></w:r>"
        "<w:r><w:rPr><w:rStyle w:val='FootnoteReference'/></w:rPr>"
        "<w:footnoteReference w:id='1'/></w:r></w:p>"
    )


def _add_footnotes(document: docx.document.Document) -> None:
    """python-docx has no footnote API: add the footnotes part and its relationship by hand."""
    xml = (
        f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?><w:footnotes xmlns:w='{_W}'>"
        "<w:footnote w:type='separator' w:id='-1'><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
        "<w:footnote w:type='continuationSeparator' w:id='0'><w:p><w:r><w:continuationSeparator/>"
        "</w:r></w:p></w:footnote>"
        f"<w:footnote w:id='1'><w:p><w:r><w:t>{FOOTNOTE}</w:t></w:r></w:p></w:footnote>"
        "</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES_CT, xml.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def policy_docx() -> bytes:
    """A policy using every construct: styles, outline level, lists, merged table, sdt, ..."""
    document = docx.Document()
    core = document.core_properties
    core.title, core.author, core.created = TITLE, AUTHOR, CREATED
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    section.footer.paragraphs[0].text = FOOTER

    document.add_paragraph(TITLE, style="Title")
    document.add_heading("Purpose", level=1)
    commented = document.add_paragraph("This policy governs official social media accounts.")
    document.add_comment(commented.runs, text=COMMENT, author="Reviewer")
    document.add_heading("Scope", level=2)
    document.add_paragraph("It applies to all employees and contractors.")
    _append(document, _outline_paragraph())
    document.add_paragraph("Be respectful online.", style="List Bullet")
    document.add_paragraph("Correct mistakes quickly.", style="List Bullet")
    document.add_paragraph("Register the account.", style="List Number")
    document.add_paragraph("Name two administrators.", style="List Number")
    _append(document, _block_sdt())
    _append(document, _placeholder_sdt())
    _append(document, _inline_sdt_paragraph())
    _append(document, _text_box_paragraph())
    _append(document, _footnoted_paragraph())

    document.add_heading("Accounts", level=1)
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = MERGED  # horizontal merge (gridSpan)
    table.cell(0, 2).text = "Owner"
    table.cell(1, 0).text = "Facebook"
    table.cell(1, 1).text = "@exampleton"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "Communications"  # vertical merge (vMerge)
    table.cell(2, 0).text = "X"
    table.cell(2, 1).text = "@exampleton_city"
    _add_footnotes(document)
    return _save(document)


def simple_docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    return _save(document)


def _rewrite(source: bytes, replace: dict[str, Callable[[zipfile.ZipFile, bytes], None]]) -> bytes:
    """Copy a zip, letting `replace[name]` write that member itself."""
    out = io.BytesIO()
    # compresslevel 1 keeps deflating hundreds of MB of spaces quick.
    with (
        zipfile.ZipFile(io.BytesIO(source)) as old,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new,
    ):
        for info in old.infolist():
            content = old.read(info.filename)
            writer = replace.get(info.filename)
            if writer:
                writer(new, content)
            else:
                new.writestr(info, content)
    return out.getvalue()


@functools.cache  # several tests need the same 300 MB bomb; build it once
def bomb_docx(padding: int) -> bytes:
    """word/document.xml followed by `padding` spaces (legal after the root element).

    Streamed in 1 MiB chunks, so building a 300 MB bomb never holds 300 MB in memory.
    """

    def write(new: zipfile.ZipFile, content: bytes) -> None:
        with new.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(content)
            chunk = b" " * (1 << 20)
            left = padding
            while left > 0:
                member.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)

    return _rewrite(simple_docx("Small policy."), {"word/document.xml": write})


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b"]>"
)


def doctype_docx() -> bytes:
    """A billion-laughs DTD in front of word/document.xml."""

    def write(new: zipfile.ZipFile, content: bytes) -> None:
        body = content.split(b"?>", 1)[1] if content.startswith(b"<?xml") else content
        new.writestr(
            "word/document.xml", BILLION_LAUGHS + body.replace(b"<w:t>", b"<w:t>&lol9;", 1)
        )

    return _rewrite(simple_docx("Hello &lol9; world."), {"word/document.xml": write})


def truncated_docx() -> bytes:
    whole = policy_docx()
    return whole[: len(whole) // 2]


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("notes.txt", "These are notes, not a Word document.")
        archive.writestr("policy/readme.md", "# Policy\n")
    return out.getvalue()


def xlsx_like_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def docx_without_document() -> bytes:
    """A package with Word's content types but no word/document.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(simple_docx("x"))) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            if info.filename != "word/document.xml":
                new.writestr(info, old.read(info.filename))
    return out.getvalue()


def styled_outline_docx() -> bytes:
    """Headings Word knows only from styles: a custom style with an outline level, and a
    style based on "Heading 2" (agency templates do both)."""
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    section_style = document.styles.add_style("Policy Section", WD_STYLE_TYPE.PARAGRAPH)
    section_style.element.get_or_add_pPr().append(
        parse_xml(f"<w:outlineLvl {nsdecls('w')} w:val='0'/>")
    )
    clause_style = document.styles.add_style("Policy Clause", WD_STYLE_TYPE.PARAGRAPH)
    clause_style.base_style = document.styles["Heading 2"]
    document.add_paragraph("Use of Accounts", style="Policy Section")
    document.add_paragraph("Only administrators post.")
    document.add_paragraph("Passwords", style="Policy Clause")
    document.add_paragraph("Change them every 90 days.")
    body_text = document.add_paragraph("Plain body text at outline level 9.", style="Heading 3")
    body_text._p.get_or_add_pPr().append(parse_xml(f"<w:outlineLvl {nsdecls('w')} w:val='9'/>"))
    return _save(document)


def damaged_zip(damage: str) -> bytes:
    """A zip whose [Content_Types].xml fails while being read, as sniffing reads it:
    "encrypted" sets the encryption flag (RuntimeError), "method" an unknown compression
    method (NotImplementedError), "deflate" garbles the deflated bytes (zlib.error)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types>" + "<Default/>" * 200 + "</Types>")
    data = bytearray(out.getvalue())
    central = data.rfind(b"PK\x01\x02")
    if damage == "encrypted":
        data[6] |= 1  # general-purpose flag bit 0, local header and central directory
        data[central + 8] |= 1
    elif damage == "method":
        data[8:10] = data[central + 10 : central + 12] = (77).to_bytes(2, "little")
    elif damage == "deflate":
        name_length = int.from_bytes(data[26:28], "little")
        start = 30 + name_length
        data[start : start + 8] = b"\xff" * 8
    else:
        raise ValueError(damage)
    return bytes(data)
