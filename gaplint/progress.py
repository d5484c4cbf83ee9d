"""The batch's progress bar on standard error, with a time estimate once it means something."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

import click

T = TypeVar("T")

ETA_AFTER = 3
"""Documents done before an estimate is shown. The first one includes loading the NLP
pipeline and compiling the rules, so the estimate is timed from it, not from the start:
click's own, from the start, said minutes for a seven-second run."""


def estimate(done: int, total: int, first: float, now: float) -> str | None:
    """Time left at the pace since the first document finished, or None while too early."""
    if done < ETA_AFTER or done >= total:
        return None
    left = (now - first) / (done - 1) * (total - done)
    if left < 90:
        return f"about {max(1, round(left))} s left"
    return f"about {round(left / 60)} min left"


def with_progress(
    items: Iterable[T],
    total: int,
    stream: TextIO,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[T]:
    """Each item as it comes (so the batch can cache it at once), with the bar updated."""
    done = 0
    first: float | None = None
    with click.progressbar(
        length=total,
        label="checking",
        file=stream,
        show_eta=False,
        item_show_func=lambda shown: shown,
    ) as bar:
        for item in items:
            done += 1
            now = clock()
            first = now if first is None else first
            bar.update(1, estimate(done, total, first, now))
            yield item
