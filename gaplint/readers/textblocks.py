"""Recognise headings, list items and paragraphs in lines of plain text.

Shared by the text and Markdown readers, and usable by any reader that ends up with lines
(PDF pages, for instance): `split_list_marker`, `is_list_marker`, `heading_level`, `join_lines`,
`join_hyphenated`, `text_blocks`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from gaplint.document import BlockKind

_ROMAN_LOWER = r"[ivxlcdm]{1,7}"
_ROMAN_UPPER = r"[IVXLCDM]{1,7}"
_BULLETS = "-*+•●○◦▪■‣–·◆◇►▸⁃∙"

# A list marker: "-", "•", "1.", "1)", "a)", "(iv)", "B.".
_MARKER = rf"""(?P<marker>
        [{re.escape(_BULLETS)}]
      | \((?:\d{{1,3}}|[A-Za-z]|{_ROMAN_LOWER}|{_ROMAN_UPPER})\)
      | (?:\d{{1,3}}|[A-Za-z]|{_ROMAN_LOWER}|{_ROMAN_UPPER})[.)]
    )"""
# A list marker and the text after it: "- x", "• x", "1. x", "(iv) x".
_LIST_MARKER = re.compile(rf"^{_MARKER}\s+(?P<rest>\S.*)$", re.VERBOSE)
_MARKER_ALONE = re.compile(rf"^{_MARKER}$", re.VERBOSE)

# "3.2 Employee Conduct", "4. Scope", "3.2.1. Records"; the level is the number of parts.
_NUMBERED = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3})*)\.?\s+(?P<title>\S.*)$")
# "I. PURPOSE", "IV Scope" (level 1) and "A. Scope" (level 2) outline headings.
_LETTERED = re.compile(rf"^(?P<num>{_ROMAN_UPPER}|[A-Z])[.)]\s+(?P<title>\S.*)$")
# "Section 4.", "ARTICLE IV - SCOPE", "Chapter 2: Use of Accounts", "§ 5 Records".
_KEYWORD = re.compile(
    rf"^(?:section|article|chapter|part|§)\s*(?:\d{{1,3}}(?:\.\d{{1,3}})*|{_ROMAN_UPPER}|[A-Z])\b"
    r"[.:]?(?:\s*[-–—:.]?\s*(?P<title>.*))?$",
    re.IGNORECASE,
)
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\uffef\uac00-\ud7af]")

MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 100


class TextBlock(NamedTuple):
    kind: BlockKind
    text: str
    level: int | None = None
    # 1-based position of the block's start: its first line (text), paragraph number (DOCX).
    line: int | None = None


def split_list_marker(line: str) -> tuple[str, str] | None:
    """("1.", "rest") for a list-item line, else None. Leading whitespace is ignored."""
    match = _LIST_MARKER.match(line.strip())
    return (match.group("marker"), match.group("rest")) if match else None


def is_list_marker(text: str) -> bool:
    """A list marker with nothing after it, e.g. a bullet glyph set apart from its text."""
    return bool(_MARKER_ALONE.match(text.strip()))


def marker_family(marker: str) -> str:
    """bullet, digit, letter or paren: siblings in one list share a family."""
    core = marker.strip("().")
    if marker[0] in _BULLETS:
        return "bullet"
    if marker.startswith("("):
        return "paren"
    return "digit" if core.rstrip(")").isdigit() else "letter"


def _title_like(title: str) -> bool:
    """Short, not a sentence: headings do not end with sentence punctuation."""
    title = title.strip()
    if not title:
        return True
    if len(title) > MAX_HEADING_CHARS or len(title.split()) > MAX_HEADING_WORDS:
        return False
    if title[-1] in ".,;!?" and not title.endswith(".."):
        return False
    first = title[0]
    return not (first.isalpha() and first.islower())


def is_caps_heading(line: str) -> bool:
    """An all-capitals short line like "PURPOSE" or "II. PROHIBITED CONDUCT"."""
    line = line.strip()
    if len(line) > MAX_HEADING_CHARS:
        return False
    letters = [char for char in line if char.isalpha()]
    if len(letters) < 3:
        return False
    if len(line.split()) > MAX_HEADING_WORDS or line[-1] in ",;":
        return False
    return all(char.isupper() for char in letters if char.isupper() or char.islower())


def heading_level(line: str) -> int | None:
    """The level this line would have as a heading, or None when it cannot be one.

    The caller still decides from context (a heading starts a block and has text after it).
    """
    line = line.strip()
    numbered = _NUMBERED.match(line)
    if numbered and _title_like(numbered.group("title")):
        return numbered.group("num").count(".") + 1
    lettered = _LETTERED.match(line)
    if lettered and _title_like(lettered.group("title")):
        num = lettered.group("num")
        return 1 if len(num) > 1 or num in "IVX" else 2
    keyword = _KEYWORD.match(line)
    if keyword and _title_like(keyword.group("title") or ""):
        return 1
    if is_caps_heading(line):
        return 1
    return None


def join_lines(lines: Iterable[str]) -> str:
    """Join wrapped lines with spaces, but not between two CJK characters (no spaces there)."""
    joined = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if joined and not (_CJK.match(joined[-1]) and _CJK.match(line[0])):
            joined += " "
        joined += line
    return joined


# First halves of real compounds, so "well-/known" keeps its hyphen but "employ-/ees" joins up.
_COMPOUND_PREFIXES = frozenset(
    re.findall(
        r"\S+",
        """well self non co cross long short full part high low real third second first one two
    three four five multi ex anti all half top state follow sign log opt check set up law time
    decision user face end city county department agency post pre on off so community public
    private open""",
    )
)


def join_hyphenated(lines: Iterable[str]) -> str:
    """Like join_lines, for typeset text: a word broken by a line-end hyphen is mended
    ("employ-" + "ees" -> "employees"), a compound keeps its hyphen ("e-" + "mail")."""
    parts: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if parts:
            prev = parts[-1]
            if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and line[0].isalpha():
                if not _keeps_hyphen(prev, line):
                    parts[-1] = prev[:-1]
            elif not (_CJK.match(prev[-1]) and _CJK.match(line[0])):
                parts.append(" ")
        parts.append(line)
    return "".join(parts)


def _keeps_hyphen(before: str, after: str) -> bool:
    """A line-end hyphen is kept in a compound ("e-mail", "well-known", "state-of-the-art")
    and before a capital or a digit; otherwise it splits one word."""
    left = before[:-1].rsplit(" ", 1)[-1]
    left_word = re.split(r"[^\w-]", left)[-1]
    if "-" in left_word or len(left_word) <= 1 or not after[:1].islower():
        return True
    return left_word.lower() in _COMPOUND_PREFIXES


def _next_nonblank(lines: Sequence[str], index: int) -> str | None:
    for following in range(index + 1, len(lines)):  # no slicing: that would copy the rest
        line = lines[following].strip()
        if line:
            return line
    return None


def _heading_here(line: str, following: str | None) -> int | None:
    """A heading needs body text after it; "1. Apples / 2. Pears" is a list, not headings."""
    if following is None or _SETEXT.match(following):
        return None
    level = heading_level(line)
    if level is None:
        return None
    marker = split_list_marker(line)
    after = split_list_marker(following)
    if marker and after and not is_caps_heading(line):
        same = marker_family(marker[0]) == marker_family(after[0])
        if same and "." not in line.split()[0].rstrip("."):
            return None
    return level


def _may_start_heading(
    current: list[str], kind: BlockKind, raw: str, marker: tuple[str, str] | None
) -> bool:
    """Headings start blocks: after a blank line, after a finished sentence, or after a list
    item, unless the line is indented (a wrapped line) or continues the list with a marker."""
    if not current:
        return True
    if kind is BlockKind.PARAGRAPH:
        return current[-1].endswith((".", ":", ";", "!", "?"))
    if raw[:1].isspace():
        return False
    return marker is None or is_caps_heading(raw)


class _Piece(NamedTuple):
    line: int
    text: str
    after_page_break: bool
    item: bool = False  # a marker joined to its text: a list item, whatever its length


MAX_BLANKS_AFTER_MARKER = 2


def _join_lone_markers(pieces: list[_Piece]) -> list[_Piece]:
    """A list marker on a line of its own, its text on the next non-blank line ("II." then
    "PURPOSE", "(f)" then the item; `pdftotext -layout` leaves them so): one line again, so
    "II. PURPOSE" is a heading and "(f) Any content ..." an item (marked as one: a short
    unpunctuated first line of a wrapped item is no heading)."""
    joined: list[_Piece] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        index += 1
        if not is_list_marker(piece.text):
            joined.append(piece)
            continue
        after = index  # past at most a few blank lines on the same page
        while (
            after < len(pieces)
            and after - index < MAX_BLANKS_AFTER_MARKER
            and not pieces[after].text.strip()
            and not pieces[after].after_page_break
        ):
            after += 1
        follower = pieces[after] if after < len(pieces) else None
        words = follower.text.strip() if follower and not follower.after_page_break else ""
        if not words or is_list_marker(words):
            joined.append(piece)
            continue
        item = not is_caps_heading(words)
        joined.append(piece._replace(text=f"{piece.text.strip()} {words}", item=item))
        index = after + 1
    return joined


def _title_before_heading(
    current: list[str], kind: BlockKind, line: str, following: str | None
) -> bool:
    """Whether `current` is a lone title line that `line`, a numbered or capitals heading,
    follows without a blank line between."""
    if kind is not BlockKind.PARAGRAPH or len(current) != 1 or not _title_like(current[0]):
        return False
    numbered = _NUMBERED.match(line) or _LETTERED.match(line)
    strong = is_caps_heading(numbered.group("title")) if numbered else is_caps_heading(line)
    return strong and _heading_here(line, following) is not None


def text_blocks(lines: Sequence[str]) -> list[TextBlock]:
    """Group plain-text lines into headings, list items and paragraphs.

    Blank lines end a block; a list marker starts an item that absorbs wrapped lines; a short
    ALL-CAPS or numbered line at the start of a block, followed by text, is a heading; a line
    underlined with === or --- is a heading too.
    """
    blocks: list[TextBlock] = []
    current: list[str] = []
    kind = BlockKind.PARAGRAPH
    first = 1  # line number of current[0]

    def flush() -> None:
        nonlocal current, kind
        text = join_lines(current)
        if text:
            blocks.append(TextBlock(kind, text, None, first))
        current, kind = [], BlockKind.PARAGRAPH

    # A form feed (page break) splits its line into segments that share its line number.
    pieces = _join_lone_markers(
        [
            _Piece(number, piece, part > 0)
            for number, raw in enumerate(lines, start=1)
            for part, piece in enumerate(raw.split("\f"))
        ]
    )
    numbers = [piece.line for piece in pieces]
    segments = [piece.text for piece in pieces]
    page_breaks = {index for index, piece in enumerate(pieces) if piece.after_page_break}
    items = {index for index, piece in enumerate(pieces) if piece.item}
    for index, raw in enumerate(segments):
        if index in page_breaks:
            flush()
        line = raw.strip()
        if not line:
            flush()
            continue
        underline = _SETEXT.match(line)
        if underline and len(line) >= 3:
            if current and kind is BlockKind.PARAGRAPH:
                level = 1 if line.startswith("=") else 2
                blocks.append(TextBlock(BlockKind.HEADING, join_lines(current), level, first))
                current = []
            else:
                flush()  # a rule between sections
            continue
        following = _next_nonblank(segments, index)
        marker = split_list_marker(line)
        # A title line run straight into a numbered or capitals heading ("Use of Social Media"
        # then "4.1 PURPOSE AND SCOPE", no blank between, as `pdftotext` leaves a page's top)
        # is a heading too: the document's sections stand under it.
        if _title_before_heading(current, kind, line, following):
            blocks.append(TextBlock(BlockKind.HEADING, current[0], 1, first))
            current = []
        if index not in items and _may_start_heading(current, kind, raw, marker):
            heading = _heading_here(line, following)
            if heading is not None:
                flush()
                blocks.append(TextBlock(BlockKind.HEADING, line, heading, numbers[index]))
                continue
        if marker:
            flush()
            kind = BlockKind.LIST_ITEM
            current, first = [marker[1]], numbers[index]
            continue
        if not current:
            first = numbers[index]
        current.append(line)
    flush()
    return blocks
