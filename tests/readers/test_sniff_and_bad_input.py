"""Sniffing by content, mismatched names, unreadable input, and `gaplint extract` on bad files."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from gaplint.cli import main
from gaplint.document import DocFormat
from gaplint.errors import ErrorCode, InputError
from gaplint.readers import Limits, read_bytes, read_document, read_file_bytes
from gaplint.readers.sniff import sniff
from tests.builders import docx as build
from tests.builders import odt

PDF_HEAD = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(200)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)
WORD_97 = OLE2 + "WordDocument".encode("utf-16-le") + bytes(100)
ENCRYPTED_OOXML = OLE2 + "EncryptedPackage".encode("utf-16-le") + bytes(100)
ELF = b"\x7fELF\x02\x01\x01" + bytes(200)
HTML = b"<!DOCTYPE html><html><body><h1>Policy</h1><p>Be civil.</p></body></html>"


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (PDF_HEAD, "policy.pdf", DocFormat.PDF),
        (PDF_HEAD, "download", DocFormat.PDF),
        (build.simple_docx("x"), "policy.docx", DocFormat.DOCX),
        (build.simple_docx("x"), "policy", DocFormat.DOCX),
        (HTML, "policy.html", DocFormat.HTML),
        (HTML, "policy", DocFormat.HTML),
        (HTML, "policy.txt", DocFormat.HTML),
        ("<h1>Policy</h1>".encode("utf-16"), "page", DocFormat.HTML),
        (b"<p>Plain prose about <p> tags.</p>", "notes.txt", DocFormat.TEXT),
        (b"---\ntitle: x\n---\n# Policy\n", "README", DocFormat.MARKDOWN),
        (b"# Policy\n\nText.", "policy.md", DocFormat.MARKDOWN),
        (b"POLICY\nText.", "policy", DocFormat.TEXT),
        (WORD_97, "policy.doc", DocFormat.DOC),
        (WORD_97, "policy", DocFormat.DOC),
        (b"{\\rtf1\\ansi Policy}", "policy.rtf", DocFormat.RTF),
        (b"{\\rtf1\\ansi Policy}", "policy", DocFormat.RTF),
        (odt.policy_odt(), "policy.odt", DocFormat.ODT),
        (odt.policy_odt(), "policy", DocFormat.ODT),
    ],
)
def test_format_comes_from_content(data: bytes, name: str, expected: DocFormat) -> None:
    assert sniff(data, name).format is expected


def test_supported_content_under_the_wrong_name_is_read_with_a_note() -> None:
    assert sniff(PDF_HEAD, "policy.docx").note == ("named .docx but contains a PDF; read as PDF")
    assert sniff(WORD_97, "policy.docx").note == (
        "named .docx but contains a legacy Word .doc file; read as DOC"
    )
    document = read_bytes(build.simple_docx("Staff must be civil."), "policy.pdf")
    assert document.format is DocFormat.DOCX
    assert [block.text for block in document.blocks] == ["Staff must be civil."]
    assert [warning.line(document.path) for warning in document.warnings] == [
        "policy.pdf: warning[mismatched-type]: named .pdf but contains a DOCX document;"
        " read as DOCX"
    ]
    assert not document.skipped  # nothing was left unread


def test_a_name_without_extension_carries_no_note() -> None:
    assert sniff(HTML, "policy").note is None
    assert sniff(HTML, "policy.php").note is None


@pytest.mark.parametrize(
    ("data", "name", "code", "message"),
    [
        (JPEG, "policy.pdf", ErrorCode.MISMATCHED_TYPE, "named .pdf but contains a JPEG image"),
        (PNG, "policy.docx", ErrorCode.MISMATCHED_TYPE, "named .docx but contains a PNG image"),
        (HTML, "policy.pdf", ErrorCode.MISMATCHED_TYPE, "named .pdf but contains HTML"),
        (b"Just text.", "policy.pdf", ErrorCode.MISMATCHED_TYPE, "contains plain text"),
        (b"Just text.", "policy.docx", ErrorCode.MISMATCHED_TYPE, "contains plain text"),
        (JPEG, "scan.jpg", ErrorCode.UNSUPPORTED, "a JPEG image is not supported"),
        (PNG, "scan", ErrorCode.UNSUPPORTED, "a PNG image is not supported"),
        (
            OLE2 + "Workbook".encode("utf-16-le"),
            "policy.xls",
            ErrorCode.UNSUPPORTED,
            "a legacy Excel .xls workbook is not supported",
        ),
        (ENCRYPTED_OOXML, "policy.docx", ErrorCode.ENCRYPTED, "password-protected"),
        (ELF, "gaplint", ErrorCode.UNSUPPORTED, "executable"),
        (build.plain_zip(), "policy.zip", ErrorCode.UNSUPPORTED, "zip archive"),
        (bytes(range(256)) * 8, "policy.txt", ErrorCode.BINARY, "not text"),
        (b"text\x00with\x00nuls" * 20, "policy", ErrorCode.BINARY, "not text"),
        (os.urandom(4096), "policy.md", ErrorCode.BINARY, "not text"),
    ],
)
def test_unreadable_content_is_named(data: bytes, name: str, code: ErrorCode, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(data, name)
    assert caught.value.code is code
    assert message in caught.value.message
    assert caught.value.line().startswith(f"{name}: error[{code.value}]: ")


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n", "  \n".encode("utf-16")],
)
@pytest.mark.parametrize("name", ["p.txt", "p.md", "p.html", "p.pdf", "p.docx", "p"])
def test_empty_and_whitespace_only(data: bytes, name: str) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(data, name)
    assert caught.value.code is ErrorCode.EMPTY


@pytest.mark.parametrize(
    "data", [b"<html><body><script>x()</script></body></html>", b"---\ntitle: x\n---\n"]
)
def test_markup_without_text_is_empty(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(data, "p.html" if data.startswith(b"<") else "p.md")
    assert caught.value.code is ErrorCode.EMPTY


def test_files_that_are_not_regular_files(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    cases = {tmp_path / "missing.pdf": ErrorCode.NOT_FOUND, tmp_path: ErrorCode.UNSUPPORTED}
    cases[fifo] = ErrorCode.UNSUPPORTED  # reading it would block forever
    cases[Path("/dev/zero")] = ErrorCode.UNSUPPORTED  # reading it would never end
    for path, code in cases.items():
        with pytest.raises(InputError) as caught:
            read_document(path)
        assert caught.value.code is code
        assert caught.value.path == str(path)
        with pytest.raises(InputError):  # the loader the batch is to share
            read_file_bytes(path, Limits())


@pytest.fixture
def corpus(tmp_path: Path) -> dict[str, Path]:
    files = {
        "good.docx": build.policy_docx(),
        "good.md": b"# Policy\n\nBe civil.\n",
        "good.html": HTML,
        "bomb.docx": build.bomb_docx(300_000_000),
        "laughs.docx": build.doctype_docx(),
        "cut.docx": build.truncated_docx(),
        "photo.pdf": JPEG,
        "empty.txt": b"",
    }
    paths = {}
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        os.utime(path, (1_000_000_000, 1_000_000_000))
        path.chmod(0o444)
        paths[name] = path
    return paths


def test_input_files_are_never_written(corpus: dict[str, Path]) -> None:
    before = {name: (path.read_bytes(), path.stat().st_mtime_ns) for name, path in corpus.items()}
    for path in corpus.values():
        with contextlib.suppress(InputError):
            read_document(path)
    after = {name: (path.read_bytes(), path.stat().st_mtime_ns) for name, path in corpus.items()}
    assert after == before


def test_cli_extract_one_line_per_bad_file_and_exit_2(corpus: dict[str, Path]) -> None:
    bad = ["bomb.docx", "laughs.docx", "cut.docx", "photo.pdf", "empty.txt"]
    result = CliRunner().invoke(main, ["extract", *(str(corpus[name]) for name in bad)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert [line.split(": error[")[0] for line in lines] == [str(corpus[name]) for name in bad]
    assert "Traceback" not in result.stderr


def test_cli_extract_batch_keeps_going_after_a_bad_file(corpus: dict[str, Path]) -> None:
    paths = [str(corpus["photo.pdf"]), str(corpus["good.docx"]), str(corpus["good.md"])]
    result = CliRunner().invoke(main, ["extract", *paths])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"{paths[0]}: error[mismatched-type]: named .pdf but contains a JPEG image"
    )
    assert f"# {paths[1]} (docx, - pages)" in result.stdout
    assert "[list_item] [Employee Conduct] Be respectful online." in result.stdout
    assert f"# {paths[2]} (markdown, - pages)" in result.stdout


def test_cli_extract_json(corpus: dict[str, Path]) -> None:
    result = CliRunner().invoke(main, ["extract", "--format", "json", str(corpus["good.md"])])
    assert result.exit_code == 0
    assert '"format": "markdown"' in result.stdout


def test_a_pdf_named_docx_is_read_by_content_with_one_warning() -> None:
    from tests.builders.pdf import policy_pdf

    document = read_bytes(policy_pdf(), "policy.docx")
    assert document.format is DocFormat.PDF
    assert document.word_count > 50
    assert [warning.line(document.path) for warning in document.warnings] == [
        "policy.docx: warning[mismatched-type]: named .docx but contains a PDF; read as PDF"
    ]


def test_a_name_that_agrees_gives_no_warning() -> None:
    assert read_bytes(HTML, "policy.html").warnings == []


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_extract_refuses_a_fifo_or_device_at_once(tmp_path: Path, special: str) -> None:
    import subprocess
    import sys

    path = Path(special)
    if special == "fifo":
        path = tmp_path / "pipe.md"
        os.mkfifo(path)
    command = [str(Path(sys.executable).with_name("gaplint")), "extract", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=20, check=False)
    assert done.returncode == 2
    assert done.stderr.strip() == f"{path}: error[unsupported-type]: not a regular file"
