"""Saved results read back, and shards merged: `gaplint report --from A --from B ...`.

A saved `gaplint check --format json` is a whole Report; `--format jsonl` is one document
report a line (what `--shard K/N` runs write). One JSON file is shown exactly as saved.
Several files, or any JSON Lines, are merged: every document in path order (on a spool, so
memory stays flat for the streaming formats), the summary counted again, the tool taken from
the first whole report (else the current rule pack), and a path found in two files refused,
since counting one document twice would be wrong silently.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from gaplint.errors import UserError
from gaplint.report import (
    DocumentFacts,
    DocumentReport,
    Report,
    SummaryTally,
    ToolInfo,
    generated_at,
)
from gaplint.spool import DocumentSpool
from gaplint.user_files import open_user_file, read_user_file

SAVED_SUFFIXES = (".json", ".jsonl")


class SavedResultError(UserError):
    """A --from file that is missing or not a gaplint result; the message names it."""


@dataclass
class Saved:
    header: Report
    """The report without documents (tool, summary, generated_at)."""
    documents: DocumentSpool


def saved_files(paths: Sequence[str | Path]) -> list[Path]:
    """The --from arguments: files as given; a folder means its *.json and *.jsonl files."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in SAVED_SUFFIXES and p.is_file())
            if not found:
                raise SavedResultError(f"{path}: no .json or .jsonl results in this folder")
            files += found
        else:
            files.append(path)
    return files


def _problem(path: Path, what: str, error: ValidationError) -> SavedResultError:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(top level)"
    return SavedResultError(
        f"{path} is not a gaplint {what} ({error.error_count()} problem(s); "
        f"first at {where}: {first['msg']})"
    )


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    try:
        with open_user_file(path) as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    yield number, line
    except OSError as error:
        raise SavedResultError(f"{path}: {error.strerror or error}") from None


def _is_jsonl(path: Path) -> bool:
    if path.suffix == ".jsonl":
        return True
    first = next(_lines(path), None)
    if first is None:
        return False
    try:
        DocumentReport.model_validate_json(first[1])
    except ValidationError:
        return False
    return True


def _documents(path: Path) -> Iterator[DocumentReport]:
    for number, line in _lines(path):
        try:
            yield DocumentReport.model_validate_json(line)
        except ValidationError as error:
            raise _problem(path, f"JSON Lines result (line {number})", error) from None


def _whole(path: Path) -> Report:
    try:
        text = read_user_file(path)
    except OSError as error:
        raise SavedResultError(f"{path}: {error.strerror or error}") from None
    try:
        return Report.model_validate_json(text)
    except ValidationError as error:
        raise _problem(path, "JSON report", error) from None


def load_saved(paths: Sequence[str | Path], current: ToolInfo) -> Saved:
    """The report the --from files make; `current` names the tool when none of them does."""
    files = saved_files(paths)
    spool = DocumentSpool()
    wholes: list[Report] = []
    tally = SummaryTally()
    seen: dict[str, Path] = {}

    def add(doc: DocumentReport, source: Path) -> None:
        if doc.path in seen:
            raise SavedResultError(
                f"{doc.path} is in both {seen[doc.path]} and {source}; merge each shard once"
            )
        seen[doc.path] = source
        spool.add(doc, doc.path)
        tally.add(DocumentFacts.of(doc), doc.path)

    for path in files:
        if _is_jsonl(path):
            for doc in _documents(path):
                add(doc, path)
            continue
        whole = _whole(path)
        if len(files) == 1:  # one saved report is shown exactly as it was saved
            for doc in whole.documents:
                spool.add(doc, "")
            return Saved(whole.model_copy(update={"documents": []}), spool)
        wholes.append(whole)
        for doc in whole.documents:
            add(doc, path)
    summary = tally.summary()
    summary.baseline_closed = sum(whole.summary.baseline_closed for whole in wholes)
    header = Report(
        generated_at=generated_at(),
        tool=wholes[0].tool if wholes else current,
        documents=[],
        summary=summary,
    )
    return Saved(header, spool)
