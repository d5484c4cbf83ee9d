"""Hostile batches: the per-document guards in run.py, the cache and the worker pool."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.helpers import FULL, NO_RECORDS, Project
from tests.fuzz.test_hostile_rules import CLI, run_cli


def test_self_pointing_symlink_in_a_folder_is_one_error(project: Project) -> None:
    project.config()
    project.write("docs/a.md", FULL)
    (project.root / "docs" / "loop.md").symlink_to("loop.md")
    result = run_cli(project.root, "check", "--no-cache", "docs", timeout=30)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("docs/loop.md: error[symlink-loop]")


@pytest.mark.parametrize("fmt", ["json", "sarif", "text"])
def test_non_utf8_file_name_is_checked(project: Project, fmt: str) -> None:
    project.config()
    folder = project.root / "docs"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9-policy.md")).write_text(FULL, encoding="utf-8")
    cached = run_cli(project.root, "check", "--format", fmt, "docs", timeout=60)
    assert cached.returncode == 0, cached.stderr[-2000:]
    assert "Traceback" not in cached.stderr
    if fmt != "text":
        json.loads(cached.stdout)


def test_fifo_is_refused_quickly(project: Project) -> None:
    project.config()
    os.mkfifo(project.root / "pipe.md")
    started = time.monotonic()
    try:
        result = run_cli(project.root, "check", "--no-cache", "pipe.md", timeout=15)
    except subprocess.TimeoutExpired:
        pytest.fail("gaplint check blocked on a FIFO")
    assert time.monotonic() - started < 10
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("pipe.md: error[")


def _entries(root: Path) -> set[Path]:
    """Report entries of the cache: <2 hex>/<64 hex>.json (the catalog is stored beside)."""
    return {p for p in (root / ".gaplint_cache").glob("??/*.json") if len(p.stem) == 64}


def test_cache_entry_copied_over_another_is_not_trusted(project: Project) -> None:
    project.config()
    project.write("a.md", FULL)
    project.write("b.md", NO_RECORDS)
    assert run_cli(project.root, "check", "a.md").returncode == 0
    before = _entries(project.root)
    assert run_cli(project.root, "check", "b.md").returncode == 1
    (entry_b,) = _entries(project.root) - before
    (entry_a,) = before - {entry_b}
    entry_b.write_bytes(entry_a.read_bytes())
    result = run_cli(project.root, "check", "--format", "json", "b.md")
    (doc,) = json.loads(result.stdout)["documents"]
    assert doc["path"] == "b.md"
    assert result.returncode == 1  # b.md still has its gap


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_killing_the_parent_of_jobs_2_leaves_no_workers(project: Project) -> None:
    project.config()
    for number in range(40):
        project.write(f"docs/{number}.md", FULL * 50)
    parent = subprocess.Popen(
        [sys.executable, "-c", CLI, "check", "--no-cache", "--jobs", "2", "docs"],
        cwd=project.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 30
    while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
        workers = _children(parent.pid)
        time.sleep(0.1)
    assert len(workers) >= 2, "the workers never started"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    time.sleep(3)
    left = {pid for pid in workers if _alive(pid)}
    for pid in left:  # do not leave them behind for the rest of the suite
        os.kill(pid, signal.SIGKILL)
    assert not left


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX named pipes")
def test_a_fifo_or_device_in_a_folder_is_one_line_each_not_silence(project: Project) -> None:
    project.config()
    project.write("docs/a.md", FULL)
    os.mkfifo(project.root / "docs" / "pipe.md")
    (project.root / "docs" / "zero.md").symlink_to(os.devnull)
    (project.root / "docs" / "gone.md").symlink_to("nowhere.md")  # dangling: still skipped
    result = run_cli(project.root, "check", "--no-cache", "docs", timeout=30)
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [
        "docs/pipe.md: error[unsupported-type]: not a regular file",
        "docs/zero.md: error[unsupported-type]: not a regular file",
    ]
    assert "3 documents checked" in result.stdout and "2 could not be read" in result.stdout
