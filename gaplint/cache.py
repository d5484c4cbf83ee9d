"""A result cache so unchanged documents are not read, parsed or matched again.

An entry is keyed by everything that can change a DocumentReport: the file's bytes, its
displayed path, the rule pack's content, the selection and limits, and gaplint's version.
Waivers and baselines are applied after the cache, so editing them never invalidates it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from pydantic import ValidationError

from gaplint import __version__
from gaplint.paths import atomic_write
from gaplint.report import DocumentReport

CACHE_DIR_NAME = ".gaplint_cache"


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Cache:
    def __init__(self, folder: Path, fingerprint: str) -> None:
        """`fingerprint` covers the rule pack and configuration shared by the whole run."""
        self.folder = folder
        self.fingerprint = hashlib.sha256(f"{__version__}\0{fingerprint}".encode()).hexdigest()

    def key(self, sha256: str, path: str) -> str:
        return hashlib.sha256(f"{self.fingerprint}\0{sha256}\0{path}".encode()).hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> DocumentReport | None:
        try:
            text = self._file(key).read_text(encoding="utf-8")
            return DocumentReport.model_validate_json(text)
        except (OSError, UnicodeDecodeError, ValidationError, ValueError):
            return None  # missing or damaged: rebuild it

    def put(self, key: str, report: DocumentReport) -> None:
        # A read-only checkout still gets its results, just not cached.
        with contextlib.suppress(OSError):
            prepare_folder(self.folder)
            atomic_write(self._file(key), report.model_dump_json())


def prepare_folder(folder: Path) -> None:
    """Create the cache folder with a .gitignore, so nobody has to edit theirs."""
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ".gitignore").write_text("*\n", encoding="utf-8")


def fingerprint(*parts: object) -> str:
    return json.dumps(parts, sort_keys=True, default=str)
