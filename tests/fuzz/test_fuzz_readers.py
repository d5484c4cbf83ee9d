"""Fuzzing the readers with mutated real files.

In-process (fast): `read_bytes` on every case must return a Document or raise InputError,
nothing else, within a time bound; a document that reads is then judged. Through the real
CLI (fewer cases): exit 0, 1 or 2, at most one stderr line per file, no traceback, under a
memory cap, the input file unchanged.

GAPLINT_FUZZ_CASES sets the in-process cases per reader (default 250); one CLI batch runs a
fortieth of that per reader (at least 6). About 40 s in all on a 2-core machine. A failure
names its case, which `tests.fuzz.mutate.case(kind, number)` rebuilds byte for byte.
"""

from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
import time
import traceback
from pathlib import Path

import pytest

from gaplint.api import Checker
from gaplint.errors import InputError
from gaplint.guard import DocumentTimeout, time_limit
from gaplint.readers import read_bytes
from tests.fuzz.mutate import KINDS, Case, case
from tests.fuzz.test_hostile_rules import MEMORY_LIMIT, _limit_memory

CASES = int(os.environ.get("GAPLINT_FUZZ_CASES", "250"))
CLI_CASES = max(6, CASES // 40)
CASE_SECONDS = 30.0  # per case, reading and judging: alone the slowest takes 1.7 s


def _failure(item: Case, problem: str) -> str:
    return f"case({item.kind!r}, {item.number}) {'+'.join(item.mutations)}: {problem}"


def _check_in_process(item: Case, checker: Checker) -> str | None:
    """None when the case behaved; else what went wrong, in one line."""
    data = item.data
    digest = hashlib.sha256(data).digest()
    started = time.monotonic()
    try:
        with time_limit(CASE_SECONDS):
            try:
                document = read_bytes(data, item.name)
            except InputError as error:
                if "\n" in error.message or not error.message:
                    return _failure(item, f"error message is not one line: {error.message!r}")
                return None
            checker.check_document(document)
    except DocumentTimeout:
        return _failure(item, f"took over {CASE_SECONDS} s")
    except Exception as error:
        frames = traceback.extract_tb(error.__traceback__)
        where = frames[-1]
        return _failure(item, f"{type(error).__name__} at {where.filename}:{where.lineno}: {error}")
    if hashlib.sha256(data).digest() != digest:
        return _failure(item, "input bytes changed")
    if time.monotonic() - started > CASE_SECONDS:
        return _failure(item, "took too long")
    return None


def _peak_memory() -> int:
    """The process's peak resident memory so far, in KiB (Linux's unit for ru_maxrss)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.mark.parametrize("kind", KINDS)
def test_readers_survive_mutated_files(kind: str, checker: Checker) -> None:
    peak_before = _peak_memory()
    failures = [f for n in range(CASES) if (f := _check_in_process(case(kind, n), checker))]
    assert not failures, f"{len(failures)} of {CASES} {kind} cases failed:\n" + "\n".join(
        failures[:30]
    )
    # How far these cases raised the test process's peak memory (earlier tests set the peak
    # before); a case that needed a gigabyte would show here.
    grown = (_peak_memory() - peak_before) * 1024
    assert grown < MEMORY_LIMIT // 2, f"peak memory grew by {grown:,} bytes"


def _run_cli(folder: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    code = "import sys; from gaplint.cli import main; sys.exit(main())"
    return subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "check",
            "--no-cache",
            "--format",
            "concise",
            *(str(f) for f in files),
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=30 + 5 * len(files),
        preexec_fn=_limit_memory,
        env={**os.environ, "NO_COLOR": "1"},
    )


def test_cli_survives_mutated_files(tmp_path: Path) -> None:
    # Numbers past the in-process ones: different cases, all readers in one batch.
    items = [case(kind, CASES + n) for kind in KINDS for n in range(CLI_CASES)]
    files = []
    for item in items:
        path = tmp_path / item.name
        path.write_bytes(item.data)
        files.append(path)
    before = {path: (path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).digest())
              for path in files}  # fmt: skip
    result = _run_cli(tmp_path, files)
    assert result.returncode in (0, 1, 2), result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    lines = result.stderr.splitlines()
    assert len(lines) <= len(files), lines
    for item in items:
        assert sum(1 for line in lines if line.startswith(str(tmp_path / item.name) + ":")) <= 1
    for path, (mtime, digest) in before.items():
        assert path.stat().st_mtime_ns == mtime
        assert hashlib.sha256(path.read_bytes()).digest() == digest
