"""OCR of scanned PDFs: a generated policy is rendered to images, wrapped in a PDF with no
text layer, read back through Tesseract, and compared with the text-layer original."""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import stat
from collections import Counter
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from click.testing import CliRunner

from gaplint.api import Checker
from gaplint.cli import main
from gaplint.document import Document
from gaplint.errors import ErrorCode, InputError
from gaplint.readers import Limits, ocr, read_bytes
from gaplint.report import DocumentReport
from tests.builders import pdf as build

needs_tesseract = pytest.mark.skipif(
    ocr.engine() is None, reason="Tesseract is not installed (.ci/run installs it)"
)
AUTO = Limits(ocr="auto")


@pytest.fixture(scope="module")
def short_pdf() -> bytes:
    return build.short_policy_pdf()


@pytest.fixture(scope="module")
def short_scan(short_pdf: bytes) -> bytes:
    return build.scanned(short_pdf)


@pytest.fixture(scope="module")
def policy_scan() -> bytes:
    return build.scanned(build.policy_pdf())


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(limits=AUTO)


def _words(document: Document) -> Counter[str]:
    return Counter(re.findall(r"[a-z0-9]+", document.text.lower()))


def _fake_tesseract(folder: Path, body: str) -> None:
    """A `tesseract` on PATH that runs `body` (a shell script) instead of reading."""
    script = folder / "tesseract"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@needs_tesseract
def test_scanned_policy_words_and_structure_recovered(
    policy_scan: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = read_bytes(build.policy_pdf(), "policy.pdf")
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    scanned = read_bytes(policy_scan, "scan.pdf", AUTO)
    assert "OCR 4 pages" in terminal.getvalue()  # the page-by-page bar
    want, got = _words(original), _words(scanned)
    recovered = sum((want & got).values()) / sum(want.values())
    assert recovered >= 0.95, f"only {recovered:.1%} of the original words recovered"
    assert all(block.source == "ocr" for block in scanned.blocks)
    headings = [b.text for b in scanned.blocks if b.kind.value == "heading"]
    assert headings == [b.text for b in original.blocks if b.kind.value == "heading"]
    assert [w.code for w in scanned.warnings] == ["ocr"]
    assert "1, 2, 3, 4" in scanned.warnings[0].message
    # The ruled table's cells too: its rules are taken out before Tesseract sees the page.
    cells = [b.text for b in scanned.blocks if b.kind.value == "table_cell"]
    assert cells == [b.text for b in original.blocks if b.kind.value == "table_cell"]


def _verdicts(report: DocumentReport) -> dict[str, str]:
    return {s.id: s.status.value for e in report.elements for s in e.subpoints}


@needs_tesseract
def test_ocr_verdicts_match_the_text_layer_and_are_weak(
    short_pdf: bytes, short_scan: bytes, checker: Checker
) -> None:
    original = checker.check_bytes(short_pdf, "policy.pdf")
    scanned = checker.check_bytes(short_scan, "scan.pdf")
    assert _verdicts(original), original.error
    assert _verdicts(scanned) == _verdicts(original)
    covered = [s for e in scanned.elements for s in e.subpoints if s.status.value == "covered"]
    assert len(covered) >= 4
    for sub in scanned.elements[0].subpoints + covered:
        assert sub.confidence is not None and sub.confidence.value == "weak"
        assert sub.confidence_reason.startswith("read by OCR")
    assert all(ev.source == "ocr" for sub in covered for ev in sub.evidence)
    # Text-layer evidence carries no source at all, so its JSON is as before (the
    # jurisdiction has a `source` of its own: detected or configured).
    evidence = [ev for e in original.elements for s in e.subpoints for ev in s.evidence]
    assert evidence and all('"source"' not in ev.model_dump_json() for ev in evidence)
    assert '"source":"ocr"' in scanned.model_dump_json()


@needs_tesseract
def test_auto_reads_only_the_scanned_page() -> None:
    document = read_bytes(build.text_then_scanned_pdf(), "mixed.pdf", AUTO)
    sources = {block.page: block.source for block in document.blocks}
    assert sources[1] is None and sources[2] == "ocr"
    assert "Account Management" in document.text
    assert not [s for s in document.skipped if s.what == "image-only pages"]


def test_off_by_default_says_how_to_turn_it_on(short_scan: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(short_scan, "scan.pdf")
    assert caught.value.code is ErrorCode.NO_TEXT_LAYER
    if ocr.engine() is not None:
        assert "--ocr" in caught.value.message and 'ocr = "auto"' in caught.value.message


def test_without_an_engine_the_message_says_what_to_install(
    short_scan: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "engine", lambda: None)
    for limits in (Limits(), AUTO):
        with pytest.raises(InputError) as caught:
            read_bytes(short_scan, "scan.pdf", limits)
        assert caught.value.code is ErrorCode.NO_TEXT_LAYER
        assert "apt-get install tesseract-ocr" in caught.value.message
    mixed = read_bytes(build.mixed_scan_pdf(), "mixed.pdf", AUTO)
    details = [s.detail or "" for s in mixed.skipped if s.what == "image-only pages"]
    assert details and "tesseract-ocr" in details[0]


def test_a_hanging_engine_meets_the_page_time_limit(
    short_scan: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_tesseract(tmp_path, "exec sleep 30")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(InputError) as caught:
        read_bytes(short_scan, "scan.pdf", Limits(ocr="auto", ocr_page_seconds=0.5))
    assert caught.value.code is ErrorCode.TIMEOUT
    assert "OCR of page 1 took longer than 0.5 s" in caught.value.message


def test_a_failing_engine_is_one_line(
    short_scan: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_tesseract(tmp_path, "echo 'Failed loading language eng' >&2; exit 1")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(InputError) as caught:
        read_bytes(short_scan, "scan.pdf", AUTO)
    assert caught.value.code is ErrorCode.NO_TEXT_LAYER
    assert "OCR of page 1 failed" in caught.value.message
    assert "tesseract-ocr-eng" in caught.value.message and "\n" not in caught.value.message


def test_engine_output_that_is_not_hocr_reads_as_no_text(
    short_scan: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_tesseract(tmp_path, "cat >/dev/null; printf '<html><body>&bogus; <<<'")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(InputError) as caught:
        read_bytes(short_scan, "scan.pdf", AUTO)
    assert caught.value.code is ErrorCode.NO_TEXT_LAYER
    assert "OCR found no text" in caught.value.message


def test_ruled_lines_are_found_and_letters_are_not() -> None:
    dark = np.zeros((300, 400), dtype=bool)
    dark[10, 20:380] = True  # a table's rule, across
    dark[30:290, 200] = True  # and down
    dark[100:140, 50:54] = True  # a letter's stem: 40 pixels
    dark[150, 60:120] = True  # a dash: 60 pixels
    found = ocr._ruled_lines(dark)
    assert found[10, 20:380].all() and found[30:290, 200].all()
    assert int(found.sum()) == 360 + 260  # the two rules and nothing else
    assert not found[100:140, 50:54].any() and not found[150, 60:120].any()


def _page_with_words(
    stroke: int, bold_rows: set[int]
) -> tuple[npt.NDArray[np.uint8], list[list[tuple[str, ocr.Box]]]]:
    """A white page with eight "lines" of vertical strokes; the rows in bold_rows thicker."""
    image = np.full((800, 600), 255, dtype=np.uint8)
    lines: list[list[tuple[str, ocr.Box]]] = []
    for row in range(8):
        top = 40 + row * 90
        width = stroke * 2 if row in bold_rows else stroke
        for x in range(100, 500, 12):
            image[top : top + 40, x : x + width] = 0
        lines.append([("word", (100.0, float(top), 500.0, float(top + 40)))])
    return image, lines


def test_bold_lines_are_the_denser_wider_stroked_ones() -> None:
    image, lines = _page_with_words(3, {2, 5})
    assert ocr._bold_lines(image, lines) == [i in {2, 5} for i in range(8)]
    assert ocr._bold_lines(image, lines[:3]) == [False] * 3


def test_a_dropped_bullet_is_put_back() -> None:
    image = np.full((200, 400), 255, dtype=np.uint8)
    word: tuple[float, float, float, float] = (100.0, 50.0, 200.0, 90.0)  # 40 px high
    assert ocr._dropped_bullet(image, word) is None  # nothing in the margin
    image[64:76, 60:72] = 0  # a filled dot, mid-line, left of the word
    assert ocr._dropped_bullet(image, word) == (60.0, 64.0, 72.0, 76.0)
    image[64:76, 60:72] = 255
    image[50:90, 60:64] = 0  # a letter's full-height stroke is not a bullet
    assert ocr._dropped_bullet(image, word) is None


def test_a_huge_page_is_rendered_within_the_pixel_cap() -> None:
    scale = ocr._scale(14_400, 14_400)  # the largest page a PDF allows, 200 inches square
    assert (14_400 * scale) ** 2 <= ocr.MAX_PIXELS
    assert ocr._scale(612, 792) == pytest.approx(300 / 72)


def _check(args: list[str], folder: Path) -> tuple[int, dict[str, object], str]:
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *args])
    assert "Traceback" not in result.output
    data = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.exit_code, data, result.stderr


@needs_tesseract
def test_cli_ocr_option(short_scan: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scan.pdf").write_bytes(short_scan)

    code, _, stderr = _check(["--isolated", "scan.pdf"], tmp_path)
    assert code == 2 and "error[no-text-layer]" in stderr and "--ocr" in stderr

    checked = CliRunner().invoke(
        main, ["check", "--isolated", "--no-cache", "--ocr", "--show-evidence", "scan.pdf"]
    )
    assert checked.exit_code == 1, checked.output
    assert "note[ocr]" in checked.stdout
    assert "read by OCR)" in checked.stdout and "[check this]" in checked.stdout
    # Nothing was written beside the input, and the input is unchanged.
    assert [p.name for p in tmp_path.iterdir()] == ["scan.pdf"]
    assert (tmp_path / "scan.pdf").read_bytes() == short_scan


@needs_tesseract
def test_report_ocr_option(
    short_scan: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scan.pdf").write_bytes(short_scan)
    common = ["report", "--isolated", "--no-cache", "--format", "csv", "scan.pdf"]
    without = CliRunner().invoke(main, common)
    assert "error[no-text-layer]" in without.stderr
    read = CliRunner().invoke(main, [*common, "--ocr"])
    assert read.exit_code == 0, read.output
    assert "no-text-layer" not in read.stderr
    assert ",covered," in read.stdout  # sub-points covered by the OCR text
    assert [p.name for p in tmp_path.iterdir()] == ["scan.pdf"]


def test_config_ocr_value_is_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "gaplint.toml").write_text('ocr = "yes"\n', encoding="utf-8")
    (tmp_path / "p.md").write_text("# Social media policy\n\nStaff must be civil.\n")
    code, _, stderr = _check(["p.md"], tmp_path)
    assert code == 2 and "key `ocr`" in stderr


def _readme_ocr_section() -> str:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    return readme.split("### Scanned PDFs (OCR)", 1)[1].split("\n### ", 1)[0]


@needs_tesseract
def test_readme_ocr_snippets_run_as_written(
    short_scan: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = _readme_ocr_section()
    commands = [
        shlex.split(line.split("#", 1)[0])[2:]
        for line in section.split("```console\n", 1)[1].split("```", 1)[0].splitlines()
    ]
    assert [command[0] for command in commands] == ["check", "extract", "report"]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scanned-policy.pdf").write_bytes(short_scan)
    checked = CliRunner().invoke(main, [*commands[0], "--no-cache"])
    assert checked.exit_code == 1 and "note[ocr]" in checked.stdout, checked.output
    extracted = CliRunner().invoke(main, commands[1])
    assert extracted.exit_code == 0, extracted.output
    assert "[p1 ocr] [heading h1] [(top)] Social Media Policy" in extracted.stdout
    assert CliRunner().invoke(main, commands[1][:1] + commands[1][2:]).exit_code == 2  # no --ocr
    reported = CliRunner().invoke(main, [*commands[2], "--no-cache"])
    assert reported.exit_code == 0 and "no-text-layer" not in reported.stderr, reported.output
    assert "Social Media Policy" in (tmp_path / "report.html").read_text(encoding="utf-8")

    toml = section.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    code, data, _ = _check(["scanned-policy.pdf"], tmp_path)
    assert code == 1
    assert [n["code"] for n in data["documents"][0]["notices"]] == ["ocr"]  # type: ignore[index]
    code, _, stderr = _check(["--no-ocr", "scanned-policy.pdf"], tmp_path)
    assert code == 2 and "error[no-text-layer]" in stderr
