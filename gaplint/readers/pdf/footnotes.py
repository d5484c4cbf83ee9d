"""Footnotes and endnotes, kept apart from the body as the DOCX reader keeps its own.

Footnotes are small print at the foot of a page, each note led by its mark ("1", "*"): they
are taken out of the page's rows, so a note never splits or joins a body paragraph.
Endnotes are the blocks under a last heading "Notes" or "Endnotes", each led by its mark.
"""

from __future__ import annotations

import re

from gaplint.document import BlockKind
from gaplint.readers.pdf.assemble import Proto
from gaplint.readers.pdf.geometry import Page, Row, body_size
from gaplint.readers.textblocks import join_hyphenated

FOOTNOTE_SECTION = "(footnotes)"  # the DOCX reader's names for these sections
ENDNOTE_SECTION = "(endnotes)"

_SMALL = 0.85  # notes are set at most this share of the body's font size
_LOWER_PART = 0.5  # and sit below this share of the page height
_MARK = re.compile(r"^(?:\d{1,3}|[*†‡§¶]{1,3})(?:\s+|$)")
_MARK_ALONE = re.compile(r"^(?:\d{1,3}|[*†‡§¶]{1,3})$")
_ENDNOTES_HEADING = re.compile(r"^(?:end\s*notes|notes)$", re.I)
_TERMINAL = re.compile(r"[.!?][\"'”’)\]]*$")


def split_footnotes(pages: list[Page]) -> list[tuple[str, int]]:
    """Remove each page's footnotes from its rows; return the notes with their pages."""
    body = body_size(row for page in pages for row in page.rows)
    notes: list[tuple[str, int]] = []
    for page in pages:
        rows = page.rows
        first = len(rows)
        while (
            first > 1
            and rows[first - 1].size <= _SMALL * body
            and rows[first - 1].top >= page.height * _LOWER_PART
        ):
            first -= 1
        foot = rows[first:]
        if not foot or not _starts_note(foot[0]):
            continue  # small print with no note mark first: not footnotes, leave it be
        page.rows = rows[:first]
        notes.extend((text, page.number) for text in _notes(foot))
    return notes


def _starts_note(row: Row) -> bool:
    """A mark, then the note's text. Set apart from the text, the mark must be a raised one
    (smaller): a row of cells led by a number in the same font is a table row."""
    if len(row.segs) > 1:
        mark, text = row.segs[0], row.segs[1]
        return bool(_MARK_ALONE.match(mark.text)) and mark.size < text.size - 0.5
    return bool(_MARK.match(row.text))


def _notes(rows: list[Row]) -> list[str]:
    """Group the foot's rows into notes. A mark starts a note when it is set smaller than the
    note's text (raised) or follows a finished sentence; a mark alone on its row, as pdfium
    leaves a raised one, belongs to the row after it."""
    text_size = max(row.size for row in rows)
    notes: list[list[str]] = []
    pending = ""  # a mark waiting for its text
    for row in rows:
        if _MARK_ALONE.match(row.text):
            pending = row.text
            continue
        ended = not notes or bool(_TERMINAL.search(notes[-1][-1]))
        marked = bool(_MARK.match(row.text)) and (row.size < text_size - 0.5 or ended)
        if pending or marked or not notes:
            notes.append([f"{pending} {row.text}" if pending else row.text])
        else:
            notes[-1].append(row.text)
        pending = ""
    if pending:
        notes.append([pending])
    return [join_hyphenated(lines) for lines in notes]


def split_endnotes(protos: list[Proto]) -> tuple[list[Proto], list[tuple[str, int]]]:
    """The body without its endnotes, and the notes with their pages: every block after the
    document's last heading, when that heading is "Notes" or "Endnotes" and each block after
    it starts with a note mark."""
    last = max((i for i, proto in enumerate(protos) if proto.kind is BlockKind.HEADING), default=-1)
    if last < 0 or not _ENDNOTES_HEADING.match(protos[last].text.strip()):
        return protos, []
    tail = protos[last + 1 :]
    if not tail or not all(_MARK.match(proto.text) for proto in tail):
        return protos, []
    return protos[:last], [(proto.text, proto.page) for proto in tail]
