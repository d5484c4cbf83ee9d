"""The server's parts on their own: the result store, the check slots, upload names, and
the batch's time limit when it runs outside the main thread (as a server's requests do)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from gaplint.report import Report, ToolInfo, summarize
from gaplint.reporters import RenderContext
from gaplint.rules import RulePack
from gaplint.run import NamedInput, RunOptions, RunResult, execute
from gaplint.serve.checking import Busy, Slots
from gaplint.serve.results import ResultStore, ResultTooLarge
from gaplint.serve.uploads import UploadFolder, shown_name, unique_names

from .documents import NOTES


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _report(padding: int = 0) -> Report:
    return Report(tool=ToolInfo(version="x" * padding), documents=[], summary=summarize([]))


CONTEXT = RenderContext(pack=RulePack(elements=[]), root=Path("."))


def test_results_expire() -> None:
    clock = Clock()
    store = ResultStore(seconds=60, max_bytes=10_000_000, max_count=10, clock=clock)
    token = store.put(_report(), CONTEXT)
    assert store.get(token) is not None
    clock.now += 59
    assert store.get(token) is not None
    clock.now += 2
    assert store.get(token) is None and len(store) == 0


def test_results_are_capped_by_count_and_by_size_oldest_first() -> None:
    store = ResultStore(seconds=60, max_bytes=10_000_000, max_count=2)
    first, second, third = (store.put(_report(), CONTEXT) for _ in range(3))
    assert store.get(first) is None and store.get(second) and store.get(third)
    size = len(_report(4000).model_dump_json())
    by_size = ResultStore(seconds=60, max_bytes=int(size * 2.5), max_count=100)
    tokens = [by_size.put(_report(4000), CONTEXT) for _ in range(3)]
    assert [by_size.get(t) is not None for t in tokens] == [False, True, True]
    assert by_size.used <= by_size.max_bytes
    with pytest.raises(ResultTooLarge):
        by_size.put(_report(size * 3), CONTEXT)


def test_tokens_are_random_and_other_strings_find_nothing() -> None:
    store = ResultStore(seconds=60, max_bytes=10_000_000, max_count=10)
    tokens = {store.put(_report(), CONTEXT) for _ in range(5)}
    assert len(tokens) == 5 and all(len(t) >= 24 for t in tokens)
    for probe in ("", "../x", "a" * 65, "ä", next(iter(tokens)) + "/"):
        assert store.get(probe) is None


def test_a_check_waits_for_a_slot_then_is_busy() -> None:
    slots = Slots(1, seconds=0.05)
    with slots, pytest.raises(Busy), slots:
        pass  # pragma: no cover - the second slot is never granted
    with slots:  # released again
        pass


def test_names_shown_for_uploads() -> None:
    assert shown_name("../../etc/passwd", 0) == "passwd"
    assert shown_name("C:\\Users\\a\\policy.docx", 0) == "policy.docx"
    assert shown_name("bad\x1b[31mred\x00.md", 0) == "bad[31mred.md"
    assert shown_name("..", 2) == "upload-3" and shown_name(None, 0) == "upload-1"
    long = shown_name("a" * 500 + ".pdf", 0)
    assert len(long) == 120 and long.endswith("….pdf")
    names = unique_names(["a.md", "a.md", "b.md", "a.md"])
    assert names == ["a.md", "a (2).md", "b.md", "a (3).md"]


def test_the_upload_folder_is_private_and_removed() -> None:
    with UploadFolder() as folder:
        handle = folder.new_file()
        handle.write(b"x")
        assert folder.path.stat().st_mode & 0o777 == 0o700
        assert (folder.path / "upload-0").stat().st_mode & 0o777 == 0o600
    assert not folder.path.exists()


def test_the_time_limit_holds_when_the_batch_runs_outside_the_main_thread(
    tmp_path: Path,
) -> None:
    # Before: SIGALRM reaches only the main thread, so a server's check had no limit at all.
    config = tmp_path / "gaplint.toml"
    config.write_text("[limits]\ntimeout_seconds = 0.001\n", encoding="utf-8")
    slow = NamedInput("slow.txt", (NOTES * 400).encode("utf-8"))
    results: list[RunResult] = []

    def run() -> None:
        options = RunOptions(paths=(), config=config, use_cache=False, inputs=(slow,))
        results.append(execute(options))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=300)
    [doc] = results[0].report.documents
    assert doc.path == "slow.txt"
    assert doc.error is not None and doc.error.code == "timeout", doc
