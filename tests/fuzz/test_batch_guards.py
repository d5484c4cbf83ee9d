"""The per-document guards, driven through the real CLI in a child process whose check is
made hostile by a marker in the document (raise, sleep, kill the worker, kill the batch)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.helpers import FULL, NO_RECORDS, Project
from tests.fuzz.test_hostile_rules import run_cli

# The real CLI, with Checker.check_bytes wrapped so a marker in a document misbehaves.
# Worker processes are forked, so they inherit the wrapper.
DRIVER = """
import os, signal, sys, time
from gaplint import api
from gaplint.cli import main

real_check = api.Checker.check_bytes

def hostile(self, data, name, selection=None):
    if b"@RAISE@" in data:
        raise RuntimeError("injected\\nsecond line")
    if b"@SLEEP@" in data:
        time.sleep(30)
    if b"@WORKER-DIES@" in data:
        os._exit(9)
    if b"@KILL-BATCH@" in data:
        os.kill(os.getpid(), signal.SIGKILL)
    return real_check(self, data, name, selection)

api.Checker.check_bytes = hostile
sys.exit(main(sys.argv[1:]))
"""


def _drive(root: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return run_cli(root, *args, timeout=timeout, code=DRIVER)


def _documents(result: subprocess.CompletedProcess[str]) -> dict[str, dict[str, object]]:
    return {doc["path"]: doc for doc in json.loads(result.stdout)["documents"]}


def _error_code(doc: dict[str, object]) -> object:
    error = doc["error"]
    return error["code"] if isinstance(error, dict) else None


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_exception_on_one_document_is_one_internal_error(project: Project, jobs: str) -> None:
    project.config()
    project.write("a.md", FULL)
    project.write("b.md", FULL + "\n@RAISE@\n")
    project.write("c.md", NO_RECORDS)
    result = _drive(project.root, "check", "--no-cache", "--jobs", jobs, "--format", "json", ".")
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("b.md: error[internal]: RuntimeError: injected second line")
    docs = _documents(result)
    assert _error_code(docs["b.md"]) == "internal"
    assert docs["a.md"]["judged"] and docs["c.md"]["judged"]  # the rest is still judged


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_slow_document_times_out_and_the_batch_goes_on(project: Project, jobs: str) -> None:
    project.config("[limits]\ntimeout_seconds = 1\n")
    project.write("a.md", FULL)
    project.write("slow.md", FULL + "\n@SLEEP@\n")
    started = time.monotonic()
    result = _drive(project.root, "check", "--jobs", jobs, "--format", "json", ".")
    assert time.monotonic() - started < 25  # not the 30 s the document asks for
    assert result.returncode == 2, result.stderr[-2000:]
    (line,) = result.stderr.splitlines()
    assert line == "slow.md: error[timeout]: took longer than the time limit of 1 s; not judged"
    assert _documents(result)["a.md"]["judged"]


def test_a_worker_that_dies_costs_only_its_document(project: Project) -> None:
    project.config()
    for number in range(4):
        project.write(f"{number}.md", FULL)
    project.write("2.md", FULL + "\n@WORKER-DIES@\n")
    result = _drive(project.root, "check", "--no-cache", "--jobs", "2", "--format", "json", ".")
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("2.md: error[internal]: the worker process checking it died")
    docs = _documents(result)
    assert sorted(docs) == ["0.md", "1.md", "2.md", "3.md"]
    assert all(docs[name]["judged"] for name in ("0.md", "1.md", "3.md"))


def _entries(root: Path) -> list[Path]:
    return list((root / ".gaplint_cache").glob("??/*.json"))


def test_a_killed_batch_keeps_its_finished_work(project: Project) -> None:
    project.config()
    project.write("a.md", FULL)
    project.write("b.md", NO_RECORDS)
    project.write("c.md", FULL + "\n@KILL-BATCH@\n")  # checked last: files go in name order
    killed = _drive(project.root, "check", "a.md", "b.md", "c.md")
    assert killed.returncode == -9
    assert len(_entries(project.root)) == 2  # a.md and b.md were cached before c.md


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX named pipes")
def test_a_fifo_in_place_of_a_cache_entry_does_not_hang(project: Project) -> None:
    project.config()
    project.write("a.md", NO_RECORDS)
    first = _drive(project.root, "check", "--format", "json", "a.md")
    (entry,) = _entries(project.root)
    # The entry and the rendered piece beside it, which a re-run reads first.
    (piece,) = (project.root / ".gaplint_cache").glob("??/*.txt")
    for path in (entry, piece):
        path.unlink()
        os.mkfifo(path)  # no writer: a blocking open would wait for ever
    try:
        again = _drive(project.root, "check", "--format", "json", "a.md", timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("gaplint check blocked on a FIFO in its cache")
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)
    assert entry.is_file()  # rebuilt as a regular file


def test_a_bug_outside_any_document_exits_2_with_one_line(project: Project) -> None:
    project.config()
    project.write("a.md", FULL)
    driver = DRIVER.replace(
        "api.Checker.check_bytes = hostile",
        "import gaplint.reporters\n"
        "def broken(*args, **kwargs):\n"
        "    raise KeyError('injected')\n"
        "gaplint.reporters.assemble = broken",  # writing the text report
    )
    result = subprocess.run(
        [sys.executable, "-c", driver, "check", "--no-cache", "a.md"],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2  # Python's own exit status for a crash would be 1
    assert result.stderr.splitlines() == [
        "gaplint: error[internal]: KeyError: 'injected' (a gaplint bug; please report it)"
    ]


def test_usage_errors_are_still_clicks(project: Project) -> None:
    result = project.run("check", "--jobs", "-3", "a.md")
    assert result.exit_code == 2
    assert "Invalid value for '-j' / '--jobs'" in result.output
