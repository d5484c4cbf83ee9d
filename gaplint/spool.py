"""Finished document reports kept on a temporary file, so a batch's memory stays flat.

A batch of 10,000 documents held as DocumentReports would take gigabytes (a third of a
megabyte each). Each finished document is written here as one piece of text (its compact
JSON, or its part of the output already rendered); only its offset, length and sort key
stay in memory. The pieces are then read back one at a time, in path order, as often as
needed (SARIF reads the documents twice), and a post-pass over the whole batch can do the
same.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from gaplint.report import DocumentReport


@dataclass(frozen=True, order=True)
class _Place:
    key: str
    """The path the batch sorts by (before --absolute-paths changes what is shown)."""
    seq: int
    """Order of arrival, so equal keys keep it (as a stable sort did)."""
    offset: int
    length: int


class Spool:
    """A re-iterable, sorted collection of text pieces stored on disk."""

    def __init__(self) -> None:
        # Lives as long as the batch's result; unlinked at once, so nothing is left behind.
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="gaplint-spool-")  # noqa: SIM115
        self._places: list[_Place] = []
        self._sorted = True
        self._end = 0

    def add(self, text: str, key: str) -> None:
        data = text.encode("utf-8", "surrogatepass")
        self._file.seek(self._end)
        self._file.write(data)
        place = _Place(key, len(self._places), self._end, len(data))
        if self._places and place < self._places[-1]:
            self._sorted = False
        self._places.append(place)
        self._end += len(data)

    def __len__(self) -> int:
        return len(self._places)

    def raw(self) -> Iterator[bytes]:
        """Each piece's bytes, in path order."""
        if not self._sorted:
            self._places.sort()
            self._sorted = True
        self._file.flush()
        for place in list(self._places):
            self._file.seek(place.offset)
            yield self._file.read(place.length)

    def __iter__(self) -> Iterator[str]:
        for data in self.raw():
            yield data.decode("utf-8", "surrogatepass")


class DocumentSpool:
    """DocumentReports on a Spool, as `model_dump_json` writes them; iterating reads them back."""

    def __init__(self) -> None:
        self.pieces = Spool()

    def add(self, doc: DocumentReport, key: str) -> None:
        self.pieces.add(doc.model_dump_json(), key)

    def __len__(self) -> int:
        return len(self.pieces)

    def __iter__(self) -> Iterator[DocumentReport]:
        for data in self.pieces.raw():
            yield DocumentReport.model_validate_json(data)
