"""Where the user sends output: a symlink, a FIFO or a device is written as a shell
redirection writes it (never replaced by a regular file: as root, `-o /dev/null` used to turn
/dev/null into one), a write that fails is one line, and a closed pipe is no crash."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.cli.helpers import FULL, NO_RECORDS, Project
from tests.fuzz.test_hostile_rules import CLI

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX named pipes")


@contextmanager
def _fifo_reader(path: Path) -> Iterator[list[bytes]]:
    """A FIFO at `path` with a reader thread; yields what it read once the writer closed."""
    os.mkfifo(path)
    received: list[bytes] = []

    def read() -> None:
        with open(path, "rb") as fifo:
            received.append(fifo.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    yield received
    reader.join(timeout=30)
    assert not reader.is_alive(), "nothing ever opened the FIFO for writing"


def _is_fifo(path: Path) -> bool:
    return stat.S_ISFIFO(path.lstat().st_mode)


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_a_fifo_named_as_output_is_written_into_not_replaced(project: Project, option: str) -> None:
    project.config()
    project.write("a.md", NO_RECORDS)
    target = project.root / "out.fifo"
    with _fifo_reader(target) as received:
        result = project.run("check", "--no-cache", "--format", "json", option, "out.fifo", "a.md")
    assert result.exit_code == 1, result.output
    assert _is_fifo(target)
    assert b"TS201" in received[0]


def test_a_drafted_addendum_goes_into_a_fifo(project: Project) -> None:
    project.config()
    project.write("a.md", NO_RECORDS)
    target = project.root / "addendum.fifo"
    with _fifo_reader(target) as received:
        result = project.run("draft", "--no-cache", "--format", "md", "-o", "addendum.fifo", "a.md")
    assert result.exit_code == 0, result.output
    assert _is_fifo(target)
    assert b"Retention" in received[0]


def test_a_symlink_named_as_output_keeps_pointing_at_its_target(project: Project) -> None:
    project.config()
    project.write("a.md", FULL)
    (project.root / "reports").mkdir()
    link = project.root / "latest.txt"
    link.symlink_to("reports/today.txt")
    for _ in range(2):  # once to make the target, once to replace it
        assert project.run("check", "--no-cache", "-o", "latest.txt", "a.md").exit_code == 0
    assert link.is_symlink()
    assert "1 document checked" in (project.root / "reports" / "today.txt").read_text()


def test_an_output_that_cannot_be_written_is_one_line_not_a_bug(project: Project) -> None:
    project.config()
    project.write("a.md", FULL)
    result = project.run("check", "--no-cache", "-o", "a.md/report.txt", "a.md")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line == "gaplint: error: a.md/report.txt: cannot write: Not a directory"


def test_a_reader_that_stops_reading_is_no_crash(project: Project) -> None:
    project.config()
    for number in range(40):
        project.write(f"docs/{number}.md", NO_RECORDS)
    child = subprocess.Popen(
        [sys.executable, "-c", CLI, "check", "--no-cache", "--format", "json", "docs"],
        cwd=project.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.read(10)  # `| head -c 10`
    child.stdout.close()
    errors = child.stderr.read().decode()
    assert child.wait(timeout=120) == 2
    assert errors == ""  # neither a traceback nor "Exception ignored ... BrokenPipeError"
