"""OpenDocument text (.odt): zipped XML, read directly under the same limits as DOCX.

content.xml's body is walked in document order: `text:h` headings (level from
`text:outline-level`), paragraphs (a paragraph styled Title or Heading N is a heading),
lists (nested ones too), and tables cell by cell. Footnotes and endnotes come after the body
under sections of their own, as in DOCX; comments, tracked deletions and tables of contents
are not policy text and are counted in `skipped`. meta.xml gives title, author and dates.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Iterator

from lxml import etree

from gaplint.document import BlockKind, DocumentBuilder, Metadata, Skipped
from gaplint.errors import ErrorCode, InputError
from gaplint.fields import field_row
from gaplint.readers.base import Limits, ReadResult
from gaplint.readers.zipfailures import ZIP_FAILURES, zip_failure
from gaplint.readers.zippackage import SAFE_PARSER, checked_zip, xml_named, xml_problem

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
DC = "http://purl.org/dc/elements/1.1/"
META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
MIMETYPE = b"application/vnd.oasis.opendocument.text"
LABEL = "ODT"
_NOTE_SECTIONS = {"footnote": "(footnotes)", "endnote": "(endnotes)"}
_HEADING_STYLE = re.compile(r"^(?:heading[ _]?(?P<level>[1-9])|title)$", re.IGNORECASE)


def t(tag: str) -> str:
    return f"{{{TEXT}}}{tag}"


def _q(namespace: str, tag: str) -> str:
    return f"{{{namespace}}}{tag}"


def _xml_members(archive: zipfile.ZipFile) -> list[str]:
    names = [info.filename for info in archive.infolist() if not info.is_dir()]
    return sorted({*xml_named(names), *(n for n in names if n.lower().endswith(".rdf"))})


def _parse(archive: zipfile.ZipFile, name: str) -> etree._Element | None:
    if name not in set(archive.namelist()):
        return None
    try:
        return etree.fromstring(archive.read(name), SAFE_PARSER)
    except etree.XMLSyntaxError as error:
        raise InputError(ErrorCode.CORRUPT, f"damaged ODT: {name}: {xml_problem(error)}") from None


class _Walker:
    """Walks the body in order, yielding (kind, text, heading level) and counting skips."""

    def __init__(self, styles: dict[str, int]) -> None:
        self.styles = styles  # paragraph style name -> heading level, for styled paragraphs
        self.skipped: Counter[str] = Counter()
        self.notes: list[tuple[str, str]] = []  # (section label, text), after the body

    def blocks(self, parent: etree._Element) -> Iterator[tuple[BlockKind, str, int | None]]:
        for child in parent:
            tag = child.tag
            if tag == t("h"):
                level = _int(child.get(t("outline-level"))) or 1
                yield BlockKind.HEADING, self.text(child), level
            elif tag == t("p"):
                styled = self.styles.get(child.get(t("style-name")) or "")
                kind = BlockKind.HEADING if styled else BlockKind.PARAGRAPH
                yield kind, self.text(child), styled
                yield from self._frames(child)
            elif tag == t("list"):
                yield from self._list(child)
            elif tag == _q(TABLE, "table"):
                yield from self._table(child)
            elif tag in (t("table-of-content"), t("alphabetical-index"), t("bibliography")):
                self.skipped["table of contents entries"] += 1
            elif tag == t("tracked-changes"):
                continue  # the text of deletions, kept for review, is not the policy
            elif tag in (t("section"), t("soft-page-break")) or tag == _q(TABLE, "table-rows"):
                yield from self.blocks(child)

    def _list(self, element: etree._Element) -> Iterator[tuple[BlockKind, str, int | None]]:
        for item in element:
            if item.tag not in (t("list-item"), t("list-header")):
                continue
            for part in item:
                if part.tag == t("list"):
                    yield from self._list(part)
                elif part.tag in (t("p"), t("h")):
                    yield BlockKind.LIST_ITEM, self.text(part), None
                    yield from self._frames(part)

    def _table(self, table: etree._Element) -> Iterator[tuple[BlockKind, str, int | None]]:
        for row in table.iter(_q(TABLE, "table-row")):
            cells = [  # covered cells are not read
                " ".join(self.text(p) for p in cell.iter(t("p"), t("h")))
                for cell in row.iterfind(_q(TABLE, "table-cell"))
            ]
            field = field_row(cells)
            for text in [field] if field else cells:
                yield BlockKind.TABLE_CELL, text, None

    def _frames(self, paragraph: etree._Element) -> Iterator[tuple[BlockKind, str, int | None]]:
        """Text boxes anchored in a paragraph, after it (as DOCX text boxes are)."""
        for box in paragraph.iter(_q(DRAW, "text-box")):
            yield from self.blocks(box)
        images = sum(1 for _ in paragraph.iter(_q(DRAW, "image")))
        if images:
            self.skipped["images"] += images

    def text(self, element: etree._Element) -> str:
        """The words of a paragraph: spaces, tabs and line breaks as spaces; notes set aside,
        comments and text boxes left out (boxes are read as blocks of their own)."""
        parts: list[str] = []
        self._inline(element, parts)
        return "".join(parts)

    def _inline(self, element: etree._Element, parts: list[str]) -> None:
        if element.text:
            parts.append(element.text)
        for child in element:
            tag = child.tag
            if tag == t("s"):
                parts.append(" " * min(_int(child.get(t("c"))) or 1, 100))
            elif tag in (t("tab"), t("line-break")):
                parts.append(" ")
            elif tag == t("note"):
                self._note(child)
            elif tag == _q(OFFICE, "annotation"):
                self.skipped["reviewer comments"] += 1
            elif tag in (_q(OFFICE, "annotation-end"), _q(DRAW, "frame"), t("bookmark-ref")):
                pass
            else:
                self._inline(child, parts)
            if child.tail:
                parts.append(child.tail)

    def _note(self, note: etree._Element) -> None:
        label = _NOTE_SECTIONS.get(note.get(t("note-class")) or "footnote", "(footnotes)")
        body = note.find(t("note-body"))
        if body is not None:
            self.notes.extend((label, text) for _, text, _ in self.blocks(body))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _heading_styles(*roots: etree._Element | None) -> dict[str, int]:
    """Paragraph styles that make a heading: named Title or Heading N, or based on one
    (LibreOffice's automatic styles, "P1" based on "Heading 2")."""
    parents: dict[str, str] = {}
    shown: dict[str, str] = {}
    for root in roots:
        if root is None:
            continue
        for style in root.iter(_q(STYLE, "style")):
            name = style.get(_q(STYLE, "name")) or ""
            parents[name] = style.get(_q(STYLE, "parent-style-name")) or ""
            shown[name] = style.get(_q(STYLE, "display-name")) or name
    levels: dict[str, int] = {}
    for name in parents:
        current, seen = name, set()
        while current and current not in seen:
            seen.add(current)
            match = _HEADING_STYLE.match(shown.get(current, current).replace("_20_", " "))
            if match:
                levels[name] = int(match.group("level") or 1)
                break
            current = parents.get(current, "")
    return levels


def _metadata(meta: etree._Element | None) -> Metadata:
    if meta is None:
        return Metadata()

    def first(namespace: str, tag: str) -> str | None:
        element = meta.find(f".//{_q(namespace, tag)}")
        text = (element.text or "").strip() if element is not None else ""
        return text or None

    return Metadata(
        title=first(DC, "title"),
        author=first(META, "initial-creator") or first(DC, "creator"),
        created=first(META, "creation-date"),
        modified=first(DC, "date"),
    )


def read_odt(data: bytes, limits: Limits) -> ReadResult:
    archive = checked_zip(
        data, limits, LABEL, ("content.xml", "an OpenDocument text"), _xml_members
    )
    try:
        with archive:
            content = _parse(archive, "content.xml")
            styles = _parse(archive, "styles.xml")
            meta = _parse(archive, "meta.xml")
    except ZIP_FAILURES as error:
        raise zip_failure(error, LABEL) from None
    body = None if content is None else content.find(f"{_q(OFFICE, 'body')}/{_q(OFFICE, 'text')}")
    if body is None:
        raise InputError(ErrorCode.CORRUPT, "ODT has no text body (not a text document?)")
    walker = _Walker(_heading_styles(content, styles))
    builder = DocumentBuilder()
    for kind, text, level in walker.blocks(body):
        builder.add(kind, text, level=level)
    for label, text in walker.notes:
        builder.add_apart(label, BlockKind.PARAGRAPH, text)
    skipped = [Skipped(what=what, count=count) for what, count in sorted(walker.skipped.items())]
    return ReadResult(blocks=builder.blocks, metadata=_metadata(meta), skipped=skipped)
