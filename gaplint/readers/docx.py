"""DOCX: checked as a zip first (size, bombs, DTDs), then walked as XML in document order.

python-docx opens the package and gives styles and core properties, but its paragraph API
skips content controls (w:sdt), text boxes and notes, so the body XML is walked directly.

Where text goes:
- body, content controls, text boxes (after the paragraph that anchors them), tables: in order;
- headers, footers, footnotes and endnotes: after the body, each under its own section path
  ["(header)"], ["(footer)"], ["(footnotes)"], ["(endnotes)"], so they never mix with the body;
- reviewer comments, table-of-contents entries, unfilled placeholders, images, embedded objects:
  not read, and counted in ReadResult.skipped.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lxml import etree

from gaplint.document import BlockKind, DocumentBuilder, Metadata, Skipped
from gaplint.errors import ErrorCode, InputError
from gaplint.fields import field_row
from gaplint.readers.base import Limits, ReadResult
from gaplint.readers.textblocks import TextBlock
from gaplint.readers.zipfailures import ZIP_FAILURES, zip_failure
from gaplint.readers.zippackage import SAFE_PARSER, checked_zip, scan_part, xml_named, xml_problem

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# ---------------------------------------------------------------- zip and XML safety checks


def _docx_xml_members(archive: zipfile.ZipFile) -> list[str]:
    """Every part an XML parser might see: by name, and by declared content type."""
    names = [info.filename for info in archive.infolist() if not info.is_dir()]
    chosen = set(xml_named(names))
    if "[Content_Types].xml" in chosen:
        scan_part(archive, "[Content_Types].xml", "DOCX")
        types = etree.fromstring(archive.read("[Content_Types].xml"), SAFE_PARSER)
        xml_exts = {
            (item.get("Extension") or "").lower()
            for item in types
            if "xml" in (item.get("ContentType") or "")
        }
        xml_parts = {
            (item.get("PartName") or "").lstrip("/")
            for item in types
            if "xml" in (item.get("ContentType") or "")
        }
        chosen.update(
            name
            for name in names
            if name in xml_parts or name.rsplit(".", 1)[-1].lower() in xml_exts
        )
    return sorted(chosen)


def check_package(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """The opened zip, once it is known to be small enough, XML-safe and to hold a document."""
    return checked_zip(
        data, limits, "DOCX", ("word/document.xml", "a Word document"), _docx_xml_members
    )


# ---------------------------------------------------------------- styles


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    outline: int | None  # 0-based outline level from the style's w:outlineLvl
    numbered: bool | None


def _val(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(w("val"))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _numbered(ppr: etree._Element | None) -> bool | None:
    """True/False when w:numPr says so (numId 0 switches numbering off), None when silent."""
    if ppr is None:
        return None
    num_pr = ppr.find(w("numPr"))
    if num_pr is None:
        return None
    num_id = _val(num_pr.find(w("numId")))
    return num_id is not None and num_id != "0"


class Styles:
    """Paragraph styles by id, resolved through w:basedOn."""

    _HEADING_NAME = re.compile(r"^heading\s*([1-9])$")

    def __init__(self, styles: etree._Element | None) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default: str | None = None
        for style in [] if styles is None else styles.iterfind(w("style")):
            if style.get(w("type")) not in (None, "paragraph"):
                continue
            style_id = style.get(w("styleId")) or ""
            ppr = style.find(w("pPr"))
            self.by_id[style_id] = _Style(
                name=(_val(style.find(w("name"))) or style_id).strip().lower(),
                based_on=_val(style.find(w("basedOn"))),
                outline=_int(_val(ppr.find(w("outlineLvl")))) if ppr is not None else None,
                numbered=_numbered(ppr),
            )
            if style.get(w("default")) in ("1", "true"):
                self.default = style_id

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        current = style_id or self.default
        while current and current not in seen and current in self.by_id:
            seen.add(current)
            style = self.by_id[current]
            yield style
            current = style.based_on

    def heading_level(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            if style.name == "title":
                return 1
            match = self._HEADING_NAME.match(style.name)
            if match:
                return int(match.group(1))
            if style.outline is not None:
                return style.outline + 1 if style.outline < 9 else None
        return None

    def numbered(self, style_id: str | None) -> bool:
        for style in self.chain(style_id):
            if style.numbered is not None:
                return style.numbered
            if style.name.startswith(("list bullet", "list number")):
                return True
        return False

    def is_toc(self, style_id: str | None) -> bool:
        return any(
            style.name.startswith("toc ") or style.name == "toc heading"
            for style in self.chain(style_id)
        )


# ---------------------------------------------------------------- body walker

_SKIP_INLINE = {
    w("delText"),
    w("instrText"),
    w("del"),
    w("moveFrom"),
    w("fldData"),
    f"{{{MC}}}Fallback",
}
_IGNORED_BLOCKS = {w("sectPr"), w("bookmarkStart"), w("bookmarkEnd"), w("proofErr"), w("del")}


class BodyWalker:
    """Turns WordprocessingML block content into TextBlocks, counting what it cannot read."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self.skipped: Counter[str] = Counter()
        # Paragraph numbers (in TextBlock.line): a part's w:p elements counted in document
        # order from 1, empty ones and those in tables and text boxes included.
        self.numbers: dict[etree._Element, int] = {}

    def number_paragraphs(self, part: etree._Element) -> None:
        self.numbers = {p: number for number, p in enumerate(part.iter(w("p")), start=1)}

    def blocks(self, container: etree._Element) -> list[TextBlock]:
        out: list[TextBlock] = []
        for child in container:
            self._block(child, out)
        return out

    def _block(self, element: etree._Element, out: list[TextBlock]) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in _IGNORED_BLOCKS:
            return
        if tag == w("p"):
            self._paragraph(element, out)
        elif tag == w("tbl"):
            self._table(element, out)
        elif tag == w("sdt"):
            if self._placeholder(element):
                return
            for child in element.iterfind(w("sdtContent")):
                out.extend(self.blocks(child))
        elif tag == w("altChunk"):
            self.skipped["embedded documents (altChunk)"] += 1
        elif tag == f"{{{MC}}}AlternateContent":
            choice = element.find(f"{{{MC}}}Choice")
            if choice is None:
                choice = element.find(f"{{{MC}}}Fallback")
            if choice is not None:
                out.extend(self.blocks(choice))
        else:  # w:customXml, w:ins, w:moveTo and other wrappers
            out.extend(self.blocks(element))

    def _placeholder(self, sdt: etree._Element) -> bool:
        """An unfilled content control shows template prompts, not policy text."""
        props = sdt.find(w("sdtPr"))
        if props is not None and props.find(w("showingPlcHdr")) is not None:
            self.skipped["unfilled content-control placeholders"] += 1
            return True
        return False

    def _inline(
        self, element: etree._Element, texts: list[str], boxes: list[etree._Element]
    ) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP_INLINE:
                continue
            if tag in (w("t"), f"{{{M}}}t"):
                texts.append(child.text or "")
            elif tag == w("tab"):
                texts.append("\t")
            elif tag in (w("br"), w("cr")):
                texts.append("\n")
            elif tag == w("noBreakHyphen"):
                texts.append("-")
            elif tag == w("txbxContent"):
                boxes.append(child)
            elif tag == w("sdt") and self._placeholder(child):
                continue
            elif tag == w("object"):
                self.skipped["embedded objects"] += 1
            else:
                if tag in (f"{{{A}}}blip", f"{{{V}}}imagedata"):
                    self.skipped["images"] += 1
                self._inline(child, texts, boxes)

    def _paragraph(self, p: etree._Element, out: list[TextBlock]) -> None:
        texts: list[str] = []
        boxes: list[etree._Element] = []
        self._inline(p, texts, boxes)
        text = "".join(texts)
        ppr = p.find(w("pPr"))
        style_id = _val(ppr.find(w("pStyle"))) if ppr is not None else None
        if self.styles.is_toc(style_id):
            if text.strip():
                self.skipped["table-of-contents entries"] += 1
        elif text.strip():
            out.append(self._classify(ppr, style_id, text)._replace(line=self.numbers.get(p)))
        for box in boxes:  # text boxes follow the paragraph that anchors them
            out.extend(self.blocks(box))

    def _classify(self, ppr: etree._Element | None, style_id: str | None, text: str) -> TextBlock:
        outline = _int(_val(ppr.find(w("outlineLvl")))) if ppr is not None else None
        if outline is not None:
            level = outline + 1 if 0 <= outline < 9 else None  # 9 means "body text"
        else:
            level = self.styles.heading_level(style_id)
        if level is not None:
            return TextBlock(BlockKind.HEADING, text, level)
        numbered = _numbered(ppr)
        if numbered is None:
            numbered = self.styles.numbered(style_id)
        return TextBlock(BlockKind.LIST_ITEM if numbered else BlockKind.PARAGRAPH, text)

    def _rows(self, element: etree._Element, tag: str) -> Iterator[etree._Element]:
        """Rows of a table or cells of a row, looking through content controls and customXml."""
        for child in element:
            if child.tag == tag:
                yield child
            elif child.tag == w("sdt"):
                for content in child.iterfind(w("sdtContent")):
                    yield from self._rows(content, tag)
            elif child.tag == w("customXml"):
                yield from self._rows(child, tag)

    def _table(self, table: etree._Element, out: list[TextBlock]) -> None:
        # Raw w:tc elements: a merged cell is one element (gridSpan) or a start plus empty
        # continuations (vMerge), so each cell's text comes out once.
        for row in self._rows(table, w("tr")):
            cells: list[list[TextBlock]] = []
            for cell in self._rows(row, w("tc")):
                cells.append([])
                self._cell(cell, cells[-1])
            out.extend(_field_row(cells) or [block for blocks in cells for block in blocks])

    def _cell(self, cell: etree._Element, out: list[TextBlock]) -> None:
        inner = self.blocks(cell)
        simple = all(block.kind is not BlockKind.HEADING for block in inner) and len(inner) <= 3
        nested = cell.find(f".//{w('tbl')}") is not None
        if simple and not nested:
            text = " ".join(block.text for block in inner)
            if text.strip():
                first = next((block.line for block in inner if block.line is not None), None)
                out.append(TextBlock(BlockKind.TABLE_CELL, text, None, first))
        else:
            out.extend(inner)  # a layout cell holding a whole section keeps its structure


def _field_row(cells: list[list[TextBlock]]) -> list[TextBlock] | None:
    """A two-cell row that is a header field ("Owner" | "IT"), as one block."""
    if len(cells) != 2 or any(len(blocks) != 1 for blocks in cells):
        return None
    label, value = cells[0][0], cells[1][0]
    if label.kind is not BlockKind.TABLE_CELL or value.kind is not BlockKind.TABLE_CELL:
        return None
    field = field_row([label.text, value.text])
    return [TextBlock(BlockKind.TABLE_CELL, field, None, label.line)] if field else None


# ---------------------------------------------------------------- package parts


def _parts(document: object) -> list[tuple[str, str, etree._Element | bytes]]:
    """(content type, part name, element or blob) for every part, in part-name order."""
    package = document.part.package  # type: ignore[attr-defined]
    found = []
    for part in package.iter_parts():
        element = getattr(part, "element", None)
        found.append(
            (part.content_type, str(part.partname), element if element is not None else part.blob)
        )
    return sorted(found, key=lambda item: _natural(item[1]))


def _natural(name: str) -> list[object]:
    return [int(piece) if piece.isdigit() else piece for piece in re.split(r"(\d+)", name)]


def _element(content: etree._Element | bytes) -> etree._Element:
    if isinstance(content, bytes):
        return etree.fromstring(content, SAFE_PARSER)
    return content


_APART = (
    ("header+xml", "(header)", None),
    ("footer+xml", "(footer)", None),
    ("footnotes+xml", "(footnotes)", "footnote"),
    ("endnotes+xml", "(endnotes)", "endnote"),
)


def _apart_blocks(
    walker: BodyWalker, parts: list[tuple[str, str, etree._Element | bytes]]
) -> Iterator[tuple[str, list[TextBlock]]]:
    for suffix, label, note_tag in _APART:
        for content_type, _, content in parts:
            if content_type != _CT + suffix:
                continue
            root = _element(content)
            if note_tag is None:
                yield label, walker.blocks(root)
                continue
            for note in root.iterfind(w(note_tag)):
                # separator / continuationSeparator notes are the rules Word draws, not text
                if note.get(w("type")) in (None, "normal"):
                    yield label, walker.blocks(note)


def _count_comments(parts: list[tuple[str, str, etree._Element | bytes]]) -> int:
    return sum(
        len(_element(content).findall(w("comment")))
        for content_type, _, content in parts
        if content_type == _CT + "comments+xml"
    )


def _add_apart(
    builder: DocumentBuilder, label: str, blocks: Iterable[TextBlock], seen: set[str]
) -> None:
    """Add blocks after the body under their own section, never joining the body's headings."""
    for block in blocks:
        if block.text in seen:  # first-page, even and default headers often repeat
            continue
        seen.add(block.text)
        builder.add_apart(label, block.kind, block.text)


def _metadata(document: object) -> Metadata:
    try:
        core = document.core_properties  # type: ignore[attr-defined]
        created, modified = core.created, core.modified
        return Metadata(
            title=(core.title or "").strip() or None,
            author=(core.author or "").strip() or None,
            created=created.isoformat() if created else None,
            modified=modified.isoformat() if modified else None,
        )
    except (ValueError, TypeError, KeyError, etree.XMLSyntaxError):
        return Metadata()  # malformed core properties should not cost the policy text


def _open_docx(data: bytes) -> object:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as error:
        if "macroEnabled" in str(error):
            raise InputError(
                ErrorCode.UNSUPPORTED,
                "macro-enabled Word documents (.docm) are not supported; save as .docx",
            ) from None
        raise InputError(ErrorCode.CORRUPT, f"damaged DOCX: {error}") from None
    except etree.XMLSyntaxError as error:
        raise InputError(ErrorCode.CORRUPT, f"damaged DOCX: {xml_problem(error)}") from None
    except (PackageNotFoundError, KeyError) as error:
        raise InputError(ErrorCode.CORRUPT, f"damaged DOCX: {error}") from None
    except ZIP_FAILURES as error:
        raise zip_failure(error) from None


def read_docx(data: bytes, limits: Limits) -> ReadResult:
    check_package(data, limits).close()
    document = _open_docx(data)
    styles_part = getattr(document, "styles", None)
    walker = BodyWalker(Styles(styles_part.element if styles_part is not None else None))
    builder = DocumentBuilder()
    body = document.element.body  # type: ignore[attr-defined]
    walker.number_paragraphs(body)
    for block in walker.blocks(body):
        builder.add(block.kind, block.text, level=block.level, paragraph=block.line)
    parts = _parts(document)
    seen: dict[str, set[str]] = {}
    for label, blocks in _apart_blocks(walker, parts):
        _add_apart(builder, label, blocks, seen.setdefault(label, set()))
    comments = _count_comments(parts)
    skipped = [Skipped(what=what, count=count) for what, count in sorted(walker.skipped.items())]
    if comments:
        skipped.append(Skipped(what="reviewer comments", count=comments, detail="not policy text"))
    return ReadResult(blocks=builder.blocks, metadata=_metadata(document), skipped=skipped)
