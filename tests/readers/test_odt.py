"""The ODT reader on generated OpenDocument files, and .doc/.rtf through LibreOffice."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from gaplint.cli import main
from gaplint.document import BlockKind, DocFormat, Document
from gaplint.errors import ErrorCode, InputError
from gaplint.readers import Limits, office_convert, read_bytes
from tests.builders import odt as build

needs_libreoffice = pytest.mark.skipif(
    office_convert.converter() is None, reason="LibreOffice is not installed (.ci/run installs it)"
)


@pytest.fixture(scope="module")
def policy() -> Document:
    return read_bytes(build.policy_odt(), "policy.odt")


def _rows(document: Document) -> list[tuple[str, str, list[str]]]:
    return [(b.kind.value, b.text, b.section) for b in document.blocks]


def test_odt_structure_in_document_order(policy: Document) -> None:
    assert policy.format is DocFormat.ODT
    assert _rows(policy) == [
        ("heading", "Social Media Policy", []),
        ("heading", "1. Purpose", []),
        ("paragraph", "This policy applies to all city employees who use social media.",
         ["1. Purpose"]),
        ("heading", "2. Employee Conduct", []),
        ("heading", "2.1 Personal Use", ["2. Employee Conduct"]),
        ("paragraph",
         "Employees using social media in a personal capacity must follow these rules:",
         ["2. Employee Conduct", "2.1 Personal Use"]),
        ("list_item", "Be civil and respectful in every post.",
         ["2. Employee Conduct", "2.1 Personal Use"]),
        ("list_item", "Do not share confidential information.",
         ["2. Employee Conduct", "2.1 Personal Use"]),
        ("heading", "3. Account Management", []),
        # The footnote is taken out of the sentence; <text:s/> and <text:tab/> are spaces.
        ("paragraph", "Each account has an owner and a review cycle.", ["3. Account Management"]),
        ("table_cell", "Platform", ["3. Account Management"]),
        ("table_cell", "Account owner", ["3. Account Management"]),
        ("table_cell", "Facebook", ["3. Account Management"]),
        ("table_cell", "Communications", ["3. Account Management"]),
        # The reviewer's comment is not policy text.
        ("paragraph", "Passwords must be changed every 90 days.", ["3. Account Management"]),
        ("paragraph", "The owner is named in the account register.", ["(footnotes)"]),
    ]  # fmt: skip


def test_odt_metadata_and_skipped(policy: Document) -> None:
    meta = policy.metadata
    assert (meta.title, meta.author) == (build.TITLE, build.AUTHOR)
    assert meta.created == "2014-03-13T09:30:00" and meta.modified == "2015-01-02T10:00:00"
    assert [(s.what, s.count) for s in policy.skipped] == [("reviewer comments", 1)]


def test_odt_zip_bomb_refused_before_inflating() -> None:
    bomb = build.bomb_odt(3_000_000)
    assert len(bomb) < 100_000
    for limits in (Limits(max_compression_ratio=50), Limits(max_uncompressed_bytes=2_000_000)):
        with pytest.raises(InputError) as caught:
            read_bytes(bomb, "bomb.odt", limits)
        assert caught.value.code is ErrorCode.TOO_LARGE and "ODT" in caught.value.message


def test_odt_entity_expansion_refused() -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(build.entity_odt(), "lol.odt")
    assert caught.value.code is ErrorCode.UNSAFE_XML
    assert "ODT part content.xml declares a DOCTYPE" in caught.value.message


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (build.package("<office:document-content"), "damaged ODT"),
        (build.package(build.content_xml("").replace("office:text", "office:drawing")),
         "no text body"),
        (build.policy_odt()[:-200], "damaged or truncated zip"),
    ],
    ids=["malformed-xml", "not-text", "truncated"],
)  # fmt: skip
def test_damaged_odt_is_corrupt(data: bytes, words: str) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(data, "bad.odt")
    assert caught.value.code is ErrorCode.CORRUPT and words in caught.value.message
    assert "\n" not in caught.value.message


def test_odt_through_the_cli_is_judged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "policy.odt").write_bytes(build.policy_odt())
    result = CliRunner().invoke(
        main, ["check", "--isolated", "--no-cache", "--format", "json", "policies"]
    )
    assert result.exit_code == 1, result.output  # found by folder search, judged, has gaps
    document = json.loads(result.stdout)["documents"][0]
    assert document["format"] == "odt" and document["coverage"] > 0


def _fake_soffice(folder: Path, body: str) -> None:
    script = folder / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


def test_without_libreoffice_doc_and_rtf_say_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(office_convert, "converter", lambda: None)
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") * 40
    for data, name, kind in [
        (ole2, "old.doc", "legacy Word .doc"),
        (build.policy_rtf(), "policy.rtf", "RTF document"),
    ]:
        with pytest.raises(InputError) as caught:
            read_bytes(data, name)
        assert caught.value.code is ErrorCode.UNSUPPORTED
        assert kind in caught.value.message
        assert "apt-get install libreoffice-writer-nogui" in caught.value.message


def test_a_hanging_converter_is_killed_at_the_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    _fake_soffice(bin_folder, "sleep 30 & sleep 30")  # a child too: the whole group must go
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}{os.environ['PATH']}")
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        read_bytes(build.policy_rtf(), "policy.rtf", Limits(convert_seconds=0.5))
    assert time.monotonic() - started < 10
    assert caught.value.code is ErrorCode.TIMEOUT
    assert "LibreOffice took longer than 0.5 s" in caught.value.message


def test_a_converter_that_writes_nothing_is_corrupt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_soffice(tmp_path, "exit 0")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(InputError) as caught:
        read_bytes(build.policy_rtf(), "policy.rtf")
    assert caught.value.code is ErrorCode.CORRUPT and "could not convert" in caught.value.message


@needs_libreoffice
def test_rtf_read_through_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    document = read_bytes(build.policy_rtf(), "policy.rtf")
    assert document.format is DocFormat.RTF
    assert [(b.kind, b.text) for b in document.blocks] == [
        (BlockKind.HEADING, "Social Media Policy"),
        (BlockKind.PARAGRAPH, "Employees must follow the records retention schedule for all "
         "content they post on official accounts."),
        (BlockKind.PARAGRAPH, "Passwords for official accounts must be changed every 90 days."),
    ]  # fmt: skip
    assert list(tmp_path.iterdir()) == []  # nothing written in the working folder


@needs_libreoffice
def test_doc_read_through_libreoffice_matches_the_odt(policy: Document) -> None:
    doc = build.converted(build.policy_odt(), ".odt", "doc")
    document = read_bytes(doc, "policy.doc")
    assert document.format is DocFormat.DOC
    assert _rows(document) == _rows(policy)


@needs_libreoffice
def test_doc_in_a_batch_with_a_damaged_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    good = build.converted(build.policy_odt(), ".odt", "doc")
    (tmp_path / "good.doc").write_bytes(good)
    (tmp_path / "bad.doc").write_bytes(good[:4096])
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "-q", "."])
    assert result.exit_code == 2 and "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if "error[" in line]
    assert len(errors) == 1 and errors[0].startswith("bad.doc: error[")
    assert "good.doc" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.doc", "good.doc"]
