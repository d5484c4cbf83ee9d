"""Build real OpenDocument text (.odt) fixtures by hand (zip + XML), and RTF as text; .doc
files are made from them with LibreOffice when it is installed."""

from __future__ import annotations

import io
import subprocess
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

MIMETYPE = "application/vnd.oasis.opendocument.text"
_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"'
)
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.3">'
    f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{MIMETYPE}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
TITLE = "Social Media Policy"
AUTHOR = "Office of Communications"


def h(text: str, level: int = 1) -> str:
    return f'<text:h text:outline-level="{level}">{escape(text)}</text:h>'


def p(text: str, style: str = "Standard") -> str:
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'


def items(*texts: str) -> str:
    body = "".join(f"<text:list-item>{p(text)}</text:list-item>" for text in texts)
    return f"<text:list>{body}</text:list>"


def table(rows: list[list[str]]) -> str:
    body = "".join(
        "<table:table-row>"
        + "".join(f"<table:table-cell>{p(cell)}</table:table-cell>" for cell in row)
        + "</table:table-row>"
        for row in rows
    )
    columns = f'<table:table-column table:number-columns-repeated="{len(rows[0])}"/>'
    return f'<table:table table:name="T1">{columns}{body}</table:table>'


def content_xml(body: str, styles: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_NS}>'
        f"<office:automatic-styles>{styles}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )


def meta_xml() -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {_NS}><office:meta>'
        f"<dc:title>{TITLE}</dc:title><meta:initial-creator>{AUTHOR}</meta:initial-creator>"
        "<meta:creation-date>2014-03-13T09:30:00</meta:creation-date>"
        "<dc:date>2015-01-02T10:00:00</dc:date></office:meta></office:document-meta>"
    )


def package(content: str, extra: dict[str, bytes] | None = None) -> bytes:
    """An .odt: the mimetype stored first and uncompressed, as the format requires."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", MANIFEST)
        archive.writestr("content.xml", content)
        archive.writestr("meta.xml", meta_xml())
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


POLICY_BODY = "".join(
    [
        p(TITLE, "P1"),
        h("1. Purpose"),
        p("This policy applies to all city employees who use social media."),
        h("2. Employee Conduct"),
        h("2.1 Personal Use", 2),
        p("Employees using social media in a personal capacity must follow these rules:"),
        items("Be civil and respectful in every post.", "Do not share confidential information."),
        h("3. Account Management"),
        '<text:p text:style-name="Standard">Each account has an owner<text:note '
        'text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>'
        + p("The owner is named in the account register.")
        + "</text:note-body></text:note> and a<text:s/> review<text:tab/>cycle.</text:p>",
        table([["Platform", "Account owner"], ["Facebook", "Communications"]]),
        '<text:p text:style-name="Standard">Passwords must be changed every 90 days.'
        "<office:annotation><text:p>Check this with IT.</text:p></office:annotation></text:p>",
    ]
)
# P1 is an automatic style based on Title, as LibreOffice writes a title paragraph.
TITLE_STYLE = (
    '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>'
)


def policy_odt() -> bytes:
    """Title, numbered headings (two levels), a list, a footnote, a table and a comment."""
    return package(content_xml(POLICY_BODY, TITLE_STYLE))


def bomb_odt(padding: int) -> bytes:
    """content.xml padded with `padding` bytes of spaces: compresses ~1000-fold."""
    body = content_xml(p("Staff must be civil.") + " " * padding)
    return package(body)


def entity_odt() -> bytes:
    """A "billion laughs" DOCTYPE in content.xml."""
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        f"<office:document-content {_NS}><office:body><office:text>"
        "<text:p>&lol2;</text:p></office:text></office:body></office:document-content>"
    )
    return package(laughs)


RTF_POLICY = (
    r"{\rtf1\ansi\deff0{\fonttbl{\f0 Helvetica;}}"
    r"{\stylesheet{\s1\b\fs32 heading 1;}}"
    r"{\pard\s1\b\fs32 Social Media Policy\par}"
    r"{\pard\fs22 Employees must follow the records retention schedule for all content they"
    r" post on official accounts.\par}"
    r"{\pard\fs22 Passwords for official accounts must be changed every 90 days.\par}"
    "}"
)


def policy_rtf() -> bytes:
    """RTF is text: a heading style and two paragraphs, written by hand."""
    return RTF_POLICY.encode("ascii")


def converted(data: bytes, suffix: str, target: str) -> bytes:
    """`data` (a file ending in `suffix`) converted by LibreOffice to `target` ("doc")."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        source = folder / f"source{suffix}"
        source.write_bytes(data)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(folder / "out"),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return (folder / "out" / f"source.{target}").read_bytes()
