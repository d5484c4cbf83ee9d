"""HTML policy pages (.html, .php, .aspx or no extension): the main text, without site furniture.

lxml's HTML parser reads no DTDs, resolves no external entities and never uses the network.
"""

from __future__ import annotations

import re
from typing import NamedTuple, TypeAlias

import lxml.html
from lxml import etree

from gaplint.document import BlockKind, DocumentBuilder, Metadata, Skipped
from gaplint.errors import ErrorCode, InputError
from gaplint.fields import field_row
from gaplint.readers.base import Limits, ReadResult
from gaplint.readers.encoding import declared_html_charset, decode_text
from gaplint.readers.html_source import (
    MAX_ATTRIBUTES,
    cap_attributes,
    flatten_nesting,
    strip_server_code,
)
from gaplint.readers.php_script import php_script_text
from gaplint.readers.textblocks import MAX_HEADING_WORDS

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")

_ALWAYS_DROP = {
    "script", "style", "noscript", "template", "nav", "aside", "button", "select", "option",
    "iframe", "object", "embed", "svg", "canvas", "menu", "dialog", "head",
}  # fmt: skip
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
# Class/id words of site furniture. Matched on whole words of the attribute ("site-footer").
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|sidebar|footer|masthead"
    r"|skip-?link|cookie-?(?:banner|consent|notice|bar|popup|law|message)|cookiebot|onetrust"
    r"|gdpr|consent|share|social-share|related-links)(?:$|[\s_-])",
    re.I,
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = {
    "p", "div", "section", "article", "main", "body", "blockquote", "ul", "ol", "li", "dl",
    "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "pre",
    "figure", "figcaption", "address", "fieldset", "details", "summary", "center", "form",
    "header", "footer", "hr", "br",
    *_HEADINGS,
}  # fmt: skip
_LINE_BREAKS = {"br", "hr"}
_STRUCTURE = _BLOCKS - _LINE_BREAKS
# libxml2 stops at 2,048 levels even with huge_tree; deeper pages are flattened below that.
_MAX_DEPTH = 1_000
_KEEP_WHEN_FLATTENING = frozenset(_STRUCTURE - {"div", "section", "article", "main", "body"})


def _classes(element: etree._Element) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}"


def _text_length(element: etree._Element) -> int:
    return len("".join(element.itertext()).split())


def _is_hidden(element: etree._Element) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or "display:none" in style
    )


def _is_note_link(element: etree._Element) -> bool:
    """Footnote markers and back-links ("1", "[2]", "↵") would glue digits onto words."""
    if element.tag != "a" or not (element.get("href") or "").startswith("#"):
        return False
    text = "".join(element.itertext()).strip()
    return 0 < len(text) <= 4 and not any(char.isalpha() for char in text)


def _main_root(body: etree._Element) -> etree._Element:
    """<main>, role=main or the largest <article>, when it holds real text; else the body."""
    candidates = body.xpath("//main | //*[@role='main']") or body.xpath("//article")
    if not candidates:
        return body
    best = max(candidates, key=_text_length)
    return best if _text_length(best) >= 20 else body


def _furniture(root: etree._Element, inside_main: bool) -> tuple[set[etree._Element], int]:
    """Navigation, scripts, banners and the like: (elements to skip, how many to report)."""
    total = max(_text_length(root), 1)
    doomed: list[etree._Element] = []
    markers: list[etree._Element] = []  # footnote markers: removed, but not furniture to report
    for element in root.iter():
        if not isinstance(element.tag, str) or element is root:
            continue
        tag = element.tag.lower()
        # Page-level header/footer are banners; inside <main>/<article> they hold the title.
        page_level = (
            tag in {"header", "footer"}
            and not inside_main
            and not element.xpath("ancestor::article | ancestor::main")
        )
        if tag in _ALWAYS_DROP or page_level or _is_hidden(element):
            doomed.append(element)
            continue
        if _is_note_link(element):
            markers.append(element)
            continue
        if element.get("role", "").lower() in _DROP_ROLES:
            doomed.append(element)
            continue
        # Hints and forms are weaker evidence: never drop most of the page on their account
        # (ASP.NET wraps whole pages in <form>; "has-sidebar" may sit on the content wrapper).
        hinted = tag == "form" or _FURNITURE.search(_classes(element))
        if hinted and _text_length(element) < total / 2 and not element.xpath(".//h1"):
            doomed.append(element)
    # Skipped while walking rather than removed: removing thousands of siblings is quadratic.
    doomed_set = set(doomed)
    removed = sum(1 for element in doomed if not doomed_set.intersection(element.iterancestors()))
    return doomed_set | set(markers), removed


def _lead_lines(text: str | None) -> int:
    """Line breaks before the first visible character: where the text really starts."""
    if not text:
        return 0
    return text[: len(text) - len(text.lstrip())].count("\n")


def _containers(root: etree._Element) -> set[etree._Element]:
    """Elements holding a block element somewhere inside: walked as containers whatever their
    tag, so an unknown wrapper (<description>) keeps the headings and lists it holds.
    One pass up from each block, stopping at an ancestor already marked: linear."""
    found: set[etree._Element] = set()
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag.lower() not in _STRUCTURE:
            continue
        parent = element.getparent()
        while parent is not None and parent not in found:
            found.add(parent)
            if parent is root:
                break
            parent = parent.getparent()
    return found


def _tag(element: etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _inline(element: etree._Element, skip: set[etree._Element]) -> str:
    """All the text inside an element, without what is skipped; iterative, for deep pages."""
    parts = [element.text or ""]
    stack = [(element, iter(element))]
    while stack:
        parent, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack:
                parts.append(parent.tail or "")
            continue
        tag = _tag(child)
        if child in skip or not tag:
            parts.append(child.tail or "")
        elif tag in _LINE_BREAKS:
            parts.append(" " + (child.tail or ""))
        else:
            # Block elements inside inline content still separate words ("<div>A</div>B").
            parts.append(" " + (child.text or "") if tag in _BLOCKS else child.text or "")
            stack.append((child, iter(child)))
    return "".join(parts)


_BOLD = {"b", "strong"}


def _bold_title(element: etree._Element, text: str) -> bool:
    """A paragraph that is one bold run and reads like a title ("General Guidelines")."""
    children = [child for child in element if _tag(child)]
    if len(children) != 1 or _tag(children[0]) not in _BOLD:
        return False
    if (element.text or "").strip() or (children[0].tail or "").strip():
        return False
    title = " ".join(text.split()).rstrip(":")
    return bool(title) and len(title.split()) <= MAX_HEADING_WORDS and title[-1] not in ".,;!?"


# libxml2 keeps element lines in 16 bits: from here on every element says 65535, which would
# be a wrong place, so such blocks get no line rather than a false one.
_LAST_TRUE_LINE = 65_534


def _start_line(element: etree._Element) -> int | None:
    line = element.sourceline
    return int(line) if line is not None and line <= _LAST_TRUE_LINE else None


def _line_after(element: etree._Element) -> int | None:
    """The line an element ends on: from its deepest last descendant's start, count the line
    breaks in the text after it. Follows one chain down, never the whole subtree, so text
    after each of a thousand nested blocks stays linear."""
    chain = [element]
    while len(chain[-1]):
        chain.append(chain[-1][-1])
    line = _start_line(chain[-1])
    if line is None:
        return None
    after = [chain[-1].text or ""] + [inner.tail or "" for inner in chain[1:]]
    return line + sum(text.count("\n") for text in after)


# A container's content in order: loose text (with the element it follows, for its line) and
# block children, walked in turn.
_Text: TypeAlias = tuple[str, etree._Element, bool]  # (text, anchor, True: anchor before it)
_Item: TypeAlias = _Text | etree._Element


class _Walker:
    """Turns the element tree into blocks with an explicit stack: no recursion limit."""

    def __init__(self, skip: set[etree._Element], containers: set[etree._Element]) -> None:
        self.builder = DocumentBuilder()
        self.skip = skip
        self.containers = containers
        self.heading_level = 0  # of the last <h1>-<h6>

    def _is_block(self, element: etree._Element) -> bool:
        tag = _tag(element)
        return (tag in _BLOCKS and tag not in _LINE_BREAKS) or element in self.containers

    def _leaf(self, element: etree._Element) -> BlockKind | None:
        """The kind of block an element is as a whole, or None when it is a container."""
        tag = _tag(element)
        if tag in _HEADINGS:
            return BlockKind.HEADING
        if element in self.containers:
            return None
        if tag in {"td", "th"}:
            return BlockKind.TABLE_CELL
        if tag in {"p", "pre", "dt", "dd", "caption", "figcaption"}:
            return BlockKind.PARAGRAPH
        return None

    def _field_row(self, row: etree._Element) -> bool:
        """A two-cell row that is a header field ("Owner" | "IT"), added as one block."""
        cells = [child for child in row if _tag(child) in {"td", "th"} and child not in self.skip]
        if len(cells) != 2 or any(self._leaf(cell) is not BlockKind.TABLE_CELL for cell in cells):
            return False
        field = field_row([_inline(cell, self.skip) for cell in cells])
        if field is None:
            return False
        line = _start_line(row)
        self.builder.add(BlockKind.TABLE_CELL, field, line=line and line + _lead_lines(row.text))
        return True

    def walk(self, root: etree._Element) -> None:
        stack: list[tuple[BlockKind, list[_Item]]] = []
        self._enter(root, stack)
        while stack:
            kind, items = stack[-1]
            if not items:
                stack.pop()
                continue
            item = items.pop()  # stored reversed
            if isinstance(item, tuple):
                self._loose(kind, *item)
            else:
                self._enter(item, stack)

    def _loose(self, kind: BlockKind, text: str, anchor: etree._Element, after: bool) -> None:
        if not text.strip():
            return
        line = _line_after(anchor) if after else _start_line(anchor)
        self.builder.add(kind, text, line=line and line + _lead_lines(text))

    def _enter(self, element: etree._Element, stack: list[tuple[BlockKind, list[_Item]]]) -> None:
        tag = _tag(element)
        if tag == "tr" and self._field_row(element):
            return
        leaf = self._leaf(element)
        if leaf is not None:
            line = _start_line(element)
            text = _inline(element, self.skip)
            level = _HEADINGS.get(tag)
            if level is not None:
                self.heading_level = level
            elif leaf is BlockKind.PARAGRAPH and _bold_title(element, text):
                # Editors' headings: a short paragraph all in bold, one level below the last
                # real heading (so a run of them are siblings, not nested).
                leaf, level = BlockKind.HEADING, min(self.heading_level + 1, 6)
            self.builder.add(
                leaf, text, level=level, line=line and line + _lead_lines(element.text)
            )
            return
        kind = BlockKind.LIST_ITEM if tag == "li" else BlockKind.PARAGRAPH
        if tag in {"td", "th"}:
            kind = BlockKind.TABLE_CELL
        # Inline children join the loose text around them; block children split it.
        items: list[_Item] = []
        text, anchor, after = element.text or "", element, False
        for child in element:
            child_tag = _tag(child)
            if child in self.skip or not child_tag:
                text += child.tail or ""
            elif self._is_block(child):
                items += [(text, anchor, after), child]
                text, anchor, after = child.tail or "", child, True
            elif child_tag in _LINE_BREAKS:
                text += " " + (child.tail or "")
            else:
                text += _inline(child, self.skip) + (child.tail or "")
        items.append((text, anchor, after))
        stack.append((kind, items[::-1]))


def _meta(tree: etree._Element, *names: str) -> str | None:
    for name in names:
        for element in tree.xpath(
            "//meta[translate(@name,'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz')=$n"
            " or @property=$n]",
            n=name,
        ):
            content = " ".join((element.get("content") or "").split())
            if content:
                return content
    return None


def _metadata(tree: etree._Element) -> Metadata:
    titles = tree.xpath("//title")
    title = " ".join(titles[0].text_content().split()) if titles else ""
    return Metadata(
        title=title or _meta(tree, "og:title", "dc.title", "dcterms.title"),
        author=_meta(tree, "author", "dc.creator", "dcterms.creator"),
        created=_meta(tree, "article:published_time", "dcterms.created", "dc.date", "date"),
        modified=_meta(tree, "article:modified_time", "dcterms.modified", "last-modified"),
    )


class _Parsed(NamedTuple):
    tree: etree._Element
    skipped: list[Skipped]


def _parse(text: str) -> tuple[etree._Element, bool]:
    """The tree, and whether the parser gave up on depth (it then drops the rest silently)."""
    parser = lxml.html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
        huge_tree=True,  # raises the depth limit from 256 to 2,048 and lifts text-size caps
    )
    tree = lxml.html.document_fromstring(text or "<p></p>", parser=parser)
    too_deep = any("Excessive depth" in entry.message for entry in parser.error_log)
    return tree, too_deep


def parse_html(text: str) -> _Parsed:
    """Parse a page after removing server code and bounding what libxml2 handles badly."""
    skipped: list[Skipped] = []
    # Code is not content (not reported as skipped); a whole PHP script keeps its strings.
    script = php_script_text(text)
    text = script if script is not None else strip_server_code(text)[0]
    if not text.strip():  # libxml2 would say "Document is empty", which reads as damaged
        raise InputError(ErrorCode.EMPTY, "no text outside server code (<?php … ?>, <% … %>)")
    text, capped = cap_attributes(_XML_DECLARATION.sub("", text))
    if capped:
        detail = f"only the first {MAX_ATTRIBUTES} attributes of a tag are read"
        skipped.append(Skipped(what="tags with too many attributes", count=capped, detail=detail))
    tree, too_deep = _parse(text)
    # Too deep: first drop only wrapper tags beyond the limit, then, if need be, all tags.
    if too_deep:
        for keep in (_KEEP_WHEN_FLATTENING, frozenset()):
            flat, dropped = flatten_nesting(text, _MAX_DEPTH, keep)
            tree, too_deep = _parse(flat)
            if not too_deep:
                break
        if too_deep:
            raise InputError(ErrorCode.CORRUPT, "HTML is nested too deeply to read")
        detail = f"tags nested over {_MAX_DEPTH} deep are left out; their text is read"
        skipped.append(Skipped(what="deeply nested tags", count=dropped, detail=detail))
    return _Parsed(tree, skipped)


def read_html(data: bytes, limits: Limits) -> ReadResult:
    text, _ = decode_text(data, declared_html_charset(data))
    tree, skipped = parse_html(text)
    metadata = _metadata(tree)
    body = tree.find("body")
    if body is None:
        body = tree
    root = _main_root(body)
    skip, removed = _furniture(root, inside_main=root is not body)
    walker = _Walker(skip, _containers(root))
    walker.walk(root)
    if root is not body:
        skipped.append(Skipped(what="page areas outside the main content", detail=f"<{root.tag}>"))
    if removed:
        skipped.append(
            Skipped(
                what="page furniture elements",
                count=removed,
                detail="navigation, menus, banners, scripts, forms, hidden or cookie notices",
            )
        )
    return ReadResult(blocks=walker.builder.blocks, metadata=metadata, skipped=skipped)
