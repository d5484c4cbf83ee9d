"""Markdown (as found in Hugo/Jekyll sites): front matter, headings, lists, tables, paragraphs.

Markup is removed rather than rendered: links keep their text, emphasis and inline HTML go,
Hugo/Jekyll/Liquid template tags go, and HTML entities are decoded.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from typing import NamedTuple

import yaml

from gaplint.document import BlockKind, DocumentBuilder, Metadata, Skipped
from gaplint.fields import field_row
from gaplint.readers.base import Limits, ReadResult
from gaplint.readers.encoding import decode_text
from gaplint.readers.text import split_lines
from gaplint.readers.textblocks import MAX_HEADING_WORDS, join_lines, split_list_marker

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\n(?P<body>.*?)\n\+\+\+[ \t]*(?:\n|\Z)", re.S)
_TOML_PAIR = re.compile(r"""^\s*(\w+)\s*=\s*["']?(.*?)["']?\s*$""", re.M)
_MAX_FRONT_MATTER = 65_536  # larger "front matter" is not worth parsing for a title

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)  # unclosed: hidden to the end, as rendered
# {{< shortcode >}}, {{% shortcode %}}, {% liquid tag %}, {{ liquid output }}
_TEMPLATE_SOURCE = r"(?:\{\{[<%][^{}]{0,2000}[%>]\}\}|\{%[^{}]{0,2000}%\}|\{\{[^{}]{0,2000}\}\})"
# A tag right before punctuation takes its leading space along ("know in {% x %}." -> "know in.").
# The look-behind starts the spaces only at the start of a run: without it every position of
# a long run of spaces re-scans the rest of the run (quadratic on 300 KB of spaces).
_TEMPLATE = re.compile(rf"(?<![ \t])[ \t]*{_TEMPLATE_SOURCE}(?=[.,;:!?])|{_TEMPLATE_SOURCE}", re.S)

_SETEXT = re.compile(r"^(=+|-+)\s*$")
_FENCE = re.compile(r"^(```+|~~~+)")
_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$")
_REFERENCE_DEF = re.compile(r"^\[[^\]]+\]:\s*\S+")

# Each span excludes its own delimiter and is bounded, so a scan stops at the next marker:
# unbounded lazy spans go quadratic on a long paragraph full of unclosed markers.
_URL = r"(?:[^()\s]|\([^()\s]{0,200}\)){0,2000}(?:\s+\"[^\"\n]{0,300}\")?"
_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"`{1,3}([^`]{1,1000})`{1,3}"), r"\1"),
    (re.compile(rf"!\[[^\[\]]{{0,1000}}\]\({_URL}\)"), ""),  # images: alt is not policy text
    (re.compile(rf"\[([^\[\]]{{1,1000}})\]\({_URL}\)"), r"\1"),  # [text](url "title")
    (re.compile(r"\[([^\[\]]{1,1000})\]\[[^\[\]]{0,200}\]"), r"\1"),  # [text][ref]
    (re.compile(r"<((?:https?|mailto):[^<>\s]{1,2000})>"), r"\1"),  # <https://autolink>
    (re.compile(r"<(?:br|/?p|/?div|/?li|/?tr|/?td|/?th)\b[^<>]{0,2000}>", re.I), " "),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,50}(?:\s[^<>]{0,2000})?/?>"), ""),
    (re.compile(r"\*\*(?=[^\s*])([^*]{1,1000})(?<=\S)\*\*"), r"\1"),
    (re.compile(r"__(?=[^\s_])([^_]{1,1000})(?<=\S)__"), r"\1"),
    (re.compile(r"~~(?=[^\s~])([^~]{1,1000})(?<=\S)~~"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]{1,1000})(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_]{1,1000})(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"\\([!-/:-@\[-`{-~])"), r"\1"),  # backslash escapes
)


def clean_inline(text: str) -> str:
    """Markdown inline markup to plain text; also useful to normalise quotes taken from sources."""
    for pattern, replacement in _INLINE_RULES:
        text = pattern.sub(replacement, text)
    return html.unescape(text)


def _scalar(value: object) -> str | None:
    # Only scalars: a YAML alias bomb hidden in `title` must never be stringified.
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip() or None
    return None


def _iso(value: str | None) -> str | None:
    """Dates as ISO 8601 when they parse ("2013-12-19 12:58:33 -0400"), else as written."""
    if value is None or len(value) <= 10:  # a bare date stays a date
        return value
    try:
        return dt.datetime.fromisoformat(
            re.sub(r"\s+([+-]\d{2}:?\d{2})$", r"\1", value)
        ).isoformat()
    except ValueError:
        return value


def _first(fields: dict[str, object], *names: str) -> str | None:
    for name in names:
        value = fields.get(name)
        if isinstance(value, list) and value:
            value = value[0]
        found = _scalar(value)
        if found:
            return found
    return None


# Front-matter keys that are a policy's header fields (a policy repository keeps its dates,
# owner and review there): kept as text, as a DOCX header is.
_HEADER_KEY_WORDS = {
    "date", "dated", "adopted", "adoption", "effective", "review", "reviewed", "revised",
    "revision", "updated", "lastmod", "owner", "approved", "approval", "version", "supersedes",
    "replaces", "contact", "department", "division", "issued", "status",
}
FRONT_MATTER_SECTION = "(front matter)"


class FrontMatter(NamedTuple):
    metadata: Metadata
    body: str
    skipped: list[Skipped]
    header_fields: list[tuple[int, str]]
    """(line, "owner: Communications"), (line, "date adoption: 2015-05-19"): the header fields."""
    content: list[tuple[int, BlockKind, str]]
    """(line, kind, text): the page's text when it lives in the front matter (an empty body)."""


_MAX_CONTENT_NODES = 5_000  # values visited; a YAML alias bomb is visited once per object
_CONTENT_HEADING_KEYS = {"title", "heading", "subtitle", "name", "header"}
_MIN_CONTENT_WORDS = 6  # a shorter string is a setting ("layout: content"), not text
_TAG = re.compile(r"<[^<>]{0,2000}>")


def _content_blocks(loaded: object) -> list[tuple[BlockKind, str]]:
    """A data-driven page (Jekyll's `pageContent: [{type: title, title: ...}, {copy: ...}]`)
    keeps its text in the front matter: its strings in order, titles as headings, HTML in
    them stripped."""
    found: list[tuple[BlockKind, str]] = []
    seen: set[int] = set()
    stack: list[tuple[object, str]] = [(loaded, "")]
    visits = 0
    while stack and visits < _MAX_CONTENT_NODES:
        value, key = stack.pop()
        visits += 1
        if isinstance(value, (dict, list)):
            if id(value) in seen:
                continue
            seen.add(id(value))
            children = (
                [(child, str(name).lower()) for name, child in value.items()]
                if isinstance(value, dict)
                else [(child, key) for child in value]
            )
            stack.extend(reversed(children))
        elif isinstance(value, str):
            text = " ".join(html.unescape(_TAG.sub(" ", value)).split())
            words = len(text.split())
            if key in _CONTENT_HEADING_KEYS and 0 < words <= MAX_HEADING_WORDS:
                found.append((BlockKind.HEADING, text))
            elif words >= _MIN_CONTENT_WORDS:
                found.append((BlockKind.PARAGRAPH, text))
    # Titles alone ("title: x") are a page with no text.
    return found if any(kind is BlockKind.PARAGRAPH for kind, _ in found) else []


def _header_fields(loaded: object, lines: list[str], first_line: int) -> list[tuple[int, str]]:
    """(source line, "key: value") for the keys that are header fields, spelled as written."""
    if not isinstance(loaded, dict):
        return []
    found = []
    for key, value in loaded.items():
        label = " ".join(str(key).replace("_", " ").replace("-", " ").split())
        text = _scalar(value)
        if text and _HEADER_KEY_WORDS & set(label.lower().split()):
            found.append((_line_of(f"{key}:", lines, first_line), f"{label}: {text}"))
    return found


def _line_of(start: str, lines: list[str], first_line: int, after: int = 0) -> int:
    """The 1-based line of the front matter, from line `after` on, that holds `start`."""
    for number, line in enumerate(lines, start=first_line):
        if number >= after and start in line:
            return number
    return first_line


def parse_front_matter(text: str) -> FrontMatter:
    """Split off YAML (---) or TOML (+++) front matter: metadata, body, skipped notes and the
    header fields among its keys."""
    skipped: list[Skipped] = []
    fields: dict[str, object] = {}
    yaml_match = _FRONT_MATTER.match(text)
    toml_match = None if yaml_match else _TOML_FRONT_MATTER.match(text)
    match = yaml_match or toml_match
    if not match:
        return FrontMatter(Metadata(), text, skipped, [], [])
    source = match.group("body")
    loaded: object = None
    if len(source) > _MAX_FRONT_MATTER:
        skipped.append(Skipped(what="front matter", detail="too long to parse for metadata"))
    elif yaml_match:
        try:
            loaded = yaml.safe_load(source)
        except yaml.YAMLError:
            loaded = None
            skipped.append(Skipped(what="front matter", detail="not valid YAML; not read"))
        if isinstance(loaded, dict):
            fields = {str(key).lower(): value for key, value in loaded.items()}
    else:
        fields = {key.lower(): value for key, value in _TOML_PAIR.findall(source)}
    metadata = Metadata(
        title=_first(fields, "title"),
        author=_first(fields, "author", "authors"),
        created=_iso(_first(fields, "date", "created", "publishdate", "published")),
        modified=_iso(
            _first(fields, "lastmod", "modified", "updated", "last_modified", "last-modified")
        ),
    )
    # Keep the line count so nothing else shifts; the front matter itself is not body text.
    body = "\n" * match.group(0).count("\n") + text[match.end() :]
    lines = source.split("\n")
    first_line = text[: match.start("body")].count("\n") + 1
    content: list[tuple[int, BlockKind, str]] = []
    line = first_line
    for kind, words in _content_blocks(loaded) if not body.strip() else []:
        line = _line_of(words.split()[0][:6], lines, first_line, after=line)
        content.append((line, kind, words))
    header = _header_fields(loaded, lines, first_line) if yaml_match else []
    return FrontMatter(metadata, body, skipped, header, content)


# Line tests written as plain string code, not regexes: the regex forms backtracked
# exponentially (a line of 30 tags) or cubically (a long heading ending in spaces).


def _keep_newlines(match: re.Match[str]) -> str:
    """Removed markup leaves its line breaks behind, so block line numbers stay true."""
    return "\n" * match.group(0).count("\n")


def _is_tag_only(line: str) -> bool:
    """A line of nothing but HTML tags ("<div class='x'>", "</section> <br/>")."""
    position, length, tags = 0, len(line), 0
    while True:
        while position < length and line[position].isspace():
            position += 1
        if position == length:
            return tags > 0
        if line[position] != "<":
            return False
        name = position + 2 if line.startswith("</", position) else position + 1
        if name >= length or not ("a" <= line[name].lower() <= "z"):
            return False
        close = line.find(">", name)
        if close < 0 or "<" in line[name:close]:
            return False
        position, tags = close + 1, tags + 1


def _atx_heading(line: str) -> tuple[int, str] | None:
    """(level, text) for "## Title ##" (CommonMark ATX rules), else None; `line` is stripped."""
    level = len(line) - len(line.lstrip("#"))
    if not 1 <= level <= 6:
        return None
    text = line[level:]
    if text and not text[0].isspace():
        return None  # "#hashtag"
    text = text.strip()
    closing = text.rstrip("#")
    if not closing or closing[-1] in " \t":  # a closing run of # needs a space before it
        text = closing.rstrip()
    return level, text


def _is_thematic_break(line: str) -> bool:
    """A thematic break ("***", "- - -", "___"): three or more of one marker, and spaces."""
    marks = line.replace(" ", "").replace("\t", "")
    return len(marks) >= 3 and marks[0] in "*-_" and marks == marks[0] * len(marks)


_SPACES = re.compile(r"[ \t]*")


def _strip_blockquote(line: str) -> str:
    """The line without its leading "> > " quote markers, found by position: slicing off one
    marker at a time copied the line each time (quadratic on 150,000 markers)."""
    position = _SPACES.match(line).end()  # type: ignore[union-attr]  # matches everywhere
    if not line.startswith(">", position):
        return line
    while line.startswith(">", position):
        position += 1
        if line.startswith((" ", "\t"), position):
            position += 1
        ahead = _SPACES.match(line, position).end()  # type: ignore[union-attr]
        if line.startswith(">", ahead):
            position = ahead
    return line[position:]


def _table_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


class _Blocks:
    """Collects Markdown blocks; `current` holds the lines of the open paragraph or list item,
    `first` the 1-based source line it started on."""

    def __init__(self) -> None:
        self.builder = DocumentBuilder()
        self.current: list[str] = []
        self.kind = BlockKind.PARAGRAPH
        self.first = 1

    def start(self, kind: BlockKind, text: str, line: int) -> None:
        self.flush()
        self.kind, self.current, self.first = kind, [text], line

    def append(self, text: str, line: int) -> None:
        if not self.current:
            self.first = line
        self.current.append(text)

    def flush(self) -> None:
        if self.current:
            self.builder.add(self.kind, clean_inline(join_lines(self.current)), line=self.first)
        self.current, self.kind = [], BlockKind.PARAGRAPH

    def add(
        self, kind: BlockKind, text: str, line: int, level: int | None = None, cleaned: bool = False
    ) -> None:
        self.flush()
        if text.strip():  # empty table cells and headings: nothing to clean
            self.builder.add(kind, text if cleaned else clean_inline(text), level=level, line=line)

    def code(self, lines: Sequence[str], line: int) -> None:
        # Kept (it may quote a sample post) but not cleaned: it is literal text.
        self.flush()
        self.builder.add(BlockKind.PARAGRAPH, "\n".join(lines), line=line)


def markdown_blocks(lines: Sequence[str]) -> DocumentBuilder:
    blocks = _Blocks()
    fence: str | None = None
    fence_line = 0
    code: list[str] = []
    for number, raw in enumerate(lines, start=1):
        if fence is not None:
            if raw.strip().startswith(fence):
                blocks.code(code, fence_line)
                fence, code = None, []
            else:
                code.append(raw)
            continue
        line = _strip_blockquote(raw).rstrip()
        stripped = line.strip()
        fence_match = _FENCE.match(stripped)
        if fence_match:
            blocks.flush()
            fence, fence_line = fence_match.group(1), number + 1
            continue
        if not stripped or _is_tag_only(stripped) or _REFERENCE_DEF.match(stripped):
            blocks.flush()
            continue
        atx = _atx_heading(stripped)
        if atx:
            blocks.add(BlockKind.HEADING, atx[1], number, level=atx[0])
            continue
        if _SETEXT.match(stripped) and blocks.current and blocks.kind is BlockKind.PARAGRAPH:
            text, first = join_lines(blocks.current), blocks.first
            blocks.current = []
            blocks.add(BlockKind.HEADING, text, first, level=1 if stripped[0] == "=" else 2)
            continue
        if _is_thematic_break(stripped):
            blocks.flush()
            continue
        if stripped.startswith("|"):
            if not _TABLE_SEPARATOR.match(stripped):
                blocks.flush()
                cells = _table_cells(stripped)
                # Only a two-cell row can be a field; "**Owner**" is a label too.
                field = None
                if len(cells) == 2:
                    field = field_row([clean_inline(cell) for cell in cells])
                if field:
                    blocks.add(BlockKind.TABLE_CELL, field, number, cleaned=True)
                for cell in [] if field else cells:
                    blocks.add(BlockKind.TABLE_CELL, cell, number)
            continue
        marker = split_list_marker(stripped)
        if marker:
            blocks.start(BlockKind.LIST_ITEM, marker[1], number)
            continue
        blocks.append(stripped, number)
    if fence is not None:
        blocks.code(code, fence_line)
    blocks.flush()
    return blocks.builder


def read_markdown(data: bytes, limits: Limits) -> ReadResult:
    text, _ = decode_text(data)
    text = "\n".join(split_lines(text))
    metadata, body, skipped, header_fields, content = parse_front_matter(text)
    # Checked first: even a linear scan of megabytes of indentation costs a quarter second.
    if "<!--" in body:
        body = _COMMENT.sub(_keep_newlines, body)
    if "{{" in body or "{%" in body:
        body = _TEMPLATE.sub(_keep_newlines, body)
    builder = markdown_blocks(body.split("\n"))
    for line, kind, text in content:  # a page whose text is all in its front matter
        builder.add(kind, text, line=line, level=2 if kind is BlockKind.HEADING else None)
    for line, field in header_fields:  # after the body, apart from it, as DOCX headers are
        builder.add_apart(FRONT_MATTER_SECTION, BlockKind.PARAGRAPH, field, line=line)
    return ReadResult(blocks=builder.blocks, metadata=metadata, skipped=skipped)
