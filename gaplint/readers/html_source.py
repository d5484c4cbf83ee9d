"""HTML source clean-up before parsing: server code, attribute floods and runaway nesting.

Every function keeps the source's line breaks, so parsed elements keep their true line
numbers, and every scan is linear: pages are hostile input.
"""

from __future__ import annotations

import re

# A PHP heredoc or nowdoc opener: <<<ID, <<< "ID" or <<<'ID' (nowdoc), then a newline.
_HEREDOC = re.compile(r"""<<<[ \t]*(["']?)([A-Za-z_]\w*)\1[ \t]*\r?\n""")
# Interpolations in a heredoc body ($name, $obj->name, $a['k'], {$expr}); their values are
# unknown here, so they go rather than show as "$sitename Usage Guidelines".
_INTERPOLATION = re.compile(r"\{\$[^{}\n]{0,200}\}|\$[A-Za-z_]\w*(?:->\w+|\[[^\]\n]{0,100}\])*")
# The next thing that looks like markup: where unclosed server code is taken to end.
_NEXT_TAG = re.compile(r"<[A-Za-z/!]")

MAX_ATTRIBUTES = 100
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{4000,}>")
_ATTRIBUTE = re.compile(r"""\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")
_TAG_NAME = re.compile(r"<[A-Za-z][^\s/>]*")

# Tags whose nesting the parser cannot track (void elements never open a level).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip


def _newlines(text: str) -> str:
    return "\n" * text.count("\n")


class _Finder:
    """str.find for searches that only move forward, remembering its last answer: a thousand
    openers before one far-away closer (or none) must not re-scan the page a thousand times."""

    def __init__(self, text: str, marker: str) -> None:
        self.text, self.marker = text, marker
        self.searched_from, self.hit = len(text) + 1, -1

    def find(self, start: int) -> int:
        if self.searched_from <= start and (self.hit < 0 or start <= self.hit):
            return self.hit
        self.searched_from, self.hit = start, self.text.find(self.marker, start)
        return self.hit


def _heredoc_body(text: str, start: int) -> tuple[str, int] | None:
    """(kept body, end of the closing marker) for a heredoc opening at `start`, else None."""
    opener = _HEREDOC.match(text, start)
    if not opener:
        return None
    quote, name = opener.group(1), opener.group(2)
    closer = re.compile(rf"^[ \t]*{name}\b", re.M).search(text, opener.end())
    if not closer:
        return None
    body = text[opener.end() : closer.start()]
    if quote != "'":  # nowdoc bodies are literal; heredocs interpolate
        body = _INTERPOLATION.sub("", body)
    return _newlines(text[start : opener.end()]) + body, closer.end()


def strip_server_code(text: str) -> tuple[str, int]:
    """Remove PHP (<?php ... ?>, <?= ... ?>) and ASP (<% ... %>) code, keeping the HTML that
    PHP heredocs wrap, and the line breaks of everything removed; returns (text, blocks removed).

    A stray "<?" or "<%" that nothing closes is text, and an unclosed "<?php" ends at the
    next tag: neither may swallow the rest of the page.
    """
    out: list[str] = []
    finders = {"?>": _Finder(text, "?>"), "%>": _Finder(text, "%>")}
    php_openers, asp_openers = _Finder(text, "<?"), _Finder(text, "<%")
    heredocs = _Finder(text, "<<<")
    position, removed = 0, 0
    while True:
        php, asp = php_openers.find(position), asp_openers.find(position)
        starts = [found for found in (php, asp) if found >= 0]
        if not starts:
            break
        start = min(starts)
        if text.startswith("<?xml", start):
            out.append(text[position : start + 5])
            position = start + 5
            continue
        out.append(text[position:start])
        closer = finders["?>" if start == php else "%>"]
        cursor = start + 2
        while True:
            end = closer.find(cursor)
            heredoc = heredocs.find(cursor) if start == php else -1
            if heredoc >= 0 and (end < 0 or heredoc < end):
                kept = _heredoc_body(text, heredoc)
                if kept:
                    out.append(_newlines(text[cursor:heredoc]) + kept[0])
                    cursor = kept[1]
                    continue
            if end >= 0:
                out.append(_newlines(text[cursor:end]))
                cursor = end + 2
            elif not text.startswith(("<?php", "<?="), start):
                # A bare "<?" or "<%" that nothing closes is prose ("rates rise by <%5"),
                # not code: kept as text, escaped so the parser does not read a tag into it.
                out.append("&lt;")
                cursor, removed = start + 1, removed - 1
            else:
                tag = _NEXT_TAG.search(text, cursor)
                stop = tag.start() if tag else len(text)
                out.append(_newlines(text[cursor:stop]))
                cursor = stop
            break
        position, removed = cursor, removed + 1
    out.append(text[position:])
    return "".join(out), removed


def _cap_tag(match: re.Match[str]) -> str:
    tag = match.group(0)
    name = _TAG_NAME.match(tag)
    assert name is not None  # _LONG_TAG starts with the same pattern
    kept: list[str] = []
    position = name.end()
    for count, attribute in enumerate(_ATTRIBUTE.finditer(tag, position)):
        if count == MAX_ATTRIBUTES or attribute.start() != position:
            break
        kept.append(attribute.group(0))
        position = attribute.end()
    return name.group(0) + "".join(kept) + _newlines(tag[position:]) + ">"


def cap_attributes(text: str) -> tuple[str, int]:
    """Keep the first MAX_ATTRIBUTES attributes of each start tag: libxml2's duplicate check is
    quadratic (80,000 attributes take minutes). Returns (text, tags cut)."""
    cut = 0

    def cap(match: re.Match[str]) -> str:
        nonlocal cut
        capped = _cap_tag(match)
        cut += capped != match.group(0)
        return capped

    return _LONG_TAG.sub(cap, text), cut


def flatten_nesting(text: str, max_depth: int, keep: frozenset[str]) -> tuple[str, int]:
    """Drop the tags (never the text) of elements that would open deeper than `max_depth`,
    except those named in `keep` (headings, paragraphs, lists: the structure worth keeping),
    for pages nested beyond the parser's limit. Depth counts the elements kept open, from the
    tags alone; unclosed elements over-count, which only drops more wrappers.
    Returns (text, tags dropped)."""
    out: list[str] = []
    depth, position, dropped = 0, 0, 0
    open_tags: list[bool] = []  # per open start tag: was it dropped?
    for tag in _TAG.finditer(text):
        name = tag.group(2).lower()
        if name in _VOID or tag.group(3):
            continue
        if tag.group(1):  # a closing tag
            if not open_tags:
                continue
            drop = open_tags.pop()
            depth -= not drop
        else:
            drop = depth >= max_depth and name not in keep
            open_tags.append(drop)
            depth += not drop
        if drop:
            out += [text[position : tag.start()], " ", _newlines(tag.group(0))]
            position, dropped = tag.end(), dropped + 1
    out.append(text[position:])
    return "".join(out), dropped
