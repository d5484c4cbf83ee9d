"""Paths: how they are shown and keyed (relative to the working folder or the repository
root), and how files are written so that no reader ever sees half of one."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from gaplint.errors import UserError

STDIN = "-"


def inside(path: Path | str, root: Path | str) -> str | None:
    """`path` relative to `root` in POSIX form, or None when it lies outside."""
    absolute = os.path.abspath(path)
    if os.name == "posix":
        # By string, as Path.relative_to decides on POSIX: called several times per file,
        # pathlib was a fifth of a cached 2,000-document re-run.
        base = os.fspath(root)
        if absolute == base:
            return "."
        prefix = base if base.endswith("/") else base + "/"
        return absolute[len(prefix) :] if absolute.startswith(prefix) else None
    try:
        return Path(absolute).relative_to(root).as_posix()
    except ValueError:
        return None


def printable(text: str) -> str:
    """A file name as valid Unicode: the bytes of a non-UTF-8 name (which Python holds as
    lone surrogates, and no UTF-8 writer accepts) are shown escaped, `caf\\xe9.md`."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no file name decodes to
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def relative_to(path: Path | str, root: Path | str) -> str:
    """`path` relative to `root` in POSIX form, or absolute when it lies outside; always
    printable, since it is what reports, cache keys and baselines show."""
    return printable(inside(path, root) or Path(os.path.abspath(path)).as_posix())


def display_path(path: Path) -> str:
    """How a path is shown: relative to the working folder when under it, as ruff does."""
    return relative_to(path, os.getcwd())


def repo_root(start: Path) -> Path:
    """The git work tree containing `start`, or `start` itself outside git."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def repo_relative(shown: str, root: Path) -> str:
    """A report path (relative to the working folder) made relative to the repository root."""
    return shown if shown == STDIN else relative_to(shown, root)


def _umask() -> int:
    # The only portable way to read the umask is to set it and put it back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def atomic_write(path: Path, text: str | Iterable[str]) -> None:
    """Write text as UTF-8 with atomic_write_bytes; `text` may come in pieces (a streamed
    report), written as they come."""
    pieces = [text] if isinstance(text, str) else text
    atomic_write_bytes(path, (piece.encode("utf-8") for piece in pieces))


def atomic_write_bytes(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write via a temporary file and os.replace, so a reader never sees half a file.
    `data` may come in pieces, written as they come.

    mkstemp creates the file 0600; it gets the mode of the file it replaces, or the mode any
    new file would get (0666 less the umask), so a report or baseline is as readable as the
    user's other files.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.writelines([data] if isinstance(data, bytes) else data)
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_named_file(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write a file the user named (`-o`, `--write-baseline`, a drafted addendum) as a shell
    redirection would: through a symlink to its target, and straight into a device or a
    FIFO (`-o /dev/stdout`, `/dev/null`, a pipe), which atomic_write_bytes would replace by
    a regular file (as root, /dev/null itself). Regular files are still written whole."""
    try:
        try:
            special = not stat.S_ISREG(os.stat(path).st_mode)
        except FileNotFoundError:
            special = False  # a new file, or a symlink to one still to be made
        if special:
            with open(path, "wb") as handle:
                handle.writelines([data] if isinstance(data, bytes) else data)
            return
        atomic_write_bytes(Path(os.path.realpath(path)), data)
    except OSError as error:  # a full disk, a read-only folder: the user's to mend, no bug
        raise UserError(f"{path}: cannot write: {error.strerror or error}") from None


def write_named_text(path: Path, text: str | Iterable[str]) -> None:
    """write_named_file for text, as UTF-8."""
    pieces = [text] if isinstance(text, str) else text
    write_named_file(path, (piece.encode("utf-8") for piece in pieces))
