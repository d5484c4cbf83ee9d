"""Files the user names besides the documents (configuration, baseline, rule files, saved
results, sets files): opened at once or refused, never a hang or an endless read.

A FIFO named as `--baseline` blocked the run for ever, and `/dev/zero` as `--from` read
until memory ran out. Each file is opened non-blocking and checked with fstat on the open
descriptor (so nothing swapped in between can block either); a refusal is an OSError with
`strerror` set, which every caller already turns into its own one-line error.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

# Far above any real configuration, baseline or saved batch, far below a machine's memory.
MAX_USER_FILE_BYTES = 1_000_000_000


def open_user_file(path: Path | str, limit: int = MAX_USER_FILE_BYTES) -> BinaryIO:
    """`path` opened for reading if it is a regular file of at most `limit` bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    info = os.fstat(fd)
    problem = None
    if stat.S_ISDIR(info.st_mode):
        problem = OSError(errno.EISDIR, "is a directory")
    elif not stat.S_ISREG(info.st_mode):
        problem = OSError(errno.EINVAL, "not a regular file (a FIFO or a device)")
    elif info.st_size > limit:
        problem = OSError(errno.EFBIG, f"file is {info.st_size:,} bytes, over {limit:,}")
    if problem is not None:
        os.close(fd)
        raise problem
    return os.fdopen(fd, "rb")


def read_user_file(path: Path | str, limit: int = MAX_USER_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (read no further, should it
    grow), or OSError."""
    with open_user_file(path, limit) as handle:
        return handle.read(limit + 1)[:limit]


def read_user_text(path: Path | str, limit: int = MAX_USER_FILE_BYTES) -> str:
    """read_user_file decoded as UTF-8 (UnicodeDecodeError when it is not)."""
    return read_user_file(path, limit).decode("utf-8")
