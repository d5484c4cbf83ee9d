"""The PDF reader on real generated PDFs: text, pages, sections, cleaning and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gaplint.cli import main
from gaplint.document import Block, BlockKind, DocFormat, Document
from gaplint.errors import ErrorCode, InputError
from gaplint.readers import Limits, read_bytes, read_document
from gaplint.readers.pdf import ENDNOTE_SECTION, FOOTNOTE_SECTION, RUNNING_SECTION, read_pdf
from gaplint.readers.pdf.extract import _edited
from gaplint.readers.pdf.metadata import iso_date
from gaplint.readers.textblocks import join_hyphenated
from tests.builders import pdf as build


@pytest.fixture(scope="module")
def policy_bytes() -> bytes:
    return build.policy_pdf()


@pytest.fixture(scope="module")
def policy(policy_bytes: bytes) -> Document:
    return read_bytes(policy_bytes, "policy.pdf")


def _find(document: Document, needle: str) -> Block:
    matches = [block for block in document.blocks if needle in block.text]
    assert matches, f"{needle!r} not found in {[b.text for b in document.blocks]}"
    return matches[0]


def test_format_pages_and_metadata(policy: Document) -> None:
    assert policy.format is DocFormat.PDF
    assert policy.pages == 4
    assert policy.metadata.title == build.TITLE
    assert policy.metadata.author == build.AUTHOR
    assert policy.metadata.created == "2014-03-13T09:30:00Z"


def test_headings_have_levels_and_sections(policy: Document) -> None:
    headings = [(b.text, b.level) for b in policy.blocks if b.kind is BlockKind.HEADING]
    assert headings[:4] == [
        ("Social Media Policy", 1),
        ("1. Purpose", 2),
        ("2. Employee Conduct", 2),
        ("2.1 Personal Use", 3),
    ]
    rules = _find(policy, "personal capacity")
    assert rules.section == ["Social Media Policy", "2. Employee Conduct", "2.1 Personal Use"]
    assert rules.page == 1
    assert _find(policy, "5. Records Retention").page == 4


def test_offsets_index_document_text(policy: Document) -> None:
    for block in policy.blocks:
        assert policy.text[block.start : block.end] == block.text


def test_running_header_footer_and_page_numbers_removed(policy: Document) -> None:
    body = [block.text for block in policy.blocks if block.section != [RUNNING_SECTION]]
    assert not any(build.HEADER in text for text in body)
    assert not any("Page " in text and " of 4" in text for text in body)


def test_running_line_with_words_is_kept_once_apart_from_the_body(policy: Document) -> None:
    apart = [block for block in policy.blocks if block.section == [RUNNING_SECTION]]
    assert [block.text for block in apart] == [build.HEADER]
    assert apart[0].page == 1
    assert policy.blocks[-1] == apart[0]


def test_one_off_first_page_line_is_kept(policy: Document) -> None:
    block = _find(policy, "Effective Date")
    assert block.text == build.EFFECTIVE
    assert block.page == 1


def test_line_end_hyphens(policy: Document) -> None:
    text = _find(policy, "city employees").text
    assert "employees who use social media" in text
    assert "including e-mail newsletters" in text
    assert "other well-known platforms" in text
    assert text.startswith("This policy applies")


def test_join_lines_heuristic() -> None:
    assert join_hyphenated(["the employ-", "ees agree"]) == "the employees agree"
    assert join_hyphenated(["send an e-", "mail now"]) == "send an e-mail now"
    assert join_hyphenated(["a state-of-the-", "art tool"]) == "a state-of-the-art tool"
    assert join_hyphenated(["COVID-", "19 rules"]) == "COVID- 19 rules"


def test_list_items(policy: Document) -> None:
    items = [b.text for b in policy.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [*build.BULLETS, *build.LETTERED]


def test_table_cells(policy: Document) -> None:
    cells = [b.text for b in policy.blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells == [cell for row in build.TABLE for cell in row]
    assert all(b.page == 2 for b in policy.blocks if b.kind is BlockKind.TABLE_CELL)


def test_two_columns_read_left_then_right(policy: Document) -> None:
    page3 = " ".join(b.text for b in policy.blocks if b.page == 3)
    left = " ".join(build.LEFT_COLUMN)
    right = " ".join(build.RIGHT_COLUMN)
    assert page3.index("starts here and talks about moderation") < page3.index("right column")
    assert " ".join(left.split()[:8]) in page3
    assert right.split(". ")[0] in page3
    assert page3.index(right.split()[-1]) < page3.index("After the columns")


def test_ligatures_and_odd_spaces() -> None:
    data = build.ligature_pdf()
    assert data is not None, "needs fonts-dejavu-core (.ci/run installs it)"
    result = read_pdf(data, Limits())
    text = " ".join(block.text for block in result.blocks)
    assert text == "The first official flyer is effective today and staff agree."


def test_image_only_page_is_recorded_as_skipped() -> None:
    document = read_bytes(build.mixed_scan_pdf(), "mixed.pdf")
    images = [s for s in document.skipped if s.what == "image-only pages"]
    assert [s.count for s in images] == [1]
    assert "2" in (images[0].detail or "")
    assert all("Page 2 of 2" not in block.text for block in document.blocks)


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (build.encrypted_pdf(), ErrorCode.ENCRYPTED, "password"),
        (build.image_only_pdf(), ErrorCode.NO_TEXT_LAYER, "OCR"),
        (build.truncated_pdf(), ErrorCode.CORRUPT, "truncated"),
        (b"%PDF-1.7\n" + b"\x00garbage" * 50 + b"\n%%EOF\n", ErrorCode.CORRUPT, "damaged"),
    ],
    ids=["encrypted", "scanned", "truncated", "garbage"],
)
def test_bad_input(data: bytes, code: ErrorCode, words: str) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(data, "bad.pdf")
    assert caught.value.code is code
    assert words in caught.value.message
    assert "\n" not in caught.value.message
    assert caught.value.path == "bad.pdf"


def test_too_many_pages_refused(policy_bytes: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_pdf(policy_bytes, Limits(max_pages=3))
    assert caught.value.code is ErrorCode.TOO_LARGE


def test_iso_dates() -> None:
    assert iso_date("D:20140313091500-05'00'") == "2014-03-13T09:15:00-05:00"
    assert iso_date("D:20180605074624Z00'00'") == "2018-06-05T07:46:24Z"
    assert iso_date("D:2014") == "2014"
    assert iso_date("D:20140313") == "2014-03-13"
    assert iso_date("yesterday") is None


def test_cli_extract_prints_blocks(tmp_path: Path, policy_bytes: bytes) -> None:
    path = tmp_path / "policy.pdf"
    path.write_bytes(policy_bytes)
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert "[p1] [heading" in result.output
    assert "2.1 Personal Use" in result.output
    body = [line for line in result.output.splitlines() if "(running header/footer)" not in line]
    assert not any(build.HEADER in line for line in body)
    assert "Page 1 of 4" not in result.output


def test_cli_bad_pdf_is_one_line_and_status_2(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(build.encrypted_pdf())
    # The installed console script, exactly as a user runs it.
    script = Path(sys.executable).parent / "gaplint"
    run = subprocess.run(
        [str(script), "extract", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert lines == [f"{path}: error[encrypted]: PDF is encrypted; a password is needed to read it"]


def test_read_document_from_disk(tmp_path: Path, policy_bytes: bytes) -> None:
    path = tmp_path / "p.pdf"
    path.write_bytes(policy_bytes)
    assert read_document(path).pages == 4


def test_character_outside_the_bmp_is_read_whole() -> None:
    result = read_pdf(build.supplementary_plane_pdf(), Limits())
    assert [block.text for block in result.blocks] == [build.SUPPLEMENTARY_TEXT]


def test_lone_surrogate_becomes_replacement_character(tmp_path: Path) -> None:
    path = tmp_path / "broken-cmap.pdf"
    path.write_bytes(build.lone_surrogate_pdf())
    result = CliRunner().invoke(main, ["extract", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    expected = build.SUPPLEMENTARY_TEXT.replace("\u00e9", "\ufffd")
    assert [block["text"] for block in json.loads(result.output)["blocks"]] == [expected]


def test_spaces_restored_between_text_pieces_from_their_positions() -> None:
    result = read_pdf(build.spaceless_pdf(), Limits())
    texts = [block.text for block in result.blocks]
    assert texts == [" ".join(build.SPACELESS_WORDS), "".join(build.SPLIT_WORD) + " matters."]


def test_footnotes_are_kept_apart_from_the_body() -> None:
    document = read_bytes(build.footnote_pdf(), "notes.pdf")
    notes = [block for block in document.blocks if block.section == [FOOTNOTE_SECTION]]
    assert [block.text for block in notes] == build.FOOTNOTE_TEXTS
    assert [block.page for block in notes] == [1, 1]
    body = [block for block in document.blocks if block.section != [FOOTNOTE_SECTION]]
    assert _find(document, "Executive Order").text == build.FOOTNOTED_BODY  # no "421"
    assert not any("mayor" in block.text or "schedule of" in block.text for block in body)
    assert [block.section for block in body if block.page == 2][-1] == ["2. Records"]


def test_title_block_beside_details_is_no_heading_of_the_document() -> None:
    document = read_bytes(build.title_block_pdf(), "title.pdf")
    headings = [(b.text, b.level) for b in document.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("1. Purpose", 1), ("2. Scope", 1), (build.RULED_HEADING, 2)]
    assert _find(document, "Supervisors approve").section == ["1. Purpose"]
    texts = [block.text for block in document.blocks]
    left = [text for text, _ in build.TITLE_BLOCK_LEFT]
    assert " ".join(left[1:]) in texts  # the title's lines read together, not mixed
    assert "Issued By: Office of Public Affairs" in _find(document, "Issued By").text
    assert not any(set(text) == {"_"} for text in texts)  # a typed rule is no text


def test_rotated_margin_text_is_no_heading() -> None:
    document = read_bytes(build.title_block_pdf(), "title.pdf")
    label = _find(document, build.MARGIN_LABEL)
    assert label.kind is BlockKind.PARAGRAPH
    assert label.text == build.MARGIN_LABEL


def test_contents_entries_keep_their_page_numbers() -> None:
    document = read_bytes(build.contents_pdf(), "contents.pdf")
    texts = [block.text for block in document.blocks]
    assert [f"{title} {page}" for title, page in build.CONTENTS] == texts[1:5]
    assert not any(text.isdigit() for text in texts)
    assert all(block.kind is BlockKind.PARAGRAPH for block in document.blocks[1:5])


def test_line_edits_apply_in_text_order_whatever_order_they_come_in() -> None:
    # pdfium lists a line's text objects in content order, which need not be left to right.
    text = "GovernorAda117x, here"
    edits = [(14, 15, ""), (8, 8, " "), (12, 15, "")]  # a drop, a space, an overlapping drop
    assert _edited(text, 0, len(text), edits) == "Governor Ada1, here"


def test_small_print_table_at_the_foot_is_no_footnote() -> None:
    document = read_bytes(build.small_table_pdf(), "table.pdf")
    assert not [block for block in document.blocks if block.section == [FOOTNOTE_SECTION]]
    cells = [block.text for block in document.blocks if block.kind is BlockKind.TABLE_CELL]
    # A number alone in the first cell is read with the cell after it, as in numbered lists.
    assert cells == ["1 Facebook", "Monthly review", "2 Video channel", "Weekly review"]


def test_endnotes_under_a_last_notes_heading_are_kept_apart() -> None:
    document = read_bytes(build.endnote_pdf(), "endnotes.pdf")
    notes = [block for block in document.blocks if block.section == [ENDNOTE_SECTION]]
    assert [block.text for block in notes] == build.ENDNOTES
    assert [block.page for block in notes] == [1, 1]
    assert [b.text for b in document.blocks if b.kind is BlockKind.HEADING] == ["1. Authority"]
