"""The documents of corpus/, whatever else the folder holds (gold files, tools, generators)."""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DOCUMENT_SUFFIXES = {".md", ".txt", ".html", ".aspx", ".pdf", ".docx"}
NOT_DOCUMENTS = {"README.md", "FIRST-LOOK.md"}


def corpus_documents() -> list[Path]:
    return sorted(
        path
        for path in CORPUS.iterdir()
        if path.is_file() and path.suffix in DOCUMENT_SUFFIXES and path.name not in NOT_DOCUMENTS
    )
