"""Build real PDF fixtures with fpdf2, so reader tests never depend on documents from the web."""

from __future__ import annotations

import io
import random
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw

HEADER = "City of Exampleton - Social Media Policy"
EFFECTIVE = "Effective Date: March 13, 2014"
TITLE = "Social Media Policy"
AUTHOR = "Office of Communications"
CREATED = datetime(2014, 3, 13, 9, 30, 0, tzinfo=timezone.utc)
LIGATURE_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

# Lines are placed one by one so the line-end hyphens land exactly where the tests expect.
HYPHEN_LINES = [
    "This policy applies to all city employ-",
    "ees who use social media, including e-",
    "mail newsletters and other well-",
    "known platforms run by the city.",
]
BULLETS = [
    "Be civil and respectful in every post.",
    "Do not share confidential information.",
]
LETTERED = [
    "(a) Record all official posts as public records.",
    "(b) Keep records for at least three years.",
]
TABLE = [
    ["Platform", "Account owner", "Review cycle"],
    ["Facebook", "Communications", "Monthly"],
    ["Twitter", "Police Department", "Weekly"],
]
LEFT_COLUMN = [
    "The left column starts here and",
    "talks about moderation of public",
    "comments on city pages, which",
    "staff review every working day.",
    "Comments that break the rules",
    "are hidden and kept on record.",
]
RIGHT_COLUMN = [
    "The right column follows and",
    "covers accessibility, so every",
    "image posted by the city has",
    "alternative text for readers",
    "who use screen readers, and",
    "videos carry captions always.",
]
FILLER = (
    "Employees must follow the records retention schedule for all content they post on "
    "official accounts. Supervisors approve new accounts and review them each year."
)


class _PolicyPDF(FPDF):
    """Running header and footer on every page, the way Word exports put them."""

    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, HEADER, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(6)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")


def _new_pdf() -> _PolicyPDF:
    pdf = _PolicyPDF(format="letter")
    pdf.core_fonts_encoding = "windows-1252"  # so the bullet character is available
    pdf.set_auto_page_break(True, margin=25)
    pdf.set_title(TITLE)
    pdf.set_author(AUTHOR)
    pdf.set_creation_date(CREATED)
    return pdf


def _heading(pdf: FPDF, text: str, size: float) -> None:
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", size)
    pdf.cell(0, size * 0.6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _lines(pdf: FPDF, lines: list[str], indent: float = 0) -> None:
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.set_x(pdf.l_margin + indent)
        pdf.cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)


def _paragraph(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)


def _table(pdf: FPDF) -> None:
    pdf.set_font("Helvetica", size=11)
    for row in TABLE:
        for cell in row:
            pdf.cell(60, 8, cell, border=1)
        pdf.ln(8)
    pdf.ln(4)


def _two_columns(pdf: FPDF) -> None:
    """Write the columns row by row (left, right, left, ...) so reading order must be rebuilt."""
    pdf.set_font("Helvetica", size=11)
    top = pdf.get_y()
    for row, (left, right) in enumerate(zip(LEFT_COLUMN, RIGHT_COLUMN)):
        y = top + row * 5.5
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(85, 5.5, left)
        pdf.set_xy(pdf.l_margin + 105, y)
        pdf.cell(85, 5.5, right)
    pdf.set_xy(pdf.l_margin, top + len(LEFT_COLUMN) * 5.5 + 4)


def policy_pdf() -> bytes:
    """Four pages: title, numbered headings, hyphenation, lists, a table, a two-column page."""
    pdf = _new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 6, EFFECTIVE, new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, TITLE, 20)
    _heading(pdf, "1. Purpose", 14)
    _lines(pdf, HYPHEN_LINES)
    _heading(pdf, "2. Employee Conduct", 14)
    _heading(pdf, "2.1 Personal Use", 12)
    _paragraph(pdf, "Employees using social media in a personal capacity must follow these rules:")
    _lines(pdf, [f"\u2022 {item}" for item in BULLETS], indent=6)
    _lines(pdf, LETTERED, indent=6)

    pdf.add_page()
    _heading(pdf, "3. Account Management", 14)
    _paragraph(pdf, "Each account has an owner and a review cycle, as shown below.")
    _table(pdf)
    _paragraph(pdf, FILLER)

    pdf.add_page()
    _heading(pdf, "4. Moderation and Accessibility", 14)
    _two_columns(pdf)
    _paragraph(pdf, "After the columns the page returns to a single column of text.")

    pdf.add_page()
    _heading(pdf, "5. Records Retention", 14)
    _paragraph(pdf, FILLER)
    return bytes(pdf.output())


def ligature_pdf() -> bytes | None:
    """Text with ligature glyphs and odd spaces; None when no Unicode font is installed."""
    if not LIGATURE_FONT.exists():
        return None
    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(LIGATURE_FONT))
    pdf.add_page()
    pdf.set_font("DejaVu", size=12)
    pdf.multi_cell(0, 6, "The ﬁrst oﬃcial ﬂyer is eﬀective\u00a0today and\u200b staﬀ agree.")
    return bytes(pdf.output())


# U+10300 OLD ITALIC LETTER A: outside the Basic Multilingual Plane, and DejaVu Sans draws it.
SUPPLEMENTARY_CHAR = "\U00010300"
SUPPLEMENTARY_TEXT = f"Post the {SUPPLEMENTARY_CHAR} sign and caf\u00e9 notes here."


def _unicode_font_pdf(text: str) -> bytes:
    """One line in DejaVu Sans, streams left uncompressed so a builder can patch the CMap."""
    pdf = FPDF()
    pdf.compress = False
    pdf.add_font("DejaVu", "", str(LIGATURE_FONT))
    pdf.add_page()
    pdf.set_font("DejaVu", size=12)
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def supplementary_plane_pdf() -> bytes:
    """A character outside the BMP: its ToUnicode entry is a UTF-16 surrogate pair."""
    return _unicode_font_pdf(SUPPLEMENTARY_TEXT)


def lone_surrogate_pdf() -> bytes:
    """A ToUnicode map that turns the glyph of "é" into a lone low surrogate, <DC00>.

    The entry keeps its length, so the file's cross-reference offsets stay right."""
    data = _unicode_font_pdf(SUPPLEMENTARY_TEXT)
    assert data.count(b"> <00E9>") == 1
    return data.replace(b"> <00E9>", b"> <DC00>")


# Words placed one by one with the pen moved a little instead of a space char: pdfium itself
# joins them up ("byGovernorAda") below about 0.15 em.
SPACELESS_WORDS = ["Signed", "by", "Governor", "Ada", "Lovelace", "of", "the", "county."]
SPACELESS_GAP_EM = 0.13
# One word written as two text objects that touch: must stay one word.
SPLIT_WORD = ("Gover", "nance")


def spaceless_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    size = 11
    pdf.set_font("Helvetica", size=size)
    em = size * 25.4 / 72  # one em in mm, fpdf2's unit
    x = pdf.l_margin
    for word in SPACELESS_WORDS:
        pdf.text(x, 40, word)
        x += pdf.get_string_width(word) + SPACELESS_GAP_EM * em
    x = pdf.l_margin
    for part in SPLIT_WORD:
        pdf.text(x, 60, part)
        x += pdf.get_string_width(part)
    pdf.text(x + pdf.get_string_width(" "), 60, "matters.")
    return bytes(pdf.output())


FOOTNOTED_LINES = [
    ("The council adopted this policy under Executive Order No. 42", "1", ", issued in May,"),
    ("and staff must follow it when they post on official accounts", "2", "."),
]
FOOTNOTED_BODY = (
    "The council adopted this policy under Executive Order No. 42, issued in May, "
    "and staff must follow it when they post on official accounts."
)
FOOTNOTES = [
    ("1", ["The order was first issued by the mayor and renewed by each", "council since then."]),
    ("2", ["See the records schedule of the council."]),
]
FOOTNOTE_TEXTS = [
    "1 The order was first issued by the mayor and renewed by each council since then.",
    "2 See the records schedule of the council.",
]


def _with_mark(pdf: FPDF, x: float, y: float, size: float, parts: tuple[str, str, str]) -> None:
    """Text, a raised mark in a smaller font, more text: each its own text object."""
    before, mark, after = parts
    pdf.set_font("Helvetica", size=size)
    pdf.text(x, y, before)
    x += pdf.get_string_width(before) + 0.3
    pdf.set_font("Helvetica", size=size * 0.6)
    pdf.text(x, y - size * 0.35 * 25.4 / 72, mark)
    x += pdf.get_string_width(mark) + 0.3
    pdf.set_font("Helvetica", size=size)
    pdf.text(x, y, after)


def footnote_pdf() -> bytes:
    """Two pages; page 1 has body lines with raised note marks and the notes at its foot,
    in a smaller font, each led by its raised mark; page 2 goes on with the body."""
    pdf = FPDF(format="letter")
    pdf.add_page()
    _heading(pdf, "1. Authority", 14)
    y = pdf.get_y() + 6
    for parts in FOOTNOTED_LINES:
        _with_mark(pdf, pdf.l_margin, y, 11, parts)
        y += 5.5
    pdf.set_xy(pdf.l_margin, y + 2)
    _paragraph(pdf, FILLER)
    y = pdf.h - 40
    for mark, lines in FOOTNOTES:
        _with_mark(pdf, pdf.l_margin, y, 8, ("", mark, lines[0]))
        for line in lines[1:]:
            y += 3.8
            pdf.set_font("Helvetica", size=8)
            pdf.text(pdf.l_margin + 2, y, line)
        y += 3.8
    pdf.add_page()
    _heading(pdf, "2. Records", 14)
    _paragraph(pdf, FILLER)
    return bytes(pdf.output())


# A title block: big title lines on the left, document details on the right, their lines
# interleaved in height, the way letterhead templates set them.
TITLE_BLOCK_LEFT = [("Town of Exampleton", 15), ("Social Media", 20), ("Guidelines", 20)]
TITLE_BLOCK_RIGHT = ["Number: SM-7", "Issued By: Office of", "Public Affairs", "Owner: Web Team"]
RULED_HEADING = "RECORDS"
MARGIN_LABEL = "ADMIN-OFFICE"  # set up the left margin, rotated


def title_block_pdf() -> bytes:
    pdf = FPDF(format="letter")
    pdf.add_page()
    y = 30.0
    for text, size in TITLE_BLOCK_LEFT:
        pdf.set_font("Helvetica", "B", size)
        pdf.text(25, y, text)
        y += size * 0.55
    pdf.set_font("Helvetica", size=11)
    for row, text in enumerate(TITLE_BLOCK_RIGHT):
        pdf.text(120, 27 + row * 6.5, text)
    pdf.set_xy(pdf.l_margin, 70)
    _heading(pdf, "1. Purpose", 14)
    _paragraph(pdf, FILLER + " " + FILLER)
    _heading(pdf, "2. Scope", 14)
    _paragraph(pdf, FILLER)
    _lines(pdf, ["_" * 70])  # a rule typed as underscores, then a heading in body size
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 5.5, RULED_HEADING, new_x="LMARGIN", new_y="NEXT")
    _paragraph(pdf, FILLER)
    with pdf.rotation(90, 8, 230):
        pdf.set_font("Helvetica", "B", 16)
        pdf.text(8, 230, MARGIN_LABEL)
    return bytes(pdf.output())


CONTENTS = [("Purpose", 2), ("Scope", 2), ("Account Management", 3), ("Records Retention", 4)]


def contents_pdf() -> bytes:
    """A table of contents without dot leaders: titles left, page numbers right-aligned."""
    pdf = FPDF(format="letter")
    pdf.add_page()
    pdf.set_y(60)
    _heading(pdf, "Contents", 14)
    pdf.set_font("Helvetica", size=11)
    for title, page in CONTENTS:
        pdf.cell(150, 7, title)
        pdf.cell(20, 7, str(page), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    _paragraph(pdf, FILLER)
    return bytes(pdf.output())


SMALL_TABLE = [["1", "Facebook", "Monthly review"], ["2", "Video channel", "Weekly review"]]


def small_table_pdf() -> bytes:
    """Body text, then a small-print table at the foot of the page whose rows start with
    numbers: a table, not footnotes."""
    pdf = FPDF(format="letter")
    pdf.add_page()
    _heading(pdf, "Review Cycle", 14)
    _paragraph(pdf, FILLER + " " + FILLER)
    pdf.set_y(pdf.h - 70)  # above the footer zone, where a bare number is a page number
    pdf.set_font("Helvetica", size=8)
    for row in SMALL_TABLE:
        for cell in row:
            pdf.cell(50, 5, cell)
        pdf.ln(5)
    return bytes(pdf.output())


ENDNOTES = ["1 Adopted by the council in May.", "2 See the records schedule."]


def endnote_pdf() -> bytes:
    """A policy whose notes are gathered at the end under the heading "Notes"."""
    pdf = FPDF(format="letter")
    pdf.add_page()
    _heading(pdf, "1. Authority", 14)
    _paragraph(pdf, FILLER)
    _heading(pdf, "Notes", 12)
    pdf.set_font("Helvetica", size=9)
    for note in ENDNOTES:
        pdf.cell(0, 5, note, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Secret policy text.")
    return bytes(pdf.output())


def _scan_image() -> bytes:
    """A grey page with dark strokes: looks like a scan, carries no text layer."""
    rng = random.Random(7)
    image = Image.new("L", (850, 1100), 245)
    draw = ImageDraw.Draw(image)
    for row in range(80, 1000, 24):
        x = 80
        while x < 760:
            width = rng.randint(20, 70)
            draw.rectangle([x, row, x + width, row + 10], fill=40)
            x += width + 12
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def image_only_pdf(pages: int = 2) -> bytes:
    pdf = FPDF(format="letter")
    scan = io.BytesIO(_scan_image())
    for _ in range(pages):
        pdf.add_page()
        pdf.image(scan, x=0, y=0, w=pdf.w, h=pdf.h)
    return bytes(pdf.output())


def mixed_scan_pdf() -> bytes:
    """A text page followed by an image-only page (e.g. a scanned signature page)."""
    pdf = _new_pdf()
    pdf.add_page()
    _heading(pdf, "Signed Policy", 16)
    _paragraph(pdf, FILLER)
    pdf.add_page()
    pdf.image(io.BytesIO(_scan_image()), x=20, y=40, w=120)
    return bytes(pdf.output())


def truncated_pdf() -> bytes:
    data = policy_pdf()
    return data[: len(data) // 2]


def large_pdf(pages: int) -> bytes:
    """A long policy of about `pages` pages, for benchmarks: headings, paragraphs and lists."""
    pdf = _new_pdf()
    pdf.add_page()
    section = 0
    while pdf.page_no() < pages:
        section += 1
        _heading(pdf, f"{section}. Section Number {section}", 14)
        for sub in range(1, 4):
            _heading(pdf, f"{section}.{sub} Subsection on Employee Conduct", 12)
            _paragraph(pdf, " ".join([FILLER] * 3))
            _lines(pdf, [f"\u2022 {item}" for item in BULLETS], indent=6)
    return bytes(pdf.output())


def sections_pdf(title: str, sections: list[tuple[str, list[str]]]) -> bytes:
    """A plain policy PDF: a title, then each section's heading and paragraphs."""
    pdf = _new_pdf()
    pdf.add_page()
    _heading(pdf, title, 18)
    for heading, paragraphs in sections:
        _heading(pdf, heading, 14)
        for text in paragraphs:
            _paragraph(pdf, text)
    return bytes(pdf.output())


def scanned(source: bytes, dpi: int = 200) -> bytes:
    """`source` as a scan would give it: every page rendered to a grey image and wrapped in a
    PDF with no text layer (Pillow's PDF writer), at the size of the original page."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(source)
    try:
        images = []
        for index in range(len(pdf)):
            page = pdf[index]
            images.append(page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
            page.close()
    finally:
        pdf.close()
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()


SHORT_POLICY = [
    ("Social Media Policy", []),
    (
        "1. Employee Access",
        [
            "Only employees approved by their department director may use social media on "
            "behalf of the city.",
            "Staff may use Facebook, Twitter and YouTube for official business.",
        ],
    ),
    (
        "2. Account Management",
        [
            "The Communications Office must approve every new official account and keeps a "
            "list of all accounts and their administrators.",
            "Passwords for official accounts must be strong and changed every 90 days.",
        ],
    ),
    (
        "3. Public Comments",
        [
            "Comments that contain obscene language, threats or personal attacks will be removed.",
            "The city keeps a copy of every removed comment.",
        ],
    ),
    (
        "4. Records",
        [
            "All posts and comments are public records and must be kept under the records "
            "retention schedule.",
        ],
    ),
]


def short_policy_pdf() -> bytes:
    """One page: a title, four numbered sections, two sentences each; the OCR tests' policy."""
    pdf = _new_pdf()
    pdf.add_page()
    for number, (heading, sentences) in enumerate(SHORT_POLICY):
        _heading(pdf, heading, 20 if number == 0 else 14)
        for sentence in sentences:
            _paragraph(pdf, sentence)
    return bytes(pdf.output())


def text_then_scanned_pdf() -> bytes:
    """Page 1 of `policy_pdf` with its text layer, then its page 2 as a scan."""
    import pypdfium2 as pdfium

    text = pdfium.PdfDocument(policy_pdf())
    scan = pdfium.PdfDocument(scanned(policy_pdf()))
    joined = pdfium.PdfDocument.new()
    try:
        joined.import_pages(text, [0])
        joined.import_pages(scan, [1])
        out = io.BytesIO()
        joined.save(out)
        return out.getvalue()
    finally:
        joined.close()
        scan.close()
        text.close()


def paged_pdf(pages: list[list[tuple[str, str]]]) -> bytes:
    """A PDF with one list of (kind, text) blocks per page; kind is "heading" or "paragraph"."""
    pdf = _new_pdf()
    for blocks in pages:
        pdf.add_page()
        for kind, text in blocks:
            if kind == "heading":
                _heading(pdf, text, 16)
            else:
                _paragraph(pdf, text)
    return bytes(pdf.output())


HEADER_FIELDS_RUN = (
    "Subject: Use of Social Media  Number: 310-2  Effective Date: April 1, 2025  "
    "Staff Contact: R. Alvarez, Web Manager"
)
HEADER_FIELD_ROWS = [("Owner", "Office of Communications"), ("Next review", "April 2027")]


def header_fields_pdf() -> bytes:
    """A title block as real PDFs flatten it: header fields run along one line, then a bordered
    two-column table of label and value, then the body."""
    pdf = FPDF(format="letter")
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    pdf.cell(0, 6, HEADER_FIELDS_RUN, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for label, value in HEADER_FIELD_ROWS:
        pdf.cell(45, 8, label, border=1)
        pdf.cell(90, 8, value, border=1)
        pdf.ln(8)
    pdf.ln(4)
    _heading(pdf, "1. Purpose", 14)
    _paragraph(pdf, "This policy sets rules for the accounts a department runs on social media.")
    return bytes(pdf.output())
