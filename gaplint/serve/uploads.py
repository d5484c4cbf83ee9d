"""Uploads: written into a private folder made for one request and removed after it, under
names the server chooses. The client's file name is only shown (and used as the type hint,
as the CLI uses a file's name); it never reaches the filesystem."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path, PurePath
from types import TracebackType
from typing import IO

from gaplint.paths import printable

NAME_CHARS = 120
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class UploadFolder:
    """`mkdtemp` (mode 0700) for one request; every upload in it is created 0600."""

    def __init__(self) -> None:
        self.path = Path(tempfile.mkdtemp(prefix="gaplint-serve-"))
        self._files: list[IO[bytes]] = []

    def new_file(self) -> IO[bytes]:
        target = self.path / f"upload-{len(self._files)}"
        fd = os.open(target, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        handle = os.fdopen(fd, "w+b")
        self._files.append(handle)
        return handle

    def __enter__(self) -> UploadFolder:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for handle in self._files:
            handle.close()
        shutil.rmtree(self.path, ignore_errors=True)


def shown_name(client_name: str | None, index: int) -> str:
    """The name a report shows for an upload: the last part of what the browser sent
    (either slash), printable, without control characters, at most NAME_CHARS long."""
    last = re.split(r"[\\/]", client_name or "")[-1]
    name = _CONTROL.sub("", printable(last)).strip()
    if len(name) > NAME_CHARS:  # keep the extension: it is the type hint
        suffix = PurePath(name).suffix[:16]
        name = name[: NAME_CHARS - len(suffix) - 1] + "…" + suffix
    return name if name not in ("", ".", "..") else f"upload-{index + 1}"


def unique_names(names: list[str]) -> list[str]:
    """`policy.pdf`, `policy (2).pdf`: a report keys documents by name."""
    seen: set[str] = set()
    result = []
    for name in names:
        candidate, number = name, 1
        while candidate in seen:
            number += 1
            path = PurePath(name)
            candidate = f"{path.stem} ({number}){path.suffix}"
        seen.add(candidate)
        result.append(candidate)
    return result
