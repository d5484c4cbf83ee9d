"""`--shard K/N`: this run checks the K-th of N parts of the discovered documents.

An existing scheduler (a CI matrix, GNU parallel, a batch system) runs the N parts; their
JSON Lines outputs are merged by `gaplint report --from`. The partition is by position in
the sorted file list (file i goes to part i mod N + 1), so it is the same on every machine
that sees the same files, and the parts differ in size by at most one document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

_FORM = re.compile(r"\s*([0-9]{1,6})\s*/\s*([0-9]{1,6})\s*")


@dataclass(frozen=True)
class Shard:
    index: int
    """1-based: the first part is 1/N."""
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """`K/N` with 1 <= K <= N; a ValueError saying what is wrong otherwise."""
        match = _FORM.fullmatch(text)
        if match is None:
            raise ValueError(f"{text!r} is not K/N (for example 1/4)")
        index, count = int(match.group(1)), int(match.group(2))
        if not 1 <= index <= count:
            raise ValueError(f"{text!r}: K must be between 1 and N")
        return cls(index, count)

    def pick(self, items: Sequence[T]) -> list[T]:
        """This part's share of `items` (already in their stable, sorted order)."""
        return list(items[self.index - 1 :: self.count])

    @property
    def first(self) -> bool:
        """Whether this is part 1, which also reports what belongs to no file (bad paths,
        standard input), so that the merged parts report it once."""
        return self.index == 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"
