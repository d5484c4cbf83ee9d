"""Checked reports kept in memory under an unguessable token, for the result page and its
downloads: they expire, and the store is capped by size and count (the oldest go first).
Downloads are rendered from here, never read from a path a client names."""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from gaplint.report import Report
from gaplint.reporters import RenderContext

TOKEN_BYTES = 18
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


class ResultTooLarge(Exception):
    """One report bigger than the whole store."""


@dataclass(frozen=True)
class StoredResult:
    report: Report
    context: RenderContext
    size: int
    stored_at: float


class ResultStore:
    def __init__(
        self,
        seconds: float,
        max_bytes: int,
        max_count: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.seconds = seconds
        self.max_bytes = max_bytes
        self.max_count = max_count
        self._clock = clock
        self._lock = threading.Lock()
        self._results: OrderedDict[str, StoredResult] = OrderedDict()

    def put(self, report: Report, context: RenderContext) -> str:
        size = len(report.model_dump_json())
        if size > self.max_bytes:
            raise ResultTooLarge(f"the report is {size:,} bytes, over {self.max_bytes:,}")
        token = secrets.token_urlsafe(TOKEN_BYTES)
        with self._lock:
            self._expire()
            while self._results and (
                len(self._results) >= self.max_count or self.used + size > self.max_bytes
            ):
                self._results.popitem(last=False)
            self._results[token] = StoredResult(report, context, size, self._clock())
        return token

    def get(self, token: str) -> StoredResult | None:
        if not (0 < len(token) <= 64 and set(token) <= _TOKEN_CHARS):
            return None
        with self._lock:
            self._expire()
            return self._results.get(token)

    @property
    def used(self) -> int:
        return sum(result.size for result in self._results.values())

    def __len__(self) -> int:
        with self._lock:
            self._expire()
            return len(self._results)

    def _expire(self) -> None:
        now = self._clock()
        while self._results:
            oldest = next(iter(self._results.values()))
            if now - oldest.stored_at < self.seconds:
                break
            self._results.popitem(last=False)
