"""DOCX reader on real files built with python-docx: structure, hidden content, hostile zips."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import pytest

from gaplint.document import BlockKind, Document
from gaplint.errors import ErrorCode, InputError
from gaplint.readers import Limits, read_bytes
from tests.builders import docx as build

H, P, L, C = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL


def rows(document: Document) -> list[tuple[BlockKind, str, list[str], int | None]]:
    return [(block.kind, block.text, block.section, block.level) for block in document.blocks]


@pytest.fixture(scope="module")
def policy() -> Document:
    return read_bytes(build.policy_docx(), "policy.docx")


def test_every_block_in_order_with_kind_section_and_level(policy: Document) -> None:
    conduct = ["Employee Conduct"]
    assert rows(policy) == [
        (H, build.TITLE, [], 1),
        (H, "Purpose", [], 1),
        (P, "This policy governs official social media accounts.", ["Purpose"], None),
        (H, "Scope", ["Purpose"], 2),
        (P, "It applies to all employees and contractors.", ["Purpose", "Scope"], None),
        (H, build.OUTLINE_HEADING, [], 1),  # from w:outlineLvl, style Normal
        (L, "Be respectful online.", conduct, None),
        (L, "Correct mistakes quickly.", conduct, None),
        (L, "Register the account.", conduct, None),
        (L, "Name two administrators.", conduct, None),
        (P, build.SDT_BLOCK, conduct, None),  # block-level content control
        (P, f"The policy owner is the {build.SDT_INLINE}.", conduct, None),  # inline sdt
        (P, "See the box.", conduct, None),
        (P, build.TEXT_BOX, conduct, None),  # once, though Word stores it twice
        (P, "Records are kept as scheduled.", conduct, None),
        (H, "Accounts", [], 1),
        (C, build.MERGED, ["Accounts"], None),  # merged across two columns: once
        (C, "Owner", ["Accounts"], None),
        (C, "Facebook", ["Accounts"], None),
        (C, "@exampleton", ["Accounts"], None),
        (C, "Communications", ["Accounts"], None),  # merged down two rows: once
        (C, "X", ["Accounts"], None),
        (C, "@exampleton_city", ["Accounts"], None),
        (P, build.HEADER, ["(header)"], None),
        (P, build.FOOTER, ["(footer)"], None),
        (P, build.FOOTNOTE, ["(footnotes)"], None),
    ]


def test_offsets_index_the_document_text(policy: Document) -> None:
    for block in policy.blocks:
        assert policy.text[block.start : block.end] == block.text


def test_what_is_not_read_is_reported(policy: Document) -> None:
    assert build.PLACEHOLDER not in policy.text
    assert build.COMMENT not in policy.text
    skipped = {item.what: item.count for item in policy.skipped}
    assert skipped == {"unfilled content-control placeholders": 1, "reviewer comments": 1}


def test_metadata_from_core_properties(policy: Document) -> None:
    assert policy.metadata.title == build.TITLE
    assert policy.metadata.author == build.AUTHOR
    assert policy.metadata.created == "2014-03-13T09:30:00+00:00"
    assert policy.metadata.modified is not None and policy.metadata.modified[:4].isdigit()


def test_headings_from_style_outline_levels_and_based_on_chains() -> None:
    document = read_bytes(build.styled_outline_docx(), "styled.docx")
    assert rows(document) == [
        (H, "Use of Accounts", [], 1),
        (P, "Only administrators post.", ["Use of Accounts"], None),
        (H, "Passwords", ["Use of Accounts"], 2),
        (P, "Change them every 90 days.", ["Use of Accounts", "Passwords"], None),
        (P, "Plain body text at outline level 9.", ["Use of Accounts", "Passwords"], None),
    ]


def code_of(data: bytes, name: str = "bad.docx", limits: Limits | None = None) -> ErrorCode:
    with pytest.raises(InputError) as caught:
        read_bytes(data, name, limits)
    assert "\n" not in caught.value.line()
    return caught.value.code


def test_zip_bomb_refused_by_compression_ratio() -> None:
    bomb = build.bomb_docx(3_000_000)  # 3 MB of spaces deflate to a few kB
    assert len(bomb) < 100_000
    assert code_of(bomb, limits=Limits(max_compression_ratio=50)) is ErrorCode.TOO_LARGE


def test_zip_bomb_refused_by_total_size() -> None:
    bomb = build.bomb_docx(3_000_000)
    assert code_of(bomb, limits=Limits(max_uncompressed_bytes=2_000_000)) is ErrorCode.TOO_LARGE


def test_default_limits_refuse_300_mb_without_inflating_it() -> None:
    bomb = build.bomb_docx(300_000_000)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        assert code_of(bomb) is ErrorCode.TOO_LARGE
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert time.perf_counter() - started < 2
    assert peak < 20_000_000


def test_billion_laughs_refused_before_parsing() -> None:
    started = time.perf_counter()
    assert code_of(build.doctype_docx()) is ErrorCode.UNSAFE_XML
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize(
    "part", ["word/styles.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"]
)
def test_dtd_in_any_xml_part_is_refused(part: str) -> None:
    source = build.simple_docx("Policy text.")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            content = old.read(info.filename)
            if info.filename == part:
                content = (
                    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                    + (content.split(b"?>", 1)[1])
                )
            new.writestr(info, content)
    assert code_of(out.getvalue()) is ErrorCode.UNSAFE_XML


def test_utf16_encoded_dtd_is_refused_too() -> None:
    source = build.simple_docx("Policy text.")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            content = old.read(info.filename)
            if info.filename == "word/document.xml":
                text = content.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
                head, rest = text.split("?>", 1)
                content = (head + '?><!DOCTYPE x [<!ENTITY e "e">]>' + rest).encode("utf-16")
            new.writestr(info, content)
    assert code_of(out.getvalue()) is ErrorCode.UNSAFE_XML


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (build.truncated_docx(), "cut.docx", ErrorCode.CORRUPT),
        (build.docx_without_document(), "hollow.docx", ErrorCode.CORRUPT),
        (build.plain_zip(), "archive.docx", ErrorCode.MISMATCHED_TYPE),
        (build.plain_zip(), "archive.zip", ErrorCode.UNSUPPORTED),
        (build.plain_zip(), "archive", ErrorCode.UNSUPPORTED),
        (build.xlsx_like_zip(), "budget.xlsx", ErrorCode.UNSUPPORTED),
        (build.xlsx_like_zip(), "budget.docx", ErrorCode.MISMATCHED_TYPE),
    ],
)
def test_broken_and_wrong_zips(data: bytes, name: str, code: ErrorCode) -> None:
    assert code_of(data, name) is code


def test_error_messages_say_what_was_found() -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(build.xlsx_like_zip(), "budget.docx")
    assert caught.value.line() == (
        "budget.docx: error[mismatched-type]: named .docx but contains an Excel workbook (.xlsx)"
    )


@pytest.mark.parametrize(
    ("damage", "code"),
    [
        ("encrypted", ErrorCode.ENCRYPTED),  # RuntimeError from zipfile
        ("method", ErrorCode.CORRUPT),  # NotImplementedError
        ("deflate", ErrorCode.CORRUPT),  # zlib.error
    ],
)
@pytest.mark.parametrize("name", ["policy.docx", "download"])
def test_zips_that_fail_while_being_sniffed_are_one_error(
    damage: str, code: ErrorCode, name: str
) -> None:
    # These escaped read_document as exceptions: sniffing read the zip outside any guard.
    assert code_of(build.damaged_zip(damage), name) is code


def test_docx_blocks_carry_their_paragraph_number() -> None:
    # The n-th w:p of the body, empty paragraphs included: here the second one is empty.
    data = build.simple_docx("Purpose of the policy.", "", "Staff must be civil.")
    document = read_bytes(data, "policy.docx")
    assert [(b.text, b.paragraph, b.line) for b in document.blocks] == [
        ("Purpose of the policy.", 1, None),
        ("Staff must be civil.", 3, None),
    ]


def test_every_body_block_of_the_full_policy_has_a_paragraph_number(policy: Document) -> None:
    # Headers, footers and notes (sections "(header)" etc.) are other parts: no number there.
    apart = [b for b in policy.blocks if b.section and b.section[0].startswith("(")]
    body = [b.paragraph or 0 for b in policy.blocks if b not in apart]
    assert len(body) > 10 and 0 not in body
    assert body == sorted(body)
    assert apart and all(b.paragraph is None for b in apart)
