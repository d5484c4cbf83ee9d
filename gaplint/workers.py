"""Worker processes for `--jobs N`: results as each finishes, workers that die with their
parent, and a batch that survives a worker dying.

A killed parent must not leave workers behind (they would go on loading spaCy and eating
the CPU): on Linux each worker asks the kernel for SIGKILL when its parent goes
(prctl PR_SET_PDEATHSIG), and everywhere a watchdog thread exits when the parent changes.

A worker that dies (a crash in C code, the OOM killer) breaks the whole pool. The documents
that had finished are kept; the rest are run again one at a time until the one that breaks
a worker is found, which gets `error[internal]`, and the others go on in parallel again.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.context
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

PR_SET_PDEATHSIG = 1
WATCHDOG_SECONDS = 1.0


def _watch_parent(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(1)
        time.sleep(WATCHDOG_SECONDS)


def die_with_parent(parent: int) -> None:
    """Worker initializer: end this process when `parent` ends."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watchdog below still ends us, a little later
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _context() -> multiprocessing.context.BaseContext | None:
    """fork on Linux, pinned (Python 3.14 defaults to forkserver): a worker's parent is then
    gaplint itself, which die_with_parent relies on, and workers start without re-importing."""
    return multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None


def _round(
    function: Callable[[T], R], items: Sequence[T], pending: list[int], workers: int
) -> Iterator[tuple[int, R | None]]:
    """Run `pending` (indices into `items`) in one pool; yields (index, result) as each
    finishes, and (index, None) for those lost when the pool broke."""
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_context(),
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        futures: dict[Future[R], int] = {pool.submit(function, items[i]): i for i in pending}
        for future in as_completed(futures):
            # Dropped as it is handed on, so finished results do not pile up until the end.
            index = futures.pop(future)
            try:
                yield index, future.result()
            except BrokenProcessPool:
                yield index, None


def parallel_map(
    function: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    on_death: Callable[[T], R],
) -> Iterator[tuple[int, R]]:
    """(index, function(item)) in the order they finish; `on_death(item)` for an item whose
    worker died while checking it."""
    pending = list(range(len(items)))
    isolating = False
    while pending:
        size = 1 if isolating else min(workers, len(pending))
        lost: list[int] = []
        for index, result in _round(function, items, pending, size):
            if result is None:
                lost.append(index)
            else:
                yield index, result
        if not lost:
            return
        pending = sorted(lost)
        if size == 1:
            # One worker runs its queue in order: the first one lost is the one that killed it.
            culprit = pending.pop(0)
            yield culprit, on_death(items[culprit])
            isolating = False
        else:
            isolating = True
