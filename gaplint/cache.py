"""A result cache so unchanged documents are not read, parsed or matched again.

An entry is keyed by everything that can change a DocumentReport: the file's bytes, its
displayed path, the rule pack's content, the selection and limits, and gaplint's version.
Waivers and baselines are applied after the cache, so editing them never invalidates it.

Each entry also records the key it was written for and is trusted only under that key, so
an entry copied, renamed or restored over another is a miss, never another document's result.

Beside an entry, a *rendered* entry keeps the document's piece of one output format (see
gaplint.reporters) with its DocumentFacts: a re-run that changes nothing after the cache
(no waivers, baseline or suppressions) writes the piece as it is, trusted by its key and
format, without parsing, validating or rendering the report again. A cached re-run of
2,000 documents spent 90 % of its time doing that.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from pathlib import Path

from pydantic import BaseModel, ValidationError

from gaplint import __version__
from gaplint.paths import atomic_write
from gaplint.report import DocumentFacts, DocumentReport

CACHE_DIR_NAME = ".gaplint_cache"
MAX_ENTRY_BYTES = 64_000_000
"""An entry larger than this is damage, not a report: it is not read."""


_FACT_FIELDS = DocumentFacts.model_fields.keys()


class Entry(BaseModel):
    key: str
    report: DocumentReport


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_regular_file(path: Path | str, limit: int) -> bytes | None:
    """The bytes of `path` if it is a regular file of at most `limit` bytes, else None.

    Opened non-blocking and checked with fstat on the open descriptor, so a FIFO or device
    put in its place cannot block the run, and a swap between check and open cannot either.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        return handle.read(limit + 1)


class Cache:
    def __init__(self, folder: Path, fingerprint: str) -> None:
        """`fingerprint` covers the rule pack and configuration shared by the whole run."""
        self.folder = folder
        self.fingerprint = hashlib.sha256(f"{__version__}\0{fingerprint}".encode()).hexdigest()

    def key(self, sha256: str, path: str) -> str:
        text = f"{self.fingerprint}\0{sha256}\0{path}"
        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> DocumentReport | None:
        try:
            data = read_regular_file(self._file(key), MAX_ENTRY_BYTES)
            if data is None:
                return None
            entry = Entry.model_validate_json(data)
        except (OSError, ValidationError, ValueError):
            return None  # missing or damaged: rebuild it
        return entry.report if entry.key == key else None

    def _rendered_file(self, key: str, variant: str) -> str:
        # A string, not a Path: read once per document of a cached re-run.
        return os.path.join(self.folder, key[:2], f"{key}.{variant}.txt")

    def get_rendered(self, key: str, variant: str) -> tuple[DocumentFacts, str] | None:
        """The facts and piece kept for this entry key and output variant, if any."""
        try:
            data = read_regular_file(self._rendered_file(key, variant), MAX_ENTRY_BYTES)
            if data is None:
                return None
            head, facts, piece = data.decode("utf-8").split("\n", 2)
            if head != f"{key} {variant}":
                return None  # copied or renamed from another entry
            fields = json.loads(facts)
        except (OSError, ValueError):
            return None
        # Trusted by its key (gaplint wrote it for exactly this entry and format), so not
        # validated field by field: only its shape is checked, so damage is a miss.
        if not isinstance(fields, dict) or fields.keys() != _FACT_FIELDS:
            return None
        return DocumentFacts.model_construct(**fields), piece

    def put_rendered(self, key: str, variant: str, facts: DocumentFacts, piece: str) -> None:
        text = f"{key} {variant}\n{facts.model_dump_json()}\n{piece}"
        with contextlib.suppress(OSError, UnicodeEncodeError):
            prepare_folder(self.folder)
            atomic_write(Path(self._rendered_file(key, variant)), text)

    def put(self, key: str, report: DocumentReport) -> None:
        # A read-only checkout still gets its results, just not cached.
        with contextlib.suppress(OSError):
            prepare_folder(self.folder)
            atomic_write(self._file(key), Entry(key=key, report=report).model_dump_json())


def prepare_folder(folder: Path) -> None:
    """Create the cache folder with a .gitignore, so nobody has to edit theirs."""
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ".gitignore").write_text("*\n", encoding="utf-8")


def fingerprint(*parts: object) -> str:
    return json.dumps(parts, sort_keys=True, default=str)
