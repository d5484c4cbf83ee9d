"""Every document of the shared dev set reads without error, and each text-format block points
at the source line it starts on (issue 10). Skipped when the dev set is not beside the repo."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from gaplint.document import DocFormat
from gaplint.readers import read_document

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"
DOCUMENTS = sorted(p for p in DEV.glob("*") if p.suffix != ".json") if DEV.exists() else []
TEXT_FORMATS = {DocFormat.HTML, DocFormat.MARKDOWN, DocFormat.TEXT}

pytestmark = pytest.mark.skipif(not DOCUMENTS, reason=f"dev corpus not found at {DEV}")


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name[:30])
def test_dev_document_reads_without_error_and_blocks_are_located(path: Path) -> None:
    document = read_document(path)
    assert document.word_count > 50
    assert document.warnings == []
    if document.format is DocFormat.PDF:
        assert all(block.page for block in document.blocks)
    if document.format not in TEXT_FORMATS:
        return
    lines = path.read_text(encoding="utf-8").split("\n")
    for block in document.blocks:
        assert block.line is not None, block
        start = block.text.split()[0][:6]
        assert start in html.unescape(lines[block.line - 1]).replace("*", ""), block
