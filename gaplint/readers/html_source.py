"""HTML source clean-up before parsing: server code, attribute floods and runaway nesting.

Every function keeps the source's line breaks, so parsed elements keep their true line
numbers, and every scan is linear: pages are hostile input.
"""

from __future__ import annotations

import bisect
import re

# A PHP heredoc or nowdoc opener: <<<ID, <<< "ID" or <<<'ID' (nowdoc), then a newline.
_HEREDOC = re.compile(r"""<<<[ \t]*(["']?)([A-Za-z_]\w*)\1[ \t]*\r?\n""")
# Interpolations in a heredoc body ($name, $obj->name, $a['k'], {$expr}); their values are
# unknown here, so they go rather than show as "$sitename Usage Guidelines".
INTERPOLATION = re.compile(r"\{\$[^{}\n]{0,200}\}|\$[A-Za-z_]\w*(?:->\w+|\[[^\]\n]{0,100}\])*")
# An identifier at the start of a line, after optional indentation: a possible closer.
_LINE_START_NAME = re.compile(r"^[ \t]*([A-Za-z_]\w*)", re.M)
# The next thing that looks like markup: where unclosed server code is taken to end.
_NEXT_TAG = re.compile(r"<[A-Za-z/!]")

MAX_ATTRIBUTES = 100
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{4000,}>")
_ATTRIBUTE = re.compile(r"""\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")
_TAG_NAME = re.compile(r"<[A-Za-z][^\s/>]*")

# Tags whose nesting the parser cannot track (void elements never open a level).
# The look-ahead stops the name from giving characters back to `[^<>]*?`: without it a long
# run of letters with no `>` is tried at every split, which is quadratic.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?![A-Za-z0-9:-])[^<>]*?(/?)>")
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip


def newlines(text: str) -> str:
    return "\n" * text.count("\n")


class _Finder:
    """Forward-only search for a marker (a string, or a compiled pattern) that remembers its
    last answer: a thousand openers before one far-away closer (or none) must not re-scan the
    page a thousand times."""

    def __init__(self, text: str, marker: str | re.Pattern[str]) -> None:
        self.text, self.marker = text, marker
        self.searched_from, self.hit = len(text) + 1, -1

    def find(self, start: int) -> int:
        if self.searched_from <= start and (self.hit < 0 or start <= self.hit):
            return self.hit
        self.searched_from = start
        if isinstance(self.marker, str):
            self.hit = self.text.find(self.marker, start)
        else:
            match = self.marker.search(self.text, start)
            self.hit = match.start() if match else -1
        return self.hit


class LineStarts:
    """Where each identifier starts a line (heredoc closers), indexed once on first use:
    searching the rest of the page for every opener would be quadratic."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._index: dict[str, list[int]] | None = None

    def first_after(self, name: str, position: int) -> int | None:
        """End of the first line-start `name` at or after `position`, or None."""
        if self._index is None:
            self._index = {}
            for match in _LINE_START_NAME.finditer(self.text):
                self._index.setdefault(match.group(1), []).append(match.end())
        ends = self._index.get(name, [])
        found = bisect.bisect_left(ends, position + len(name))
        return ends[found] if found < len(ends) else None


def heredoc_body(text: str, start: int, closers: LineStarts) -> tuple[str, int] | None:
    """(kept body, end of the closing marker) for a heredoc opening at `start`, else None."""
    opener = _HEREDOC.match(text, start)
    if not opener:
        return None
    quote, name = opener.group(1), opener.group(2)
    closer_end = closers.first_after(name, opener.end())
    if closer_end is None:
        return None
    closer_start = text.rfind("\n", 0, closer_end) + 1
    body = text[opener.end() : closer_start]
    if quote != "'":  # nowdoc bodies are literal; heredocs interpolate
        body = INTERPOLATION.sub("", body)
    return newlines(text[start : opener.end()]) + body, closer_end


def strip_server_code(text: str) -> tuple[str, int]:
    """Remove PHP (<?php ... ?>, <?= ... ?>) and ASP (<% ... %>) code, keeping the HTML that
    PHP heredocs wrap, and the line breaks of everything removed; returns (text, blocks removed).

    Neither a stray opener nor an unclosed one may swallow the rest of the page: a bare "<?" or
    "<%" is code only when closed before the next tag (else it is prose, "rises by <%5"), and
    an unclosed "<?php" or "<?=" ends at the next tag.
    """
    scanner = _ServerCode(text)
    return scanner.strip(), scanner.removed


class _ServerCode:
    def __init__(self, text: str) -> None:
        self.text = text
        self.closers = {"?": _Finder(text, "?>"), "%": _Finder(text, "%>")}
        self.openers = {"?": _Finder(text, "<?"), "%": _Finder(text, "<%")}
        self.heredocs = _Finder(text, "<<<")
        self.next_tag = _Finder(text, _NEXT_TAG)
        self.heredoc_closers = LineStarts(text)
        self.removed = 0

    def strip(self) -> str:
        text, out, position = self.text, [], 0
        while True:
            found = [finder.find(position) for finder in self.openers.values()]
            starts = [start for start in found if start >= 0]
            if not starts:
                break
            start = min(starts)
            out.append(text[position:start])
            if text.startswith("<?xml", start):  # a declaration, left to the parser
                out.append("<?xml")
                position = start + 5
                continue
            explicit = text.startswith(("<?php", "<?=", "<?PHP"), start)
            if not (explicit or self._closed_in_place(start)):
                out.append("&lt;")  # prose: escaped so the parser reads no tag into it
                position = start + 1
                continue
            position = self._skip_code(start, out)
            self.removed += 1
        out.append(text[position:])
        return "".join(out)

    def _closed_in_place(self, start: int) -> bool:
        """A bare opener is code when its closer comes before the next tag."""
        end = self.closers[self.text[start + 1]].find(start + 2)
        tag = self.next_tag.find(start + 2)
        return end >= 0 and (tag < 0 or end < tag)

    def _skip_code(self, start: int, out: list[str]) -> int:
        """Consume one code block from `start`, appending its line breaks and any heredoc
        bodies to `out`; returns where the page resumes."""
        text, cursor = self.text, start + 2
        closer = self.closers[text[start + 1]]
        while True:
            end = closer.find(cursor)
            # Unclosed code ends at the next tag; a heredoc counts only inside the block.
            limit = end if end >= 0 else self.next_tag.find(cursor)
            limit = limit if limit >= 0 else len(text)
            heredoc = self.heredocs.find(cursor) if text[start + 1] == "?" else -1
            if 0 <= heredoc < limit:
                kept = heredoc_body(text, heredoc, self.heredoc_closers)
                if kept:
                    out.append(newlines(text[cursor:heredoc]) + kept[0])
                    cursor = kept[1]
                    continue
            out.append(newlines(text[cursor:limit]))
            return limit + 2 if end >= 0 else limit


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
    return name.group(0) + "".join(kept) + newlines(tag[position:]) + ">"


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
            out += [text[position : tag.start()], " ", newlines(tag.group(0))]
            position, dropped = tag.end(), dropped + 1
    out.append(text[position:])
    return "".join(out), dropped
