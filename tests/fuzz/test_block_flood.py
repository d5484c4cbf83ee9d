"""A small file that unfolds into millions of blocks (a Markdown table 20,000 columns wide,
half a million empty-ish paragraphs) is refused while it is read: it took 3.9 GB and a
minute for a 4 MB table."""

from __future__ import annotations

import time

import pytest

from gaplint import document
from gaplint.errors import ErrorCode, InputError
from gaplint.readers import read_bytes
from tests.cli.helpers import FULL, Project
from tests.fuzz.test_hostile_rules import run_cli


def wide_table(columns: int, rows: int) -> str:
    line = "|" + "x|" * columns + "\n"
    return "# Policy\n\n" + line + "|" + "-|" * columns + "\n" + line * rows


def paragraphs(count: int) -> str:
    return "<html><body>" + "<p>a</p>" * count + "</body></html>"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("table.md", wide_table(500, 4)),
        ("flood.html", paragraphs(2_500)),
        ("many.txt", "a\n\n" * 2_500),
    ],
)
def test_a_document_past_the_block_limit_is_too_large(
    monkeypatch: pytest.MonkeyPatch, name: str, text: str
) -> None:
    monkeypatch.setattr(document, "MAX_BLOCKS", 2_000)  # the same code, at a test's size
    with pytest.raises(InputError) as raised:
        read_bytes(text.encode(), name)
    assert raised.value.code is ErrorCode.TOO_LARGE
    assert raised.value.line() == (
        f"{name}: error[too-large]: over 2,000 blocks (paragraphs, list items, table cells); "
        "not a policy gaplint can judge"
    )


def test_a_document_at_the_limit_is_still_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "MAX_BLOCKS", 2_000)
    assert len(read_bytes(("a\n\n" * 2_000).encode(), "many.txt").blocks) == 2_000


@pytest.mark.slow
def test_the_real_limit_refuses_a_4_mb_table_quickly_and_the_batch_goes_on(
    project: Project,
) -> None:
    project.config()
    project.write("a.md", FULL)
    project.write("table.md", wide_table(20_000, 100))  # 2 million cells
    started = time.monotonic()
    result = run_cli(project.root, "check", "--no-cache", ".", timeout=120)
    assert time.monotonic() - started < 30  # was 62 s (the time limit)
    assert result.returncode == 2, result.stderr[-2000:]
    (line,) = result.stderr.splitlines()
    assert line.startswith("table.md: error[too-large]: over 100,000 blocks")
    assert "1 could not be read" in result.stdout  # within run_cli's 1.5 GB (was 3.9 GB)
