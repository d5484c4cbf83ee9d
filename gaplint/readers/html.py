"""HTML policy pages (.html, .php, .aspx or no extension): the main text, without site furniture.

lxml's HTML parser reads no DTDs, resolves no external entities and never uses the network.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from gaplint.document import BlockKind, DocumentBuilder, Metadata, Skipped
from gaplint.readers.base import Limits, ReadResult
from gaplint.readers.encoding import declared_html_charset, decode_text

# Server-side code in saved pages: <?php ... ?> (to the end if unclosed) and ASP <% ... %>.
_SERVER_CODE = re.compile(r"<\?(?:php|=)?.*?(?:\?>|\Z)|<%.*?(?:%>|\Z)", re.S | re.I)
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


def _inline_text(
    element: etree._Element, stop_at_blocks: bool, skip: set[etree._Element]
) -> list[str]:
    """Text of an element's inline content; with stop_at_blocks, child blocks are left out.

    Returns runs: each block child splits the text, so loose text around blocks stays apart.
    """
    runs = [element.text or ""]
    for child in element:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if child in skip:
            pass  # its tail still belongs to this element
        elif tag in _LINE_BREAKS:
            runs[-1] += " "
        elif stop_at_blocks and tag in _BLOCKS:
            runs.append("")
        elif tag:
            runs[-1] += " ".join(_inline_text(child, False, skip))
        runs[-1] += child.tail or ""
    return runs


def _has_blocks(element: etree._Element) -> bool:
    return any(
        isinstance(child.tag, str) and child.tag.lower() in _BLOCKS - _LINE_BREAKS
        for child in element.iterdescendants()
    )


class _Walker:
    def __init__(self, skip: set[etree._Element]) -> None:
        self.builder = DocumentBuilder()
        self.skip = skip

    def walk(self, element: etree._Element) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in _HEADINGS:
            self.builder.add(BlockKind.HEADING, " ".join(_inline_text(element, False, self.skip)),
                             level=_HEADINGS[tag])  # fmt: skip
            return
        if tag in {"td", "th"} and not _has_blocks(element):
            self.builder.add(
                BlockKind.TABLE_CELL, " ".join(_inline_text(element, False, self.skip))
            )
            return
        if tag in {"p", "pre", "dt", "dd", "caption", "figcaption"} and not _has_blocks(element):
            self.builder.add(BlockKind.PARAGRAPH, " ".join(_inline_text(element, False, self.skip)))
            return
        # Containers (and list items or cells that hold blocks, as in layout tables):
        # loose text between child blocks becomes its own block, children are walked in order.
        kind = BlockKind.LIST_ITEM if tag == "li" else BlockKind.PARAGRAPH
        if tag in {"td", "th"}:
            kind = BlockKind.TABLE_CELL
        runs = iter(_inline_text(element, True, self.skip))
        self.builder.add(kind, next(runs))
        for child in element:
            child_tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if child_tag in _BLOCKS - _LINE_BREAKS and child not in self.skip:
                self.walk(child)
                self.builder.add(kind, next(runs, ""))


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


def parse_html(text: str) -> etree._Element:
    text = _XML_DECLARATION.sub("", _SERVER_CODE.sub("", text))
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, default_doctype=False
    )
    return lxml.html.document_fromstring(text or "<p></p>", parser=parser)


def read_html(data: bytes, limits: Limits) -> ReadResult:
    text, _ = decode_text(data, declared_html_charset(data))
    tree = parse_html(text)
    metadata = _metadata(tree)
    body = tree.find("body")
    if body is None:
        body = tree
    root = _main_root(body)
    skip, removed = _furniture(root, inside_main=root is not body)
    walker = _Walker(skip)
    walker.walk(root)
    skipped = []
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
